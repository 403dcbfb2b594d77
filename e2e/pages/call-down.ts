import type { Locator, Page } from '@playwright/test';

/**
 * Page model of the *To confirm* list beside the day sheet (renderer/confirmations).
 *
 * @example const list = new CallDownPage(page); await list.open(); await list.line('Ada Lovelace').click();
 */
export class CallDownPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('call-down');
  }

  /** Opens it from the toolbar (L does the same). */
  async open(): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Day sheet' }).getByRole('button', { name: 'To confirm' }).click();
    await this.root().waitFor();
  }

  lines(): Locator {
    return this.root().getByTestId('call-down-line');
  }

  line(patientName: string): Locator {
    return this.lines().filter({ hasText: patientName });
  }

  /** Selects a line's visit (the panel and the keys then act on it). */
  async select(patientName: string): Promise<void> {
    await this.line(patientName).getByRole('button', { name: patientName }).click();
  }
}
