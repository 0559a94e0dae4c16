// Page object for the Reports page: what a sales manager looks at and changes.
import { expect } from '@playwright/test';
import { ready } from '../fixtures.mjs';

export class ReportsPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Reports' });
    this.owner = page.getByRole('combobox', { name: 'Owner', exact: true });
    this.period = page.getByRole('combobox', { name: 'Period', exact: true });
    this.bench = page.getByRole('combobox', { name: 'Compare with', exact: true });
    this.verdict = page.locator('#diagnosis-head');
    this.owners = page.getByRole('region', { name: "Owners against the team's average owner" });
  }

  /** Opens the app, loads the demo pipeline from the Reports page's empty state. */
  async openWithDemo(query = '') {
    await this.page.goto(`./reports${query}`);
    await ready(this.page);
    await expect(this.heading).toBeVisible();
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.verdict).toBeVisible();
  }

  /** The diagnosis sentence under the headline. */
  sentence() {
    return this.page.locator('.diagnosis .lead');
  }

  /** The verdict cell of an owner's row in the per-owner table. */
  ownerVerdict(name) {
    return this.owners.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').last();
  }

  /** A chart by its accessible name, and the figures table that goes with it. */
  chart(name) {
    return this.page.getByRole('img', { name });
  }

  async figures(chartName) {
    const figure = this.page.locator('figure', { has: this.chart(chartName) });
    const table = figure.getByRole('table');
    if (!(await table.isVisible())) await figure.getByText('Show the figures').click();
    return table;
  }

  /** A key-figure tile's value, by its name. */
  kpi(name) {
    return this.page.locator('.kpi', { has: this.page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('.kpi-value');
  }
}
