import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The scope labels the app shows for a series visit (edit, drag and cancel). */
export type ScopeLabel = 'This visit only' | 'This and following visits' | 'All visits in the series' | 'All visits that have not happened yet (past ones are kept)';

/**
 * Page model of the appointment dialog in edit mode ("Edit appointment",
 * opened with E or the selection panel's Edit…) and of the scope question
 * a series visit asks before a change or a cancellation is saved.
 *
 * @example const edit = new EditAppointmentPage(page); await edit.time().fill('14:00'); await edit.save(); await edit.chooseScope('This and following visits');
 */
export class EditAppointmentPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('dialog', { name: 'Edit appointment' });
  }

  patient(): Locator {
    return this.root().getByTestId('edit-patient');
  }

  date(): Locator {
    return this.root().getByLabel('Date', { exact: true });
  }

  time(): Locator {
    return this.root().getByLabel('Start time');
  }

  visitReason(): Locator {
    return this.root().getByLabel('Reason for visit');
  }

  notes(): Locator {
    return this.root().getByLabel('Notes');
  }

  async save(): Promise<void> {
    await this.root().getByRole('button', { name: 'Save changes' }).click();
  }

  /** "Which visits?" before a series visit's change is saved (after Save changes, or a drag). */
  scopeDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Change a repeating appointment' });
  }

  /** Answers the scope question and waits for every dialog to close. */
  async chooseScope(label: ScopeLabel): Promise<void> {
    const dialog = this.scopeDialog();
    await dialog.getByRole('radio', { name: label }).check();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  /** The cancel question of a series visit (opened with the selection panel's Cancel… or X). */
  cancelDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Cancel a repeating appointment' });
  }

  /** Cancels with a scope and a reason, and waits for the dialog to close. */
  async cancelVisits(label: ScopeLabel, reason: string): Promise<void> {
    const dialog = this.cancelDialog();
    await dialog.getByRole('radio', { name: label }).check();
    await dialog.getByLabel('Reason for cancelling').fill(reason);
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await expect(dialog).toBeHidden();
  }
}
