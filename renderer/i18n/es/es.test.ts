import { describe, expect, it } from 'vitest';
import { describeRecurrence } from '../../../core/recurrence';
import { en } from '../en';
import { plural } from '../plural';
import { es } from './index';
import { spanishRecurrenceLabels } from './recurrence';

interface Leaf {
  path: string;
  spanish: unknown;
  english: unknown;
}

/** Every string (and function) leaf of `es`, beside the English one at the same path. */
function leaves(spanish: unknown, english: unknown, path = ''): Leaf[] {
  if (typeof spanish === 'object' && spanish !== null) {
    return Object.entries(spanish).flatMap(([key, value]) => leaves(value, (english as Record<string, unknown> | undefined)?.[key], path ? `${path}.${key}` : key));
  }
  return [{ path, spanish, english }];
}

const all = leaves(es, en);
const strings = all.filter((leaf) => typeof leaf.spanish === 'string');

/**
 * Leaves that are rightly the same in both languages: the product name,
 * symbols drawn on bookings, key names, a shortcut and the words Spanish
 * shares with English.
 */
const sameAsEnglish = new Set([
  'appName',
  'admin.no',
  'shortcuts.undoLastKeys',
  'shortcuts.escapeKey',
  'month.keyNames.PageUp',
  'month.keyNames.PageDown',
  'month.keyNames.Enter',
  ...Object.keys(en.dayView.statusIcons).map((status) => `dayView.statusIcons.${status}`),
  ...Object.keys(en.confirmation.icons).map((status) => `confirmation.icons.${status}`),
]);

describe('Spanish messages', () => {
  it('has a leaf for every English leaf and the same kind of value', () => {
    const english = leaves(en, es);
    expect(all.map((leaf) => leaf.path).sort()).toEqual(english.map((leaf) => leaf.path).sort());
    for (const leaf of all) expect(typeof leaf.spanish, leaf.path).toBe(typeof leaf.english);
  });

  it('leaves no string empty unless English leaves it empty too', () => {
    const empty = strings.filter((leaf) => leaf.spanish === '' && leaf.english !== '').map((leaf) => leaf.path);
    expect(empty).toEqual([]);
  });

  it('translates every string except the few that are the same in both languages', () => {
    const untranslated = strings.filter((leaf) => leaf.spanish === leaf.english && leaf.spanish !== '' && !sameAsEnglish.has(leaf.path)).map((leaf) => leaf.path);
    expect(untranslated).toEqual([]);
    const needless = [...sameAsEnglish].filter((path) => strings.find((leaf) => leaf.path === path)?.english !== strings.find((leaf) => leaf.path === path)?.spanish);
    expect(needless, 'allowlisted but translated').toEqual([]);
  });

  it('says counts in the right plural, never "1 citas"', () => {
    expect(es.dayView.count(1)).toBe('1 cita');
    expect(es.dayView.count(2)).toBe('2 citas');
    expect(es.auditViewer.exported(1, 'auditoria.csv')).toBe('Se exportó 1 entrada a auditoria.csv.');
    expect(es.auditViewer.exported(2, 'auditoria.csv')).toBe('Se exportaron 2 entradas a auditoria.csv.');
    expect(es.auditViewer.shown(1, true)).toBe('1 entrada mostrada; hay más al desplazarse');
    expect(es.auditViewer.chainCheckedWhole(12000, '9:05')).toBe('(todo el registro comprobado, 12.000 entradas, a las 9:05)');
    expect(es.auditViewer.chainCheckedNew(1, '9:05')).toBe('(1 entrada nueva comprobada a las 9:05)');
    expect(es.calendarFiles.imported(1, 2)).toBe('Se importaron 1 visita y 2 series que se repiten.');
    expect(es.backup.restoreCounts(1, 2, 1)).toBe('1 cita, 2 pacientes, 1 entrada de auditoría.');
    expect(es.waitlist.waited(1)).toBe('esperando 1 día');
    expect(es.waitlist.waited(2)).toBe('esperando 2 días');
    expect(es.sync.status.pending(1)).toBe('1 cambio por enviar');
    expect(plural('es', 1, es.month.booked)).toBe('1 cita');
    expect(plural('es', 2, es.reports.attendance.lateCancellations)).toBe('2 cancelaciones tardías');
  });

  it('describes a repeat rule in Spanish through core/recurrence', () => {
    expect(describeRecurrence({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, { type: 'after', count: 10 }, spanishRecurrenceLabels)).toBe('Cada 2 semanas los lunes y miércoles, 10 veces');
    expect(describeRecurrence({ kind: 'weekly', every: 1, weekdays: ['sat'] }, { type: 'after', count: 1 }, spanishRecurrenceLabels)).toBe('Cada semana los sábados, una vez');
    expect(describeRecurrence({ kind: 'monthly-by-weekday', nth: 1, weekday: 'mon' }, { type: 'on', date: '2026-06-30' }, spanishRecurrenceLabels)).toBe('Cada mes el primer lunes hasta el 30 jun 2026');
    expect(describeRecurrence({ kind: 'yearly-by-date', every: 1, day: 29, month: 2 }, { type: 'never' }, spanishRecurrenceLabels)).toBe('Cada año el 29 de febrero (solo en años bisiestos)');
    expect(es.recurrence).toBe(spanishRecurrenceLabels);
  });

  it('reads engine codes in Spanish with the field named', () => {
    expect(es.validation.required(es.fields.familyName)).toBe('El campo “Apellidos” es obligatorio.');
    expect(es.dialog.conflictWith('Dra. Ruiz', es.conflictKinds['resource-double-booked'])).toBe('Dra. Ruiz ya tiene una cita a esa hora');
  });
});
