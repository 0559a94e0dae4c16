// Data survives a reload, and two open tabs see each other's changes without a reload; a
// whole-book change in one tab (an import, a restore) keeps what the other did meanwhile.
import { test, expect, ready, watch, shown } from './fixtures.mjs';

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

test('a CSV imported in one tab keeps the move another tab made while the rows were checked', async ({ page, context }) => {
  const { BoardPage, DealPage, daysAgo } = await import('./pages/board.mjs');
  const { DataPage, fixture } = await import('./pages/data.mjs');
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'Harbor fit-out', contact: 'Lena Park', started: daysAgo(10) });
  await board.submitDeal();
  await board.openDeal('Harbor fit-out');
  const dealUrl = page.url();

  // Tab A is at the import's check step…
  const data = new DataPage(page);
  await data.open();
  await data.choose('2. CSV file to import', fixture('deals-export.csv'));
  await page.getByLabel('Contract Review', { exact: true }).selectOption({ label: 'Negotiation' });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const check = page.getByRole('region', { name: 'Import check' });
  await expect(check).toContainText('5 rows can be imported, adding 5 contacts, 5 deals and 0 tasks.');

  // …when tab B moves the deal.
  const other = await watch(await context.newPage());
  await other.goto(dealUrl);
  const there = new DealPage(other);
  await there.moveTo('Prospect', daysAgo(2), 'Called back');
  await expect(there.row('Prospect')).toBeVisible();

  await check.getByRole('button', { name: 'Import 5 rows, skip the bad ones' }).click();
  await expect(data.section('Import from a spreadsheet or another CRM').getByRole('status')).toContainText('Imported 5 rows from “deals-export.csv”. New: 5 contacts, 5 deals and 0 tasks.');
  await data.expectHolds(6, 6, 0);

  // Both tabs settle on both changes, and keep them after a reload.
  const both = [
    ['Lead', shown(daysAgo(10)), ''],
    ['Prospect', shown(daysAgo(2)), 'Called back'],
  ];
  const otherData = new DataPage(other);
  await otherData.open();
  await otherData.expectHolds(6, 6, 0);
  for (const tab of [page, other]) {
    await tab.reload();
    await ready(tab);
    await new DataPage(tab).expectHolds(6, 6, 0);
    await tab.goto(dealUrl);
    await expect(tab.getByRole('heading', { level: 1, name: 'Harbor fit-out' })).toBeVisible();
    expect(await new DealPage(tab).entries()).toEqual(both);
  }
  expect(other.problems).toEqual([]);
});

test('a backup restored in one tab keeps the edit another tab\'s open form saves afterwards', async ({ page, context }) => {
  const { BoardPage, daysAgo } = await import('./pages/board.mjs');
  const { DataPage } = await import('./pages/data.mjs');
  const { ContactsPage, ContactPage } = await import('./pages/people.mjs');
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'Harbor fit-out', contact: 'Lena Park', started: daysAgo(10) });
  await board.submitDeal();
  const contacts = new ContactsPage(page);
  const contact = new ContactPage(page);
  const editCompany = async (company) => {
    await contacts.goto();
    await contacts.open('Lena Park');
    await contact.button('Edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit contact' });
    await edit.getByLabel('Company').fill(company);
    await edit.getByRole('button', { name: 'Save contact' }).click();
    await expect(edit).toBeHidden();
  };
  await editCompany('Harbor Co');
  const data = new DataPage(page);
  await data.open();
  const backup = await data.backup();
  // After the backup: a new company, and a second deal the backup does not hold.
  await editCompany('Harbor Group');
  await board.open();
  await board.addDeal({ title: 'Quarry survey', contact: 'Noor Aziz', started: daysAgo(3) });
  await board.submitDeal();
  await contacts.goto();
  await contacts.open('Lena Park');
  const contactUrl = page.url();

  // Tab B opens Lena Park's form before the restore…
  const other = await watch(await context.newPage());
  await other.goto(contactUrl);
  await new ContactPage(other).button('Edit').click();
  const form = other.getByRole('dialog', { name: 'Edit contact' });
  await expect(form.getByLabel('Company')).toHaveValue('Harbor Group');

  // …tab A restores the backup…
  await data.open();
  await data.choose('Backup file to restore', backup.file);
  await data.dialog(/^Restore “/).getByRole('button', { name: 'Replace my data' }).click();
  await data.expectHolds(1, 1, 0);

  // …and tab B saves the phone it was typing: only the phone, not the company it showed.
  await form.getByLabel('Phone').fill('+1 555 0199');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form).toBeHidden();

  for (const tab of [other, page]) {
    await tab.reload();
    await ready(tab);
    await tab.goto(contactUrl);
    await expect(tab.getByRole('heading', { level: 1, name: 'Lena Park' })).toBeVisible();
    await expect(tab.getByRole('main')).toContainText('Harbor Co');
    await expect(tab.getByRole('main')).not.toContainText('Harbor Group');
    await expect(tab.getByRole('main')).toContainText('+1 555 0199');
    const tabBoard = new BoardPage(tab);
    await tabBoard.open();
    await expect(tabBoard.card('Harbor fit-out')).toBeVisible();
    await expect(tabBoard.card('Quarry survey')).toHaveCount(0);
  }
  expect(other.problems).toEqual([]);
});
