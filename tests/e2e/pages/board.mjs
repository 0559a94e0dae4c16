// Page objects for the pipeline board and the deal page: what a rep sees and does,
// found by accessible names only.
import { expect, ready, isoDay } from '../fixtures.mjs';

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

  /** Opens the new-deal form and fills it; `contact` may be a new name. */
  async addDeal({ title, contact, value = '', source = '', step, started }) {
    await this.page.getByRole('button', { name: 'New deal' }).first().click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByLabel('Title')).toBeFocused();
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

  async changeDate(step, on) {
    await this.row(step).getByRole('button', { name: /^Change date/ }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('Entered on').fill(on);
    await this.dialog.getByRole('button', { name: 'Save date' }).click();
  }
}
