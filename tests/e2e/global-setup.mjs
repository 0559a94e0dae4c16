// Starts one pouchdb-server (couch.mjs) for the whole run and tells the workers where it is:
// Playwright's workers inherit the environment global setup leaves in process.env.
//   COUCH_URL  http://127.0.0.1:PORT (admin: couch.mjs ADMIN, Basic auth)
//   COUCH_PID  its process id, for global-teardown.mjs
//   COUCH_TMP  its temporary directory (config.json, log.txt, server.log)
//   COUCH_LOG  server.log there: the server's stdout and stderr
// A crash during the run is reported on stderr with the log's path; teardown fails the run.
import { startCouch } from './couch.mjs';

export default async function globalSetup() {
  const couch = await startCouch();
  Object.assign(process.env, {
    COUCH_URL: couch.url, COUCH_PID: String(couch.pid), COUCH_TMP: couch.tmp, COUCH_LOG: couch.log,
  });
  // Teardown runs in this same process; the handle is also kept here for it.
  globalThis.__pipewiseCouch = couch;
}
