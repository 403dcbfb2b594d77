import type { Locator, Page } from '@playwright/test';

/**
 * Page model of the "Needs attention" inbox (open double bookings and concurrent edits).
 *
 * @example const inbox = new NeedsAttentionPage(page); await inbox.cancel('Grace Hopper', 'Rebooked for Friday');
 * @example await inbox.reschedule('Grace Hopper', '2026-11-25', '11:00');
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

  /** Reschedules one appointment of the conflict to `date` (`YYYY-MM-DD`) at `time` (`HH:mm`), with an optional reason. */
  async reschedule(patientName: string, date: string, time: string, reason = ''): Promise<void> {
    await this.appointment(patientName).getByRole('button', { name: 'Reschedule' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Reschedule ${patientName}` });
    await dialog.getByLabel('New date').fill(date);
    await dialog.getByLabel('New time').fill(time);
    if (reason) await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Move appointment' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Open concurrent edits ("Front desk B moved this to 11:00 while …"). */
  edits(): Locator {
    return this.page.getByTestId('edit-conflict-card');
  }

  /** Settles a concurrent edit about `patientName`: keep the current change or apply the other desk's, with a reason. */
  async settleEdit(patientName: string, choice: 'Keep the current one' | 'Apply the other', reason: string): Promise<void> {
    await this.edits().filter({ hasText: patientName }).getByRole('button', { name: choice }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: choice === 'Apply the other' ? 'Apply the other change' : 'Keep current' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async cancel(patientName: string, reason: string): Promise<void> {
    await this.appointment(patientName).getByRole('button', { name: 'Cancel this one' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  }
}
