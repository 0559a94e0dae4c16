// Shared test set-up: every test fails on a console error, an uncaught exception or a
// Content-Security-Policy violation, and can check a page with axe-core. Every test owns
// its clock: the browser's date comes from the `wallClock` option (a local wall time in
// the context's `timezoneId`), never from the machine, so the suite says the same on any
// day and in any zone the machine is in. `newBrowser` opens a teammate's browser (its own
// storage) with the same zone and wall time, checked the same way.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const screenshots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

/** The instant (ms since the epoch) at which clocks in `zone` show `wall` ("YYYY-MM-DDTHH:MM"). */
export function instantAt(wall, zone) {
  const [date, time = '00:00'] = wall.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  // How far the zone's clocks are ahead of UTC at an instant.
  const offset = (at) => {
    const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - at;
  };
  // Twice, so a wall time just after a daylight-saving change lands right.
  return asUtc - offset(asUtc - offset(asUtc));
}

/** The test's own "today" (YYYY-MM-DD in the browser's zone), set before each test. */
export const clock = { today: '' };

/** `YYYY-MM-DD` for `days` days after the test's today (negative: before). */
export function isoDay(days = 0) {
  const [y, m, d] = clock.today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A date as the app shows it in en-US, e.g. "Nov 29, 2026". */
export function shown(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

/** Fails the test on a console error, an uncaught exception or a CSP violation in `page`. */
export async function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.problems = problems;
  return page;
}

export const test = base.extend({
  /** Local wall time the browser's clock starts at, in the context's `timezoneId`. */
  wallClock: ['2026-05-16T10:30', { option: true }],
  page: async ({ page, context, wallClock, timezoneId }, use) => {
    // The clock runs on from there (timers and animation frames fire as usual).
    await context.clock.install({ time: instantAt(wallClock, timezoneId) });
    clock.today = wallClock.slice(0, 10);
    await watch(page);
    await use(page);
    expect(page.problems, 'console errors, exceptions or CSP violations').toEqual([]);
  },
  /**
   * Opens a page in another browser (a context of its own, so storage of its own: a
   * teammate's machine), in the same zone, with its clock set to the same wall time and
   * checked for errors like `page`.
   */
  newBrowser: async ({ browser, baseURL, locale, timezoneId, viewport, isMobile, hasTouch, wallClock }, use) => {
    const opened = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, isMobile, hasTouch });
      await context.clock.install({ time: instantAt(wallClock, timezoneId) });
      const page = await watch(await context.newPage());
      opened.push(page);
      return page;
    });
    for (const page of opened) {
      expect(page.problems, 'console errors, exceptions or CSP violations in the other browser').toEqual([]);
      await page.context().close();
    }
  },
});
export { expect };

/** Runs axe-core with the WCAG 2.1 A and AA rules and expects no violations. */
export async function expectAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Saves a full-page screenshot under tests/e2e/screenshots/. */
export async function shoot(page, name) {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** The rep's name, given when the first record asks for it. */
export const me = 'Dana Reyes';

/**
 * Gives the rep's name when the open form asks for it ("Your name" shows before the
 * first record, while Settings → Your name is empty). Call once the form is drawn.
 */
export async function nameIfAsked(scope, name = me) {
  const field = scope.getByLabel('Your name');
  if (await field.count()) await field.fill(name);
}

/** Waits until the app has mounted (the main navigation is there). */
export async function ready(page) {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
