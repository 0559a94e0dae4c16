// A real CouchDB-compatible server for the tests: pouchdb-server 4.2.0 (npm, pinned by
// package-lock.json) on a free loopback port, in a fresh temporary directory of its own
// (it writes config.json and log.txt into its working directory and reads them at the next
// start). Measured facts about what it does and does not do: /work/notes/couch-server.md.
//
//   const couch = await startCouch();              // in-memory, admin ADMIN set, CORS on
//   const couch = await startCouch({ dir: true });   // LevelDB files in its temp dir: data,
//                                                   // users, sessions survive a restart
//   await couch.kill();  await couch.start();       // crash it mid-push, bring it back on
//   await couch.restart();                          // the same port (kill + start)
//   couch.url, couch.pid, couch.log, couch.tmp; await couch.stop();
// global-setup.mjs starts one for the whole run: sharedCouchUrl() / process.env.COUCH_URL.
//
// The helpers act as the server admin with Basic auth. Gotcha: once an admin exists, an
// unauthenticated `PUT /{db}` crashes pouchdb-server ("db.info is not a function"), so
// databases are only ever created through createTeamDb (as the admin).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { openSync, closeSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const entry = join(dirname(require.resolve('pouchdb-server/package.json')), 'lib', 'index.js');

// pouchdb-validation 4.2.0 (how pouchdb-server runs validate_doc_update) overwrites the
// incoming document's `_revisions` with the stored document's before validating, so a
// `_bulk_docs` with `new_edits: false` that adds a revision to an existing document is
// answered 201 `[]` and silently not stored whenever the database has a validate_doc_update
// (measured: update_seq does not move). CouchDB keeps the incoming `_revisions`. The
// preload below makes pouchdb-server do the same (one line, patched at load time, never on
// disk); startCouch({ patchValidation: false }) runs it as published.
const VALIDATION_BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const VALIDATION_FIX = 'newDoc._revisions = newDoc._revisions || (oldDoc || {})._revisions;';
const preload = `
const Module = require('module'), fs = require('fs'), path = require('path');
// Ends with the process that started it (a runner killed hard leaves no server behind).
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 1000).unref();
if (process.env.PIPEWISE_COUCH_PATCH_VALIDATION === '1') {
  const target = require.resolve('pouchdb-validation', { paths: [path.dirname(require.resolve('express-pouchdb', { paths: [${JSON.stringify(dirname(entry))}] }))] });
  const load = Module._extensions['.js'];
  Module._extensions['.js'] = function (m, filename) {
    if (filename !== target) return load(m, filename);
    const src = fs.readFileSync(filename, 'utf8');
    if (!src.includes(${JSON.stringify(VALIDATION_BUG)})) {
      console.error('couch.mjs: pouchdb-validation changed; the _revisions patch no longer applies');
      process.exit(70);
    }
    m._compile(src.replace(${JSON.stringify(VALIDATION_BUG)}, ${JSON.stringify(VALIDATION_FIX)}), filename);
  };
}
require(process.argv[1]);
`;

/** The server admin every started server gets (a test-only server on loopback). */
export const ADMIN = Object.freeze({ name: 'admin', password: 'pipewise-test-admin' });

/** CORS with credentials for any origin (the origin is echoed; preflights checked from
 *  http://127.0.0.1:4173 for POST /_session and PUT/POST on a db). Only these request
 *  headers pass a preflight; a page that sends another one gets no CORS headers at all. */
const CORS = {
  'httpd/enable_cors': 'true',
  'cors/origins': '*',
  'cors/credentials': 'true',
  'cors/methods': 'GET, HEAD, POST, PUT, DELETE, COPY',
  'cors/headers': 'Accept, Accept-Language, Content-Language, Content-Type, Authorization, Origin, Referer, If-Match, If-None-Match',
};

const basic = (who = ADMIN) => 'Basic ' + Buffer.from(`${who.name}:${who.password}`).toString('base64');

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function tail(path, lines = 30) {
  try {
    return (await readFile(path, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts pouchdb-server. Options:
 *   port   a fixed port (default: a free one)
 *   dir    true (or a sub-directory name): store databases as LevelDB files inside the temp
 *          dir so that kill() + start() keep the data; default: --in-memory (lost on restart)
 *   admin  set up the admin and CORS (default true)
 *   patchValidation  keep an incoming `_revisions` in validate_doc_update (default true; see above)
 *   onCrash  called with the handle when the process ends without kill()/stop() (default:
 *          a line on stderr naming the log); stop() then keeps the temp dir and its log
 * Returns { url, port, pid, tmp, log, dataDir, running, exit, crashed, start(), kill(signal),
 * restart(signal), stop() }.
 */
export async function startCouch({ port, dir, admin = true, patchValidation = true, onCrash = reportCrash } = {}) {
  const tmp = await mkdtemp(join(tmpdir(), 'pipewise-couch-'));
  port ??= await freePort();
  const dataDir = dir ? join(tmp, typeof dir === 'string' ? dir : 'data') : null;
  const log = join(tmp, 'server.log');
  const url = `http://127.0.0.1:${port}`;
  const secret = randomUUID(); // the cookie secret, kept in config.json across restarts
  const handle = { url, port, pid: 0, tmp, log, dataDir, running: false, exit: null, crashed: false };
  let child = null;
  let exited = null;
  let expected = false;

  handle.start = async () => {
    if (handle.running) throw new Error('pouchdb-server is already running');
    // `node -e PRELOAD ENTRY ARGS…`: process.argv is [node, ENTRY, ARGS…] as when run directly.
    const args = ['-e', preload, entry, '--host', '127.0.0.1', '--port', String(port), '--no-color'];
    args.push(...(dataDir ? ['--dir', dataDir] : ['--in-memory']));
    const fd = openSync(log, 'a'); // stdout + stderr, kept across restarts
    child = spawn(process.execPath, args, {
      cwd: tmp, stdio: ['ignore', fd, fd], env: { ...process.env, NO_COLOR: '1', PIPEWISE_COUCH_PATCH_VALIDATION: patchValidation ? '1' : '0' },
    });
    closeSync(fd);
    handle.pid = child.pid;
    handle.running = true;
    handle.exit = null;
    expected = false;
    let ready = false;
    exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      handle.running = false;
      handle.exit = { code, signal };
      if (!expected && ready) {
        handle.crashed = true;
        onCrash?.(handle);
      }
      resolve(handle.exit);
    }));
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (!handle.running) {
        throw new Error(`pouchdb-server exited at start (${JSON.stringify(handle.exit)}); log ${log}:\n${await tail(log)}`);
      }
      try {
        const r = await fetch(url + '/', { signal: AbortSignal.timeout(1000) });
        if (r.ok) break;
      } catch {}
      if (performance.now() > deadline) {
        await handle.kill();
        throw new Error(`pouchdb-server did not answer on ${url} within 30 s; log ${log}:\n${await tail(log)}`);
      }
      await sleep(100);
    }
    if (admin) await configure(url, secret);
    ready = true;
    return handle;
  };

  /** Ends the server process by its id (SIGKILL by default: a crash), keeping the temp dir. */
  handle.kill = async (signal = 'SIGKILL') => {
    if (!handle.running) return handle.exit;
    expected = true;
    process.kill(child.pid, signal);
    return exited;
  };

  /** kill() then start() on the same port, same directory (data kept only with `dir`). */
  handle.restart = async (signal = 'SIGKILL') => {
    await handle.kill(signal);
    return handle.start();
  };

  /** Ends the server and removes its temp dir (kept, with its log, if the server had crashed). */
  handle.stop = async () => {
    await handle.kill('SIGTERM');
    if (handle.crashed) {
      console.error(`pouchdb-server had crashed; its log is kept: ${log}`);
      return;
    }
    await rm(tmp, { recursive: true, force: true });
  };

  await handle.start(); // on failure the temp dir and its log are kept; the error names them
  return handle;
}

/**
 * First start: ends admin party (PUT /_config/admins/admin), fixes the cookie secret in
 * config.json (the default one is made afresh at each start, which would sign every
 * session out on a restart), and sets CORS with credentials for any origin. On a restart
 * in the same directory config.json already holds all of it.
 */
async function configure(url, secret) {
  const me = await (await fetch(url + '/_session', { headers: { authorization: basic() } })).json().catch(() => ({}));
  if (!me.userCtx?.roles?.includes('_admin')) {
    const r = await fetch(`${url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!r.ok) throw new Error(`setting the admin failed: ${r.status} ${await r.text()}`);
  }
  const settings = { ...CORS, 'couch_httpd_auth/secret': secret };
  for (const [key, value] of Object.entries(settings)) {
    const now = await adminFetch(url, `/_config/${key}`);
    if (now.ok && (await now.json()) === value) continue;
    const r = await adminFetch(url, `/_config/${key}`, { method: 'PUT', body: JSON.stringify(value) });
    if (!r.ok) throw new Error(`PUT /_config/${key} failed: ${r.status} ${await r.text()}`);
  }
}

function reportCrash(handle) {
  console.error(`pouchdb-server on ${handle.url} (pid ${handle.pid}) exited unexpectedly `
    + `(${JSON.stringify(handle.exit)}); its log: ${handle.log}`);
}

/** The shared server's URL, set by global-setup.mjs for the whole run (undefined outside it). */
export const sharedCouchUrl = () => process.env.COUCH_URL;

/**
 * fetch(url + path) as the server admin (Basic auth). A JSON `body` object is sent as
 * JSON. A refused connection fails with the server log's path (from COUCH_LOG when the
 * server is the shared one) so a crashed server is noticed.
 */
export async function adminFetch(url, path, init = {}) {
  const headers = { authorization: basic(), accept: 'application/json', ...Object.fromEntries(new Headers(init.headers ?? {})) };
  let body = init.body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    body = JSON.stringify(body);
  }
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  try {
    return await fetch(url + path, { ...init, headers, body });
  } catch (e) {
    const log = process.env.COUCH_URL === url ? process.env.COUCH_LOG : undefined;
    const where = log && existsSync(log) ? `; server log ${log}:\n${await tail(log)}` : '';
    throw new Error(`${init.method ?? 'GET'} ${url}${path} failed: ${e.cause?.code ?? e.message} (is pouchdb-server still running?)${where}`);
  }
}

async function ok(response, what) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Creates (or updates) the `_users` document of a user. Returns the PUT's answer. */
export async function createUser(url, name, password, roles = []) {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const old = await adminFetch(url, path);
  const doc = { _id: `org.couchdb.user:${name}`, type: 'user', name, password, roles };
  if (old.ok) doc._rev = (await old.json())._rev;
  return ok(await adminFetch(url, path, { method: 'PUT', body: doc }), `creating user ${name}`);
}

/**
 * Creates a database as the admin (an existing one is kept) and sets its _security:
 * { members: { names, roles }, admins: { names, roles } }.
 */
export async function createTeamDb(url, db, { members = {}, admins = {} } = {}) {
  const r = await adminFetch(url, `/${encodeURIComponent(db)}`, { method: 'PUT' });
  if (!r.ok && r.status !== 412) throw new Error(`creating ${db}: ${r.status} ${await r.text()}`);
  await r.text();
  const sec = {
    members: { names: members.names ?? [], roles: members.roles ?? [] },
    admins: { names: admins.names ?? [], roles: admins.roles ?? [] },
  };
  return ok(await adminFetch(url, `/${encodeURIComponent(db)}/_security`, { method: 'PUT', body: sec }), `_security of ${db}`);
}

/** Puts `_design/pipewise` with `validate_doc_update` = fnSource (a function's source or a function). */
export async function putValidate(url, db, fnSource) {
  const path = `/${encodeURIComponent(db)}/_design/pipewise`;
  const old = await adminFetch(url, path);
  const doc = { _id: '_design/pipewise', validate_doc_update: String(fnSource) };
  if (old.ok) doc._rev = (await old.json())._rev;
  return ok(await adminFetch(url, path, { method: 'PUT', body: doc }), `validate_doc_update of ${db}`);
}

/**
 * Writes documents into a database as the admin, in batches of 1,000 (pouchdb-server
 * refuses a body of 5,000); throws when a batch or any document in it is refused.
 */
export async function seedDocs(url, db, docs) {
  for (let i = 0; i < docs.length; i += 1000) {
    const r = await adminFetch(url, `/${encodeURIComponent(db)}/_bulk_docs`, { method: 'POST', body: { docs: docs.slice(i, i + 1000) } });
    const answer = await r.json();
    const failed = Array.isArray(answer) ? answer.filter((a) => a.error) : [answer];
    if (r.status !== 201 || failed.length) throw new Error(`seeding ${db}: ${r.status} ${JSON.stringify(failed.slice(0, 3))}`);
  }
}

/** Signs in a user (POST /_session) and returns the `AuthSession=…` cookie pair for a Cookie header. */
export async function signIn(url, name, password) {
  const r = await fetch(url + '/_session', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
  });
  await ok(r, `signing in ${name}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
  return cookie.split(';')[0];
}
