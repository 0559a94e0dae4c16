// Reports with the demo pipeline: the diagnosis reads first, the four demo reps are told
// apart, every chart has a name and a table of its figures, and the report's inputs
// (owner, period, benchmark) live in the URL.
import { test, expect, expectAccessible, shoot } from './fixtures.mjs';
import { ReportsPage } from './pages/reports.mjs';

const charts = [/^Revenue bridge from/, /^Wins of the deals that entered in /, /^Backlog and usual time per step/, /^Funnel of the deals that entered/, /^Deals in each step, day by day/];

test('the diagnosis leads and the owner table tells the four reps apart', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo();
  // Last full quarter against the previous one, for everyone.
  await expect(page.getByText(/^Diagnosis · Everyone · Q\d \d{4} compared with Q\d \d{4}$/)).toBeVisible();
  // The headline and the sentence under it agree: on track is at or above, the rest below.
  const verdict = await reports.verdict.textContent();
  if (verdict.startsWith('On track')) {
    await expect(reports.sentence()).toHaveText(/^Revenue (is \d+ % above|matches) /);
  } else {
    expect(verdict).toMatch(/^(Not enough chances|Closing effectiveness|Deal size): /);
    await expect(reports.sentence()).toHaveText(/^Revenue is \d+ % below /);
  }
  // Each demo rep against the team's average owner, as the core diagnoses them.
  await expect(reports.ownerVerdict('Ben Okafor')).toHaveText('Not enough chances too few new leads');
  await expect(reports.ownerVerdict('Chloe Martin')).toContainText('Closing effectiveness');
  await expect(reports.ownerVerdict('Dev Patel')).toContainText('Deal size');
  await expect(reports.ownerVerdict('Ana Ruiz')).toContainText('On track');
  // One level down: Ben's shortfall in wins starts at prospecting volume.
  await expect(reports.owners.getByRole('row', { name: /^Ben Okafor/ })).toContainText('Prospecting volume');
  await expect(reports.owners.getByRole('row', { name: /^Team's average owner/ })).toBeVisible();
  await expectAccessible(page, 'reports with demo data');
  await shoot(page, 'reports-demo');
});

test('scoping to an owner changes the URL and the headline', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo();
  await reports.owner.selectOption('Ben Okafor');
  await expect(page).toHaveURL(/\/reports\?owner=Ben%20Okafor$/);
  await expect(page.getByText(/^Diagnosis · Ben Okafor · /)).toBeVisible();
  await expect(reports.owners).toHaveCount(0);
  // Against the team's average owner Ben's problem is volume, not closing.
  await reports.bench.selectOption({ label: "The team's average owner" });
  await expect(page).toHaveURL(/owner=Ben%20Okafor&bench=team/);
  await expect(reports.verdict).toHaveText('Not enough chances: too few new leads');
  await expect(page.getByRole('row', { name: /^New leads Main cause/ })).toBeVisible();
  const starts = page.getByRole('region', { name: 'Where the shortfall starts' });
  await expect(starts).toContainText(/^Where the shortfall starts.*The deals that entered in Q\d \d{4} have [\d.]+ wins? so far; the team's average owner had [\d.]+ wins? at the same age .* Prospecting volume cost the most: [\d.]+ wins? \(\d+ vs [\d.]+ new leads\)\./);
  await expect(reports.chart(/^Wins of the deals that entered in /)).toBeVisible();
  // Judged on enough decided deals, or — with too few — on leads alone, said so.
  await expect(reports.sentence()).toHaveText(
    /^(Revenue is \d+ % below the team's average owner .* Fewer new leads cost |Not enough chances: \d+ new leads? in Q\d \d{4} against [\d.]+ for the team's average owner, under half\. Close rate and deal size cannot be judged on so few decided deals)/,
  );
  await shoot(page, 'reports-ben');
  // The browser's back button returns to everyone; an owner's name in the table opens theirs.
  await page.goBack();
  await page.goBack();
  await expect(page.getByText(/^Diagnosis · Everyone · /)).toBeVisible();
  await reports.owners.getByRole('link', { name: 'Chloe Martin' }).click();
  await expect(page).toHaveURL(/owner=Chloe%20Martin&bench=team/);
  await expect(reports.owner).toHaveValue('Chloe Martin');
  await expect(reports.verdict).toHaveText(/^Closing effectiveness: /);
  await expect(page.getByText(/^Better closing: (A close rate of \d+ % would bring|Even winning every decided deal)/)).toBeVisible();
  await expectAccessible(page, 'reports for one owner');
});

test('every chart has an accessible name and a table of its figures', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo();
  for (const name of charts) {
    await expect(reports.chart(name)).toBeVisible();
    const table = await reports.figures(name);
    await expect(table).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  }
  // The bridge's table holds the same money as the factors: from benchmark to now.
  const bridge = await reports.figures(charts[0]);
  await expect(bridge.getByRole('row', { name: /^Deal size [+−]\$/ })).toBeVisible();
  // Time in each step sits beside the backlog: every step, with its medians and p90s.
  const times = page.getByRole('region', { name: 'Time in each step' });
  await expect(times.getByRole('row', { name: /^Proposal \d+ [\d.]+ ([\d.]+|none left) / })).toBeVisible();
  await expect(times.getByRole('columnheader', { name: '90th pct' })).toHaveCount(2);
  // Bloated steps are said in words, and their stuck deals link to the deal pages.
  await expect(page.getByRole('region', { name: 'Pipeline bloat' }).getByText('Bloated').first()).toBeAttached();
  const stuck = page.locator('details.stuck-step[open]');
  await expect(stuck).toHaveCount(1);
  const firstDeal = stuck.getByRole('link').first();
  const title = await firstDeal.textContent();
  await firstDeal.click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]+$/);
  expect(title.length).toBeGreaterThan(0);
  await page.goBack();
  await expect(reports.chart(charts[0])).toBeVisible();
  await expectAccessible(page, 'reports with every figures table open');
});

test('switching the period updates the figures and stays in the URL', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo();
  const quarterRevenue = await reports.kpi('Revenue').textContent();
  const quarterSentence = await reports.sentence().textContent();
  await reports.period.selectOption({ label: 'Last year' });
  await expect(page).toHaveURL(/period=last-year/);
  await expect(page.getByText(/^Diagnosis · Everyone · \d{4} compared with \d{4}$/)).toBeVisible();
  await expect(reports.kpi('Revenue')).not.toHaveText(quarterRevenue);
  await expect(reports.sentence()).not.toHaveText(quarterSentence);
  await page.reload();
  await expect(reports.period).toHaveValue('last-year');
  await expect(page.getByText(/^Diagnosis · Everyone · \d{4} compared with \d{4}$/)).toBeVisible();

  // An unfinished year is "so far" and compares with as many days of the one before
  // (neither project's day is a Dec 31).
  await reports.period.selectOption({ label: 'This year' });
  await expect(page.getByText(/^Diagnosis · Everyone · \d{4} so far compared with \d{4}, first \d+ days$/)).toBeVisible();

  // Custom dates start from the period on show; an end before the start is refused.
  await reports.period.selectOption({ label: 'Last year' });
  await reports.period.selectOption({ label: 'Custom dates' });
  const from = page.getByLabel('From', { exact: true });
  await expect(from).toHaveValue(/^\d{4}-01-01$/);
  await page.getByLabel('To', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(page.getByText(/^The end date is before the start date\. Showing Q\d \d{4} meanwhile\.$/)).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'reports with a date error');

  // A revenue target: entered in the form, Enter applies it.
  await reports.period.selectOption({ label: 'Last full quarter' });
  await reports.bench.selectOption({ label: 'A revenue target' });
  await expect(page.getByText('Enter the revenue target to compare with.')).toBeVisible();
  const target = page.getByLabel(/^Target revenue/);
  await target.fill('2000000');
  await target.press('Enter');
  await expect(page).toHaveURL(/bench=target&target=2000000/);
  await expect(page.getByText(/^Diagnosis · Everyone · Q\d \d{4} compared with the target$/)).toBeVisible();
  await expect(reports.kpi('Coverage')).toHaveText(/^\d+(\.\d)?×$/);
  await shoot(page, 'reports-target');
});

test('a period without enough decided deals says so honestly, and the page fits a phone', async ({ page }) => {
  const reports = new ReportsPage(page);
  await reports.openWithDemo('?period=custom&from=2020-01-05&to=2020-02-10');
  await expect(reports.verdict).toHaveText('Not enough data: too few decided deals to judge by');
  await expect(reports.sentence()).toHaveText(/^Not enough data for a diagnosis: 0 deals were decided in 2020-01-05 – 2020-02-10 and 0 for /);
  for (const name of charts) await expect(reports.chart(name)).toBeVisible();
  await expect(reports.kpi('Close rate')).toHaveText('—');
  await expectAccessible(page, 'reports without enough data');
  await shoot(page, 'reports-no-data');
  await page.setViewportSize({ width: 390, height: 844 });
  await reports.period.selectOption({ label: 'Last full quarter' });
  await expect(reports.owners).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);
  await shoot(page, 'reports-phone');
});

test('links keep the base path when the app is served under a sub-path', async ({ page }) => {
  const port = Number(process.env.E2E_PORT ?? 4173) + 1;
  const reports = new ReportsPage(page);
  await page.goto(`http://127.0.0.1:${port}/pipewise/reports?period=last-year`);
  await expect(reports.heading).toBeVisible();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await reports.owners.getByRole('link', { name: 'Dev Patel' }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${port}/pipewise/reports?owner=Dev%20Patel&period=last-year&bench=team`);
  await expect(reports.owner).toHaveValue('Dev Patel');
  await page.locator('details.stuck-step[open]').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`^http://127.0.0.1:${port}/pipewise/deals/[0-9a-f-]+$`));
});
