import type { Locator, Page } from '@playwright/test';

/**
 * Page model of the audit log screen: chain status, filters, the virtual
 * list (rows carry their action code in `data-action`) and the export.
 *
 * @example const audit = new AuditViewerPage(page); await audit.open(); await audit.filterAction('Closure saved');
 */
export class AuditViewerPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Audit log', level: 1 });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Audit log' }).click();
    await this.heading().waitFor();
  }

  chainStatus(): Locator {
    return this.page.getByTestId('chain-status');
  }

  /** Entry rows (not the header, not the "loading older" row). */
  rows(): Locator {
    return this.page.getByTestId('audit-list').locator('[role="row"][data-action]');
  }

  rowsWithAction(action: string): Locator {
    return this.page.getByTestId('audit-list').locator(`[role="row"][data-action="${action}"]`);
  }

  async filterAction(label: string): Promise<void> {
    await this.page.getByLabel('Action').selectOption({ label });
  }

  async filterStaff(label: string): Promise<void> {
    await this.page.getByLabel('Staff member').selectOption({ label });
  }

  async filterDates(from: string, to: string): Promise<void> {
    await this.page.getByLabel('From', { exact: true }).fill(from);
    await this.page.getByLabel('To', { exact: true }).fill(to);
  }

  /** "29 entries": how many entries the selection holds (all loaded). */
  async entryCount(): Promise<number> {
    const words = (await this.page.getByTestId('audit-count').textContent()) ?? '';
    const match = /^([\d,]+) entr(y|ies)$/.exec(words.trim());
    if (!match?.[1]) throw new Error(`Unexpected entry count "${words}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export CSV' });
  }

  manifestButton(): Locator {
    return this.page.getByRole('button', { name: /^Save manifest/ });
  }
}
