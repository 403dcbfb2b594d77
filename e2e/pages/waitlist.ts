import type { Locator, Page } from '@playwright/test';

/**
 * Page model of the waitlist (renderer/waitlist): the panel beside the day
 * sheet and the freed-slot notice.
 *
 * @example const waitlist = new WaitlistPage(page); await waitlist.open(); await waitlist.add('Grace', { provider: 'Dr Adams', length: '30', reason: 'Sooner' });
 */
export class WaitlistPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('complementary', { name: 'Waitlist' });
  }

  /** Opens the panel with its key (W), from the day sheet. */
  async open(): Promise<void> {
    await this.page.keyboard.press('w');
    await this.root().waitFor();
  }

  addForm(): Locator {
    return this.root().getByRole('form', { name: 'Add a patient' });
  }

  /** Fills in and submits the add form; waits for nothing (a spec asserts the entry or a refusal). */
  async add(patientQuery: string, wanted: { provider: string; length: string; reason: string }): Promise<void> {
    await this.root().getByRole('button', { name: 'Add to waitlist' }).click();
    const form = this.addForm();
    await form.getByRole('combobox', { name: 'Find patient' }).fill(patientQuery);
    await form.getByRole('option', { name: new RegExp(patientQuery) }).click();
    await form.getByRole('checkbox', { name: wanted.provider, exact: true }).check();
    await form.getByLabel('Length (minutes)', { exact: true }).fill(wanted.length);
    await form.getByLabel('Reason', { exact: true }).fill(wanted.reason);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
  }

  entries(): Locator {
    return this.root().getByTestId('waitlist-entry');
  }

  async show(state: string): Promise<void> {
    await this.root().getByLabel('Show', { exact: true }).selectOption({ label: state });
  }

  /** The line of a patient's entry. */
  entry(patientName: string): Locator {
    return this.entries().filter({ hasText: patientName });
  }

  /** *Declined* on an offered entry, with the reason they gave, back to waiting. */
  async decline(patientName: string, reason: string): Promise<void> {
    const entry = this.entry(patientName);
    await entry.getByRole('button', { name: 'Declined', exact: true }).click();
    await entry.getByLabel('Why did they decline? (optional)').fill(reason);
    await entry.getByRole('button', { name: 'Back to waiting', exact: true }).click();
  }

  notice(): Locator {
    return this.page.getByTestId('freed-slot-notice');
  }
}
