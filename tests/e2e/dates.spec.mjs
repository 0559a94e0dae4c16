// The journeys whose meaning depends on the date, at fixed days spread over the year
// and in zones far from UTC, at hours where the local day is not UTC's: the demo and its
// four stories in the Reports page's default view, "today" and "overdue" on the calendar,
// and the date a new deal starts on. Each case's local day decides what must be shown.
import { test, expect, isoDay, shown, clock, ready } from './fixtures.mjs';
import { ReportsPage } from './pages/reports.mjs';
import { CalendarPage, TaskDialog } from './pages/people.mjs';

const cases = [
  // New Year's morning in Sydney: still Dec 31 (another quarter, another year) in UTC.
  { wallClock: '2027-01-01T07:10', timezoneId: 'Australia/Sydney' },
  // Leap day, late evening in Los Angeles: already Mar 1 in UTC.
  { wallClock: '2028-02-29T23:35', timezoneId: 'America/Los_Angeles' },
  // First day of a quarter just after midnight in Sydney: still Q2 in UTC.
  { wallClock: '2026-07-01T00:20', timezoneId: 'Australia/Sydney' },
  // Last day of a quarter, late evening in Los Angeles: already Q4 in UTC.
  { wallClock: '2026-09-30T22:50', timezoneId: 'America/Los_Angeles' },
  // Mid-month, midday: the same day everywhere.
  { wallClock: '2026-11-15T12:00', timezoneId: 'Australia/Sydney' },
  // The day the suite first failed on (Ben's story vanished), in the morning.
  { wallClock: '2026-12-01T09:00', timezoneId: 'America/Los_Angeles' },
];

/** "Q3 2026" for the last quarter that ended before the local day `iso`. */
function lastFullQuarter(iso) {
  const [y, m] = iso.split('-').map(Number);
  const q = Math.floor((m - 1) / 3); // this quarter, 0-based
  return q === 0 ? `Q4 ${y - 1}` : `Q${q} ${y}`;
}

function quarterBefore(label) {
  const [q, y] = label.slice(1).split(' ').map(Number);
  return q === 1 ? `Q4 ${y - 1}` : `Q${q - 1} ${y}`;
}

for (const at of cases) {
  test.describe(`${at.wallClock} in ${at.timezoneId}`, () => {
    test.use(at);

    test('the demo tells its four stories in the Reports page as it opens', async ({ page }) => {
      // The browser's day is the local one, not UTC's.
      expect(await page.evaluate(() => new Date().toLocaleDateString('en-CA'))).toBe(clock.today);
      const reports = new ReportsPage(page);
      await reports.openWithDemo();
      const period = lastFullQuarter(clock.today);
      await expect(page.getByText(`Diagnosis · Everyone · ${period} compared with ${quarterBefore(period)}`, { exact: true })).toBeVisible();
      await expect(reports.ownerVerdict('Ana Ruiz')).toHaveText(/^On track /);
      await expect(reports.ownerVerdict('Ben Okafor')).toHaveText('Not enough chances too few new leads');
      await expect(reports.ownerVerdict('Chloe Martin')).toHaveText('Closing effectiveness too few decided deals are won');
      await expect(reports.ownerVerdict('Dev Patel')).toHaveText('Deal size won deals are smaller');
      await expect(reports.owners.getByRole('row', { name: /^Ben Okafor/ })).toContainText('Prospecting volume');
    });

    test('today and overdue on the calendar follow the local day', async ({ page }) => {
      const reports = new ReportsPage(page);
      await reports.openWithDemo();
      const calendar = new CalendarPage(page);
      await calendar.goto('?view=agenda');
      await page.getByRole('button', { name: 'New task' }).click();
      const form = new TaskDialog(page);
      await expect(form.dialog.getByLabel('Date')).toHaveValue(isoDay());
      const contact = await form.dialog.getByLabel('Contact').locator('option').nth(1).textContent();
      await form.fill({ title: 'Call back today', contact });
      await form.save();
      await page.getByRole('button', { name: 'New task' }).click();
      await form.fill({ title: 'Call back yesterday', contact, date: isoDay(-1) });
      await form.save();
      await expect(calendar.task('Call back today')).not.toContainText('Overdue');
      await expect(calendar.task('Call back yesterday').first()).toContainText('Overdue');
      await expect(page.getByRole('region', { name: /Overdue/ })).toContainText('Call back yesterday');
      await expect(page.getByRole('region', { name: /Overdue/ })).not.toContainText('Call back today');
      // The month view opens on the local month, with today's "+" on the local day.
      await calendar.show('Month');
      await expect(page.getByRole('button', { name: `Add task on ${shown(isoDay())}` })).toBeVisible();
    });

    test('a new deal starts today, the local day', async ({ page }) => {
      await page.goto('./');
      await ready(page);
      await page.getByRole('button', { name: 'New deal' }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel('Date it started')).toHaveValue(isoDay());
    });
  });
}
