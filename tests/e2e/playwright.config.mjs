// End-to-end suite: the release build in dist/, served on loopback, driven in Debian's
// Chromium (no browser download). `make e2e` builds dist first. The browser's clock and
// zone are the test's own (fixtures.mjs): the whole suite runs on the last evening of a
// quarter in Los Angeles, when UTC is already in the next quarter, and again on a leap
// day just after midnight in Sydney, when UTC is still on the day before; dates.spec.mjs
// adds more days for the journeys whose meaning depends on the date.
import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROMIUM ?? execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim();
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  // One pouchdb-server (CouchDB-compatible) for the run: COUCH_URL in every worker (couch.mjs).
  globalSetup: './global-setup.mjs',
  globalTeardown: './global-teardown.mjs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'en-US',
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'los-angeles', use: { timezoneId: 'America/Los_Angeles', wallClock: '2026-03-31T23:40' } },
    { name: 'sydney', testIgnore: /dates\.spec/, use: { timezoneId: 'Australia/Sydney', wallClock: '2028-02-29T00:20' } },
  ],
  webServer: [
    { command: `node ../../scripts/serve.mjs ../../dist ${port} /`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false, cwd: '.' },
    { command: `node ../../scripts/serve.mjs ../../dist ${port + 1} /pipewise/`, url: `http://127.0.0.1:${port + 1}/pipewise/`, reuseExistingServer: false, cwd: '.' },
  ],
});
