import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** A patient registered from inside the dialog. */
export interface NewPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone?: string;
}

/**
 * Page model of the new-appointment dialog.
 *
 * @example
 * const dialog = new AppointmentDialogPage(page);
 * await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
 * await dialog.book();
 */
export class AppointmentDialogPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('dialog', { name: 'New appointment' });
  }

  async searchPatient(query: string): Promise<void> {
    await this.root().getByRole('combobox', { name: 'Find patient' }).fill(query);
  }

  async choosePatient(query: string, name: string): Promise<void> {
    await this.searchPatient(query);
    await this.root().getByRole('option', { name: new RegExp(name) }).click();
  }

  async registerPatient(patient: NewPatient): Promise<void> {
    const dialog = this.root();
    await dialog.getByRole('button', { name: 'Register a new patient' }).click();
    const form = dialog.getByTestId('quick-register');
    await form.getByLabel('Given name').fill(patient.givenName);
    await form.getByLabel('Family name').fill(patient.familyName);
    await form.getByLabel('Date of birth').fill(patient.dateOfBirth);
    if (patient.phone) await form.getByLabel('Phone').fill(patient.phone);
    await form.getByRole('button', { name: 'Register patient' }).click();
  }

  chosenPatient(): Locator {
    return this.root().getByTestId('chosen-patient');
  }

  resource(name: string): Locator {
    return this.root().getByRole('checkbox', { name: new RegExp(`^${name} `) });
  }

  time(): Locator {
    return this.root().getByLabel('Start time');
  }

  async length(label: string): Promise<void> {
    await this.root().getByText(label, { exact: true }).click();
  }

  async reason(text: string): Promise<void> {
    await this.root().getByLabel('Reason for visit').fill(text);
  }

  async book(): Promise<void> {
    await this.root().getByRole('button', { name: /^Book (repeating )?appointment$/ }).click();
  }

  date(): Locator {
    return this.root().getByLabel('Date', { exact: true });
  }

  /** Sets the repeat: a kind as the menu names it and, optionally, "after N times". */
  async repeat(kind: string, times?: number): Promise<void> {
    const section = this.root().getByTestId('repeat');
    await section.getByLabel('Repeats').selectOption({ label: kind });
    if (times !== undefined) await section.getByRole('spinbutton', { name: 'times' }).fill(String(times));
  }

  repeatSummary(): Locator {
    return this.root().getByTestId('repeat-summary');
  }

  repeatPreview(): Locator {
    return this.root().getByTestId('repeat-preview').getByRole('listitem');
  }

  conflicts(): Locator {
    return this.root().getByTestId('conflicts');
  }

  /** Later visits of a series that have a problem (past the first ones in the preview). */
  laterProblems(): Locator {
    return this.root().getByTestId('repeat-preview-later').getByRole('listitem');
  }

  /** The dry run's one-line verdict ("1 conflict — of 4 visits checked."). */
  checkStatus(): Locator {
    return this.root().getByTestId('draft-check-status');
  }

  /** A single appointment's flags (or verdict) under its date and time. */
  checkNote(): Locator {
    return this.root().getByTestId('draft-check');
  }

  /** "Nearest free times" under a refused time: the earlier and later buttons, or why there are none. */
  nearestTimes(): Locator {
    return this.root().getByRole('group', { name: 'Nearest free times' });
  }

  /** The nearest-free-time button on one side ("Earlier: …" / "Later: …"). */
  nearestTime(side: 'Earlier' | 'Later'): Locator {
    return this.nearestTimes().getByRole('button', { name: new RegExp(`^${side}: `) });
  }

  /** The "Book anyway?" step before saving a booking with warnings. */
  confirmWarnings(): Locator {
    return this.page.getByRole('dialog', { name: 'Book anyway?' });
  }

  /**
   * Books and waits for the dialog to close. A booking with warnings only
   * (outside working hours, a break, …) asks "Book anyway?" first; that step
   * is accepted here, so a journey reads the same whether or not it is asked.
   *
   * @example await dialog.bookAndConfirm(); // the dialog is closed, the booking saved
   */
  async bookAndConfirm(): Promise<void> {
    await this.book();
    await this.acceptWarningsUntilClosed();
  }

  /** The manager's override box, shown beside a refusal only to managers and admins. */
  overrideBox(): Locator {
    return this.root().getByTestId('override');
  }

  /** Presses the warnings' confirm step whenever it is asked, until the dialog closes. */
  private async acceptWarningsUntilClosed(): Promise<void> {
    await expect(async () => {
      // Its own "Book anyway", not the override box's: the step is a dialog of its own.
      const confirm = this.confirmWarnings().getByRole('button', { name: 'Book anyway', exact: true });
      if ((await confirm.count()) > 0) await confirm.click({ timeout: 3_000 });
      await expect(this.root()).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  /** A manager's "Book anyway" with a reason (empty: just press the button). */
  async override(reason: string): Promise<void> {
    const box = this.root().getByTestId('override');
    await box.getByLabel('Book anyway — reason').fill(reason);
    await box.getByRole('button', { name: 'Book anyway' }).click();
  }

  /** Overrides the listed conflicts with a reason and waits for the dialog to close (accepting a warnings step, if any). */
  async overrideAndConfirm(reason: string): Promise<void> {
    await this.override(reason);
    await this.acceptWarningsUntilClosed();
  }
}
