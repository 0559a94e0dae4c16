// What "fits a phone" means, as checks: no sideways scroll of the page, controls a thumb
// can hit, dialogs that fill the screen; and the board as a phone shows it, one step at
// a time under the step tabs.
import { expect } from '../fixtures.mjs';
import { BoardPage } from './board.mjs';

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The widths a phone page must fit, narrowest to widest. */
export const widths = [360, 390, 414];

/** Closes the first visit's welcome panel, as a rep would before their day starts. */
export async function dismissWelcome(page) {
  await page.getByRole('region', { name: 'Welcome to Pipewise' }).getByRole('button', { name: 'Dismiss' }).tap();
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectFits(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: page wider than the ${client} px window`).toBeLessThanOrEqual(client);
}

/** Checks the page at every phone width, then goes back to 390 × 844. */
export async function expectFitsEveryWidth(page, what) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 844 });
    await expectFits(page, `${what} at ${width} px`);
  }
  await page.setViewportSize(phone.viewport);
}

/** Every control the locator finds is at least 44 × 44 CSS pixels. */
export async function expectTappable(locator, what) {
  const boxes = await locator.evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { name: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40), width: r.width, height: r.height };
  }));
  expect(boxes.length, `${what}: no control found`).toBeGreaterThan(0);
  const small = boxes.filter((b) => b.width < 44 || b.height < 44).map((b) => `${b.name} (${Math.round(b.width)}×${Math.round(b.height)})`);
  expect(small, `${what}: tap targets under 44 px`).toEqual([]);
}

/** An open dialog covers the whole window. */
export async function expectFullScreen(page, dialog) {
  const box = await dialog.boundingBox();
  const size = page.viewportSize();
  expect(box.x).toBe(0);
  expect(box.y).toBe(0);
  expect(box.width).toBeGreaterThanOrEqual(size.width);
  expect(box.height).toBeGreaterThanOrEqual(size.height);
}

export class PhoneBoard extends BoardPage {
  constructor(page) {
    super(page);
    this.tabs = page.getByRole('tablist', { name: 'Steps' });
  }

  /** A step's tab, named like "Lead, 4 deals". */
  tab(step) {
    return this.tabs.getByRole('tab', { name: new RegExp(`^${step}, \\d+ deals?$`) });
  }

  /** How many deals a step's tab counts. */
  async tabCount(step) {
    const name = await this.tab(step).getAttribute('aria-label');
    return Number(name.match(/(\d+) deals?$/)[1]);
  }

  async pick(step) {
    await this.tab(step).tap();
    await expect(this.tab(step)).toHaveAttribute('aria-selected', 'true');
    await expect(this.column(step)).toBeVisible();
  }

  /** The titles of the cards the shown column lists. */
  async titles(step) {
    return this.column(step).getByRole('listitem').getByRole('link').allInnerTexts();
  }
}
