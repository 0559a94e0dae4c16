// Lazily loaded wasm chunks: the board downloads its first load and, once idle, the
// merge's chunk; each
// page, the demo and the dialogs fetch their own chunk the first time they are used; a
// chunk that cannot be fetched says so, with a retry that works once the network is
// back; and after one visit every chunk is cached, so everything works offline.
import { test, expect, expectAccessible, ready } from './fixtures.mjs';
import { firstLoadFiles } from '../../scripts/size.mjs';
import { DataPage, fixture } from './pages/data.mjs';
import { BoardPage } from './pages/board.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const heading = (page, name) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

/** The paths (under the site's root, no leading '/') the page itself requests. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname.replace(/^\//, '')));
  return seen;
}
const chunksIn = (paths) => paths.filter((p) => /\/(split|chunk)_[^/]*\.wasm$/.test(p)).map((p) => p.split('/').pop());

/** Lets through the console messages a refused fetch causes, and only those. */
function expectFetchFailures(page) {
  const expected = /Failed to fetch|Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED|TypeError/;
  const seen = page.problems.filter((p) => expected.test(p));
  page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !expected.test(p)));
  return seen;
}

test.describe('with the network', () => {
  // Playwright cannot intercept what a service worker fetches: keep it out here.
  test.use({ serviceWorkers: 'block' });

  test('the board loads its first load only; each page fetches its chunk on first use', async ({ page }) => {
    const seen = requests(page);
    await page.goto('./');
    await ready(page);
    await heading(page, 'Pipeline');
    await page.waitForLoadState('networkidle');
    const first = new Set(firstLoadFiles(dist));
    const wasm = seen.filter((p) => p.endsWith('.wasm') || p.endsWith('.js'));
    // Beyond the first load, only the merge's chunk, fetched once the page is idle (it
    // is needed when another tab writes), and the shared chunks it needs.
    const early = chunksIn(seen);
    expect(early).toContain('split_merging.wasm');
    expect(early.filter((c) => c !== 'split_merging.wasm' && !c.startsWith('chunk_')), 'no page chunk before its page').toEqual([]);
    const later = wasm.filter((p) => !first.has(p) && p !== 'sw.js' && !chunksIn([p]).length);
    expect(later, 'files beyond the first load').toEqual([]);

    for (const [link, name, chunk] of [
      ['Reports', 'Reports', 'split_reports.wasm'],
      ['Data', 'Data', 'split_data.wasm'],
      ['Settings', 'Settings', 'split_settings.wasm'],
      ['Contacts', 'Contacts', 'split_contacts.wasm'],
      ['Calendar', 'Calendar', 'split_calendar.wasm'],
    ]) {
      const before = chunksIn(seen).length;
      await nav(page, link);
      await heading(page, name);
      expect(chunksIn(seen).slice(before), `${link} fetches its chunk`).toContain(chunk);
    }
    // A page seen before does not fetch again.
    const before = seen.length;
    await nav(page, 'Reports');
    await heading(page, 'Reports');
    expect(chunksIn(seen.slice(before))).toEqual([]);
  });

  test('a page whose chunk cannot be fetched says so, and "Try again" loads it', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    const refuse = (route) => route.abort('internetdisconnected');
    await page.route('**/split_reports.wasm', refuse);
    await nav(page, 'Reports');
    await heading(page, 'This page could not be loaded');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('could not download this part of the app');
    await expect(alert).toContainText('Your data is safe');
    await expectAccessible(page, 'chunk failure');
    // The rest of the app still works meanwhile.
    await nav(page, 'Pipeline');
    await heading(page, 'Pipeline');
    await nav(page, 'Reports');
    await heading(page, 'This page could not be loaded');
    expect(expectFetchFailures(page).length).toBeGreaterThan(0);

    await page.unroute('**/split_reports.wasm', refuse);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await heading(page, 'Reports');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a dialog or the demo that cannot be fetched says so, and recovers', async ({ page }) => {
    const board = new BoardPage(page);
    await board.open();
    const refuse = (route) => route.abort('internetdisconnected');

    await page.route('**/split_demo.wasm', refuse);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(page.getByRole('alert')).toContainText('The demo could not be downloaded');
    await page.unroute('**/split_demo.wasm', refuse);
    await board.loadDemo();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.route('**/split_move_dialog.wasm', refuse);
    await page.getByRole('button', { name: /^Move to…/ }).first().click();
    const failed = page.getByRole('dialog', { name: 'This could not be loaded' });
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('alert')).toContainText('could not download this part of the app');
    await expectAccessible(page, 'dialog chunk failure');
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(failed).toBeHidden();

    await page.getByRole('button', { name: /^Move to…/ }).first().click();
    await expect(failed).toBeVisible();
    await page.unroute('**/split_move_dialog.wasm', refuse);
    await failed.getByRole('button', { name: 'Try again' }).click();
    const move = page.getByRole('dialog', { name: /^Move “/ });
    await expect(move).toBeVisible();
    await move.getByRole('button', { name: 'Cancel' }).click();
    await expect(move).toBeHidden();
    expect(expectFetchFailures(page).length).toBeGreaterThan(0);
  });
});

test('after one visit, every page, the import wizard, the demo and the dialogs work offline', async ({ page, context }) => {
  await page.goto('./');
  await ready(page);
  // The worker caches every file of the build, chunks included, before it takes over.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);

  const data = new DataPage(page);
  await nav(page, 'Data');
  await heading(page, 'Data');
  await data.loadDemo();
  await expect(data.holds()).toContainText('300 deals');
  const importer = data.section('Import from a spreadsheet or another CRM');
  await importer.getByLabel('Deals (with their contacts)').check();
  await data.choose('2. CSV file to import', fixture('deals-export.csv'));
  await expect(importer.getByText(/^Read “deals-export\.csv”: 6 rows/)).toBeVisible();
  await importer.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('region', { name: 'Import check' })).toContainText('rows can be imported');

  for (const [link, name] of [['Reports', 'Reports'], ['Settings', 'Settings'], ['Contacts', 'Contacts'], ['Calendar', 'Calendar'], ['Pipeline', 'Pipeline']]) {
    await nav(page, link);
    await heading(page, name);
  }
  await page.getByRole('button', { name: 'New deal' }).click();
  const form = page.getByRole('dialog', { name: 'New deal' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Move to…/ }).first().click();
  const move = page.getByRole('dialog', { name: /^Move “/ });
  await expect(move).toBeVisible();
  await move.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('region', { name: 'Pipeline board' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/deals\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});
