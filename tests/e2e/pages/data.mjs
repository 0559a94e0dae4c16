// Page object for the Data page: sections found by their headings, files chosen through
// their labelled inputs, downloads read back as text.
import { readFile } from 'node:fs/promises';
import { expect, ready } from '../fixtures.mjs';

export const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

export class DataPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.goto('./data');
    await ready(this.page);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  }

  section(name) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** "This browser holds 3 contacts, 5 deals and 12 tasks." */
  holds() {
    return this.section('Back up').getByText(/^This browser holds/);
  }

  async expectHolds(contacts, deals, tasks) {
    const plural = (n, one, many) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
    await expect(this.holds()).toHaveText(
      `This browser holds ${plural(contacts, 'contact', 'contacts')}, ${plural(deals, 'deal', 'deals')} and ${plural(tasks, 'task', 'tasks')}.`,
    );
  }

  async loadDemo() {
    await this.section('Demo and reset').getByRole('button', { name: 'Load demo data' }).click();
    // The demo generator is fetched on first use: wait until the demo is there, or until
    // the question asked when the browser already holds records.
    await expect(this.holds().filter({ hasText: ' 300 deals ' }).or(this.dialog('Replace your data with the demo?')).first()).toBeVisible();
  }

  /** Clicks a button that downloads a file; returns its name and text. */
  async download(button) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const buffer = await readFile(await download.path());
    const name = download.suggestedFilename();
    // `file` is what setInputFiles takes: the bytes under the name the browser saved.
    return { name, text: buffer.toString('utf8'), file: { name, mimeType: 'application/octet-stream', buffer } };
  }

  async backup() {
    return this.download(this.section('Back up').getByRole('button', { name: 'Download a backup' }));
  }

  /** Chooses a file (a path, or { name, mimeType, buffer }) in the labelled input. */
  async choose(label, file) {
    await this.page.getByLabel(label, { exact: true }).setInputFiles(file);
  }

  dialog(name) {
    return this.page.getByRole('dialog', { name });
  }

  async clearAll() {
    await this.section('Demo and reset').getByRole('button', { name: 'Clear all data' }).click();
    await this.dialog('Clear all data?').getByRole('button', { name: 'Clear everything' }).click();
    await this.expectHolds(0, 0, 0);
  }
}
