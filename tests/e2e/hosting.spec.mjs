// Static hosting: the same build under a sub-path (deep links and reloads included),
// offline after one visit, and the Content-Security-Policy in force.
import { test, expect, expectAccessible, ready } from './fixtures.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const sub = `http://127.0.0.1:${port + 1}/pipewise/`;

test('served under /pipewise/, deep routes load, navigate and reload', async ({ page }) => {
  await page.goto(`${sub}reports`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
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
