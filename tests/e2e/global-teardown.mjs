// Stops the run's pouchdb-server (started by global-setup.mjs) by its process id and removes
// its temporary directory, unless it had crashed: then the directory is kept, its log's path
// printed, and the run fails.
import { rm } from 'node:fs/promises';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export default async function globalTeardown() {
  const couch = globalThis.__pipewiseCouch;
  if (couch) {
    const crashed = couch.crashed || !couch.running;
    await couch.stop(); // keeps the directory when it had crashed
    if (crashed) throw new Error(`pouchdb-server had stopped during the run (${JSON.stringify(couch.exit)}); log: ${couch.log}`);
    return;
  }
  // Loaded apart from global setup: only the environment is left.
  const pid = Number(process.env.COUCH_PID);
  if (!pid) return;
  if (!alive(pid)) {
    throw new Error(`pouchdb-server (pid ${pid}) had stopped during the run; log: ${process.env.COUCH_LOG}`);
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (process.env.COUCH_TMP) await rm(process.env.COUCH_TMP, { recursive: true, force: true });
}
