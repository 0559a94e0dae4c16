// Static hosting: the same build under a sub-path (deep links and reloads included),
// offline after one visit, and the Content-Security-Policy in force.
import { test, expect, expectAccessible, ready } from './fixtures.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const sub = `http://127.0.0.1:${port + 1}/pipewise/`;

test('served under /pipewise/, deep routes load, navigate and reload', async ({ page }) => {
  const chunks = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) chunks.push(new URL(r.url()).pathname); });
  await page.goto(`${sub}reports`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  // The page's lazily loaded chunk comes from under the sub-path too.
  expect(chunks).toContainEqual(expect.stringMatching(/^\/pipewise\/app-[0-9a-f]+\/split_reports\.wasm$/));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page).toHaveURL(`${sub}contacts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page).toHaveURL(sub);
  await expectAccessible(page, 'sub-path board');
});

test('the page carries a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).not.toContain('unsafe-inline');
  // An injected inline script is refused (and reported, which the fixture would flag,
  // so listen for it here instead).
  const blocked = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
  }));
  expect(await blocked).toMatch(/script-src/);
  expect(await page.evaluate(() => window.injected)).toBeUndefined();
  page.problems.length = 0;
});

test('after one visit the app opens and works offline', async ({ page, context }) => {
  await page.goto(sub);
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.goto(`${sub}calendar`);
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await context.setOffline(false);
});

test('a newly published version replaces the cached one cleanly', async ({ page, context }) => {
  // Publish a copy of the build on its own port, then publish "a new version" over it.
  const { mkdtempSync, cpSync, readFileSync, writeFileSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const root = new URL('../../', import.meta.url).pathname;
  const site = mkdtempSync(`${tmpdir()}/pipewise-site-`);
  cpSync(`${root}dist`, site, { recursive: true });
  const updatePort = port + 2;
  const server = spawn('node', [`${root}scripts/serve.mjs`, site, String(updatePort), '/'], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${updatePort}/`;
    await expect.poll(() => fetch(url).then((r) => r.status, () => 0), { timeout: 15_000 }).toBe(200);
    await page.goto(url);
    await ready(page);
    const controlled = () => page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return caches.keys();
    });
    const before = await controlled();
    expect(before).toHaveLength(1);
    // The new version: a different build id in the worker.
    const sw = readFileSync(`${site}/sw.js`, 'utf8');
    writeFileSync(`${site}/sw.js`, sw.replace(/const CACHE = 'pipewise-[0-9a-f]+'/, "const CACHE = 'pipewise-0000newbuild'"));
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const changed = new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      await reg.update();
      await changed;
    });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['pipewise-0000newbuild']);
    // And the new version works offline too.
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await context.setOffline(false);
  } finally {
    server.kill();
  }
});
