import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { AppointmentDialogPage } from './appointment-dialog';
import type { NewPatient } from './appointment-dialog';
import { EditAppointmentPage } from './recurring-edits';

/**
 * Page model of the day sheet: columns by resource name, slots by wall time,
 * bookings by patient name.
 *
 * @example await new DayViewPage(page).clickSlot('Dr Adams', '10:00');
 */
export class DayViewPage {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId('day-title');
  }

  columnNames(): Locator {
    return this.page.getByTestId('column-header');
  }

  /** The column body of the resource shown at header position `name`. */
  async column(name: string): Promise<Locator> {
    await this.columnNames().first().waitFor();
    const names = await this.columnNames().allTextContents();
    const index = names.indexOf(name);
    if (index === -1) throw new Error(`No column "${name}" (columns: ${names.join(', ')})`);
    return this.page.getByTestId('column').nth(index);
  }

  /** Where in a column a wall time (`HH:mm`) is, in pixels from its top. */
  private async offsetOf(column: Locator, time: string): Promise<number> {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    const first = Number(await column.getAttribute('data-first-minute'));
    const scale = Number(await column.getAttribute('data-px-per-minute'));
    return (hours * 60 + minutes - first) * scale;
  }

  /** Clicks the empty slot starting at `time` in a resource's column. */
  async clickSlot(name: string, time: string): Promise<void> {
    const column = await this.column(name);
    const y = (await this.offsetOf(column, time)) + 3;
    await column.scrollIntoViewIfNeeded();
    await column.click({ position: { x: 8, y } });
  }

  /**
   * The front desk's most common step: click the slot, register a new patient
   * in the dialog, and book. Waits for nothing after the click on Book, so a
   * spec asserts what should follow (the dialog closing, or a refusal).
   *
   * @example await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
   */
  async bookNewPatient(name: string, time: string, patient: NewPatient): Promise<void> {
    await this.clickSlot(name, time);
    const dialog = new AppointmentDialogPage(this.page);
    await dialog.registerPatient(patient);
    await dialog.book();
  }

  /** Drags from `from` to `to` in a resource's column (picks the length). */
  async dragSlots(name: string, from: string, to: string): Promise<void> {
    const column = await this.column(name);
    const box = await column.boundingBox();
    if (!box) throw new Error(`Column "${name}" is not visible`);
    const top = box.y + (await this.offsetOf(column, from)) + 3;
    const bottom = box.y + (await this.offsetOf(column, to)) - 3;
    await this.page.mouse.move(box.x + 8, top);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + 8, bottom, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Drags a patient's booking in a column so that it starts at `time` (`HH:mm`). */
  async moveAppointment(name: string, patientName: string, time: string): Promise<void> {
    const column = await this.column(name);
    const block = column.getByTestId('appointment').filter({ hasText: patientName });
    const box = await block.boundingBox();
    const columnBox = await column.boundingBox();
    if (!box || !columnBox) throw new Error(`${patientName} is not visible in ${name}`);
    const targetTop = columnBox.y + (await this.offsetOf(column, time));
    await this.page.mouse.move(box.x + 10, box.y + 5);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + 10, targetTop + 5, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Drags the bottom edge of a patient's booking to wall time `time` (`HH:mm`). */
  async resizeAppointment(name: string, patientName: string, time: string): Promise<void> {
    const column = await this.column(name);
    const handle = column.getByTestId('appointment').filter({ hasText: patientName }).getByTestId('resize-handle');
    const box = await handle.boundingBox();
    const columnBox = await column.boundingBox();
    if (!box || !columnBox) throw new Error(`${patientName} is not visible in ${name}`);
    const targetY = columnBox.y + (await this.offsetOf(column, time));
    await this.page.mouse.move(box.x + 10, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + 10, targetY - box.height / 2, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Bookings of a patient (in every column they occupy). */
  appointments(patientName: string): Locator {
    return this.page.getByTestId('appointment').filter({ hasText: patientName });
  }

  /** A patient's booking in one resource's column. */
  async appointmentIn(name: string, patientName: string): Promise<Locator> {
    return (await this.column(name)).getByTestId('appointment').filter({ hasText: patientName });
  }

  notice(): Locator {
    return this.page.locator('.notice');
  }

  /** Shows a calendar date (`YYYY-MM-DD`) through the toolbar's date box. */
  async goTo(date: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Day sheet' }).getByLabel('Date', { exact: true }).fill(date);
  }

  /** The toolbar's "New appointment" (no slot chosen: the dialog starts without a provider or room). */
  async openNewAppointment(): Promise<AppointmentDialogPage> {
    await this.page.getByRole('toolbar', { name: 'Day sheet' }).getByRole('button', { name: 'New appointment' }).click();
    const dialog = new AppointmentDialogPage(this.page);
    await dialog.root().waitFor();
    return dialog;
  }

  /** The "Show cancelled" switch of the toolbar. */
  showCancelled(): Locator {
    return this.page.getByRole('toolbar', { name: 'Day sheet' }).getByLabel('Show cancelled');
  }

  /** Selects a patient's booking in a resource's column and returns the selection panel. */
  async select(name: string, patientName: string): Promise<Locator> {
    // By its top-left corner: on a narrow block the one-click next-step button covers the middle.
    await (await this.appointmentIn(name, patientName)).getByRole('button', { name: new RegExp(`^${patientName}, `) }).click({ position: { x: 4, y: 4 } });
    const panel = this.selectionPanel();
    await expect(panel).toHaveAccessibleName(patientName);
    return panel;
  }

  selectionPanel(): Locator {
    return this.page.getByTestId('selection-panel');
  }

  /** A status button of the selected booking, by the start of its name ("Arrived", "In room", "Completed", "No-show", "Cancel"). */
  statusButton(label: string): Locator {
    return this.selectionPanel().getByRole('group', { name: 'Status' }).getByRole('button', { name: new RegExp(`^${label}`) });
  }

  /** Walks the selected booking to `label` with its status button and waits for the block to say so. */
  async setStatus(name: string, patientName: string, label: 'Arrived' | 'In room' | 'Completed' | 'No-show', status: string): Promise<void> {
    await this.select(name, patientName);
    await this.statusButton(label).click();
    await expect(await this.appointmentIn(name, patientName)).toHaveAttribute('data-status', status);
  }

  /**
   * Cancels the selected booking with a reason. A visit of a series asks
   * which visits first; this answers "This visit only", so a journey reads
   * the same for a single appointment and a series visit.
   *
   * @example await day.select('Dr Chen Li', 'Lise Meitner'); await day.cancelOccurrence('Snowed in');
   */
  async cancelOccurrence(reason: string): Promise<void> {
    await this.openCancel();
    await this.answerCancel(reason);
  }

  /** Presses the selected booking's "Cancel…" and waits for its question. */
  async openCancel(): Promise<void> {
    await this.statusButton('Cancel').click();
    await this.page.getByRole('dialog', { name: /^Cancel (appointment|a repeating appointment)$/ }).waitFor();
  }

  /**
   * Answers the open cancel question with a reason (and, for a series visit,
   * "This visit only") and waits for it to close.
   *
   * @example await day.openCancel(); await day.answerCancel('Felt unwell, will call back');
   */
  async answerCancel(reason: string): Promise<void> {
    const series = new EditAppointmentPage(this.page);
    if ((await series.cancelDialog().count()) > 0) {
      await series.cancelVisits('This visit only', reason);
      return;
    }
    const dialog = this.page.getByRole('dialog', { name: 'Cancel appointment' });
    await dialog.getByLabel('Reason for cancelling').fill(reason);
    await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
    await expect(dialog).toBeHidden();
  }
}
