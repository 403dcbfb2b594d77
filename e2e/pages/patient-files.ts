import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

/** A file to hand to the file input, as Playwright takes it. */
export interface CsvUpload {
  name: string;
  text: string;
}

/**
 * Page model of the patients part of Administration → Calendar files
 * (renderer/calendar-files/PatientFilesPanel.tsx); open the tab first.
 *
 * @example const files = new PatientFilesPage(page); await files.choose({ name: 'p.csv', text }); await files.preview();
 */
export class PatientFilesPage {
  constructor(readonly page: Page) {}

  importPart(): Locator {
    return this.page.getByRole('region', { name: 'Import patients (CSV)' });
  }

  /** The mapping step's select of the column titled `title`. */
  columnSelect(title: string): Locator {
    return this.importPart().getByRole('combobox', { name: title, exact: true });
  }

  /** The preview's one-line summary (to register, skipped, rows with problems). */
  summary(): Locator {
    return this.importPart().getByRole('status');
  }

  importButton(): Locator {
    return this.importPart().getByRole('button', { name: 'Import', exact: true });
  }

  async choose(file: CsvUpload): Promise<void> {
    await this.importPart().getByLabel('Patients CSV file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text, 'utf8') });
  }

  async preview(): Promise<void> {
    await this.importPart().getByRole('button', { name: 'Preview' }).click();
  }

  /** Presses Export patients CSV and answers the downloaded file's name and text. */
  async exportCsv(): Promise<{ fileName: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export patients CSV' }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }
}
