import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AdminPage, setUpClinicAsAdmin } from './pages/admin';
import { PatientFilesPage } from './pages/patient-files';

/**
 * The patients file (issue 14): an admin imports a Spanish-titled CSV
 * through the mapping step and the preview — a row repeated in the file is
 * skipped, the other two registered in one batch and found in Find patient;
 * the same file again registers nobody; the export downloads them as a CSV
 * with the BOM. Fresh context per test; the clock is pinned.
 */
const now = new Date('2026-11-25T14:00:00Z');

test.describe.configure({ timeout: 150_000 });

const file = {
  name: 'pacientes.csv',
  text: '\uFEFFNombre,Apellidos,Fecha de nacimiento,Teléfono,Seguro\r\nGrace,Hopper,1906-12-09,555 0102,A1\r\nKatherine,Johnson,1918-08-26,,B2\r\ngrace,HOPPER,1906-12-09,,C3\r\n',
};

test('an admin imports a patients CSV with a repeated row: two registered, found in Find patient, then exported', async ({ page }) => {
  await setUpClinicAsAdmin(page, now);
  const admin = new AdminPage(page);
  await admin.open();
  await admin.tab('Calendar files');
  const files = new PatientFilesPage(page);

  // A date of birth not written 1980-03-25 is refused by row and column, and Import stays off.
  await files.choose({ name: 'bad.csv', text: 'First name,Surname,Born\r\nAda,Lovelace,1815-12-10\r\nAlan,Turing,23/06/1912\r\n' });
  await files.preview();
  await expect(files.summary()).toHaveText('1 to register, 0 skipped as already here, 1 row with problems.');
  await expect(files.importPart().getByRole('listitem').filter({ hasText: 'Row 3, column “Born”:' })).toHaveCount(1);
  await expect(files.importButton()).toBeDisabled();

  // The mapping step is preset from the Spanish titles; the unknown column is left out.
  await files.choose(file);
  await expect(files.columnSelect('Apellidos')).toHaveValue('familyName');
  await expect(files.columnSelect('Fecha de nacimiento')).toHaveValue('dateOfBirth');
  await expect(files.columnSelect('Seguro')).toHaveValue('');
  await files.preview();
  await expect(files.summary()).toHaveText('2 to register, 1 skipped as already here, 0 rows with problems.');
  await expect(files.importPart().getByText('Row 4, grace HOPPER: the same patient as row 2.')).toBeVisible();
  // The mapping selects and the preview pass axe (serious and critical).
  const violations = (await new AxeBuilder({ page }).include('.patient-files').analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(violations.map((violation) => violation.id)).toEqual([]);
  await files.importButton().click();
  await expect(files.importPart().getByText('2 patients registered.')).toBeVisible();

  // The same file again: everyone is already on the desk, so Import stays off.
  await files.choose({ ...file, name: 'again.csv' });
  await files.preview();
  await expect(files.summary()).toHaveText('0 to register, 3 skipped as already here, 0 rows with problems.');
  await expect(files.importPart().getByText('Row 3, Katherine Johnson: a patient on the desk has the same names and date of birth.')).toBeVisible();
  await expect(files.importButton()).toBeDisabled();

  // The export writes both, through the safe writer (BOM, CRLF).
  const exported = await files.exportCsv();
  expect(exported.fileName).toBe('patients-2026-11-25.csv');
  expect(exported.text).toBe('\uFEFFRecord number,Given name,Family name,Date of birth,Phone,Email,Notes\r\n,Grace,Hopper,1906-12-09,555 0102,,\r\n,Katherine,Johnson,1918-08-26,,,\r\n');
  await expect(page.getByText('2 patients written to patients-2026-11-25.csv.')).toBeVisible();

  // Find patient knows them.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await page.keyboard.press('/');
  const finder = page.getByRole('dialog', { name: 'Find patient' });
  await finder.getByRole('combobox', { name: 'Find patient' }).fill('Hopper');
  await expect(finder.getByRole('option', { name: /Grace Hopper/ })).toHaveCount(1);
});
