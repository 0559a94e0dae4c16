// Data written by other versions of Pipewise: a schema-1 backup restores and merges, a
// schema-1 book in this browser opens and is saved again as schema 2, and data written
// by a newer Pipewise (on load, or by another tab) is never moved or written over.
import { readFileSync } from 'node:fs';
import { test, expect, ready, watch } from './fixtures.mjs';
import { DataPage } from './pages/data.mjs';
import { DealPage } from './pages/board.mjs';
import { ContactsPage, ContactPage } from './pages/people.mjs';

// The golden files the core's store tests decode: what Pipewise with schema 1 wrote.
const coreFixture = (name) => new URL(`../../core/tests/fixtures/${name}`, import.meta.url).pathname;
const schema1Backup = { name: 'schema1.backup.json', mimeType: 'application/json', buffer: readFileSync(coreFixture('schema1.backup.json')) };
const schema1Stored = readFileSync(coreFixture('schema1.packed.txt'), 'utf8');

// What the schema-1 fixture holds (core/tests/fixtures/small_books.rs, `schema1_book`).
const pilot = { url: './deals/123456789abc4def800000000000000b', title: 'Pilot, 50 seats' };
const licences = { url: './deals/123456789abc4def800000000000000c', title: 'Licences' };
const histories = {
  [pilot.title]: [
    ['Lead', 'Sep 1, 2025', ''],
    ['First meeting', 'Sep 20, 2025', ''],
    ['Proposal', 'Nov 3, 2025', ''],
    ['Won', 'Dec 15, 2025', ''],
  ],
  [licences.title]: [
    ['Lead', 'Oct 10, 2025', ''],
    ['Prospect', 'Oct 12, 2025', ''],
    ['Lost', 'Dec 1, 2025', 'Went with a competitor'],
  ],
};

/** Checks the fixture's two deals entry by entry, and its first contact's types. */
async function expectSchema1Records(page) {
  const deal = new DealPage(page);
  for (const { url, title } of [pilot, licences]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await deal.entries()).toEqual(histories[title]);
  }
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(contacts.table.getByRole('link')).toHaveCount(3);
  expect((await contacts.table.getByRole('link').allInnerTexts()).sort()).toEqual(['Ana Silva', 'Ben Okafor', 'Chloé Dubois']);
  await contacts.open('Ana Silva');
  await expect(new ContactPage(page).typeHistory()).toHaveText(['Lead since Sep 1, 2025', 'Client since Dec 15, 2025']);
}

const stored = (page) => page.evaluate(() => localStorage.getItem('pipewise.book'));
const asides = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pipewise.aside.')));

test('a schema-1 backup restores with its histories; merging it again finds nothing new', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.choose('Backup file to restore', schema1Backup);
  const restore = data.dialog('Restore “schema1.backup.json”?');
  await expect(restore.getByText('Pipewise format 1 (older; it is converted as it is read)')).toBeVisible();
  await restore.getByRole('button', { name: 'Replace my data' }).click();
  await expect(data.section('Restore').getByRole('status')).toHaveText('Restored “schema1.backup.json”: this browser now holds 3 contacts, 2 deals and 3 tasks.');
  await expectSchema1Records(page);
  // A restore brings the file's settings.
  await page.goto('./settings');
  await expect(page.getByLabel('Your name')).toHaveValue('Alice');
  await expect(page.getByLabel('Default currency (3 letters, e.g. USD, EUR)')).toHaveValue('EUR');
  await data.open();
  await data.choose('Backup file to merge', schema1Backup);
  await expect(data.section("Merge a teammate's backup").getByRole('status')).toHaveText('Nothing new: everything in “schema1.backup.json” is already here.');
});

test('a teammate\'s schema-1 backup merges into a fresh browser with its records and step names', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.choose('Backup file to merge', schema1Backup);
  const merge = data.dialog('Merge “schema1.backup.json”?');
  await expect(merge.getByText('3 contacts, 2 deals and 3 tasks')).toBeVisible();
  await merge.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(data.section("Merge a teammate's backup").getByRole('status')).toHaveText('Merged “schema1.backup.json”: added 3 contacts, 2 deals and 3 tasks; updated 0 contacts, 0 deals and 0 tasks; removed 0 contacts, 0 deals and 0 tasks.');
  await data.expectHolds(3, 2, 3);
  // The file's third step is "First meeting"; this browser's is the shipped "Meeting",
  // never renamed here, so the teammate's name is the one to keep.
  await expectSchema1Records(page);
  // A merge brings records, not settings: this browser's rep still has no name.
  await page.goto('./settings');
  await expect(page.getByLabel('Your name')).toHaveValue('');
});

test('a schema-1 book in this browser opens, and after an edit is saved as schema 2', async ({ page }) => {
  await page.addInitScript((text) => {
    if (localStorage.getItem('pipewise.book') === null) localStorage.setItem('pipewise.book', text);
  }, schema1Stored);
  await page.goto('./');
  await ready(page);
  await expect(page.getByRole('region', { name: 'Pipeline board' }).getByRole('heading', { name: 'First meeting', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectSchema1Records(page);

  // An edit: Ben Okafor's phone.
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.open('Ben Okafor');
  await new ContactPage(page).button('Edit').click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  await edit.getByLabel('Phone').fill('+1 555 0142');
  await edit.getByRole('button', { name: 'Save contact' }).click();
  await expect(edit).toBeHidden();
  await expect.poll(async () => (await stored(page)).slice(0, 11)).toBe('pipewise:2:');
  expect(await asides(page)).toEqual([]);

  await page.reload();
  await ready(page);
  await expect(page.getByRole('main')).toContainText('+1 555 0142');
  expect((await stored(page)).slice(0, 11)).toBe('pipewise:2:');
  await expectSchema1Records(page);
});

test('data saved by a newer Pipewise shows a banner and is never written over', async ({ page }) => {
  const newer = 'pipewise:99:1:written by a Pipewise from the future';
  await page.addInitScript((text) => {
    if (localStorage.getItem('pipewise.book') === null) localStorage.setItem('pipewise.book', text);
  }, newer);
  const contacts = new ContactsPage(page);
  await contacts.goto();
  const banner = page.getByRole('alert').filter({ hasText: 'A newer Pipewise saved your data' });
  await expect(banner).toBeVisible();

  // A change in this tab stays in this tab: after the save would have run, and after the
  // page is hidden and reloaded, the stored text is the newer version's, untouched.
  await contacts.add({ name: 'Ana Ruiz' });
  await expect(contacts.row('Ana Ruiz')).toBeVisible();
  await page.clock.runFor(1_000);
  expect(await stored(page)).toBe(newer);
  await page.reload();
  await ready(page);
  expect(await stored(page)).toBe(newer);
  expect(await asides(page)).toEqual([]);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
});

test('when another tab saves with a newer Pipewise, this tab stops saving and says so', async ({ page, context }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.add({ name: 'Ana Ruiz' });
  await expect.poll(async () => (await stored(page)).slice(0, 11)).toBe('pipewise:2:');

  // The other tab runs a newer Pipewise: it writes a schema this version cannot read.
  const newer = 'pipewise:99:7:written by a Pipewise from the future';
  const other = await watch(await context.newPage());
  await other.goto('./');
  await ready(other);
  await other.evaluate((text) => localStorage.setItem('pipewise.book', text), newer);
  await other.close();
  const banner = page.getByRole('alert').filter({ hasText: 'A newer Pipewise saved your data' });
  await expect(banner).toBeVisible();

  await contacts.add({ name: 'Bo Chen' });
  await expect(contacts.row('Bo Chen')).toBeVisible();
  await page.clock.runFor(1_000);
  expect(await stored(page)).toBe(newer);
  // Leaving the page (which saves what is pending) writes nothing either.
  await page.reload();
  await ready(page);
  expect(await stored(page)).toBe(newer);
  expect(await asides(page)).toEqual([]);
  await expect(banner).toBeVisible();
  expect(other.problems).toEqual([]);
});

test('a copy kept aside that this version can read merges back into the data', async ({ page }) => {
  // A schema-1 book, kept aside (say, by a version that could not read it then).
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('pipewise.aside.1767225604000', text);
    }
  }, schema1Stored);
  const data = new DataPage(page);
  await data.open();
  await data.expectHolds(0, 0, 0);
  const storage = data.section('Storage');
  const copy = storage.getByRole('listitem');
  await expect(copy).toHaveCount(1);
  await copy.getByRole('button', { name: /^Merge the copy kept aside .* into my data$/ }).click();
  await expect(storage.getByRole('status')).toHaveText(/^Merged the copy kept aside .* into your data: 8 records added, 0 updated\. You can delete the copy now\.$/);
  await data.expectHolds(3, 2, 3);
  // (The step names a merge keeps from a schema-1 book are the previous test's concern.)
  await page.goto(licences.url);
  await expect(page.getByRole('heading', { level: 1, name: licences.title })).toBeVisible();
  expect(await new DealPage(page).entries()).toEqual(histories[licences.title]);
  // Saved, and the copy is still there until the rep deletes it.
  await page.reload();
  await data.open();
  await data.expectHolds(3, 2, 3);
  await expect(data.section('Storage').getByRole('listitem')).toHaveCount(1);
});
