// Page objects for the contacts, contact and calendar pages: what a rep sees and does,
// found by role and accessible name.
import { expect, ready, screenshots, isoDay, shown, me, nameIfAsked } from '../fixtures.mjs';

/** A contact's own name field ("Name *"), not the rep's "Your name" asked before the first record. */
export const nameField = (form) => form.getByLabel(/^Name\b/);

/** Saves what fits in the window (long lists make full-page shots hard to read). */
export async function shootTop(page, name) {
  await page.screenshot({ path: `${screenshots}${name}.png` });
}

export { isoDay, shown };

export class ContactsPage {
  constructor(page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'New contact' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.type = page.getByLabel('Type', { exact: true });
    this.table = page.getByRole('table');
  }

  async goto(query = '') {
    await this.page.goto(`./contacts${query}`);
    await ready(this.page);
  }

  async loadDemo() {
    await this.goto();
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.table).toBeVisible();
  }

  async openForm() {
    await this.page.getByRole('button', { name: 'New contact' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(nameField(this.dialog)).toBeFocused();
  }

  /**
   * Fills the open form; fields left out keep their defaults. Before the first record
   * the form asks the rep's name: `myName` (null: leave it for the test).
   */
  async fill({ name, company, email, phone, owner, source, type, notes, myName = me }) {
    const d = this.dialog;
    if (myName !== null) await nameIfAsked(d, myName);
    if (name !== undefined) await nameField(d).fill(name);
    if (company !== undefined) await d.getByLabel('Company').fill(company);
    if (email !== undefined) await d.getByLabel('Email').fill(email);
    if (phone !== undefined) await d.getByLabel('Phone').fill(phone);
    if (owner !== undefined) await d.getByLabel('Owner').fill(owner);
    if (source !== undefined) await d.getByLabel('Source').fill(source);
    if (type !== undefined) await d.getByLabel('Type').selectOption({ label: type });
    if (notes !== undefined) await d.getByLabel('Notes').fill(notes);
  }

  async add(contact) {
    await this.openForm();
    await this.fill(contact);
    await this.dialog.getByRole('button', { name: 'Add contact' }).click();
    await expect(this.dialog).toBeHidden();
  }

  row(name) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async open(name) {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }
}

export class ContactPage {
  constructor(page) {
    this.page = page;
    this.actions = page.locator('main');
  }

  button(name) {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  async changeType(type, iso) {
    await this.button('Change type').click();
    const dialog = this.page.getByRole('dialog', { name: 'Change type' });
    await dialog.getByLabel('New type').selectOption({ label: type });
    await dialog.getByLabel('Since').fill(iso);
    await dialog.getByRole('button', { name: 'Change type' }).click();
    await expect(dialog).toBeHidden();
  }

  typeHistory() {
    return this.page.getByRole('region', { name: 'Type history' }).getByRole('listitem');
  }

  tasks() {
    return this.page.getByRole('region', { name: 'Tasks' });
  }

  deals() {
    return this.page.getByRole('region', { name: 'Deals' });
  }
}

/** The task dialog (new or edit), wherever it was opened. */
export class TaskDialog {
  constructor(page, name = 'New task') {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name });
  }

  /** Fills the form: `tag` and `kind` are option values (e.g. 's2', 'demo'). */
  async fill({ title, date, time, duration, kind, contact, tag, notes }) {
    const d = this.dialog;
    if (title !== undefined) await d.getByLabel('Title').fill(title);
    if (date !== undefined) await d.getByLabel('Date').fill(date);
    if (time !== undefined) await d.getByLabel('Time').fill(time);
    if (duration !== undefined) await d.getByLabel('Duration').fill(duration);
    if (kind !== undefined) await d.getByLabel('Kind').selectOption(kind);
    if (contact !== undefined) await d.getByLabel('Contact').selectOption({ label: contact });
    if (tag !== undefined) await d.getByLabel('Pipeline tag').selectOption(tag);
    if (notes !== undefined) await d.getByLabel('Notes').fill(notes);
  }

  async save(button = 'Add task') {
    await this.dialog.getByRole('button', { name: button }).click();
    await expect(this.dialog).toBeHidden();
  }
}

export class CalendarPage {
  constructor(page) {
    this.page = page;
    this.views = page.getByRole('navigation', { name: 'Calendar view' });
  }

  async goto(query = '') {
    await this.page.goto(`./calendar${query}`);
    await ready(this.page);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  }

  async show(view) {
    await this.views.getByRole('link', { name: view }).click();
    await expect(this.views.getByRole('link', { name: view })).toHaveAttribute('aria-current', 'page');
  }

  /** The list item of a task, found by its title button. */
  task(title) {
    return this.page.getByRole('main').getByRole('listitem').filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  done(title) {
    return this.page.getByRole('checkbox', { name: `Done: ${title}` });
  }

  filter(label) {
    return this.page.getByRole('main').getByLabel(label, { exact: true });
  }
}
