// Data survives a reload, and two open tabs see each other's changes without a reload.
import { test, expect, ready } from './fixtures.mjs';

test('demo data loaded in one tab appears in the other and survives a reload', async ({ page, context }) => {
  await page.goto('./');
  await ready(page);
  const other = await context.newPage();
  const otherProblems = [];
  other.on('console', (m) => { if (m.type() === 'error') otherProblems.push(m.text()); });
  other.on('pageerror', (e) => otherProblems.push(e.message));
  await other.goto('./');
  await ready(other);
  await expect(other.getByRole('heading', { name: 'No deals yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Load demo data' }).first().click();
  await expect(page.getByRole('heading', { name: 'No deals yet' })).toHaveCount(0);
  // The other tab follows through the storage event, no reload.
  await expect(other.getByRole('heading', { name: 'No deals yet' })).toHaveCount(0);

  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { name: 'No deals yet' })).toHaveCount(0);
  expect(otherProblems).toEqual([]);
});
