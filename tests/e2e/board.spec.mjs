// The pipeline board as a rep uses it: adding deals, moving them by keyboard and by
// drag and drop, filtering (bookmarkable), and the demo pipeline's look.
import { test, expect, expectAccessible, shoot } from './fixtures.mjs';
import { BoardPage, daysAgo } from './pages/board.mjs';

test('a new deal for a new contact lands in its first step; future dates are refused', async ({ page }) => {
  const board = new BoardPage(page);
  await board.open();
  await expect(page.getByRole('heading', { name: 'No deals yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
  await board.addDeal({ title: 'Fleet tablets', contact: 'Rosa Diaz', value: '8400', step: 'Prospect', started: daysAgo(3) });
  await expect(board.dialog.getByText('A new contact “Rosa Diaz” will be created')).toBeVisible();
  await expectAccessible(page, 'new deal form');
  await board.submitDeal();
  await expect(board.count('Prospect')).toHaveText('1 deal');
  await expect(board.card('Fleet tablets')).toContainText('Rosa Diaz');
  await expect(board.card('Fleet tablets')).toContainText('$8,400');
  await expect(board.card('Fleet tablets')).toContainText('3 days');
  await expect(board.column('Prospect')).toContainText('$8,400');

  // A second deal for the same person picks the existing contact.
  await board.addDeal({ title: 'Spare chargers', contact: 'rosa diaz' });
  await expect(board.dialog.getByText('Existing contact')).toBeVisible();
  await board.submitDeal();
  await expect(board.count('Lead')).toHaveText('1 deal');

  await board.moveButton('Fleet tablets').click();
  await board.fillMove('Meeting', daysAgo(-2));
  await board.dialog.getByRole('button', { name: 'Move' }).click();
  await expect(board.dialog.getByText(/is in the future/)).toBeVisible();
  await expectAccessible(page, 'move dialog with an error');
  await board.dialog.getByLabel('Date of the change').fill(daysAgo(5));
  await board.dialog.getByRole('button', { name: 'Move' }).click();
  await expect(board.dialog.getByText(/is before the previous change/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(board.dialog).toBeHidden();
  await expect(board.count('Prospect')).toHaveText('1 deal');
});

test('keyboard only: Tab to Move to…, Enter, type the date, Enter', async ({ page }) => {
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'Keyboard deal', contact: 'Kim Lee', started: daysAgo(20) });
  await board.submitDeal();
  const button = board.moveButton('Keyboard deal');
  await page.getByRole('link', { name: 'Keyboard deal' }).focus();
  for (let i = 0; i < 5 && !(await button.evaluate((b) => b === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.dialog.getByLabel('Move to')).toBeFocused();
  await expect(board.dialog.getByLabel('Move to')).toHaveValue(/^s2$/); // next step: Prospect
  await page.keyboard.press('Tab');
  await expect(board.dialog.getByLabel('Date of the change')).toBeFocused();
  const [y, m, d] = daysAgo(7).split('-');
  await page.keyboard.type(`${m}${d}${y}`);
  await expect(board.dialog.getByLabel('Date of the change')).toHaveValue(daysAgo(7));
  await page.keyboard.press('Enter');
  await expect(board.dialog).toBeHidden();
  await expect(board.count('Prospect')).toHaveText('1 deal');
  await expect(board.card('Keyboard deal')).toContainText('7 days');
  // The focus follows the card to its new column.
  await expect(board.moveButton('Keyboard deal')).toBeFocused();
});

test('drag a card to another column, then confirm the date', async ({ page }) => {
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'Dragged deal', contact: 'Omar Haddad', value: '1500', started: daysAgo(9) });
  await board.submitDeal();
  await board.card('Dragged deal').dragTo(board.column('Needs analysis'));
  await expect(board.dialog).toBeVisible();
  await expect(board.dialog.getByLabel('Move to')).toHaveValue('s4');
  await board.dialog.getByLabel('Date of the change').fill(daysAgo(2));
  await board.dialog.getByLabel('Note (optional)').fill('Skipped the intro call');
  await board.dialog.getByRole('button', { name: 'Move' }).click();
  await expect(board.count('Needs analysis')).toHaveText('1 deal');
  await expect(board.count('Lead')).toHaveText('0 deals');
  // Dropped on Lost: the reason is required.
  await board.card('Dragged deal').dragTo(board.column('Lost'));
  await board.dialog.getByRole('button', { name: 'Mark lost' }).click();
  await expect(board.dialog.getByText('Loss reason is required')).toBeVisible();
  await board.dialog.getByLabel('Loss reason').fill('Went with a competitor');
  await board.dialog.getByRole('button', { name: 'Mark lost' }).click();
  await expect(board.count('Lost')).toHaveText('1 deal');
  await board.column('Lost').getByRole('button', { name: /Show/ }).click();
  await expect(board.card('Dragged deal')).toBeVisible();
});

test('a title with markup shows as text', async ({ page }) => {
  let alerted = false;
  page.on('dialog', (d) => { alerted = true; d.dismiss(); });
  const board = new BoardPage(page);
  await board.open();
  const title = '<img src=x onerror=alert(1)>';
  await board.addDeal({ title, contact: '<b>Bold</b> Person' });
  await board.submitDeal();
  await expect(board.card(title)).toBeVisible();
  await expect(board.card(title)).toContainText('<b>Bold</b> Person');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(alerted).toBe(false);
});

test('filters live in the URL and survive a reload; demo board looks right', async ({ page }) => {
  const board = new BoardPage(page);
  await board.open();
  await board.loadDemo();
  await expect(board.column('Proposal')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'open deals' })).toBeVisible();
  await expect(board.board().getByText('Stuck').first()).toBeVisible();
  await expectAccessible(page, 'board with demo data');
  await shoot(page, 'board-demo');

  await page.getByLabel('Owner').selectOption('Ana Ruiz');
  await expect(page).toHaveURL(/[?&]owner=Ana(\+|%20)Ruiz/);
  await page.getByLabel('Search').fill('a');
  await expect(page).toHaveURL(/[?&]q=a/);
  await page.reload();
  await expect(page.getByLabel('Owner')).toHaveValue('Ana Ruiz');
  await expect(page.getByLabel('Search')).toHaveValue('a');
  const cards = await board.board().getByRole('listitem').allInnerTexts();
  expect(cards.length).toBeGreaterThan(0);
  expect(cards.filter((text) => !text.includes('Ana Ruiz'))).toEqual([]);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/owner=/);

  const first = board.column('Proposal').getByRole('button', { name: /^Move to…/ }).first();
  await first.click();
  await expect(board.dialog).toBeVisible();
  await expectAccessible(page, 'move dialog');
  await shoot(page, 'board-move-dialog');
});
