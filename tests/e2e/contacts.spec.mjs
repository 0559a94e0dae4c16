// Contacts and the contact page, used the way a rep would: add a contact (fixing a bad
// email the form points out), open it, change its type with a date, edit it, find it
// again after a reload, search and filter through the URL, delete with a warning.
import { test, expect, expectAccessible, shoot, ready } from './fixtures.mjs';
import { ContactsPage, ContactPage, TaskDialog, isoDay, shown, shootTop, nameField } from './pages/people.mjs';

test('add a contact, fix the email the form flags, change type with a date, edit, reload', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  await contacts.openForm();
  // The first record: the rep has no name yet, so the form asks it; it becomes the owner.
  await expect(contacts.dialog.getByLabel('Your name')).toBeVisible();
  await expect(contacts.dialog.getByLabel('Owner')).toHaveValue('');
  await contacts.fill({ name: 'Ana Ruiz', company: 'Acme Tools', email: 'ana at acme', phone: '+1 555 0100', source: 'Referral' });
  await page.keyboard.press('Enter');
  const email = contacts.dialog.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription("'ana at acme' does not look like an email address");
  await expectAccessible(page, 'new contact dialog with an error');
  await shoot(page, 'contact-form-error');
  await email.fill('ana@acme.test');
  await email.press('Enter');
  await expect(contacts.dialog).toBeHidden();

  const row = contacts.row('Ana Ruiz');
  await expect(row).toContainText('Acme Tools');
  await expect(row).toContainText('Lead');
  await expect(row).toContainText('Dana Reyes');
  await expect(row).toContainText('None planned');

  await contacts.open('Ana Ruiz');
  const contact = new ContactPage(page);
  await expect(page.getByRole('link', { name: 'ana@acme.test' })).toHaveAttribute('href', 'mailto:ana@acme.test');
  // The type cannot change before the contact was added (today): said next to the date.
  await contact.button('Change type').click();
  const dialog = page.getByRole('dialog', { name: 'Change type' });
  await expect(dialog.getByLabel('New type')).toHaveValue('prospect');
  await dialog.getByLabel('Since').fill(isoDay(-2));
  await dialog.getByRole('button', { name: 'Change type' }).click();
  await expect(dialog.getByLabel('Since')).toHaveAccessibleDescription(/is before the previous change/);
  await expectAccessible(page, 'change type dialog with an error');
  await dialog.getByLabel('Since').fill(isoDay());
  await dialog.getByRole('button', { name: 'Change type' }).click();
  await expect(dialog).toBeHidden();
  await expect(contact.typeHistory()).toHaveText([`Lead since ${shown(isoDay())}`, `Prospect since ${shown(isoDay())}`]);
  await contact.changeType('Client', isoDay());
  await expect(contact.typeHistory()).toHaveCount(3);
  await expect(contact.typeHistory().last()).toHaveText(`Client since ${shown(isoDay())}`);

  await contact.button('Edit').click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  await expect(nameField(edit)).toHaveValue('Ana Ruiz');
  await expect(edit.getByLabel('Your name')).toHaveCount(0);
  await edit.getByLabel('Company').fill('Acme Robotics');
  await edit.getByRole('button', { name: 'Save contact' }).click();
  await expect(edit).toBeHidden();

  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
  await expect(page.getByText('Acme Robotics')).toBeVisible();
  await expect(contact.typeHistory()).toHaveCount(3);
  await expectAccessible(page, 'contact page');
});

test('search and type filter live in the URL and survive a reload', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.add({ name: 'Ana Ruiz', company: 'Acme', type: 'Client' });
  await contacts.add({ name: 'Bo Chen', company: 'Globex', email: 'bo@globex.test' });
  await contacts.add({ name: 'Cy Diaz', company: 'Acme Labs', type: 'Prospect' });
  await expect(page.getByRole('status')).toHaveText('3 contacts');

  await contacts.search.pressSequentially('acme');
  await expect(page).toHaveURL(/[?&]q=acme/);
  await expect(contacts.table.getByRole('link')).toHaveText(['Ana Ruiz', 'Cy Diaz']);
  await contacts.type.selectOption({ label: 'Prospect' });
  await expect(page).toHaveURL(/type=prospect/);
  await expect(contacts.table.getByRole('link')).toHaveText(['Cy Diaz']);
  await expect(page.getByRole('status')).toHaveText('1 of 3 contacts');

  await page.reload();
  await ready(page);
  await expect(contacts.search).toHaveValue('acme');
  await expect(contacts.type).toHaveValue('prospect');
  await expect(contacts.table.getByRole('link')).toHaveText(['Cy Diaz']);

  await contacts.goto('?q=globex.test');
  await expect(contacts.table.getByRole('link')).toHaveText(['Bo Chen']);
  await contacts.goto('?q=nobody');
  await expect(page.getByText('No contact matches this search.')).toBeVisible();
  await expectAccessible(page, 'contacts with no match');
});

test('a name made of HTML shows as text on every page', async ({ page }) => {
  const evil = '<img src=x onerror=alert(1)>';
  page.on('dialog', () => { throw new Error('a script ran'); });
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.add({ name: evil, company: '<b>Bold</b>' });
  await expect(contacts.table.getByRole('link', { name: evil })).toBeVisible();
  await expect(page.getByText('<b>Bold</b>')).toBeVisible();
  await contacts.open(evil);
  await new ContactPage(page).button('Add task').click();
  const task = new TaskDialog(page);
  await expect(task.dialog.getByText(evil)).toBeVisible();
  await task.fill({ title: '<script>alert(2)</script>' });
  await task.save();
  await page.goto('./calendar?view=agenda');
  await expect(page.getByRole('link', { name: evil })).toBeVisible();
  await expect(page.getByRole('button', { name: '<script>alert(2)</script>' })).toBeVisible();
  await page.getByRole('link', { name: evil }).click();
  await new ContactPage(page).button('Delete').click();
  await expect(page.getByRole('dialog', { name: `Delete ${evil}?` })).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
});

test('delete a contact after a warning that counts their deals and tasks', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.loadDemo();
  // The demo's first contact with open deals.
  const row = contacts.table.getByRole('row').filter({ has: page.getByRole('cell', { name: /^[1-9]\d*$/ }) }).first();
  const name = await row.getByRole('link').first().innerText();
  await contacts.open(name);
  const contact = new ContactPage(page);
  const deals = await contact.deals().getByRole('row').count() - 1;
  const tasks = await contact.tasks().getByRole('listitem').count();
  await contact.button('Delete').click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  const plural = (n, one) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);
  const parts = [deals && plural(deals, 'deal'), tasks && plural(tasks, 'task')].filter(Boolean).join(' and ');
  await expect(dialog).toContainText(`Deleting ${name} also removes their ${parts}.`);
  await expectAccessible(page, 'delete dialog');
  // Keeping it changes nothing.
  await dialog.getByRole('button', { name: 'Keep contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await contact.button('Delete').click();
  await dialog.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(contacts.table.getByRole('link', { name, exact: true })).toHaveCount(0);
  await page.reload();
  await ready(page);
  await expect(contacts.table.getByRole('link', { name, exact: true })).toHaveCount(0);
});

test('an unknown contact says so', async ({ page }) => {
  await page.goto('./contacts/not-a-contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact not found' })).toBeVisible();
  await page.goto('./contacts/0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact not found' })).toBeVisible();
  await expectAccessible(page, 'contact not found');
});

test('demo data: contacts list and a contact page look right and pass axe', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.loadDemo();
  expect(await contacts.table.getByRole('row').count()).toBeGreaterThan(20);
  await expectAccessible(page, 'contacts with demo data');
  await shootTop(page, 'contacts-demo');
  await contacts.type.selectOption({ label: 'Client' });
  const first = contacts.table.getByRole('row').nth(1);
  await expect(first).toContainText('Client');
  const name = await first.getByRole('link').first().innerText();
  await contacts.open(name);
  const contact = new ContactPage(page);
  await expect(contact.typeHistory().last()).toContainText('Client since');
  await expect(contact.deals().getByRole('link').first()).toHaveAttribute('href', /\/deals\/[0-9a-f]{32}$/);
  await expectAccessible(page, 'contact page with demo data');
  await shoot(page, 'contact-demo');
  await contact.button('Add task').click();
  await expect(page.getByRole('dialog', { name: 'New task' })).toBeVisible();
  await expectAccessible(page, 'new task dialog');
  await shoot(page, 'task-form');
});
