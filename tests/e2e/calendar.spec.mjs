// The calendar follows the sales process: a task added from a contact shows in the
// agenda and the month with its pipeline tag (colour and name), can be marked done and
// undone, and stays so after a reload; filters and the view live in the URL.
import { test, expect, expectAccessible, shoot, ready } from './fixtures.mjs';
import { ContactsPage, ContactPage, TaskDialog, CalendarPage, isoDay, shown, shootTop } from './pages/people.mjs';

test('a task added from a contact shows in the agenda and month with its tag, done survives reload', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.add({ name: 'Ana Ruiz', company: 'Acme' });
  await contacts.open('Ana Ruiz');
  await new ContactPage(page).button('Add task').click();
  const form = new TaskDialog(page);
  await expect(form.dialog.getByText('For Ana Ruiz')).toBeVisible();
  await expect(form.dialog.getByLabel('Title')).toBeFocused();
  await expect(form.dialog.getByLabel('Date')).toHaveValue(isoDay());
  await expect(form.dialog.getByLabel('Pipeline tag').locator('option:checked')).toHaveText('Default: Lead');
  // A title is required: said next to it.
  await form.dialog.getByRole('button', { name: 'Add task' }).click();
  await expect(form.dialog.getByLabel('Title')).toHaveAccessibleDescription('Title is required');
  await form.fill({ title: 'Intro call', time: '10:30', duration: '30', kind: 'call' });
  await form.dialog.getByLabel('Title').press('Enter');
  await expect(form.dialog).toBeHidden();
  const onContact = new ContactPage(page).tasks().getByRole('listitem');
  await expect(onContact).toHaveCount(1);
  await expect(onContact).toContainText('Intro call');
  await expect(onContact).toContainText('Lead');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  const calendar = new CalendarPage(page);
  await calendar.show('Agenda');
  const item = calendar.task('Intro call');
  await expect(item).toContainText('10:30');
  await expect(item).toContainText('Lead');
  await expect(item).toContainText('Call');
  await expect(item.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
  await expectAccessible(page, 'calendar agenda');
  await calendar.done('Intro call').check();
  await expect(calendar.done('Intro call')).toBeChecked();

  await calendar.show('Month');
  await expect(calendar.task('Intro call')).toContainText('Lead');
  await expect(calendar.done('Intro call')).toBeChecked();
  await page.reload();
  await ready(page);
  await expect(calendar.done('Intro call')).toBeChecked();
  await calendar.show('Agenda');
  await expect(calendar.done('Intro call')).toBeChecked();
  await expect(calendar.task('Intro call')).toContainText(`Done ${shown(isoDay()).replace(/, \d{4}$/, '')}`);
  await calendar.done('Intro call').uncheck();
  await page.reload();
  await ready(page);
  await expect(calendar.done('Intro call')).not.toBeChecked();
});

test('a client demo tagged Prospect is prospecting; overdue stands out; edit and delete', async ({ page }) => {
  const contacts = new ContactsPage(page);
  await contacts.goto();
  await contacts.add({ name: 'Cy Diaz', company: 'Globex', type: 'Client' });
  const calendar = new CalendarPage(page);
  await calendar.goto('?view=agenda');
  await page.getByRole('button', { name: 'New task' }).click();
  const form = new TaskDialog(page);
  await form.fill({ title: 'Demo the new module', contact: 'Cy Diaz', kind: 'demo' });
  await expect(form.dialog.getByLabel('Pipeline tag').locator('option:checked')).toHaveText('Default: Client');
  await form.fill({ tag: 's2' });
  await expectAccessible(page, 'new task dialog');
  await form.save();
  const demo = calendar.task('Demo the new module');
  await expect(demo).toContainText('Prospect');
  await expect(demo).toContainText('Prospecting');
  await expect(demo).toContainText('Demo');

  await page.getByRole('button', { name: 'New task' }).click();
  await form.fill({ title: 'Send the recap', contact: 'Cy Diaz', kind: 'email', date: isoDay(-3) });
  await form.save();
  const late = calendar.task('Send the recap');
  await expect(late).toContainText('Overdue');
  await expect(page.getByRole('region', { name: /Overdue/ })).toContainText('Send the recap');
  await shoot(page, 'calendar-agenda-test');

  // Open a task, rename it, then delete it after confirming.
  await demo.getByRole('button', { name: 'Demo the new module' }).click();
  const edit = new TaskDialog(page, 'Edit task');
  await expect(edit.dialog.getByLabel('Pipeline tag')).toHaveValue('s2');
  await expectAccessible(page, 'edit task dialog');
  await edit.fill({ title: 'Demo the new module to Cy' });
  await edit.save('Save task');
  await calendar.task('Demo the new module to Cy').getByRole('button', { name: 'Demo the new module to Cy' }).click();
  await edit.dialog.getByRole('button', { name: 'Delete task' }).click();
  await edit.dialog.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(edit.dialog).toBeHidden();
  await expect(calendar.task('Demo the new module to Cy')).toHaveCount(0);

  // "+" on a day presets its date.
  await calendar.show('Month');
  const first = `${isoDay().slice(0, 8)}01`;
  await page.getByRole('button', { name: `Add task on ${shown(first)}` }).click();
  await expect(form.dialog.getByLabel('Date')).toHaveValue(first);
  await form.fill({ title: 'Plan the quarter', contact: 'Cy Diaz' });
  await form.save();
  await expect(calendar.task('Plan the quarter')).toContainText('Client');
});

test('filters and view live in the URL and survive a reload; paging moves the period', async ({ page }) => {
  await new ContactsPage(page).loadDemo();
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await calendar.show('Week');
  const items = page.getByRole('main').getByRole('listitem');
  const all = await items.count();
  await calendar.filter('Pipeline tag').selectOption('s5');
  await expect(page).toHaveURL(/tag=s5/);
  await expect.poll(() => items.count()).toBeLessThan(all);
  expect(await items.count()).toBeGreaterThan(0);
  for (const item of await items.all()) await expect(item).toContainText('Proposal');
  await calendar.filter('Kind').selectOption('follow-up');
  await expect(page).toHaveURL(/kind=follow-up/);
  const owner = (await calendar.filter('Owner').locator('option').nth(1).innerText()).trim();
  await calendar.filter('Owner').selectOption({ label: owner });
  await expect(page).toHaveURL(/owner=/);
  await expect(page).toHaveURL(/view=week/);
  await page.reload();
  await ready(page);
  await expect(calendar.filter('Kind')).toHaveValue('follow-up');
  await expect(calendar.filter('Pipeline tag')).toHaveValue('s5');
  await expect(calendar.filter('Owner')).toHaveValue(owner);
  for (const item of await items.all()) {
    await expect(item).toContainText('Proposal');
    await expect(item).toContainText('Follow-up');
  }

  const period = page.getByRole('heading', { level: 2 }).first();
  const before = await period.innerText();
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/date=\d{4}-\d{2}-\d{2}/);
  await expect(period).not.toHaveText(before);
  await expect(page).toHaveURL(/kind=follow-up/);
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(period).toHaveText(before);
});

test('demo data: month, week and agenda views look right and pass axe', async ({ page }) => {
  await new ContactsPage(page).loadDemo();
  const calendar = new CalendarPage(page);
  await calendar.goto();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page, 'calendar month');
  await shoot(page, 'calendar-month');
  await calendar.show('Week');
  await expectAccessible(page, 'calendar week');
  await shoot(page, 'calendar-week');
  await calendar.show('Agenda');
  await expectAccessible(page, 'calendar agenda');
  await shootTop(page, 'calendar-agenda');
  await page.getByRole('main').getByRole('listitem').first().getByRole('button').first().click();
  await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
  await expectAccessible(page, 'task dialog with demo data');
  await shoot(page, 'calendar-task-dialog');
});
