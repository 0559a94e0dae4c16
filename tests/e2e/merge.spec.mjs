// A rep and their manager, each in their own browser, start from the same book and both
// work on it the same day without seeing each other: moves of one deal on both sides,
// moves of different deals, a win reopened the same day, a stage change's date and
// note corrected, a stage change removed, a deal and a contact deleted, one deal's value
// set on both sides. The rep's backup merged into the manager's browser, and the
// manager's back into the rep's, must give both the same histories, entry by entry.
import { test, expect, expectAccessible, shoot, isoDay, shown } from './fixtures.mjs';
import { BoardPage, DealPage, daysAgo } from './pages/board.mjs';
import { ContactsPage, ContactPage, shootTop } from './pages/people.mjs';
import { DataPage } from './pages/data.mjs';
import { phone, PhoneBoard, dismissWelcome, expectFits, expectFitsEveryWidth, expectTappable, expectFullScreen } from './pages/phone.mjs';

const mergeSection = "Merge a teammate's backup";

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The merge preview's facts ("New", "Updated", …) as { term: text }. */
async function facts(dialog) {
  const terms = await dialog.getByRole('term').allInnerTexts();
  const values = await dialog.getByRole('definition').allInnerTexts();
  return Object.fromEntries(terms.map((t, i) => [t.trim(), values[i].trim()]));
}

/** The names a preview list holds, after opening its summary. */
async function listed(dialog, title) {
  await dialog.getByText(new RegExp(`^${title} \\(\\d+\\)$`)).click();
  return dialog.getByRole('list', { name: title }).getByRole('listitem').allInnerTexts();
}

/** Chooses a backup to merge and returns its preview dialog. */
async function preview(data, file) {
  await data.choose('Backup file to merge', file);
  const dialog = data.dialog(/^Merge “pipewise-backup-/);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Every history entry of each deal, read from its page: { title: [[step, date, note], …] }. */
async function histories(page, titles) {
  const board = new BoardPage(page);
  const deal = new DealPage(page);
  const out = {};
  for (const title of titles) {
    await board.open();
    await board.openDeal(title);
    out[title] = await deal.entries();
  }
  return out;
}

async function openDeal(page, title) {
  const board = new BoardPage(page);
  await board.open();
  await board.openDeal(title);
  return new DealPage(page);
}

async function deleteContact(page, name) {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.open(name);
  await new ContactPage(page).button('Delete').click();
  await page.getByRole('dialog', { name: `Delete ${name}?` }).getByRole('button', { name: 'Delete contact' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
}

test('a rep and a manager edit the same book the same day; merging both ways gives both every change', async ({ page, newBrowser }) => {
  test.setTimeout(180_000);
  const today = isoDay();
  // The manager's browser opens now, so both clocks start at the same wall time.
  const managerPage = await newBrowser();

  // The rep's small book, made through the forms.
  const rep = new BoardPage(page);
  await rep.open();
  await rep.addDeal({ title: 'Harbor fit-out', contact: 'Lena Park', value: '20000', started: daysAgo(20) });
  await rep.submitDeal();
  await rep.addDeal({ title: 'Orchard renewal', contact: 'Max Ito', value: '9000', started: daysAgo(15) });
  await rep.submitDeal();
  await rep.addDeal({ title: 'Quarry survey', contact: 'Noor Aziz', started: daysAgo(10) });
  await rep.submitDeal();
  await rep.addDeal({ title: 'Delta licences', contact: 'Ola Berg', started: daysAgo(8) });
  await rep.submitDeal();
  await new ContactsPage(page).goto();
  await new ContactsPage(page).add({ name: 'Piet Smit', company: 'Smit & Co' });
  await rep.open();
  await rep.move('Harbor fit-out', 'Prospect', daysAgo(12), 'Asked for a quote');
  await rep.move('Harbor fit-out', 'Meeting', daysAgo(6));
  const repData = new DataPage(page);
  await repData.open();
  const shared = await repData.backup();

  // The manager starts from the rep's file, and gives their own name.
  const managerData = new DataPage(managerPage);
  await managerData.open();
  await managerData.choose('Backup file to restore', shared.file);
  await managerData.dialog(/^Restore “/).getByRole('button', { name: 'Replace my data' }).click();
  await managerData.expectHolds(5, 4, 0);
  await managerPage.goto('./settings');
  await managerPage.getByLabel('Your name').fill('Sam Okoro');
  await managerPage.getByRole('button', { name: 'Save' }).click();
  await expect(managerPage.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The rep's day.
  let deal = await openDeal(page, 'Harbor fit-out');
  await deal.moveTo('Proposal', today);
  deal = await openDeal(page, 'Orchard renewal');
  await deal.setValue('9500');
  await deal.win(today);
  await deal.reopen('Prospect', today);
  deal = await openDeal(page, 'Quarry survey');
  await deal.correct('Lead', { on: daysAgo(11), note: 'Met at the trade fair' });
  deal = await openDeal(page, 'Delta licences');
  await deal.delete();
  await rep.addDeal({ title: 'Mill upgrade', contact: 'Ravi Das', started: daysAgo(3) });
  await rep.submitDeal();

  // The manager's day, the same day, a few minutes later by the clock: their edits are
  // the newer ones wherever both sides set the same thing.
  await managerPage.clock.fastForward('10:00');
  deal = await openDeal(managerPage, 'Harbor fit-out');
  await deal.moveTo('Negotiation', today);
  await deal.correct('Prospect', { on: daysAgo(13), note: 'Quote sent by mail' });
  await deal.removeChange('Meeting');
  deal = await openDeal(managerPage, 'Quarry survey');
  await deal.moveTo('Prospect', today);
  deal = await openDeal(managerPage, 'Orchard renewal');
  await deal.setValue('12000');
  await deleteContact(managerPage, 'Piet Smit');

  // The manager merges the rep's file: the preview says what comes, what goes, what met.
  await repData.open();
  const fromRep = await repData.backup();
  await managerData.open();
  let dialog = await preview(managerData, fromRep.file);
  expect(await facts(dialog)).toEqual({
    New: '1 contact, 1 deal and 0 tasks',
    Updated: '1 contact, 3 deals and 0 tasks',
    Removed: '0 contacts, 1 deal and 0 tasks',
  });
  expect(await listed(dialog, 'What is new')).toEqual(['contact “Ravi Das”', 'deal “Mill upgrade”']);
  expect(await listed(dialog, 'What is updated')).toEqual(['contact “Max Ito”', 'deal “Harbor fit-out”', 'deal “Orchard renewal”', 'deal “Quarry survey”']);
  expect(await listed(dialog, 'What was removed in their file')).toEqual(['deal “Delta licences”']);
  await expect(dialog).toContainText('1 change meets a change in the other file: the newer edit is kept.');
  expect(await listed(dialog, 'Changed in both')).toEqual([
    expect.stringMatching(/^deal “Orchard renewal”: the value was changed in both files; kept the newer edit \(your file, .+\)$/),
  ]);
  await expectAccessible(managerPage, 'merge preview with conflicts');
  await shoot(managerPage, 'merge-preview-conflicts');
  await dialog.getByRole('button', { name: 'Merge into my data' }).click();
  const managerSaid = managerData.section(mergeSection).getByRole('status');
  await expect(managerSaid).toHaveText(`Merged “${fromRep.name}”: added 1 contact, 1 deal and 0 tasks; updated 1 contact, 3 deals and 0 tasks; removed 0 contacts, 1 deal and 0 tasks.`);
  await managerData.expectHolds(5, 4, 0);

  // Every entry of every touched deal, on the manager's deal pages.
  const expected = {
    // Both same-day moves, in the order they were made; the manager's correction of
    // Prospect and removal of Meeting.
    'Harbor fit-out': [
      ['Lead', shown(daysAgo(20)), ''],
      ['Prospect', shown(daysAgo(13)), 'Quote sent by mail'],
      ['Proposal', shown(today), ''],
      ['Negotiation', shown(today), ''],
    ],
    // Won and reopened the same day, in that order.
    'Orchard renewal': [
      ['Lead', shown(daysAgo(15)), ''],
      ['Won', shown(today), ''],
      ['Prospect', shown(today), ''],
    ],
    // The rep's correction and the manager's move, on different entries.
    'Quarry survey': [
      ['Lead', shown(daysAgo(11)), 'Met at the trade fair'],
      ['Prospect', shown(today), ''],
    ],
    'Mill upgrade': [['Lead', shown(daysAgo(3)), '']],
  };
  const titles = Object.keys(expected);
  expect(await histories(managerPage, titles)).toEqual(expected);
  // The newer value stands; the deal the rep deleted and the contact the manager deleted stay gone.
  await openDeal(managerPage, 'Orchard renewal');
  await expect(managerPage.getByRole('main')).toContainText('$12,000');
  const managerBoard = new BoardPage(managerPage);
  await managerBoard.open();
  await expect(managerBoard.card('Delta licences')).toHaveCount(0);
  for (const [step, n] of [['Lead', '1 deal'], ['Prospect', '2 deals'], ['Negotiation', '1 deal'], ['Won', '0 deals']]) {
    await expect(managerBoard.count(step)).toHaveText(n);
  }
  const managerContacts = new ContactsPage(managerPage);
  await managerContacts.goto();
  await expect(managerContacts.table.getByRole('link')).toHaveCount(5);
  expect((await managerContacts.table.getByRole('link').allInnerTexts()).sort()).toEqual(['Lena Park', 'Max Ito', 'Noor Aziz', 'Ola Berg', 'Ravi Das']);
  // A teammate's file brings records, not settings.
  await managerPage.goto('./settings');
  await expect(managerPage.getByLabel('Your name')).toHaveValue('Sam Okoro');

  // The same file again: nothing new.
  await managerData.open();
  await managerData.choose('Backup file to merge', fromRep.file);
  await expect(managerSaid).toHaveText(`Nothing new: everything in “${fromRep.name}” is already here.`);
  await expect(managerData.dialog(/^Merge “/)).toHaveCount(0);

  // The manager's file merged back into the rep: the same histories there.
  const fromManager = await managerData.backup();
  await repData.open();
  dialog = await preview(repData, fromManager.file);
  expect(await facts(dialog)).toMatchObject({ New: '0 contacts, 0 deals and 0 tasks', Removed: '1 contact, 0 deals and 0 tasks' });
  expect(await listed(dialog, 'What was removed in their file')).toEqual(['contact “Piet Smit” (Smit & Co)']);
  expect(await listed(dialog, 'Changed in both')).toEqual([
    expect.stringMatching(/^deal “Orchard renewal”: the value was changed in both files; kept the newer edit \(their file, .+\)$/),
  ]);
  await dialog.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(repData.section(mergeSection).getByRole('status')).toHaveText(/^Merged “pipewise-backup-.*”: added 0 contacts, 0 deals and 0 tasks; updated .*; removed 1 contact, 0 deals and 0 tasks\.$/);
  await repData.expectHolds(5, 4, 0);
  expect(await histories(page, titles)).toEqual(expected);
  await openDeal(page, 'Orchard renewal');
  await expect(page.getByRole('main')).toContainText('$12,000');
  await rep.open();
  await expect(rep.card('Delta licences')).toHaveCount(0);
  const repContacts = new ContactsPage(page);
  await repContacts.goto();
  await expect(repContacts.row('Piet Smit')).toHaveCount(0);
  await page.goto('./settings');
  await expect(page.getByLabel('Your name')).toHaveValue('Dana Reyes');

  // Both have everything now: each one's file is nothing new to the other, after a reload too.
  await page.reload();
  await repData.open();
  await repData.choose('Backup file to merge', fromManager.file);
  await expect(repData.section(mergeSection).getByRole('status')).toHaveText(/^Nothing new/);
  const repNow = await repData.backup();
  await managerPage.reload();
  await managerData.open();
  await managerData.choose('Backup file to merge', repNow.file);
  await expect(managerSaid).toHaveText(/^Nothing new/);
});

// The demo's records are the most common start of a team's book: edits made the same
// day, in any zone, must be newer than the demo's own.
test('a deal deleted and a value changed the day the demo was loaded survive a teammate\'s merge', async ({ page, newBrowser }) => {
  const managerPage = await newBrowser();
  const rep = new BoardPage(page);
  await rep.open();
  await rep.loadDemo();
  const [gone, both] = await rep.column('Lead').getByRole('listitem').getByRole('link').allInnerTexts();
  const repData = new DataPage(page);
  await repData.open();
  const shared = await repData.backup();
  const managerData = new DataPage(managerPage);
  await managerData.open();
  await managerData.choose('Backup file to restore', shared.file);
  await managerData.dialog(/^Restore “/).getByRole('button', { name: 'Replace my data' }).click();
  await expect(managerData.section('Restore').getByRole('status')).toContainText('Restored');

  // The rep deletes one deal and sets another's value; the manager, later, the same value.
  let deal = await openDeal(page, gone);
  await deal.delete();
  deal = await openDeal(page, both);
  await deal.setValue('777');
  await managerPage.clock.fastForward('10:00');
  deal = await openDeal(managerPage, both);
  await deal.setValue('888');

  await repData.open();
  const fromRep = await repData.backup();
  await managerData.open();
  const dialog = await preview(managerData, fromRep.file);
  expect(await facts(dialog)).toMatchObject({ New: '0 contacts, 0 deals and 0 tasks', Removed: '0 contacts, 1 deal and 0 tasks' });
  expect(await listed(dialog, 'What was removed in their file')).toEqual([`deal “${gone}”`]);
  expect(await listed(dialog, 'Changed in both')).toEqual([
    expect.stringMatching(new RegExp(`^deal “${escaped(both)}”: the value was changed in both files; kept the newer edit \\(your file, .+\\)$`)),
  ]);
  await dialog.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(managerData.section(mergeSection).getByRole('status')).toContainText('removed 0 contacts, 1 deal and');
  const board = new BoardPage(managerPage);
  await board.open();
  await expect(board.card(gone)).toHaveCount(0);
  await board.openDeal(both);
  await expect(managerPage.getByRole('main')).toContainText('$888');

  // And the rep's value, had the manager not set one, would have stood: the rep's own
  // edit is newer than the demo's.
  await repData.open();
  await repData.choose('Backup file to merge', shared.file);
  await expect(repData.section(mergeSection).getByRole('status')).toHaveText(/^Nothing new/);
  deal = await openDeal(page, both);
  await expect(page.getByRole('main')).toContainText('$777');
});

test.describe('on a phone', () => {
  test.use(phone);

  test('the merge preview fits a phone, names what met, and merges', async ({ page, newBrowser }) => {
    const managerPage = await newBrowser();
    const rep = new PhoneBoard(page);
    await rep.open();
    await dismissWelcome(page);
    await rep.addDeal({ title: 'Harbor fit-out', contact: 'Lena Park', value: '20000', started: daysAgo(20) });
    await rep.submitDeal();
    await rep.addDeal({ title: 'Delta licences', contact: 'Ola Berg', started: daysAgo(8) });
    await rep.submitDeal();
    const repData = new DataPage(page);
    await repData.open();
    const shared = await repData.backup();
    const managerData = new DataPage(managerPage);
    await managerData.open();
    await dismissWelcome(managerPage);
    await managerData.choose('Backup file to restore', shared.file);
    await managerData.dialog(/^Restore “/).getByRole('button', { name: 'Replace my data' }).tap();
    await expect(managerData.section('Restore').getByRole('status')).toContainText('Restored');

    // The rep deletes one deal, sets the other's value and moves it; the manager, later,
    // sets the same value.
    let deal = await openDeal(page, 'Delta licences');
    await deal.delete();
    deal = await openDeal(page, 'Harbor fit-out');
    await deal.setValue('21000');
    await deal.moveTo('Prospect', isoDay());
    await managerPage.clock.fastForward('10:00');
    deal = await openDeal(managerPage, 'Harbor fit-out');
    await deal.setValue('25000');

    await repData.open();
    const fromRep = await repData.backup();
    await managerData.open();
    const dialog = await preview(managerData, fromRep.file);
    expect(await facts(dialog)).toEqual({
      New: '0 contacts, 0 deals and 0 tasks',
      Updated: '0 contacts, 1 deal and 0 tasks',
      Removed: '0 contacts, 1 deal and 0 tasks',
    });
    expect(await listed(dialog, 'What was removed in their file')).toEqual(['deal “Delta licences”']);
    expect(await listed(dialog, 'Changed in both')).toEqual([
      expect.stringMatching(/^deal “Harbor fit-out”: the value was changed in both files; kept the newer edit \(your file, .+\)$/),
    ]);
    await expectFullScreen(managerPage, dialog);
    await expectFitsEveryWidth(managerPage, 'merge preview');
    await expectTappable(dialog.getByRole('button', { name: /^(Cancel|Merge into my data)$/ }), 'merge buttons');
    await expectAccessible(managerPage, 'phone merge preview');
    await shootTop(managerPage, 'phone-merge-preview');
    await dialog.getByRole('button', { name: 'Merge into my data' }).tap();
    await expect(managerData.section(mergeSection).getByRole('status')).toContainText(`Merged “${fromRep.name}”`);
    await expectFits(managerPage, 'data page after the merge');
    const board = new PhoneBoard(managerPage);
    await board.open();
    await expect(board.card('Delta licences')).toHaveCount(0);
    await board.pick('Prospect');
    await board.openDeal('Harbor fit-out');
    await expect(managerPage.getByRole('main')).toContainText('$25,000');
  });
});
