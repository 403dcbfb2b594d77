import { patientFileFields, requiredPatientFileFields } from './patient-fields';
import type { PatientFileField } from './patient-fields';

/** Which CSV column is which patient field: one entry per column, `null` for a column left out. */
export type PatientColumnMapping = readonly (PatientFileField | null)[];

/** Where each mapped field's cells are (column index). */
export type PatientColumns = Partial<Record<PatientFileField, number>>;

/** A mapping that cannot be used: a required field no column gives, or a field two columns give. */
export interface PatientMappingProblem {
  field: PatientFileField;
  code: 'required' | 'duplicate-column';
  /** The columns (0-based) that claim the field, for `duplicate-column`. */
  columns: number[];
  message: string;
}

/** Header titles (lower case, accents and punctuation dropped) that name each field, in English, Spanish and French. */
const headerNames: Record<PatientFileField, readonly string[]> = {
  mrn: ['record number', 'medical record number', 'mrn', 'chart number', 'patient number', 'numero de historia', 'numero de historia clinica', 'historia clinica', 'n historia', 'no historia', 'no de historia', 'numero de expediente', 'expediente', 'numero de dossier', 'dossier', 'n dossier', 'numero de dossier medical'],
  givenName: ['given name', 'first name', 'forename', 'given names', 'nombre', 'nombres', 'nombre de pila', 'prenom', 'prenoms'],
  familyName: ['family name', 'surname', 'last name', 'apellidos', 'apellido', 'nom', 'nom de famille'],
  dateOfBirth: ['date of birth', 'birth date', 'birthdate', 'dob', 'born', 'fecha de nacimiento', 'fecha nacimiento', 'nacimiento', 'date de naissance', 'naissance', 'ne le', 'nee le'],
  phone: ['phone', 'telephone', 'phone number', 'mobile', 'tel', 'telefono', 'movil', 'celular', 'portable', 'numero de telephone'],
  email: ['email', 'e mail', 'email address', 'mail', 'correo', 'correo electronico', 'courriel', 'adresse e mail', 'adresse electronique'],
  notes: ['notes', 'note', 'comments', 'notas', 'observaciones', 'remarques', 'commentaires'],
};

/** A header title reduced for matching: "Apellidos", " APELLIDOS " and "apellidos:" are one name; "Prénom" matches "prenom", "Nº" (compatibility form) "no". */
function normalTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const fieldByTitle = new Map<string, PatientFileField>(patientFileFields.flatMap((field) => headerNames[field].map((name) => [name, field] as const)));

/**
 * The mapping suggested from the header's titles (the Import panel presets
 * its selects with it): "Surname", "Apellidos" and "Nom" are the family
 * name, "Prénom" the given name, and so on. A title it does not know, or a
 * second column with a field already taken, is left out (`null`) for the
 * person to choose; nothing is guessed from the cells.
 *
 * @example suggestPatientColumns(['Nombre', 'Apellidos', 'Fecha de nacimiento', 'Seguro']) // ['givenName', 'familyName', 'dateOfBirth', null]
 */
export function suggestPatientColumns(header: readonly string[]): (PatientFileField | null)[] {
  const taken = new Set<PatientFileField>();
  return header.map((title) => {
    const field = fieldByTitle.get(normalTitle(title));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * Checks a mapping against the header and answers where each field's cells
 * are. Refused (every problem listed) when a required field (given name,
 * family name, date of birth) has no column or one field has two.
 *
 * @example mapPatientColumns(['First', 'Last', 'Born'], ['givenName', 'familyName', 'dateOfBirth']) // { ok: true, columns: { givenName: 0, familyName: 1, dateOfBirth: 2 } }
 */
export function mapPatientColumns(header: readonly string[], mapping: PatientColumnMapping): { ok: true; columns: PatientColumns } | { ok: false; problems: PatientMappingProblem[] } {
  const claims = new Map<PatientFileField, number[]>();
  header.forEach((_title, index) => {
    const field = mapping[index] ?? null;
    if (field !== null) claims.set(field, [...(claims.get(field) ?? []), index]);
  });
  const problems: PatientMappingProblem[] = [];
  for (const field of patientFileFields) {
    const columns = claims.get(field) ?? [];
    if (columns.length > 1) problems.push({ field, code: 'duplicate-column', columns, message: `Columns ${columns.map((column) => `"${header[column]}"`).join(' and ')} are both ${field}.` });
    else if (columns.length === 0 && requiredPatientFileFields.includes(field)) problems.push({ field, code: 'required', columns, message: `No column is ${field}.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  const columns: PatientColumns = {};
  for (const [field, [index]] of claims) columns[field] = index;
  return { ok: true, columns };
}
