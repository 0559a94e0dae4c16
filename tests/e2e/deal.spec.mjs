// A deal's life as a rep logs it: created from the board, moved through three steps
// with back-dated dates, checked on its page, a date fixed, won, and still all there
// after a reload. Plus the deal page's look with demo data, and deleting a deal.
import { test, expect, expectAccessible, shoot, shown } from './fixtures.mjs';
import { BoardPage, DealPage, daysAgo } from './pages/board.mjs';

test('journey: create, move through three steps back-dated, fix a date, win, reload', async ({ page }) => {
  const board = new BoardPage(page);
  const deal = new DealPage(page);
  await board.open();
  await board.addDeal({ title: 'Acme rollout', contact: 'Dana Scully', value: '12000', source: 'Referral', started: daysAgo(30) });
  await board.submitDeal();
  await expect(board.count('Lead')).toHaveText('1 deal');

  await board.move('Acme rollout', 'Prospect', daysAgo(20), 'Replied to the first mail');
  await expect(board.count('Prospect')).toHaveText('1 deal');
  await board.move('Acme rollout', 'Meeting', daysAgo(12));
  await board.move('Acme rollout', 'Proposal', daysAgo(5));
  for (const [step, n] of [['Lead', '0 deals'], ['Prospect', '0 deals'], ['Meeting', '0 deals'], ['Proposal', '1 deal']]) {
    await expect(board.count(step)).toHaveText(n);
  }
  await expect(board.column('Proposal')).toContainText('$12,000');
  await expect(board.card('Acme rollout')).toContainText('5 days');

  await page.getByRole('link', { name: 'Acme rollout' }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f]{32}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme rollout' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dana Scully' })).toHaveAttribute('href', /\/contacts\/[0-9a-f]{32}$/);
  await expect(page.getByRole('img', { name: /Stage timeline: 4 stage changes/ })).toBeVisible();
  expect(await deal.historyRows()).toEqual([
    ['Lead', shown(daysAgo(30)), '10 days', ''],
    ['Prospect', shown(daysAgo(20)), '8 days', 'Replied to the first mail'],
    ['Meeting', shown(daysAgo(12)), '7 days', ''],
    ['Proposal', shown(daysAgo(5)), '5 days so far', ''],
  ]);

  // A date after the next change is refused, in the dialog.
  await deal.changeDate('Meeting', daysAgo(3));
  await expect(deal.dialog.getByText(/is after the next change/)).toBeVisible();
  await expectAccessible(page, 'change date dialog with an error');
  await deal.dialog.getByLabel('Entered on').fill(daysAgo(14));
  await deal.dialog.getByRole('button', { name: 'Save date' }).click();
  await expect(deal.dialog).toBeHidden();
  await expect(deal.row('Prospect')).toContainText('6 days');
  await expect(deal.row('Meeting')).toContainText('9 days');

  await page.getByRole('button', { name: 'Win' }).click();
  await expect(deal.dialog.getByLabel('Move to')).toHaveValue('won');
  await deal.dialog.getByLabel('Date of the change').fill(daysAgo(1));
  await deal.dialog.getByRole('button', { name: 'Mark won' }).click();
  await expect(deal.dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(deal.row('Proposal')).toContainText('4 days');
  await expect(deal.row('Won')).toContainText(shown(daysAgo(1)));

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme rollout' })).toBeVisible();
  expect(await deal.historyRows()).toEqual([
    ['Lead', shown(daysAgo(30)), '10 days', ''],
    ['Prospect', shown(daysAgo(20)), '6 days', 'Replied to the first mail'],
    ['Meeting', shown(daysAgo(14)), '9 days', ''],
    ['Proposal', shown(daysAgo(5)), '4 days', ''],
    ['Won', shown(daysAgo(1)), '—', ''],
  ]);
  await expectAccessible(page, 'won deal page');
  await page.getByRole('link', { name: '← Pipeline' }).click();
  await expect(board.count('Won')).toHaveText('1 deal');
  await expect(board.count('Proposal')).toHaveText('0 deals');
});

test('deal page with demo data: timeline, back-moves, tasks, edit and delete', async ({ page }) => {
  const board = new BoardPage(page);
  const deal = new DealPage(page);
  await board.open();
  await board.loadDemo();
  await board.column('Proposal').getByRole('listitem').first().getByRole('link').click();
  await expect(page.getByRole('table', { name: 'Stage history' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await expectAccessible(page, 'deal page');
  await shoot(page, 'deal-demo');

  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(deal.dialog.getByLabel('Title')).toBeFocused();
  await expectAccessible(page, 'edit deal dialog');
  await deal.dialog.getByLabel('Title').fill('');
  await deal.dialog.getByRole('button', { name: 'Save deal' }).click();
  await expect(deal.dialog.getByText('Title is required')).toBeVisible();
  await deal.dialog.getByLabel('Title').fill('Renamed deal');
  await deal.dialog.getByLabel('Value').fill('4321');
  await deal.dialog.getByRole('button', { name: 'Save deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed deal' })).toBeVisible();
  await expect(page.getByText('$4,321')).toBeVisible();

  await page.getByRole('button', { name: 'Lose' }).click();
  await deal.dialog.getByLabel('Loss reason').fill('Budget frozen');
  await deal.dialog.getByRole('button', { name: 'Mark lost' }).click();
  await expect(deal.row('Lost')).toContainText('Budget frozen');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(deal.dialog.getByLabel('Reopen at')).toBeVisible();
  await deal.dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('button', { name: 'Win' })).toBeVisible();
  await deal.row('Lost').getByRole('button', { name: /^Remove/ }).click();
  await deal.dialog.getByRole('button', { name: 'Remove change' }).click();
  await expect(deal.dialog.getByText(/twice in a row/)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(deal.dialog).toContainText(/kept with the contact|no tasks/);
  await expectAccessible(page, 'delete dialog');
  await deal.dialog.getByRole('button', { name: 'Delete deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await expect(board.card('Renamed deal')).toHaveCount(0);
});

test('a deal with a move back shows it in the chart and the table', async ({ page }) => {
  const board = new BoardPage(page);
  const deal = new DealPage(page);
  await board.open();
  await board.addDeal({ title: 'Back and forth', contact: 'Ivy Chen', started: daysAgo(40), step: 'Needs analysis' });
  await board.submitDeal();
  await board.move('Back and forth', 'Proposal', daysAgo(25));
  await board.move('Back and forth', 'Needs analysis', daysAgo(10), 'Scope changed');
  await page.getByRole('link', { name: 'Back and forth' }).click();
  await expect(deal.history.getByRole('rowheader', { name: /moved back/ })).toHaveCount(1);
  await expect(page.getByRole('img', { name: /Stage timeline/ })).toContainText('moved back');
  await shoot(page, 'deal-back-move');
  await page.goto('./deals/00000000000000000000000000000000');
  await expect(page.getByRole('heading', { name: 'Deal not found' })).toBeVisible();
});
