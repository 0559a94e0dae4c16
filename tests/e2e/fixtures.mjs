// Shared test set-up: every test fails on a console error, an uncaught exception or a
// Content-Security-Policy violation, and can check a page with axe-core.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const screenshots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.problems = problems;
    await use(page);
    expect(problems, 'console errors, exceptions or CSP violations').toEqual([]);
  },
});
export { expect };

/** Runs axe-core with the WCAG 2.1 A and AA rules and expects no violations. */
export async function expectAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Saves a full-page screenshot under tests/e2e/screenshots/. */
export async function shoot(page, name) {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** Waits until the app has mounted (the main navigation is there). */
export async function ready(page) {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
