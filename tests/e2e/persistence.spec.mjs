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

test('two tabs on the same deal: each sees the other move it, and both moves are kept', async ({ page, context }) => {
  const { BoardPage, DealPage, daysAgo } = await import('./pages/board.mjs');
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'Shared deal', contact: 'Two Tabs', started: daysAgo(10) });
  await board.submitDeal();
  await page.getByRole('link', { name: 'Shared deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared deal' })).toBeVisible();

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { level: 1, name: 'Shared deal' })).toBeVisible();
  const here = new DealPage(page);
  const there = new DealPage(other);
  const moveOn = async (tab, deal, to, on) => {
    await tab.getByRole('button', { name: 'Move to…', exact: true }).click();
    await expect(deal.dialog).toBeVisible();
    await deal.dialog.getByLabel('Move to').selectOption({ label: to });
    await deal.dialog.getByLabel('Date of the change').fill(on);
    await deal.dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(deal.dialog).toBeHidden();
  };

  await moveOn(page, here, 'Prospect', daysAgo(5));
  await expect(there.row('Prospect')).toBeVisible(); // no reload in the other tab
  await moveOn(other, there, 'Meeting', daysAgo(2));
  await expect(here.row('Meeting')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared deal' })).toBeVisible();
  expect((await here.historyRows()).map((r) => r[0])).toEqual(['Lead', 'Prospect', 'Meeting']);
});
