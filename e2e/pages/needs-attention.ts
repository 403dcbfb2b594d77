import type { Locator, Page } from '@playwright/test';

/**
 * Page model of the "Needs attention" inbox (open double bookings).
 *
 * @example const inbox = new NeedsAttentionPage(page); await inbox.cancel('Grace Hopper', 'Rebooked for Friday');
 */
export class NeedsAttentionPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Needs attention', level: 1 });
  }

  /** Opens the inbox from the navigation bar (managers and admins). */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Needs attention' }).click();
    await this.heading().waitFor();
  }

  conflicts(): Locator {
    return this.page.getByTestId('conflict-card');
  }

  empty(): Locator {
    return this.page.getByTestId('needs-attention-empty');
  }

  appointment(patientName: string): Locator {
    return this.page.getByTestId('conflict-appointment').filter({ hasText: patientName });
  }

  async cancel(patientName: string, reason: string): Promise<void> {
    await this.appointment(patientName).getByRole('button', { name: 'Cancel this one' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  }
}
