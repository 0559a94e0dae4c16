// Every page renders, is reachable from the navigation, and passes axe-core.
import { test, expect, expectAccessible, shoot, ready } from './fixtures.mjs';

const pages = [
  ['Pipeline', '/', 'Pipeline'],
  ['Contacts', '/contacts', 'Contacts'],
  ['Calendar', '/calendar', 'Calendar'],
  ['Reports', '/reports', 'Reports'],
  ['Data', '/data', 'Data'],
  ['Settings', '/settings', 'Settings'],
];

test('every page renders an empty state and passes axe', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  for (const [link, path, heading] of pages) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, path);
    await shoot(page, `empty-${link.toLowerCase()}`);
  }
});

test('a deep route loads directly and an unknown one says so', async ({ page }) => {
  await page.goto('./reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await page.goto('./no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page, 'not found');
});
