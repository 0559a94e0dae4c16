// Team sync against a real CouchDB-compatible server (pouchdb-server, started on
// loopback by global-setup.mjs): two reps and their manager, each in a browser of their
// own, work online and offline and all end with the same book; a delete meets an edit;
// the server dies in the middle of a push; the refusals (a wrong password, a user who is
// not a member, another rep's record) are said plainly and change nothing.
import { test, expect, expectAccessible, shoot, isoDay } from './fixtures.mjs';
import { BoardPage, DealPage } from './pages/board.mjs';
import { TeamPage, badge, synced, allowNetworkErrors } from './pages/team.mjs';
import { phone, expectFitsEveryWidth, expectTappable } from './pages/phone.mjs';
import { createUser, createTeamDb, putValidate, adminFetch, startCouch, seedDocs } from './couch.mjs';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

const validate = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
const people = {
  ana: { user: 'ana', password: 'ana-secret-1', name: 'Ana Alves', roles: ['rep'] },
  ben: { user: 'ben', password: 'ben-secret-2', name: 'Ben Brown', roles: ['rep'] },
  mia: { user: 'mia', password: 'mia-secret-3', name: 'Mia Manager', roles: ['manager'] },
  zoe: { user: 'zoe', password: 'zoe-secret-4', name: 'Zoe Outsider', roles: ['rep'] },
};

const server = () => {
  const url = process.env.COUCH_URL;
  if (!url) throw new Error('COUCH_URL is not set: global-setup.mjs starts the test server');
  return url;
};

let made = 0;
/** A team database of its own for a test, with ana, ben and mia as members. */
async function teamDb(testInfo, { guarded = false, url = server() } = {}) {
  for (const p of Object.values(people)) await createUser(url, p.user, p.password, p.roles);
  const db = `team_${testInfo.project.name.replace(/-/g, '_')}_${randomUUID().slice(0, 8)}_${made++}`;
  await createTeamDb(url, db, { members: { names: ['ana', 'ben', 'mia'] }, admins: { roles: ['manager'] } });
  if (guarded) await putValidate(url, db, validate);
  return db;
}

async function join(page, who, db, url = server()) {
  const team = new TeamPage(page);
  await team.signIn({ server: url, db, user: people[who].user, password: people[who].password });
  await expect(team.status()).toBeVisible();
  await synced(page);
  return team;
}

/** Sets the rep's name in Settings → You. */
async function myName(page, name) {
  await page.goto('./settings');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
}

/** What a browser's board shows: each column's cards, as text, sorted. */
async function boardOf(page) {
  const board = new BoardPage(page);
  await board.open();
  await expect(board.board()).toBeVisible();
  const columns = board.board().getByRole('region');
  const out = {};
  for (const column of await columns.all()) {
    const name = (await column.getAttribute('aria-label')) ?? (await column.getByRole('heading').first().innerText());
    const cards = (await column.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
    out[name] = cards;
  }
  return out;
}

async function historyOf(page, title) {
  const board = new BoardPage(page);
  await board.open();
  await board.openDeal(title);
  return new DealPage(page).entries();
}

/** The server's documents of a database, as the admin sees them. */
async function serverDocs(url, db) {
  const r = await adminFetch(url, `/${db}/_all_docs?include_docs=true&conflicts=true`);
  return (await r.json()).rows.filter((row) => !row.id.startsWith('_design/'));
}

test('two reps and their manager, offline and online, end with the same book', async ({ page, newBrowser }, testInfo) => {
  test.setTimeout(180_000);
  const db = await teamDb(testInfo);
  const url = server();
  const ana = page;
  const ben = await newBrowser();
  const mia = await newBrowser();
  for (const [p, who] of [[ana, 'ana'], [ben, 'ben'], [mia, 'mia']]) {
    await myName(p, people[who].name);
    await join(p, who, db);
  }

  // Ana adds a deal; it shows up in Ben's and Mia's open boards without a reload.
  const anaBoard = new BoardPage(ana);
  await anaBoard.open();
  await anaBoard.addDeal({ title: 'Acme renewal', contact: 'Ada Acme', value: '5000' });
  await anaBoard.submitDeal();
  await synced(ana);
  const benBoard = new BoardPage(ben);
  await benBoard.open();
  await expect(benBoard.card('Acme renewal')).toBeVisible();
  await benBoard.addDeal({ title: 'Bolt upgrade', contact: 'Bo Bolt', value: '3000' });
  await benBoard.submitDeal();
  const miaBoard = new BoardPage(mia);
  await miaBoard.open();
  await expect(miaBoard.card('Acme renewal')).toBeVisible();
  await expect(miaBoard.card('Bolt upgrade')).toBeVisible();
  await expect(anaBoard.card('Bolt upgrade')).toBeVisible();

  // Both reps go offline and edit the same deal; Ana also deletes Ben's deal, which Ben
  // then edits (his edit is the later one).
  await ana.context().setOffline(true);
  await ben.context().setOffline(true);
  await anaBoard.move('Acme renewal', 'Proposal', isoDay(0), 'sent the offer');
  await expect(badge(ana)).toHaveText(/Offline · 1 change waiting/);
  await anaBoard.openDeal('Acme renewal');
  await new DealPage(ana).setValue('6000');
  await expect(badge(ana)).toHaveText(/Offline · 1 change waiting/);
  // Ben's edits come later: his clock a minute on (two machines' clocks differ by
  // seconds anyway; the newer stamp wins, whatever the order of the clicks).
  await ben.clock.fastForward('01:00');
  const benDeal = new DealPage(ben);
  await benBoard.openDeal('Acme renewal');
  await benDeal.setValue('7000');
  await anaBoard.open();
  await anaBoard.openDeal('Bolt upgrade');
  await new DealPage(ana).delete();
  await benBoard.open();
  await benBoard.openDeal('Bolt upgrade');
  await benDeal.setValue('3500');
  await expect(badge(ben)).toHaveText(/Offline · 2 changes waiting/);
  await shoot(ben, 'sync-offline-desk');
  // Offline changes survive a reload.
  await ana.reload();
  await expect(badge(ana)).toHaveText(/Offline · 2 changes waiting/);

  // Back online: everything goes up and comes down, in every browser.
  await ana.context().setOffline(false);
  await ben.context().setOffline(false);
  for (const p of [ana, ben, mia]) await synced(p);
  // Settle: the last pushes reach every page.
  await expect.poll(async () => (await serverDocs(url, db)).filter((r) => r.doc?.kind === 'deal').length).toBe(2);
  for (const p of [ana, ben, mia]) await synced(p);

  const boards = [];
  for (const p of [ana, ben, mia]) boards.push(await boardOf(p));
  expect(boards[1]).toEqual(boards[0]);
  expect(boards[2]).toEqual(boards[0]);
  const proposal = Object.entries(boards[0]).find(([name]) => /Proposal/.test(name));
  expect(proposal?.[1].join(' ')).toMatch(/Acme renewal/);
  expect(JSON.stringify(boards[0])).toMatch(/Bolt upgrade/); // the later edit kept it
  expect(proposal?.[1].join(' ')).toMatch(/7,000/); // both set the value: the newer edit stands
  const histories = [];
  for (const p of [ana, ben, mia]) histories.push(await historyOf(p, 'Acme renewal'));
  expect(histories[1]).toEqual(histories[0]);
  expect(histories[2]).toEqual(histories[0]);
  expect(histories[0].map((e) => e[0])).toEqual(expect.arrayContaining(['Lead', 'Proposal']));

  // Nothing in conflict on the server, nothing twice.
  const docs = await serverDocs(url, db);
  expect(docs.filter((r) => r.doc?._conflicts?.length)).toEqual([]);
  expect(new Set(docs.map((r) => r.id)).size).toBe(docs.length);

  // Both reps set Acme's value before either synced: the browser that settled it says
  // which edit was kept.
  const told = [];
  for (const p of [ana, ben]) {
    const team = new TeamPage(p);
    await team.open();
    await synced(p); // the sync has started and read what it keeps
    const list = team.section.getByRole('list').last();
    if (await team.section.getByRole('heading', { name: 'Settled by the newer edit' }).count()) told.push(...(await list.getByRole('listitem').allInnerTexts()));
  }
  expect(told.join('\n')).toMatch(/deal “Acme renewal”: the value was changed here and by a teammate; kept the newer edit/);

  // The manager's reports see the whole team.
  await mia.goto('./reports');
  await expect(mia.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const owner = mia.getByLabel('Owner', { exact: true });
  await expect(owner.getByRole('option', { name: people.ana.name })).toHaveCount(1);
  await expect(owner.getByRole('option', { name: people.ben.name })).toHaveCount(1);
  const team = new TeamPage(mia);
  await team.open();
  await expect(team.status()).toHaveText(/Synced/);
  await expectAccessible(mia, 'Settings with team sync on');
  await shoot(mia, 'sync-settings-desk');
  for (const p of [ana, ben, mia]) allowNetworkErrors(p);
});

test('sync can be paused, resumed and left; leaving keeps every record', async ({ page }, testInfo) => {
  const db = await teamDb(testInfo);
  const url = server();
  await myName(page, people.ana.name);
  const team = await join(page, 'ana', db);
  const board = new BoardPage(page);
  const titles = async () => (await serverDocs(url, db)).filter((r) => r.doc?.kind === 'deal').map((r) => r.doc.record.title).sort();

  await team.open();
  await team.section.getByRole('button', { name: 'Pause sync' }).click();
  await expect(badge(page)).toHaveText('Sync paused');
  await expect(team.status()).toHaveText(/Sync is paused: nothing is sent or fetched until you resume/);
  await board.open();
  await board.addDeal({ title: 'Golf carts', contact: 'Gil Golf', value: '800' });
  await board.submitDeal();
  await page.reload();
  await expect(badge(page)).toHaveText('Sync paused');
  expect(await titles()).toEqual([]);

  await team.open();
  await team.section.getByRole('button', { name: 'Resume sync' }).click();
  await synced(page);
  await expect.poll(titles).toEqual(['Golf carts']);

  await team.section.getByRole('button', { name: 'Leave team sync' }).click();
  await expect(team.section.getByRole('button', { name: 'Sign in and sync' })).toBeVisible();
  await expect(badge(page)).toHaveCount(0);
  await page.reload();
  await expect(team.section.getByRole('button', { name: 'Sign in and sync' })).toBeVisible();
  expect(await page.evaluate(() => [localStorage.getItem('pipewise.team'), localStorage.getItem('pipewise.team.state')])).toEqual([null, null]);
  await board.open();
  await expect(board.card('Golf carts')).toBeVisible();
  allowNetworkErrors(page);
});

test('a wrong password and a user who is not a member are refused, and nothing is kept', async ({ page }, testInfo) => {
  const db = await teamDb(testInfo);
  const url = server();
  // A teammate's record is on the server already.
  await adminFetch(url, `/${db}/_bulk_docs`, {
    method: 'POST',
    body: { docs: [{ _id: 'step:1', kind: 'step', rep: 'ana', made_by: 'ana', schema: 2, record: { id: '1', name: 'Lead', rank: '4294967296', removed: 0, stamps: [0, 0, 0], stuck_after: null } }] },
  });
  const team = new TeamPage(page);
  await team.signIn({ server: url, db, user: 'ana', password: 'not-her-password' });
  await expect(team.alert()).toHaveText('The server refused the sign-in: the user name or the password is wrong.');
  await expect(team.section.getByRole('button', { name: 'Sign in and sync' })).toBeVisible();
  await expect(badge(page)).toHaveCount(0);
  await expectAccessible(page, 'Team sync with a refused sign-in');
  await shoot(page, 'sync-refused-desk');

  await team.signIn({ server: url, db, user: 'zoe', password: people.zoe.password });
  await expect(team.alert()).toHaveText(`You are signed in as zoe, but zoe is not a member of the team database “${db}”. Ask your manager to add you; nothing from it was shown or kept.`);
  await page.reload();
  await expect(team.section.getByRole('button', { name: 'Sign in and sync' })).toBeVisible();
  expect(await page.evaluate(() => [localStorage.getItem('pipewise.team'), localStorage.getItem('pipewise.team.state')])).toEqual([null, null]);

  await team.signIn({ server: 'http://couch.example.com', db, user: 'ana', password: 'x' });
  await expect(team.section.getByText(/Pipewise syncs only over https/)).toBeVisible();
  allowNetworkErrors(page);
});

test('a rep cannot change another rep\'s record; the manager can', async ({ page, newBrowser }, testInfo) => {
  test.setTimeout(120_000);
  const db = await teamDb(testInfo, { guarded: true });
  const ana = page;
  const ben = await newBrowser();
  const mia = await newBrowser();
  await myName(ana, people.ana.name);
  await join(ana, 'ana', db);
  const anaBoard = new BoardPage(ana);
  await anaBoard.open();
  await anaBoard.addDeal({ title: 'Cobalt pilot', contact: 'Cy Cobalt', value: '4000' });
  await anaBoard.submitDeal();
  await synced(ana);

  await myName(ben, people.ben.name);
  await join(ben, 'ben', db);
  const benBoard = new BoardPage(ben);
  await benBoard.open();
  await benBoard.openDeal('Cobalt pilot');
  await new DealPage(ben).setValue('1');
  await expect(badge(ben)).toHaveText('1 change not accepted');
  const team = new TeamPage(ben);
  await team.open();
  await expect(team.section.getByRole('listitem').filter({ hasText: 'The deal “Cobalt pilot”' })).toContainText('belongs to ana');
  await shoot(ben, 'sync-not-accepted-desk');

  await myName(mia, people.mia.name);
  await join(mia, 'mia', db);
  const miaBoard = new BoardPage(mia);
  await miaBoard.open();
  await miaBoard.openDeal('Cobalt pilot');
  await new DealPage(mia).setValue('4500');
  await synced(mia);
  await anaBoard.open();
  await expect(anaBoard.card('Cobalt pilot')).toContainText('4,500');
  for (const p of [ana, ben, mia]) allowNetworkErrors(p);
});

test('the server dies in the middle of a push: nothing lost, nothing twice', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const couch = await startCouch({ dir: true });
  try {
    const db = await teamDb(testInfo, { url: couch.url });
    await myName(page, people.ana.name);
    await join(page, 'ana', db, couch.url);
    const board = new BoardPage(page);
    await board.open();
    // The next push reaches the server, which writes it and dies before answering.
    let cut = false;
    await page.route(`${couch.url}/${db}/_bulk_docs`, async (route) => {
      if (cut) return route.continue();
      cut = true;
      await route.fetch();
      await couch.kill();
      await route.abort('connectionreset');
    });
    await board.addDeal({ title: 'Delta launch', contact: 'Dee Delta', value: '9000' });
    await board.submitDeal();
    await expect(badge(page)).toHaveText(/Offline/);
    await board.addDeal({ title: 'Echo expansion', contact: 'Dee Delta', value: '1200' });
    await board.submitDeal();
    await couch.start();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await synced(page, 40_000);
    const docs = await serverDocs(couch.url, db);
    const deals = docs.filter((r) => r.doc?.kind === 'deal').map((r) => r.doc.record.title).sort();
    expect(deals).toEqual(['Delta launch', 'Echo expansion']);
    expect(docs.filter((r) => r.doc?.kind === 'contact')).toHaveLength(1);
    expect(docs.filter((r) => r.doc?._conflicts?.length)).toEqual([]);
    await page.reload();
    await synced(page);
    await expect(board.card('Delta launch')).toBeVisible();
    await expect(board.card('Echo expansion')).toBeVisible();
  } finally {
    await couch.stop();
  }
  allowNetworkErrors(page);
});

/** The documents of a generated team pipeline (core/examples/team_docs.rs), as of `today`. */
function teamDocs(deals, today, rep, records = 'all') {
  const out = execSync(`cargo run -q -p pipewise-core --example team_docs -- ${deals} ${today} ${rep} ${records}`, {
    cwd: new URL('../..', import.meta.url).pathname, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString()).docs;
}

test('a 10,000-deal team syncs into a fresh browser, within the storage a browser gives', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // Made before any request: a long synchronous step lets the server close the pooled
  // keep-alive sockets, which fetch then meets as EPIPE.
  const docs = teamDocs(10_000, isoDay(0), 'ana');
  const db = await teamDb(testInfo);
  await seedDocs(server(), db, docs);
  const deals = docs.filter((d) => d.kind === 'deal' && !d._deleted).length;
  await myName(page, people.mia.name);
  await join(page, 'mia', db).catch(async (e) => { await shoot(page, 'sync-10k-failed'); throw e; });
  await synced(page, 200_000);
  const board = new BoardPage(page);
  await board.open();
  const counts = await board.board().getByText(/^\d[\d,]* deals?$/).allInnerTexts();
  // Every column's count, won and lost included: every deal of the team is on the board.
  expect(counts.reduce((sum, t) => sum + Number(t.replace(/[^\d]/g, '')), 0)).toBe(deals);
  // Everything sync needs beside the book fits the 2.5 million UTF-16 units Safari gives.
  const units = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  console.log(`10k team: ${docs.length} documents; localStorage holds ${units} UTF-16 units`);
  expect(units).toBeLessThan(2_500_000);
  // Nothing to push back: the browser only took in.
  await page.reload();
  await synced(page);
  expect(await (await adminFetch(server(), `/${db}`)).json()).toMatchObject({ doc_count: docs.filter((d) => !d._deleted).length });
  allowNetworkErrors(page);
});

test('a rep with a 2,000-deal pipeline joins an empty team database: all of it goes up', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  const stored = execSync(`cargo run -q -p pipewise-core --example pipeline -- 2000 ${isoDay(0)}`, {
    cwd: new URL('../..', import.meta.url).pathname, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  const expected = teamDocs(2000, isoDay(0), 'ana').filter((d) => !d._deleted).length;
  const db = await teamDb(testInfo);
  await context.addInitScript(([book]) => {
    if (!localStorage.getItem('pipewise.book')) {
      localStorage.setItem('pipewise.book', book);
      localStorage.setItem('pipewise.welcomed', '1');
    }
  }, [stored]);
  await join(page, 'ana', db).catch(async (e) => { await shoot(page, 'sync-push-failed'); throw e; });
  await synced(page, 120_000);
  const docs = await serverDocs(server(), db);
  expect(docs).toHaveLength(expected);
  expect(docs.filter((r) => r.doc?.rep !== 'ana' || r.doc?.made_by !== 'ana')).toEqual([]);
  // After a reload the browser knows what the server holds: nothing goes up again.
  const seq = (await (await adminFetch(server(), `/${db}`)).json()).update_seq;
  await page.reload();
  await synced(page);
  expect((await (await adminFetch(server(), `/${db}`)).json()).update_seq).toBe(seq);
  allowNetworkErrors(page);
});

test.describe('on a phone', () => {
  test.use(phone);

  test('a rep signs in, works offline and syncs from a phone', async ({ page, newBrowser }, testInfo) => {
    test.setTimeout(120_000);
    const db = await teamDb(testInfo);
    const team = new TeamPage(page);
    await myName(page, people.ana.name);
    await team.open();
    await expectFitsEveryWidth(page, 'Team sync form');
    await expectTappable(team.section.getByRole('button'), 'Team sync buttons');
    await join(page, 'ana', db);
    await expect(badge(page)).toBeVisible();
    await expectFitsEveryWidth(page, 'Settings with team sync on');
    await expectAccessible(page, 'phone Team sync');
    await shoot(page, 'sync-settings-phone');

    // A teammate at a desk adds a deal; it reaches the phone. The phone, offline, moves it.
    const desk = await newBrowser();
    await myName(desk, people.ben.name);
    await join(desk, 'ben', db);
    const deskBoard = new BoardPage(desk);
    await deskBoard.open();
    await deskBoard.addDeal({ title: 'Foxtrot fleet', contact: 'Fay Fox', value: '2500' });
    await deskBoard.submitDeal();
    await synced(desk);
    await page.goto('./');
    await expect(page.getByRole('link', { name: 'Foxtrot fleet', exact: true })).toBeVisible({ timeout: 20_000 });
    await page.context().setOffline(true);
    await page.getByRole('link', { name: 'Foxtrot fleet', exact: true }).tap();
    await page.getByRole('button', { name: 'Edit' }).tap();
    await page.getByRole('dialog').getByLabel('Value').fill('2750');
    await page.getByRole('dialog').getByRole('button', { name: 'Save deal' }).tap();
    await expect(badge(page)).toHaveText(/Offline · 1 change waiting/);
    await expectFitsEveryWidth(page, 'deal page offline with the sync badge');
    await shoot(page, 'sync-offline-phone');
    await page.context().setOffline(false);
    await synced(page);
    await deskBoard.open();
    await expect(deskBoard.card('Foxtrot fleet')).toContainText('2,750', { timeout: 20_000 });
    allowNetworkErrors(page);
    allowNetworkErrors(desk);
  });
});
