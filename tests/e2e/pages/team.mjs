// Settings → Team sync and the header's sync status, found by accessible names.
import { expect, ready } from '../fixtures.mjs';

export class TeamPage {
  constructor(page) {
    this.page = page;
    this.section = page.getByRole('region', { name: 'Team sync' });
  }

  async open() {
    await this.page.goto('./settings');
    await ready(this.page);
    await expect(this.section).toBeVisible();
  }

  /** Fills the sign-in form and sends it. */
  async signIn({ server, db, user, password }) {
    await this.open();
    await this.section.getByLabel('Server address').fill(server);
    await this.section.getByLabel('Team database').fill(db);
    await this.section.getByLabel('CouchDB user name').fill(user);
    await this.section.getByLabel('Password').fill(password);
    await this.section.getByRole('button', { name: 'Sign in and sync' }).click();
  }

  /** The sync's sentence in Settings. */
  status() {
    return this.section.getByRole('status');
  }

  alert() {
    return this.section.getByRole('alert');
  }
}

/** The header's status link ("Team sync: Synced 11:40 PM"). */
export function badge(page) {
  return page.getByRole('banner').getByRole('link', { name: /^Team sync:/ });
}

/** Waits until the header says everything is synced. */
export async function synced(page, timeout = 20_000) {
  await expect(badge(page)).toHaveText(/Synced/, { timeout });
}

/**
 * Console errors the browser itself logs for a fetch that got an error status or no
 * answer (a wrong password's 401, the server down, the network off): expected in these
 * journeys, so taken out of the page's problems. Anything else stays a failure.
 */
export function allowNetworkErrors(page) {
  const expected = /^console: Failed to load resource: (net::ERR_|the server responded with a status of (401|403|404|409))/;
  for (let i = page.problems.length - 1; i >= 0; i--) {
    if (expected.test(page.problems[i])) page.problems.splice(i, 1);
  }
}
