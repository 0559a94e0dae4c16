// The first minute: a newcomer is oriented, sees the demo in one click, and is asked
// before the demo would replace records they already have.
import { test, expect, expectAccessible, ready } from './fixtures.mjs';

test('a first visit is oriented, the demo is one click away, and replacing data asks first', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const welcome = page.getByRole('region', { name: 'Welcome to Pipewise' });
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('link', { name: 'Reports' })).toBeVisible();
  await welcome.getByRole('button', { name: 'Explore with demo data' }).click();
  await expect(page.getByRole('region', { name: 'Pipeline board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lead', exact: true })).toBeVisible();
  // The guide stays until dismissed, now pointing at the diagnosis instead of the demo.
  await expect(welcome.getByRole('button', { name: 'Explore with demo data' })).toHaveCount(0);
  await welcome.getByRole('link', { name: 'See the diagnosis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your data with the demo?' });
  await expect(ask).toBeVisible();
  await expectAccessible(page, 'replace-with-demo dialog');
  await ask.getByRole('button', { name: 'Keep my data' }).click();
  await expect(ask).toBeHidden();

  // Only an explicit "Replace with demo" goes ahead.
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await ask.getByRole('button', { name: 'Replace with demo' }).click();
  await expect(ask).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page.getByRole('region', { name: 'Pipeline board' })).toBeVisible();
});
