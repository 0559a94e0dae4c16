// Team sync benchmarks (issue 13's budgets), against pouchdb-server 4.2.0 on loopback
// (tests/e2e/couch.mjs, in memory) and the release build in dist/, in headless Chromium:
//   1. first sync of 10,000 deals + 10,000 contacts (20,007 documents) into an empty
//      browser: the click on "Sign in and sync" → the first pipewise:sync:synced mark
//      (< 3 s), next to PouchDB 9 pulling the same database into IndexedDB
//      (tests/bench/pouchdb/, kept out of the repo's node_modules: pouchdb-server is
//      built on PouchDB 7);
//   2. a change saved in one browser → shown in another, both synced to a 100-deal
//      database (< 2 s, median of 5 changes);
//   3. localStorage after a first sync of the whole 10,000-deal pipeline with its tasks
//      (~49,000 documents): key.length + value.length over every key, in UTF-16 units
//      (< 2,500,000, Safari's quota), and how long that sync took;
//   4. the sync code's download (brotli) against PouchDB's pouchdb.min.js (38 kB).
// Each timing is the median of several runs (fastest in brackets); the machine is noisy,
// so compare runs rather than trust one. Documents come from the core's generator
// (`--example team_docs`), cached in target/bench/ for the day.
// Usage: node tests/bench/sync.mjs   (BENCH_RUNS=2 for a quicker look; make bench builds dist/)
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { featureLoad, sizes, SYNC_BUDGET } from '../../scripts/size.mjs';
import { startCouch, createUser, createTeamDb, adminFetch, seedDocs } from '../e2e/couch.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 5);
// One past browser.mjs's port (4373–4399 are this project's).
const PORT = Number(process.env.BENCH_PORT ?? 4390) + 1;
const APP = `http://127.0.0.1:${PORT}`;
const today = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD, local time like the app
mkdirSync('target/bench', { recursive: true });

const people = {
  ana: { user: 'ana', password: 'ana-bench-secret', name: 'Ana Alves' },
  ben: { user: 'ben', password: 'ben-bench-secret', name: 'Ben Brown' },
};

// ---- fixtures -------------------------------------------------------------------------

/** The generator's documents (`{"docs":[...]}`), made once a day and kept in target/bench/. */
function teamDocs(deals, records) {
  const file = `target/bench/team-docs-${deals}-${today}-${records}.json`;
  if (!existsSync(file) || statSync(file).size === 0) {
    execSync(`cargo run --release -q -p pipewise-core --example team_docs -- ${deals} ${today} ana ${records} > ${file}`,
      { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' });
  }
  return JSON.parse(readFileSync(file, 'utf8')).docs;
}

/** PouchDB 9's browser build, installed from tests/bench/pouchdb/package-lock.json. */
function pouchdbJs() {
  const file = 'tests/bench/pouchdb/node_modules/pouchdb/dist/pouchdb.min.js';
  if (!existsSync(file)) {
    // Only the browser build is used: leveldown's native build (an install script) is not needed.
    execSync('npm ci --prefix tests/bench/pouchdb --no-audit --no-fund --ignore-scripts', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const version = JSON.parse(readFileSync('tests/bench/pouchdb/node_modules/pouchdb/package.json', 'utf8')).version;
  return { body: readFileSync(file), version };
}

/** A team database of ana and ben, filled as the admin in batches of 1,000. */
async function seed(url, db, docs) {
  await createTeamDb(url, db, { members: { names: Object.keys(people) } });
  await seedDocs(url, db, docs);
  const info = await (await adminFetch(url, `/${db}`)).json();
  if (info.doc_count !== docs.length) throw new Error(`seeding ${db}: ${info.doc_count} documents, not ${docs.length}`);
  return info;
}

// ---- helpers --------------------------------------------------------------------------

const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
const fastest = (xs) => Math.min(...xs.filter(Number.isFinite));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const problems = [];

/** Marks the click on "Sign in and sync" / "Save deal" (performance mark and Date.now()),
 *  and the first frame whose header badge says Synced after that click. */
function instrument() {
  document.addEventListener('click', (e) => {
    const button = e.target.closest?.('button');
    const text = button?.textContent ?? '';
    if (/Sign in and sync|Save deal/.test(text)) {
      performance.mark('bench:click');
      window.__benchClickedAt = Date.now();
      window.__benchHeaderSynced = null;
    }
  }, true);
  const frame = () => {
    if (window.__benchClickedAt && window.__benchHeaderSynced === null) {
      const badge = document.querySelector('a.team-badge');
      if (badge && /Synced/.test(badge.textContent)) {
        window.__benchHeaderSynced = performance.now();
        performance.mark('bench:header-synced');
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function newContext(browser, label) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${label}: uncaught ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${label}: console ${m.text()}`); });
  return { context, page };
}

/** Settings → Team sync, filled and sent; resolves when the first round has ended. */
async function signInAndSync(page, couchUrl, db, who, timeout) {
  await page.goto(`${APP}/settings`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const section = page.getByRole('region', { name: 'Team sync' });
  await section.getByLabel('Server address').fill(couchUrl);
  await section.getByLabel('Team database').fill(db);
  await section.getByLabel('CouchDB user name').fill(people[who].user);
  await section.getByLabel('Password').fill(people[who].password);
  await section.getByRole('button', { name: 'Sign in and sync' }).click();
  const outcome = await page.waitForFunction(() => {
    if (performance.getEntriesByName('pipewise:sync:synced').length) return 'synced';
    const alert = document.querySelector('#team [role=alert]');
    return alert ? `refused: ${alert.textContent}` : false;
  }, null, { timeout, polling: 100 });
  const said = await outcome.jsonValue();
  if (said !== 'synced') throw new Error(`sign-in of ${who} to ${db}: ${said}`);
}

/** Where the first sync's time went, from the app's marks (ms after the click). */
const firstSyncMarks = (page) => page.evaluate(() => {
  const all = (n) => performance.getEntriesByName(n).map((e) => e.startTime);
  const click = all('bench:click').at(-1);
  const synced = all('pipewise:sync:synced').find((t) => t > click);
  const within = (n) => all(n).filter((t) => t >= click && t <= synced);
  const span = (a, b) => { // each `a` paired with the first `b` after it
    const bs = within(b);
    return within(a).reduce((sum, t) => sum + ((bs.find((x) => x >= t) ?? t) - t), 0);
  };
  const saveEnds = within('pipewise:save:end');
  const saves = saveEnds.reduce((sum, end) => sum + (end - within('pipewise:save:start').filter((s) => s <= end).at(-1)), 0);
  return {
    total: synced - click,
    header: (window.__benchHeaderSynced ?? NaN) - click,
    signIn: (all('pipewise:sync:start').find((t) => t > click) ?? NaN) - click,
    batches: within('pipewise:pull:start').length,
    fetch: span('pipewise:pull:start', 'pipewise:pull:fetched'),
    fold: span('pipewise:pull:fetched', 'pipewise:pull:folded'),
    saves,
    saveCount: saveEnds.length,
    pushes: within('pipewise:push:start').length,
    push: span('pipewise:push:start', 'pipewise:push:end'),
    lastFolded: (within('pipewise:pull:folded').at(-1) ?? NaN) - click,
  };
});

/** What localStorage holds: key.length + value.length over every key (UTF-16 units). */
const storageUse = (page) => page.evaluate(() => {
  const keys = {};
  let total = 0;
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    const units = key.length + (localStorage.getItem(key)?.length ?? 0);
    keys[key] = units;
    total += units;
  }
  return { total, keys };
});

// ---- the runs -------------------------------------------------------------------------

async function pipewiseFirstSync(browser, couch, db, timeout = 120_000) {
  const { context, page } = await newContext(browser, `first sync of ${db}`);
  try {
    await signInAndSync(page, couch.url, db, 'ana', timeout);
    const out = await firstSyncMarks(page);
    // The header may be drawn a frame or two after the mark.
    await page.waitForFunction(() => window.__benchHeaderSynced !== null, null, { timeout: 10_000 }).catch(() => {});
    out.header = await page.evaluate(() => (window.__benchHeaderSynced ?? NaN) - performance.getEntriesByName('bench:click').at(-1).startTime);
    // The book is saved after the browser paints the last batch: wait for that save.
    await page.waitForFunction(() => {
      const last = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? -1;
      return last('pipewise:save:end') > last('pipewise:pull:folded') && last('pipewise:save:end') >= last('pipewise:save:start');
    }, null, { timeout: 30_000, polling: 100 });
    await sleep(300);
    out.storage = await storageUse(page);
    out.unsaved = await page.getByText('Changes not saved').count();
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('pipewise.team.state') ?? '{}'));
    out.since = kept.since;
    out.waiting = kept.waiting?.length ?? NaN;
    return out;
  } finally {
    await context.close();
  }
}

async function pouchFirstSync(browser, pouchOrigin, remote) {
  const { context, page } = await newContext(browser, 'PouchDB');
  try {
    await page.goto(`${pouchOrigin}/`);
    return await page.evaluate(async ([remote, auth]) => {
      const local = new PouchDB('bench'); // IndexedDB, empty in a fresh context
      const server = new PouchDB(remote, { auth });
      const start = performance.now();
      const result = await local.replicate.from(server);
      const ms = performance.now() - start;
      const info = await local.info();
      return { ms, ok: result.ok, written: result.docs_written, count: info.doc_count, adapter: local.adapter };
    }, [remote, { username: people.ana.user, password: people.ana.password }]);
  } finally {
    await context.close();
  }
}

/** Both browsers synced to a small database; A edits a deal's value, B shows it. */
async function changeToOtherBrowser(browser, couch, db) {
  const a = await newContext(browser, 'browser A');
  const b = await newContext(browser, 'browser B');
  const out = [];
  try {
    await signInAndSync(a.page, couch.url, db, 'ana', 60_000);
    await signInAndSync(b.page, couch.url, db, 'ben', 60_000);
    await a.page.goto(`${APP}/`);
    const title = a.page.locator('.deal-card a.card-title').first();
    await title.waitFor();
    await title.click();
    await a.page.waitForURL(/\/deals\//);
    await a.page.getByRole('heading', { level: 1 }).waitFor();
    await b.page.goto(a.page.url());
    await b.page.getByRole('heading', { level: 1 }).waitFor();
    const badgeSynced = (p) => p.getByRole('banner').getByRole('link', { name: /^Team sync: Synced/ }).waitFor({ timeout: 30_000 });
    for (let i = 0; i < CHANGES; i++) {
      await badgeSynced(a.page);
      await badgeSynced(b.page);
      await sleep(500); // both back in their long poll
      const value = 4_321_000 + 17 * (i + 1);
      const shown = value.toLocaleString('en-US');
      // B watches its page for the new value from now on.
      const already = await b.page.evaluate((text) => {
        window.__benchSeenAt = null;
        const main = () => document.querySelector('main');
        const look = () => {
          if (window.__benchSeenAt === null && main()?.textContent.includes(text)) {
            window.__benchSeenAt = Date.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(look);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        return !!main()?.textContent.includes(text);
      }, shown);
      if (already) throw new Error(`browser B already shows ${shown}`);
      await a.page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
      const dialog = a.page.getByRole('dialog');
      const name = dialog.getByLabel('Your name');
      if (await name.count()) await name.fill(people.ana.name);
      await dialog.getByLabel('Value').fill(String(value));
      const before = Date.now();
      await dialog.getByRole('button', { name: 'Save deal' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await b.page.waitForFunction(() => window.__benchSeenAt !== null, null, { timeout: 30_000, polling: 50 });
      const clicked = (await a.page.evaluate(() => window.__benchClickedAt)) ?? before;
      const seen = await b.page.evaluate(() => window.__benchSeenAt);
      // Where the time went, on one clock: performance.timeOrigin + a mark's time.
      const pushedAt = await a.page.evaluate((after) => performance.getEntriesByName('pipewise:push:end')
        .map((e) => performance.timeOrigin + e.startTime).find((t) => t >= after) ?? NaN, clicked);
      const bFetched = await b.page.evaluate((after) => performance.getEntriesByName('pipewise:pull:fetched')
        .map((e) => performance.timeOrigin + e.startTime).find((t) => t >= after) ?? NaN, pushedAt);
      out.push({ latency: seen - clicked, toServer: pushedAt - clicked, serverToFetched: bFetched - pushedAt, fetchedToShown: seen - bFetched });
    }
    return out;
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

// ---- main -----------------------------------------------------------------------------

const chromiumPath = process.env.CHROMIUM ?? execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim();
const pouch = pouchdbJs();
const rows = [];
const line = (what, value, budget, unit, best = null) => rows.push({ what, value, budget, unit, best });
const notes = [];

let server = null;
let couch = null;
let browser = null;
let pouchServer = null;
try {
  // dist/ on its own port, pouchdb.min.js on another (a page of its own origin: IndexedDB).
  server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '/'], { stdio: ['ignore', 'ignore', 'inherit'] });
  pouchServer = createServer((req, res) => {
    if (req.url === '/pouchdb.min.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(pouch.body);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><meta charset="utf-8"><title>PouchDB bench</title><script src="/pouchdb.min.js"></script>');
  });
  await new Promise((resolve) => pouchServer.listen(0, '127.0.0.1', resolve));
  const pouchOrigin = `http://127.0.0.1:${pouchServer.address().port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited (${server.exitCode}): is port ${PORT} taken? (BENCH_PORT moves it)`);
    try { if ((await fetch(`${APP}/`)).ok) break; } catch { /* not yet */ }
    if (i > 100) throw new Error(`scripts/serve.mjs did not answer on ${APP}`);
    await sleep(100);
  }

  couch = await startCouch();
  for (const p of Object.values(people)) await createUser(couch.url, p.user, p.password);
  const deals = teamDocs(10000, 'deals');
  const dealsInfo = await seed(couch.url, 'bench_deals', deals);
  const small = teamDocs(100, 'deals');
  await seed(couch.url, 'bench_small', small);
  const all = teamDocs(10000, 'all');
  const allInfo = await seed(couch.url, 'bench_all', all);
  const counts = (docs) => Object.entries(docs.reduce((n, d) => ({ ...n, [d.kind]: (n[d.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${n} ${k}s`).join(', ');
  notes.push(`bench_deals: ${deals.length} documents (${counts(deals)}); bench_all: ${all.length} (${counts(all)}); bench_small: ${small.length}`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      ...(process.env.BENCH_BROWSER_ARGS ?? '').split(' ').filter(Boolean)],
  });

  // 1. First sync of 20,007 documents: Pipewise and PouchDB, run by run in turn.
  const first = [];
  const pouchRuns = [];
  for (let i = 0; i < RUNS; i++) {
    first.push(await pipewiseFirstSync(browser, couch, 'bench_deals'));
    pouchRuns.push(await pouchFirstSync(browser, pouchOrigin, `${couch.url}/bench_deals`));
  }
  const after = await (await adminFetch(couch.url, '/bench_deals')).json();
  if (after.update_seq !== dealsInfo.update_seq) notes.push(`Pipewise's first syncs wrote to bench_deals: update_seq ${dealsInfo.update_seq} → ${after.update_seq}`);
  for (const r of pouchRuns) {
    if (!r.ok || r.count !== deals.length) notes.push(`a PouchDB run ended with ${r.count} documents (ok: ${r.ok}, written ${r.written})`);
  }
  for (const r of first) {
    if (r.waiting) notes.push(`a Pipewise first sync left ${r.waiting} documents waiting for their contact or deal`);
  }
  const f = (k) => first.map((r) => r[k]);
  line(`first sync, ${deals.length} docs (10k deals, their contacts, 7 steps): Pipewise`, median(f('total')), 3000, 'ms', fastest(f('total')));
  line('  click → header says Synced (next frame)', median(f('header')), null, 'ms', fastest(f('header')));
  line('  of which sign-in (click → pipewise:sync:start)', median(f('signIn')), null, 'ms', fastest(f('signIn')));
  line(`  of which _changes fetched (${median(f('batches'))} batches, pull:start → fetched)`, median(f('fetch')), null, 'ms', fastest(f('fetch')));
  line('  of which parse + fold (pull:fetched → folded)', median(f('fold')), null, 'ms', fastest(f('fold')));
  line(`  of which saves of the book (${median(f('saveCount'))}, save:start → end)`, median(f('saves')), null, 'ms', fastest(f('saves')));
  line(`  of which pushes (${median(f('pushes'))}, push:start → end)`, median(f('push')), null, 'ms', fastest(f('push')));
  line('  last batch folded → synced (push check, rest)', median(first.map((r) => r.total - r.lastFolded)), null, 'ms', fastest(first.map((r) => r.total - r.lastFolded)));
  line(`first sync, same database: PouchDB ${pouch.version} (${pouchRuns[0]?.adapter}; note: 5.1–5.5 s)`, median(pouchRuns.map((r) => r.ms)), null, 'ms', fastest(pouchRuns.map((r) => r.ms)));

  // 2. A change in one browser shown in another.
  const changes = await changeToOtherBrowser(browser, couch, 'bench_small');
  const c = (k) => changes.map((r) => r[k]);
  line(`change saved in browser A → shown in browser B (${small.length} docs, ${changes.length} changes)`, median(c('latency')), 2000, 'ms', fastest(c('latency')));
  line('  A: click on Save deal → on the server (push:end)', median(c('toServer')), null, 'ms', fastest(c('toServer')));
  line('  server → B has it fetched (long poll, pull:fetched)', median(c('serverToFetched')), null, 'ms', fastest(c('serverToFetched')));
  line('  B: fetched → the new value on its deal page', median(c('fetchedToShown')), null, 'ms', fastest(c('fetchedToShown')));

  // 3. localStorage after a first sync of the whole pipeline.
  const full = [];
  for (let i = 0; i < RUNS; i++) full.push(await pipewiseFirstSync(browser, couch, 'bench_all', 300_000));
  for (const r of full) {
    if (r.unsaved) notes.push('a first sync of bench_all said "Changes not saved": the storage figure below is not the whole book');
    if (r.waiting) notes.push(`a first sync of bench_all left ${r.waiting} documents waiting`);
    if (JSON.stringify(r.since) !== JSON.stringify(allInfo.update_seq)) notes.push(`a first sync of bench_all kept since ${JSON.stringify(r.since)}, the server is at ${JSON.stringify(allInfo.update_seq)}`);
  }
  const keyUnits = (k) => median(full.map((r) => r.storage.keys[k] ?? 0));
  line(`localStorage after a first sync of ${all.length} docs (UTF-16 units)`, median(full.map((r) => r.storage.total)), 2_500_000, '');
  for (const key of Object.keys(full[0].storage.keys).sort()) line(`  ${key}`, keyUnits(key), null, '');
  line(`  that first sync (click → pipewise:sync:synced)`, median(full.map((r) => r.total)), null, 'ms', fastest(full.map((r) => r.total)));
  line('  of which parse + fold', median(full.map((r) => r.fold)), null, 'ms', fastest(full.map((r) => r.fold)));
  line('  of which saves of the book', median(full.map((r) => r.saves)), null, 'ms', fastest(full.map((r) => r.saves)));

  // 4. What the sync downloads (brotli), deterministic.
  const syncing = featureLoad('dist', 'syncing');
  const merging = new Set(featureLoad('dist', 'merging').files);
  const own = syncing.files.filter((file) => !merging.has(file));
  const ownBrotli = own.reduce((sum, file) => sum + sizes(readFileSync(`dist/${file}`))[2], 0);
  line(`sync code: split_syncing + the ${syncing.files.length - 1} shared chunks it needs (brotli)`, syncing.total[2] / 1000, SYNC_BUDGET / 1000, 'kB');
  line(`  the same less the ${syncing.files.length - own.length} chunks merging fetches anyway (first idle)`, ownBrotli / 1000, SYNC_BUDGET / 1000, 'kB');
  line(`  PouchDB ${pouch.version} pouchdb.min.js, for comparison (brotli)`, sizes(pouch.body)[2] / 1000, null, 'kB');
} finally {
  await browser?.close();
  pouchServer?.closeAllConnections();
  pouchServer?.close();
  if (server && server.exitCode === null) process.kill(server.pid);
  await couch?.stop();
}

console.log(`\nSync benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, headless Chromium, pouchdb-server 4.2.0 on loopback; median of ${RUNS} runs (fastest in brackets). The machine is noisy: compare runs, don't trust one.`);
for (const { what, value, budget, unit, best } of rows) {
  const verdict = budget === null ? '' : value < budget ? 'met' : 'NOT met';
  const fastestText = best === null || !Number.isFinite(best) ? ''.padStart(16) : `(best ${best.toFixed(0)})`.padStart(16);
  const shown = unit === '' ? Math.round(value).toLocaleString('en-US') : value.toFixed(unit === 'kB' ? 1 : 0);
  const budgetText = budget === null ? '—' : `${unit === '' ? budget.toLocaleString('en-US') : budget} ${unit}`.trim();
  console.log(`${what.padEnd(78)} ${shown.padStart(10)} ${unit.padEnd(2)} ${fastestText}   budget ${budgetText.padEnd(11)} ${verdict}`);
}
for (const note of notes) console.log(`note: ${note}`);
const seen = [...new Set(problems)];
for (const p of seen.slice(0, 10)) console.log(`browser: ${p}`);
if (seen.length > 10) console.log(`browser: … ${seen.length - 10} more`);
