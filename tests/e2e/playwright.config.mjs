// End-to-end suite: the release build in dist/, served on loopback, driven in Debian's
// Chromium (no browser download). `make e2e` builds dist first.
import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROMIUM ?? execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim();
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
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
    timezoneId: 'UTC',
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    { command: `node ../../scripts/serve.mjs ../../dist ${port} /`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false, cwd: '.' },
    { command: `node ../../scripts/serve.mjs ../../dist ${port + 1} /pipewise/`, url: `http://127.0.0.1:${port + 1}/pipewise/`, reuseExistingServer: false, cwd: '.' },
  ],
});
