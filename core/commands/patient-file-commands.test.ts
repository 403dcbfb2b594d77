import { describe, expect, it } from 'vitest';
import { mapPatientColumns, patientImportPreview, readPatientCsv, suggestPatientColumns } from '../patient-files';
import { admin, clinicFixture, dumpStoredState, frontDesk, manager } from './commands.fixture';
import type { CommandFixture } from './commands.fixture';
import { importPatientDrafts } from './patient-import';

const csvHeader = { mrn: 'Record number', givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', phone: 'Phone', email: 'Email', notes: 'Notes' };
const env = (fixture: CommandFixture) => ({ db: fixture.db, clock: () => fixture.clock.now, newId: (() => { let n = 0; return () => `imp-${++n}`; })() });

async function previewOf(fixture: CommandFixture, text: string) {
  const read = readPatientCsv(text);
  if (!read.ok) throw new Error(read.problem.message);
  const mapped = mapPatientColumns(read.header, suggestPatientColumns(read.header));
  if (!mapped.ok) throw new Error('mapping refused');
  return patientImportPreview(read.rows, mapped.columns, await fixture.db.patients.toArray(), '2026-01-02');
}

describe('patient-file/export', () => {
  it('writes every patient by name through the safe writer, audited with who and how many, not synced; the front desk may not', async () => {
    const fixture = await clinicFixture();
    await fixture.must('patient/register', { givenName: '=1+2', familyName: 'Babbage', dateOfBirth: '1791-12-26', notes: 'Two\nlines' }, frontDesk);
    const outbox = await fixture.db.outbox.count();
    expect(await fixture.commands.run('patient-file/export', { csvHeader }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    const file = await fixture.must('patient-file/export', { csvHeader }, manager);
    expect(file).toMatchObject({ fileName: 'patients-2026-01-02.csv', mimeType: 'text/csv', patientCount: 3 });
    expect(file.text).toBe('\uFEFFRecord number,Given name,Family name,Date of birth,Phone,Email,Notes\r\n' + `,'=1+2,Babbage,1791-12-26,,,"Two\nlines"\r\n` + ',Ada,Lovelace,1815-12-10,,,\r\n,Alan,Turing,1912-06-23,555 0101,,\r\n');
    expect(await fixture.db.outbox.count()).toBe(outbox);
    const entries = await fixture.db.audit.where('action').equals('PATIENT_FILE_EXPORTED').toArray();
    expect(entries.map((entry) => entry.outcome)).toEqual(['refused', 'success']);
    expect(entries[1]).toMatchObject({ actor: { staffId: manager.staffId }, entityType: 'patient-file', changes: { patients: { before: null, after: 3 } } });
  });
});

describe('importPatientDrafts', () => {
  it('registers the new rows in one batch, each audited and queued for sync; the duplicate is skipped, found again by export', async () => {
    const fixture = await clinicFixture();
    const preview = await previewOf(fixture, 'Nombre,Apellidos,Fecha de nacimiento,Teléfono\r\nGrace,Hopper,1906-12-09,555 0102\r\nAda,Lovelace,1815-12-10,\r\nKatherine,Johnson,1918-08-26,\r\n');
    expect(preview.duplicates).toMatchObject([{ row: 3, patientId: 'p1' }]);
    const outbox = await fixture.db.outbox.count();
    const result = await importPatientDrafts(env(fixture), admin, preview.drafts);
    if (!result.ok) throw new Error(result.error.message);
    const registered = await fixture.db.patients.bulkGet(result.value.patientIds);
    expect(registered.map((patient) => patient && { ...patient, id: undefined })).toEqual([
      { id: undefined, givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09', phone: '555 0102' },
      { id: undefined, givenName: 'Katherine', familyName: 'Johnson', dateOfBirth: '1918-08-26' },
    ]);
    expect(await fixture.db.outbox.count()).toBe(outbox + 2);
    expect(await fixture.db.audit.where('action').equals('PATIENT_REGISTERED').filter((entry) => 'staffId' in entry.actor && entry.actor.staffId === admin.staffId).count()).toBe(2);
    expect((await fixture.must('patient-file/export', { csvHeader }, manager)).patientCount).toBe(4);
  });

  it('stores nothing when one row is refused at import, and names the row; the front desk may not import', async () => {
    const fixture = await clinicFixture();
    const preview = await previewOf(fixture, 'Given name,Family name,Date of birth\r\nGrace,Hopper,1906-12-09\r\nKatherine,Johnson,1918-08-26\r\n');
    expect(await importPatientDrafts(env(fixture), frontDesk, preview.drafts)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    const before = await dumpStoredState(fixture.db);
    // A row that slipped past the preview (here: born after the command's today) stops the whole file.
    const drafts = [preview.drafts[0]!, { row: 3, args: { ...preview.drafts[1]!.args, dateOfBirth: '2026-06-01' } }];
    expect(await importPatientDrafts(env(fixture), manager, drafts)).toMatchObject({ ok: false, error: { code: 'date-in-future', field: 'dateOfBirth' }, row: 3 });
    expect(await dumpStoredState(fixture.db)).toEqual(before);
  });

  it('refuses the whole file when a row became a duplicate after the preview (another desk registered her)', async () => {
    const fixture = await clinicFixture();
    const preview = await previewOf(fixture, 'Record number,Given name,Family name,Date of birth\r\nMRN-7,Grace,Hopper,1906-12-09\r\nMRN-8,Katherine,Johnson,1918-08-26\r\n');
    await fixture.must('patient/register', { givenName: 'katherine', familyName: 'JOHNSON', dateOfBirth: '1918-08-26' }, frontDesk);
    const before = await dumpStoredState(fixture.db);
    expect(await importPatientDrafts(env(fixture), manager, preview.drafts)).toMatchObject({ ok: false, error: { code: 'duplicate-id', field: 'dateOfBirth' }, row: 3 });
    expect(await dumpStoredState(fixture.db)).toEqual(before);
    // Two rows of one list with the same record number are one patient too.
    const twice = [preview.drafts[0]!, { row: 3, args: { ...preview.drafts[1]!.args, mrn: 'mrn-7' } }];
    expect(await importPatientDrafts(env(fixture), manager, twice)).toMatchObject({ ok: false, error: { code: 'duplicate-id', field: 'mrn' }, row: 3 });
    expect(await dumpStoredState(fixture.db)).toEqual(before);
  });
});
