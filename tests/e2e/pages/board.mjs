// Page objects for the pipeline board and the deal page: what a rep sees and does,
// found by accessible names only.
import { expect, ready, isoDay, me, nameIfAsked } from '../fixtures.mjs';

/** `YYYY-MM-DD` for `days` days before the test's today. */
export function daysAgo(days) {
  return isoDay(-days);
}

export class BoardPage {
  constructor(page) {
    this.page = page;
    this.dialog = page.getByRole('dialog');
  }

  async open(query = '') {
    await this.page.goto(`./${query}`);
    await ready(this.page);
  }

  async loadDemo() {
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.board()).toBeVisible();
  }

  board() {
    return this.page.getByRole('region', { name: 'Pipeline board' });
  }

  column(name) {
    return this.board().getByRole('region', { name, exact: true });
  }

  /** The "N deals" line of a column's header. */
  count(name) {
    return this.column(name).getByText(/^\d+ deals?$/);
  }

  card(title) {
    return this.board().getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  moveButton(title) {
    return this.card(title).getByRole('button', { name: `Move to… ${title}` });
  }

  /**
   * Opens the new-deal form and fills it; `contact` may be a new name. Before the first
   * record the form asks the rep's name: `myName` (null: leave it for the test).
   */
  async addDeal({ title, contact, value = '', source = '', step, started, myName = me }) {
    await this.page.getByRole('button', { name: 'New deal' }).first().click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByLabel('Title')).toBeFocused();
    if (myName !== null) await nameIfAsked(this.dialog, myName);
    await this.dialog.getByLabel('Title').fill(title);
    await this.dialog.getByLabel('Contact').fill(contact);
    if (value) await this.dialog.getByLabel('Value').fill(value);
    if (source) await this.dialog.getByLabel('Source').fill(source);
    if (step) await this.dialog.getByLabel('First step').selectOption({ label: step });
    if (started) await this.dialog.getByLabel('Date it started').fill(started);
  }

  async submitDeal() {
    await this.dialog.getByRole('button', { name: 'Add deal' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Moves a card with its "Move to…" button and the dialog. */
  async move(title, to, on, note = '') {
    await this.moveButton(title).click();
    await this.fillMove(to, on, note);
    await this.dialog.getByRole('button', { name: /^(Move|Mark won|Mark lost|Reopen)$/ }).click();
  }

  async fillMove(to, on, note = '') {
    await expect(this.dialog).toBeVisible();
    if (to) await this.dialog.getByLabel(/^(Move to|Reopen at)$/).selectOption({ label: to });
    await this.dialog.getByLabel('Date of the change').fill(on);
    if (note) await this.dialog.getByLabel(/^(Note \(optional\)|Loss reason)/).fill(note);
  }

  /** Opens a deal's page from its card's title. */
  async openDeal(title) {
    await this.board().getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  }
}

export class DealPage {
  constructor(page) {
    this.page = page;
    this.dialog = page.getByRole('dialog');
    this.history = page.getByRole('table', { name: 'Stage history' });
  }

  /** The history rows' cells as text: [step, entered on, days, note]. */
  async historyRows() {
    const rows = this.history.getByRole('row');
    const count = await rows.count();
    const out = [];
    for (let i = 1; i < count; i += 1) {
      const cells = rows.nth(i).getByRole('cell');
      const step = await rows.nth(i).getByRole('rowheader').innerText();
      out.push([step.trim(), ...(await cells.allInnerTexts()).slice(0, 3).map((t) => t.trim())]);
    }
    return out;
  }

  row(step) {
    return this.history.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${step}`) }) });
  }

  /** The history as [step, entered on, note], what a correction or a merge can change. */
  async entries() {
    await expect(this.history).toBeVisible();
    return (await this.historyRows()).map(([step, on, , note]) => [step, on, note]);
  }

  /** One of the deal's action buttons (Edit, Move to…, Win, Lose, Reopen, Delete). */
  action(name) {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  /** Logs a stage change from the deal page: `button` opens the dialog, `confirm` saves. */
  async logChange(button, { to, on, note = '' }, confirm) {
    await this.action(button).click();
    await expect(this.dialog).toBeVisible();
    if (to) await this.dialog.getByLabel(/^(Move to|Reopen at)$/).selectOption({ label: to });
    await this.dialog.getByLabel('Date of the change').fill(on);
    if (note) await this.dialog.getByLabel(/^(Note \(optional\)|Loss reason)/).fill(note);
    await this.dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async moveTo(to, on, note = '') {
    await this.logChange('Move to…', { to, on, note }, 'Move');
  }

  async win(on) {
    await this.logChange('Win', { on }, 'Mark won');
  }

  async reopen(at, on) {
    await this.logChange('Reopen', { to: at, on }, 'Reopen');
  }

  /** Corrects one stage change's date and note through "Change date". */
  async correct(step, { on, note }) {
    await this.row(step).getByRole('button', { name: /^Change date/ }).click();
    await expect(this.dialog).toBeVisible();
    if (on !== undefined) await this.dialog.getByLabel('Entered on').fill(on);
    if (note !== undefined) await this.dialog.getByLabel(/^(Note \(optional\)|Loss reason)/).fill(note);
    await this.dialog.getByRole('button', { name: 'Save date' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Removes one stage change entered by mistake, after the question. */
  async removeChange(step) {
    await this.row(step).getByRole('button', { name: /^Remove/ }).click();
    await this.dialog.getByRole('button', { name: 'Remove change' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async setValue(value) {
    await this.action('Edit').click();
    await this.dialog.getByLabel('Value').fill(value);
    await this.dialog.getByRole('button', { name: 'Save deal' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async delete() {
    await this.action('Delete').click();
    await this.dialog.getByRole('button', { name: 'Delete deal' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  }

  async changeDate(step, on) {
    await this.row(step).getByRole('button', { name: /^Change date/ }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Entered on').fill(on);
    await this.dialog.getByRole('button', { name: 'Save date' }).click();
  }
}
