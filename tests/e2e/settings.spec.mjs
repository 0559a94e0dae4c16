// Settings as a rep uses them: the sales process (rename, move, add, stuck threshold,
// remove or merge) and their own name and currency.
import { test, expect, expectAccessible, shoot, ready } from './fixtures.mjs';
import { DataPage } from './pages/data.mjs';
import { BoardPage, daysAgo } from './pages/board.mjs';
import { ContactsPage } from './pages/people.mjs';

async function withDemo(page) {
  const data = new DataPage(page);
  await data.open();
  await data.loadDemo();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return data;
}

const stepNames = (page) => page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Rename / }) }).locator('.step-name');

test('renaming a step shows the new name everywhere the step appears', async ({ page }) => {
  const data = await withDemo(page);
  await page.getByRole('button', { name: 'Rename Proposal' }).click();
  const field = page.getByLabel('New name for Proposal');
  await expect(field).toBeFocused();
  await field.fill('Quote sent');
  await field.press('Enter');
  await expect(stepNames(page)).toHaveText(['Lead', 'Prospect', 'Meeting', 'Needs analysis', 'Quote sent', 'Negotiation', 'Commitment']);
  // A name another step has is refused next to the field.
  await page.getByRole('button', { name: 'Rename Lead' }).click();
  await page.getByLabel('New name for Lead').fill('prospect');
  await page.getByLabel('New name for Lead').press('Enter');
  await expect(page.getByRole('alert')).toHaveText("A step named 'prospect' already exists");
  await page.getByLabel('New name for Lead').press('Escape');
  await expect(page.getByLabel('New name for Lead')).toHaveCount(0);

  // The deals export names the step's column after its new name, history intact.
  await data.open();
  const deals = await data.download(data.section('Export').getByRole('button', { name: 'Deals (CSV)' }));
  expect(deals.text.split('\r\n')[0]).toContain('Quote sent date');
  await page.reload();
  await page.goto('./settings');
  await expect(stepNames(page).nth(4)).toHaveText('Quote sent');
});

test('the board column heading follows a renamed step', async ({ page }) => {
  await withDemo(page);
  await page.getByRole('button', { name: 'Rename Proposal' }).click();
  await page.getByLabel('New name for Proposal').fill('Quote sent');
  await page.getByLabel('New name for Proposal').press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await ready(page);
  const column = (name) => page.getByRole('heading', { level: 2, name, exact: true });
  await expect(column('Lead')).toBeVisible();
  await expect(column('Quote sent')).toBeVisible();
  await expect(column('Proposal')).toHaveCount(0);
});

test('steps move, get added and removed, and keep a stuck threshold', async ({ page }) => {
  await withDemo(page);
  await page.getByRole('button', { name: 'Move Proposal up' }).click();
  await expect(stepNames(page).nth(3)).toHaveText('Proposal');
  await page.getByRole('button', { name: 'Move Proposal down' }).click();
  await expect(stepNames(page).nth(4)).toHaveText('Proposal');
  await expect(page.getByRole('button', { name: 'Move Lead up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move Commitment down' })).toBeDisabled();

  await page.getByLabel('Name of the new step').fill('Legal review');
  await page.getByLabel('Position').selectOption({ label: 'Before Commitment' });
  await page.getByLabel('Name of the new step').press('Enter');
  await expect(stepNames(page)).toHaveText(['Lead', 'Prospect', 'Meeting', 'Needs analysis', 'Proposal', 'Negotiation', 'Legal review', 'Commitment']);
  await expect(page.getByLabel('Name of the new step')).toHaveValue('');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByText('Step name is required')).toBeVisible();

  const stuck = page.getByLabel('Stuck after (days) in Proposal');
  await stuck.fill('14');
  await stuck.press('Tab');
  await page.getByLabel('Stuck after (days) in Meeting').fill('0');
  await page.getByLabel('Stuck after (days) in Meeting').press('Tab');
  await expect(page.getByRole('alert')).toHaveText('A deal can only be stuck after at least 1 day');

  // A step no deal has been in goes at once.
  await page.getByRole('button', { name: 'Remove Legal review' }).click();
  await expect(stepNames(page)).toHaveCount(7);
  await page.reload();
  await expect(page.getByLabel('Stuck after (days) in Proposal')).toHaveValue('14');
  await expect(page.getByLabel('Stuck after (days) in Needs analysis')).toHaveValue('');
});

test('removing a step deals have been in is refused, then merged into another', async ({ page }) => {
  await withDemo(page);
  await page.getByRole('button', { name: 'Remove Negotiation' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Cannot remove step 'Negotiation': \d+ deals have been in it$/);
  const into = page.getByLabel('Merge Negotiation into');
  await expect(into).toBeVisible();
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose the step to merge into');
  await into.selectOption({ label: 'Proposal' });
  await expectAccessible(page, 'settings with the merge form');
  await shoot(page, 'settings-merge');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(stepNames(page)).toHaveText(['Lead', 'Prospect', 'Meeting', 'Needs analysis', 'Proposal', 'Commitment']);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('your name and currency are checked and kept', async ({ page }) => {
  await page.goto('./settings');
  await ready(page);
  const name = page.getByLabel('Your name');
  const currency = page.getByLabel('Default currency (3 letters, e.g. USD, EUR)');
  // No name until the rep gives one (their first record asks it).
  await expect(name).toHaveValue('');
  await expect(currency).toHaveValue('USD');
  await name.fill('  ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your name is required')).toBeVisible();
  await name.fill('Dana Reyes');
  await currency.fill('EURO');
  await currency.press('Enter');
  await expect(page.getByText("Currency 'EURO' is not a three-letter code like USD or EUR")).toBeVisible();
  await expect(page.getByText('Your name is required')).toHaveCount(0);
  await currency.fill('eur');
  await currency.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(currency).toHaveValue('EUR');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Dana Reyes');
  await expect(page.getByLabel('Default currency (3 letters, e.g. USD, EUR)')).toHaveValue('EUR');
  await page.getByRole('region', { name: 'Welcome to Pipewise' }).getByRole('button', { name: 'Dismiss' }).click();
  await expectAccessible(page, 'settings');
  await shoot(page, 'settings-page');
});

test('the first record asks your name; it becomes the owner and is not asked again', async ({ page }) => {
  const board = new BoardPage(page);
  await board.open();
  await board.addDeal({ title: 'First deal', contact: 'Lena Park', started: daysAgo(2), myName: null });
  const myName = board.dialog.getByLabel('Your name');
  await expect(myName).toBeVisible();
  await expect(board.dialog.getByText(/^Your first record: tell Pipewise your name/)).toBeVisible();
  // Refused without it, next to the field; nothing is added.
  await board.dialog.getByRole('button', { name: 'Add deal' }).click();
  await expect(myName).toHaveAccessibleDescription(/^Your name is required/);
  await expectAccessible(page, 'new deal form asking the name');
  await shoot(page, 'first-record-asks-name');
  await myName.fill('  Dana Reyes ');
  await board.submitDeal();
  await expect(board.card('First deal')).toBeVisible();

  // Settings hold it (trimmed); the next forms do not ask and default to it as owner.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Dana Reyes');
  await page.goto('./');
  await ready(page);
  await page.getByRole('button', { name: 'New deal' }).first().click();
  await expect(board.dialog.getByLabel('Title')).toBeFocused();
  await expect(board.dialog.getByLabel('Your name')).toHaveCount(0);
  await expect(board.dialog.getByLabel('Owner')).toHaveValue('Dana Reyes');
  await page.keyboard.press('Escape');
  const contacts = new ContactsPage(page);
  await contacts.goto();
  // The contact made with the deal is the rep's too.
  await expect(contacts.row('Lena Park')).toContainText('Dana Reyes');
  await contacts.openForm();
  await expect(contacts.dialog.getByLabel('Your name')).toHaveCount(0);
  await expect(contacts.dialog.getByLabel('Owner')).toHaveValue('Dana Reyes');
});
