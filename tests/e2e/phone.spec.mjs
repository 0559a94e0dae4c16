// A rep's day on a phone (390 × 844, touch): the main journeys again — load the demo,
// move a deal, open it and its timeline, add a task from the calendar and tick it off,
// read the diagnosis, import a CSV — each page checked for sideways scroll at 360, 390
// and 414 px, for 44 px tap targets and with axe, and shot for a look.
import { test, expect, expectAccessible, shoot, screenshots, isoDay, shown, me } from './fixtures.mjs';
import { DealPage } from './pages/board.mjs';
import { ContactsPage, CalendarPage, TaskDialog, shootTop } from './pages/people.mjs';
import { ReportsPage } from './pages/reports.mjs';
import { DataPage, fixture } from './pages/data.mjs';
import { phone, PhoneBoard, dismissWelcome, expectFits, expectFitsEveryWidth, expectTappable, expectFullScreen } from './pages/phone.mjs';

test.use(phone);

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

/** Taps a card away from its title and buttons. */
async function tapNear(card, corner) {
  const box = await card.boundingBox();
  const at = corner === 'bottom-left' ? { x: 16, y: box.height - 12 } : { x: box.width - 16, y: 12 };
  await card.tap({ position: at });
}

test('the board shows one step at a time; a deal moves by touch and the board says where it went', async ({ page }) => {
  const board = new PhoneBoard(page);
  await board.open();
  await board.loadDemo();
  await dismissWelcome(page);
  // Every step, Won and Lost are a tap away, each with its count.
  for (const step of ['Lead', 'Prospect', 'Meeting', 'Needs analysis', 'Proposal', 'Negotiation', 'Commitment', 'Won', 'Lost']) {
    await expect(board.tab(step)).toBeVisible();
  }
  await expect(board.tab('Lead')).toHaveAttribute('aria-selected', 'true');
  await expect(board.column('Lead')).toBeVisible();
  await expect(board.column('Proposal')).toBeHidden();
  await expect(board.column('Won')).toBeHidden();
  // The shown column spans the window; no pinned column covers it.
  const column = await board.column('Lead').boundingBox();
  expect(column.width).toBeGreaterThan(340);
  await expectTappable(board.tabs.getByRole('tab'), 'step tabs');
  await expectTappable(nav(page).getByRole('link'), 'main navigation');
  await expectTappable(page.getByRole('button', { name: 'New deal' }), 'New deal');
  await expectTappable(board.board().getByRole('button', { name: /^Move to…/ }), 'Move to… buttons');
  await expectTappable(board.board().getByRole('listitem'), 'cards');
  await expectFitsEveryWidth(page, 'board');
  await expectAccessible(page, 'phone board');
  await shoot(page, 'phone-board');

  // Proposal, by its tab: the step is in the URL, so a reload keeps it.
  await board.pick('Proposal');
  await expect(page).toHaveURL(/[?&]step=s\d+/);
  await expect(board.column('Lead')).toBeHidden();
  await page.reload();
  await expect(board.tab('Proposal')).toHaveAttribute('aria-selected', 'true');
  const [proposals, negotiations] = [await board.tabCount('Proposal'), await board.tabCount('Negotiation')];
  const [title] = await board.titles('Proposal');

  await board.moveButton(title).tap();
  await expectFullScreen(page, board.dialog);
  await expectTappable(board.dialog.getByRole('button'), 'move dialog buttons');
  await expectAccessible(page, 'phone move dialog');
  await shootTop(page, 'phone-move-dialog');
  await board.fillMove('Negotiation', isoDay());
  await board.dialog.getByRole('button', { name: 'Move' }).tap();
  await expect(board.dialog).toBeHidden();

  // The card left the column on screen: the board says where it went, counts follow.
  const note = page.getByRole('status').filter({ hasText: `“${title}” moved to Negotiation.` });
  await expect(note).toBeVisible();
  await expect(board.card(title)).toBeHidden();
  await expect(board.tab('Proposal')).toHaveAccessibleName(`Proposal, ${proposals - 1} deal${proposals - 1 === 1 ? '' : 's'}`);
  await expect(board.tab('Negotiation')).toHaveAccessibleName(`Negotiation, ${negotiations + 1} deals`);
  await expect(note.getByRole('button', { name: 'Show Negotiation' })).toBeFocused();
  await note.getByRole('button', { name: 'Show Negotiation' }).tap();
  await expect(board.tab('Negotiation')).toHaveAttribute('aria-selected', 'true');
  await expect(board.card(title)).toBeVisible();

  // Won and Lost open like any step, with their cards showing.
  await board.pick('Won');
  await expect(board.column('Won').getByRole('listitem').first()).toBeVisible();
  await expectFits(page, 'board on Won');
});

test('a card dragged onto a step tab asks to move it there', async ({ page }) => {
  const board = new PhoneBoard(page);
  await board.open();
  await board.loadDemo();
  const [title] = await board.titles('Lead');
  // A touch drag, as the page sees it: the card's dragstart fills the data, the tab
  // takes the drop (Playwright's mouse drag does not start one in a touch context).
  const data = await page.evaluateHandle(() => new DataTransfer());
  await board.card(title).dispatchEvent('dragstart', { dataTransfer: data });
  await board.tab('Won').dispatchEvent('dragover', { dataTransfer: data });
  await board.tab('Won').dispatchEvent('drop', { dataTransfer: data });
  await expect(board.dialog).toBeVisible();
  await expect(board.dialog.getByLabel('Move to')).toHaveValue('won');
  await expect(board.dialog.getByRole('button', { name: 'Mark won' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(board.dialog).toBeHidden();
  await expect(board.card(title)).toBeVisible();
});

test('a deal opens with a tap on its card; its timeline and history fit; back lands on its step', async ({ page }) => {
  const board = new PhoneBoard(page);
  const deal = new DealPage(page);
  await board.open();
  await board.loadDemo();
  await dismissWelcome(page);
  await board.pick('Negotiation');
  const [title] = await board.titles('Negotiation');
  // Anywhere on the card, not only its title: here its bottom left corner.
  await tapNear(board.card(title), 'bottom-left');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const timeline = page.getByRole('img', { name: /^Stage timeline: \d+ stage changes/ });
  await expect(timeline).toBeVisible();
  const box = await timeline.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // The timeline's row labels stay readable once the chart is scaled to the phone.
  const label = await timeline.locator('text.tl-row').first().boundingBox();
  expect(label.height).toBeGreaterThanOrEqual(10);
  await expect(deal.history).toBeVisible();
  expect((await deal.historyRows()).at(-1)[0]).toBe('Negotiation');
  await expectTappable(page.getByRole('main').getByRole('button', { name: /^(Edit|Move to…|Win|Lose|Delete)$/ }), 'deal actions');
  await expectTappable(deal.history.getByRole('button'), 'history row actions');
  await expectFitsEveryWidth(page, 'deal page');
  await expectAccessible(page, 'phone deal page');
  await shoot(page, 'phone-deal');

  await deal.row('Negotiation').getByRole('button', { name: /^Change date/ }).tap();
  await expectFullScreen(page, deal.dialog);
  await deal.dialog.getByRole('button', { name: 'Cancel' }).tap();

  await page.getByRole('link', { name: '← Pipeline' }).tap();
  await expect(board.tab('Negotiation')).toHaveAttribute('aria-selected', 'true');
  await expect(board.card(title)).toBeVisible();
});

test('the calendar opens on the agenda; the month counts tasks per day; a task is added and ticked off', async ({ page }) => {
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await dismissWelcome(page);
  await expect(calendar.views.getByRole('link', { name: 'Agenda' })).toHaveAttribute('aria-current', 'page');
  await expect(page).not.toHaveURL(/view=/);
  await expectTappable(calendar.views.getByRole('link'), 'calendar views');
  await expectTappable(page.getByRole('main').getByRole('checkbox'), 'done boxes');
  await expectFitsEveryWidth(page, 'agenda');
  await expectAccessible(page, 'phone agenda');
  await shoot(page, 'phone-calendar-agenda');

  // The month: each day a count that picks it; today's list follows the grid.
  await calendar.show('Month');
  await expect(page).toHaveURL(/view=month/);
  const today = page.getByRole('link', { name: new RegExp(`^${shown(isoDay())}: `) });
  await expect(today).toHaveAttribute('aria-current', 'date');
  await expectTappable(page.getByRole('table').getByRole('link'), 'month days');
  await expectFitsEveryWidth(page, 'month');
  await expectAccessible(page, 'phone month');
  await shoot(page, 'phone-calendar-month');

  // The first of the month, picked: its list says what it holds, and gains one task.
  const first = `${isoDay().slice(0, 8)}01`;
  const firstDay = page.getByRole('link', { name: new RegExp(`^${shown(first)}: `) });
  const said = await firstDay.getAttribute('aria-label');
  const before = said.includes('no tasks') ? 0 : Number(said.match(/: (\d+) tasks?/)[1]);
  await firstDay.tap();
  await expect(firstDay).toHaveAttribute('aria-current', 'date');
  const list = page.getByRole('region', { name: new RegExp(shown(first)) });
  await expect(list.getByRole('listitem')).toHaveCount(before);
  await list.getByRole('button', { name: `Add task on ${shown(first)}` }).tap();
  const form = new TaskDialog(page);
  await expectFullScreen(page, form.dialog);
  await expect(form.dialog.getByLabel('Date')).toHaveValue(first);
  await form.fill({ title: 'Call about the renewal', kind: 'call' });
  await form.dialog.getByLabel('Contact').selectOption({ index: 1 });
  await expectTappable(form.dialog.getByRole('button', { name: /^(Cancel|Add task)$/ }), 'task form buttons');
  await expectFits(page, 'task form');
  await expectAccessible(page, 'phone task form');
  await shootTop(page, 'phone-task-dialog');
  await form.dialog.getByRole('button', { name: 'Add task' }).tap();
  await expect(form.dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(before + 1);
  await expect(firstDay).toHaveAccessibleName(new RegExp(`^${shown(first)}: ${before + 1} tasks?`));

  // Logged as done with a tap on its box.
  await calendar.done('Call about the renewal').tap();
  await expect(calendar.done('Call about the renewal')).toBeChecked();
  await expect(calendar.task('Call about the renewal')).toHaveClass(/\bdone\b/);
});

test('contacts are cards, a contact opens with a tap, and settings fit', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.loadDemo();
  await dismissWelcome(page);
  await expectFitsEveryWidth(page, 'contacts');
  await expectTappable(contacts.table.getByRole('row').nth(1), 'a contact card');
  await expectAccessible(page, 'phone contacts');
  const name = await contacts.table.getByRole('row').nth(1).getByRole('link').innerText();
  await contacts.search.fill(name.split(' ')[0]);
  await expect(contacts.row(name)).toBeVisible();
  await shoot(page, 'phone-contacts');
  // The whole card opens the contact, not only the name.
  await tapNear(contacts.row(name), 'bottom-left');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectFitsEveryWidth(page, 'contact page');
  await expectTappable(page.getByRole('main').getByRole('button', { name: /^(Add task|Change type|Edit|Delete)$/ }), 'contact actions');
  await expectAccessible(page, 'phone contact page');
  await shoot(page, 'phone-contact');

  await nav(page).getByRole('link', { name: 'Settings' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectFitsEveryWidth(page, 'settings');
  await expectTappable(page.getByRole('main').getByRole('button', { name: /^(Rename|↑ Up|↓ Down|Remove .*)$/ }), 'step buttons');
  await expectAccessible(page, 'phone settings');
  await shoot(page, 'phone-settings');
});

test('the diagnosis reads on a phone; wide tables scroll in their own box', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo();
  await dismissWelcome(page);
  await expect(reports.verdict).toHaveText(/^(On track|Not enough chances|Closing effectiveness|Deal size)/);
  await expect(reports.sentence()).toBeVisible();
  const verdict = await reports.verdict.boundingBox();
  expect(verdict.x + verdict.width).toBeLessThanOrEqual(390);
  await expectFitsEveryWidth(page, 'reports');
  // A table wider than the phone scrolls inside its box, which stays within the window.
  for (const box of await page.locator('.table-scroll, .chart').all()) {
    const rect = await box.boundingBox();
    expect(rect.x + rect.width).toBeLessThanOrEqual(390);
  }
  await expectTappable(page.getByRole('combobox'), 'report controls');
  await expectAccessible(page, 'phone reports');
  await shoot(page, 'phone-reports');
});

test('a CSV imports on a phone: mapping and check fit the width', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await dismissWelcome(page);
  await expectFitsEveryWidth(page, 'data page');
  const importer = data.section('Import from a spreadsheet or another CRM');
  await importer.getByLabel('Deals (with their contacts)').check();
  await data.choose('2. CSV file to import', fixture('deals-export.csv'));
  await expect(importer.getByText('Read “deals-export.csv”: 6 rows in 9 columns, UTF-8 text, separated by commas.')).toBeVisible();
  await page.getByLabel('Revenue (USD)', { exact: true }).selectOption({ label: 'Value' });
  await page.getByLabel('Contract Review', { exact: true }).selectOption({ label: 'Negotiation' });
  await expectTappable(importer.getByRole('combobox'), 'mapping choices');
  await expectFitsEveryWidth(page, 'import mapping');
  await expectAccessible(page, 'phone import mapping');
  await shoot(page, 'phone-data');
  await importer.screenshot({ path: `${screenshots}phone-data-import.png` });

  await importer.getByRole('button', { name: 'Check the rows' }).tap();
  const check = page.getByRole('region', { name: 'Import check' });
  await expect(check).toContainText('5 rows can be imported, adding 5 contacts, 5 deals and 0 tasks.');
  await importer.getByLabel('Your name').fill(me);
  await expectFits(page, 'import check');
  await check.getByRole('button', { name: 'Import 5 rows, skip the bad ones' }).tap();
  await expect(importer.getByRole('status')).toContainText('Imported 5 rows from “deals-export.csv”.');
  await data.expectHolds(5, 5, 0);
  await expectAccessible(page, 'phone import done');
});
