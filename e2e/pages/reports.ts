import type { Locator, Page } from '@playwright/test';

/**
 * Page model of Reports (renderer/reports/ReportsScreen.tsx).
 *
 * @example const reports = new ReportsPage(page); await reports.open(); await reports.range('2026-11-25', '2026-11-25');
 */
export class ReportsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Reports', level: 1 });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Reports' }).click();
    await this.heading().waitFor();
  }

  async range(from: string, to: string): Promise<void> {
    await this.page.getByLabel('From', { exact: true }).fill(from);
    await this.page.getByLabel('To', { exact: true }).fill(to);
  }

  table(id: string): Locator {
    return this.page.getByTestId(`report-table-${id}`);
  }

  /** A table's row by its first cell, as the cells' texts. */
  async row(id: string, name: string): Promise<string[]> {
    const row = this.table(id).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
    return row.locator('th, td').allTextContents();
  }

  /** Presses a table's Export CSV and returns the downloaded text. */
  async exportCsv(id: string): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.table(id).locator('xpath=..').getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
}
