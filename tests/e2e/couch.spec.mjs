// Smoke test of the run's CouchDB-compatible server (pouchdb-server, started by
// global-setup.mjs): it answers, a team database made by the admin lets a member sign in
// with a session cookie and write, a wrong password gets 401, and a non-member is refused.
// No page: the requests go straight from the test.
import { randomUUID } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { adminFetch, createTeamDb, createUser, putValidate, sharedCouchUrl } from './couch.mjs';

const url = sharedCouchUrl();
// Names of their own per project, so both projects can run against the one server.
const tag = (info) => `${info.project.name.replace(/[^a-z]/g, '')}-${randomUUID().slice(0, 8)}`;

async function signIn(name, password) {
  const r = await fetch(`${url}/_session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }),
  });
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('AuthSession='));
  return { status: r.status, body: await r.json(), cookie: cookie?.split(';')[0], setCookie: cookie };
}

test('the run has a CouchDB-compatible server', async () => {
  expect(url, 'global-setup.mjs sets COUCH_URL').toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const root = await (await fetch(`${url}/`)).json();
  expect(root.version).toBe('4.2.0');
  const me = await (await adminFetch(url, '/_session')).json();
  expect(me.userCtx).toEqual({ name: 'admin', roles: ['_admin'] });
});

test('a member signs in with a session cookie and writes; a wrong password and a non-member are refused', async ({}, info) => {
  const t = tag(info);
  const db = `team-${t}`;
  const [ann, bob] = [`ann-${t}`, `bob-${t}`];
  await createUser(url, ann, 'pw-ann', [`${db}-member`]);
  await createUser(url, bob, 'pw-bob', []);
  await createTeamDb(url, db, { members: { roles: [`${db}-member`] } });
  await putValidate(url, db, `function (newDoc, oldDoc, userCtx) {
    if (!newDoc._deleted && newDoc.rep !== userCtx.name) throw({ forbidden: 'rep must be ' + userCtx.name });
  }`);

  const wrong = await signIn(ann, 'not-it');
  expect(wrong.status).toBe(401);
  expect(wrong.body).toEqual({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  expect(wrong.cookie).toBeUndefined();

  const s = await signIn(ann, 'pw-ann');
  expect(s.status).toBe(200);
  expect(s.body).toEqual({ ok: true, name: ann, roles: [`${db}-member`] });
  expect(s.setCookie).toMatch(/HttpOnly/);
  const asAnn = { cookie: s.cookie, 'content-type': 'application/json', accept: 'application/json' };
  const session = await (await fetch(`${url}/_session`, { headers: asAnn })).json();
  expect(session.userCtx).toEqual({ name: ann, roles: [`${db}-member`] });

  let r = await fetch(`${url}/${db}/_bulk_docs`, {
    method: 'POST', headers: asAnn, body: JSON.stringify({ docs: [{ _id: 'deal-1', rep: ann }, { _id: 'deal-2', rep: 'someone-else' }] }),
  });
  expect(r.status).toBe(201);
  const results = Object.fromEntries((await r.json()).map((x) => [x.id, x])); // not in request order
  expect(results['deal-1']).toMatchObject({ ok: true, rev: expect.stringMatching(/^1-/) });
  expect(results['deal-2']).toMatchObject({ error: 'forbidden', reason: `rep must be ${ann}` });
  r = await fetch(`${url}/${db}/_changes?since=0&include_docs=true`, { headers: asAnn });
  expect(r.status).toBe(200);
  expect((await r.json()).results.map((c) => c.id)).toContain('deal-1');

  const b = await signIn(bob, 'pw-bob');
  expect(b.status).toBe(200);
  const asBob = { cookie: b.cookie, 'content-type': 'application/json', accept: 'application/json' };
  r = await fetch(`${url}/${db}`, { headers: asBob });
  expect(r.status).toBe(401);
  expect(await r.json()).toEqual({ error: 'unauthorized', reason: 'You are not authorized to access this db.' });
  r = await fetch(`${url}/${db}/_changes`, { headers: asBob });
  expect(r.status).toBe(401);
  // pouchdb-server answers a non-member's _bulk_docs 201 with an error per document.
  r = await fetch(`${url}/${db}/_bulk_docs`, { method: 'POST', headers: asBob, body: JSON.stringify({ docs: [{ _id: 'deal-3', rep: bob }] }) });
  expect([201, 401]).toContain(r.status);
  const refused = await r.json();
  expect(Array.isArray(refused) ? refused[0] : refused).toMatchObject({ error: 'unauthorized' });
  r = await fetch(`${url}/${db}/deal-3`, { headers: asAnn });
  expect(r.status).toBe(404);

  // The server is still up after all of it.
  expect((await fetch(`${url}/`)).status).toBe(200);
});
