import type { Locator, Page } from '@playwright/test';

/**
 * Page model of a patient's contact consent in Find patient (`/`, renderer/consent).
 *
 * @example const consent = new PatientConsentPage(page); await consent.open('Hopper', 'Grace Hopper'); await consent.optOut('Asked for no messages');
 */
export class PatientConsentPage {
  constructor(readonly page: Page) {}

  finder(): Locator {
    return this.page.getByRole('dialog', { name: 'Find patient' });
  }

  root(): Locator {
    return this.finder().getByTestId('patient-consent');
  }

  /** Opens Find patient and chooses the patient. */
  async open(query: string, name: string): Promise<void> {
    await this.page.keyboard.press('/');
    await this.finder().getByRole('combobox', { name: 'Find patient' }).fill(query);
    await this.finder().getByRole('option', { name: new RegExp(name) }).click();
    await this.root().waitFor();
  }

  /** Ticks "Opted out of all messages", types why and saves. */
  async optOut(reason: string): Promise<void> {
    await this.root().getByRole('checkbox', { name: 'Opted out of all messages' }).check();
    await this.root().getByLabel('Why they opted out').fill(reason);
    await this.root().getByRole('button', { name: 'Save contact consent' }).click();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.finder().waitFor({ state: 'hidden' });
  }
}
