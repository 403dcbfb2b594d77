import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';

/** The audit CSV's header, in order (core/audit's export format). */
export const auditCsvColumns = ['seq', 'id', 'at', 'device_id', 'app_version', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity_type', 'entity_id', 'patient_id', 'changes', 'reason', 'outcome', 'mutation_id', 'prev_hash', 'hash'];

/** A downloaded audit CSV: its suggested file name, its text, and its rows parsed with papaparse (by column name). */
export interface AuditCsv {
  fileName: string;
  text: string;
  /** Whether the file starts with the UTF-8 byte order mark (spreadsheets need it). */
  bom: boolean;
  header: string[];
  rows: Record<string, string>[];
  errors: Papa.ParseError[];
}

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

  /** What the last check covered: "(checked 12 new entries at 9:05 AM)", "(checked the whole log, …)". */
  chainDetail(): Locator {
    return this.page.getByTestId('chain-detail');
  }

  /** N of "Chain verified up to entry N" (once the check has finished). */
  async verifiedUpTo(): Promise<number> {
    const words = (await this.chainStatus().locator('strong').textContent()) ?? '';
    const match = /^Chain verified up to entry ([\d,]+)$/.exec(words.trim());
    if (!match?.[1]) throw new Error(`Unexpected chain verdict "${words}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  verifyWholeButton(): Locator {
    return this.page.getByRole('button', { name: 'Verify the whole log' });
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

  /**
   * Presses "Export CSV", takes the download (Playwright's download event)
   * and parses it with papaparse, as a spreadsheet would read it.
   *
   * @example const csv = await audit.exportCsv(); expect(csv.rows.at(-1)?.['action']).toBe('STAFF_SIGNED_IN');
   */
  async exportCsv(): Promise<AuditCsv> {
    const download = this.page.waitForEvent('download');
    await this.exportButton().click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    const bom = text.charCodeAt(0) === 0xfeff;
    const parsed = Papa.parse<Record<string, string>>(bom ? text.slice(1) : text, { header: true, skipEmptyLines: true });
    return { fileName: file.suggestedFilename(), text, bom, header: parsed.meta.fields ?? [], rows: parsed.data, errors: parsed.errors };
  }

  manifestButton(): Locator {
    return this.page.getByRole('button', { name: /^Save manifest/ });
  }
}
