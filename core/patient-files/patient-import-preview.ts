import { checkDateOfBirth, parseWith, patientSchema, textLimits } from '../model';
import type { CalendarDate } from '../model';
import { ValidationError } from '../validation';
import type { ValidationCode } from '../validation';
import type { PatientColumns } from './patient-columns';
import { PatientDuplicateIndex } from './patient-duplicates';
import type { ExistingPatient } from './patient-duplicates';
import { patientFileFields } from './patient-fields';
import type { PatientDraftArgs, PatientFileField } from './patient-fields';
import type { PatientCsvRow } from './read-patient-csv';

/**
 * The longest text each field takes (core/model's patientSchema), so a
 * refusal can say the limit: a too-long cell is refused, never cut.
 * patient-import-preview.test.ts holds these to the schema.
 */
export const patientTextLimits: Partial<Record<PatientFileField, number>> = { mrn: 40, givenName: 100, familyName: 100, phone: 40, notes: textLimits.notes };

/** A row the import would register. */
export interface PatientImportDraft {
  row: number;
  args: PatientDraftArgs;
}

/** A row skipped because the patient is already on the desk (or earlier in the file). */
export interface PatientImportDuplicate {
  row: number;
  reason: 'same-record-number' | 'same-name-and-birth';
  /** The desk's patient it matches, or null when it matches an earlier row of the file. */
  patientId: string | null;
  sameAsRow: number | null;
  givenName: string;
  familyName: string;
}

/** Why a row cannot be registered: its row, the field and the column holding it, the model's code. */
export interface PatientImportProblem {
  row: number;
  field: PatientFileField;
  /** 0-based column of the file; null when the field has no column (it is required). */
  column: number | null;
  code: ValidationCode;
  message: string;
  /** The field's length limit, for `too-long`. */
  limit?: number;
}

/** The dry run: what Import would do. Any problem means Import is refused whole. */
export interface PatientImportPreview {
  drafts: PatientImportDraft[];
  duplicates: PatientImportDuplicate[];
  problems: PatientImportProblem[];
}

/** Each field's part of the model's schema, made once: a file may hold thousands of rows. */
const fieldSchemas = new Map(patientFileFields.map((field) => [field, patientSchema.pick({ [field]: true } as Record<PatientFileField, true>)]));

/** One field of one row checked by the model's own schema; the parsed (trimmed) value or its problem. */
function checkField(field: PatientFileField, cell: string | undefined): { value: unknown } | { code: ValidationCode; message: string } {
  try {
    const parsed = parseWith(fieldSchemas.get(field)!, { [field]: cell }) as Record<string, unknown>;
    return { value: parsed[field] };
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, message: error.message };
    throw error;
  }
}

/**
 * The dry run of an import: each row's mapped cells checked with the
 * model's patient schema field by field (required names, a real date of
 * birth `YYYY-MM-DD` not after `today` on the clinic's clock, a phone and an
 * email that are one, text within its limit — refused with the limit, never
 * cut), then matched against the desk: the same record number, or the same
 * given name, family name and date of birth (case and accents aside), as a
 * patient already here or an earlier row is skipped and listed, never
 * registered twice ({@link PatientDuplicateIndex}). Writes nothing; core/commands `importPatientDrafts`
 * registers the drafts.
 *
 * @example patientImportPreview(rows, { givenName: 0, familyName: 1, dateOfBirth: 2 }, existing, '2026-12-08')
 * // { drafts: [{ row: 2, args: { givenName: 'Ada', … } }], duplicates: [{ row: 3, reason: 'same-name-and-birth', patientId: 'p1', … }], problems: [] }
 */
export function patientImportPreview(rows: readonly PatientCsvRow[], columns: PatientColumns, existing: readonly ExistingPatient[], today: CalendarDate): PatientImportPreview {
  const known = new PatientDuplicateIndex(existing);
  const preview: PatientImportPreview = { drafts: [], duplicates: [], problems: [] };
  for (const { row, cells } of rows) {
    const draft: Record<string, unknown> = {};
    let refused = false;
    for (const field of patientFileFields) {
      const column = columns[field];
      const checked = checkField(field, column === undefined ? undefined : (cells[column] ?? ''));
      if ('value' in checked) {
        if (checked.value !== undefined) draft[field] = checked.value;
        continue;
      }
      refused = true;
      const limit = checked.code === 'too-long' ? patientTextLimits[field] : undefined;
      preview.problems.push({ row, field, column: column ?? null, code: checked.code, message: checked.message, ...(limit === undefined ? {} : { limit }) });
    }
    const args = draft as PatientDraftArgs;
    if (!refused) {
      try {
        checkDateOfBirth(args.dateOfBirth, today);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        refused = true;
        preview.problems.push({ row, field: 'dateOfBirth', column: columns.dateOfBirth ?? null, code: error.code, message: error.message });
      }
    }
    if (refused) continue;
    const match = known.find(args);
    if (match) {
      preview.duplicates.push({ row, reason: match.reason, patientId: match.patientId, sameAsRow: match.row, givenName: args.givenName, familyName: args.familyName });
      continue;
    }
    known.add(args, { patientId: null, row });
    preview.drafts.push({ row, args });
  }
  return preview;
}
