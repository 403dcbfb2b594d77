import { describe, expect, it } from 'vitest';
import { describeRecurrence, describeRule } from '../../../core/recurrence';
import { en } from '../en';
import { plural } from '../plural';
import { problemSentence } from '../problem-sentence';
import { fr } from '.';
import { frenchRecurrenceLabels } from './recurrence';

interface Leaf {
  path: string;
  french: unknown;
  english: unknown;
}

/** Every leaf of the English table with the French one at the same path (objects and arrays are walked). */
function leaves(french: unknown, english: unknown, path = ''): Leaf[] {
  if (typeof english !== 'object' || english === null) return [{ path, french, english }];
  const frenchObject = (french ?? {}) as Record<string, unknown>;
  return Object.entries(english).flatMap(([key, value]) => leaves(frenchObject[key], value, path ? `${path}.${key}` : key));
}

const all = leaves(fr, en);
const strings = all.filter((leaf): leaf is Leaf & { french: string; english: string } => typeof leaf.english === 'string');
const functions = all.filter((leaf): leaf is Leaf & { french: (...args: unknown[]) => unknown; english: (...args: unknown[]) => unknown } => typeof leaf.english === 'function');

/**
 * Strings that are the same word in French. Anything else equal to the
 * English is taken for a forgotten translation.
 */
const sameInFrench = new Set(['Timedesk', 'Patient', 'Patients', 'Date', 'Notes', 'Note', 'Action', 'Actions', 'Administration', 'Agenda', 'Confirmation', 'Minutes', 'Type', 'Urgent', 'Ctrl+Z', '# patient', '# patients']);

/**
 * Every function message called with sample arguments: all strings, then all
 * numbers (the shapes most messages take). Messages that take lists or
 * objects throw on both and are left to the tests below.
 */
function sampleOutputs(): { path: string; text: string }[] {
  const samples: { path: string; text: string }[] = [];
  for (const { path, french, english } of functions) {
    for (const argument of ['Anne Martin', 2]) {
      try {
        const text = french(...Array.from({ length: english.length }, () => argument));
        if (typeof text === 'string') samples.push({ path, text });
      } catch {
        // Not this message's argument shape.
      }
    }
  }
  return samples;
}

describe('the French messages', () => {
  it('have exactly the keys of the English ones, each of the same kind', () => {
    const mismatched = all.filter((leaf) => typeof leaf.french !== typeof leaf.english).map((leaf) => leaf.path);
    expect(mismatched).toEqual([]);
    const extra = leaves(en, fr).filter((leaf) => leaf.french === undefined).map((leaf) => leaf.path);
    expect(extra).toEqual([]);
  });

  it('leave no string empty that is not empty in English', () => {
    expect(strings.filter((leaf) => leaf.french.trim() === '' && leaf.english !== '').map((leaf) => leaf.path)).toEqual([]);
  });

  it('translate every string but a few words French shares and marks without letters', () => {
    const untranslated = strings.filter((leaf) => leaf.french === leaf.english && /\p{L}/u.test(leaf.french) && !sameInFrench.has(leaf.french));
    expect(untranslated.map((leaf) => `${leaf.path}: ${leaf.french}`)).toEqual([]);
    // The allowlist stays small: a long list of "same" strings would hide untranslated ones.
    expect(strings.filter((leaf) => leaf.french === leaf.english && /\p{L}/u.test(leaf.french)).length).toBeLessThan(40);
  });

  it('put a no-break space before : ; ? ! % and inside « », never a plain one or none', () => {
    const texts = [...strings.map((leaf) => ({ path: leaf.path, text: leaf.french })), ...sampleOutputs()];
    expect(texts.length).toBeGreaterThan(strings.length + functions.length / 2);
    const wrong = texts.filter(({ text }) => / [:;?!%»]|« |[\p{L}\d)»][;?!%»]|\p{L}:(?!\/\/)|«[^\u00a0\u202f]/u.test(text));
    expect(wrong.map(({ path, text }) => `${path}: ${text}`)).toEqual([]);
  });

  it('count by French rules: singular for 0 and 1, plural from 2, numbers written the French way', () => {
    expect([0, 1, 2].map((count) => fr.auditViewer.chainCheckedWhole(count, '9:05'))).toEqual([
      '(tout le journal vérifié, 0 entrée, à 9:05)',
      '(tout le journal vérifié, 1 entrée, à 9:05)',
      '(tout le journal vérifié, 2 entrées, à 9:05)',
    ]);
    expect([0, 1, 2].map((count) => fr.calendarFiles.exported(count, 'visites.ics'))).toEqual([
      '0 visite écrite dans visites.ics.',
      '1 visite écrite dans visites.ics.',
      '2 visites écrites dans visites.ics.',
    ]);
    expect([0, 1, 2].map((count) => fr.waitlist.fit(count, 'Dr Lee', '10:30', '11:10', fr.waitlist.today))).toEqual([
      '0 patient en attente convient pour Dr Lee, 10:30–11:10 aujourd’hui',
      '1 patient en attente convient pour Dr Lee, 10:30–11:10 aujourd’hui',
      '2 patients en attente conviennent pour Dr Lee, 10:30–11:10 aujourd’hui',
    ]);
    expect([0, 1, 2].map((count) => plural('fr', count, fr.reports.attendance.visits))).toEqual(['0 visite', '1 visite', '2 visites']);
    expect(fr.sync.status.pending(1200)).toBe('1\u202f200 modifications à envoyer');
    expect(fr.preview.visitsAre(3, false)).toBe('3 visites sont');
  });

  it('elide "de" before a vowel and pick the article of the resource kind', () => {
    expect(fr.needsAttention.cancelTitle('Ada Lovelace')).toBe('Annuler le rendez-vous d’Ada Lovelace');
    expect(fr.needsAttention.cancelTitle('Marie Curie')).toBe('Annuler le rendez-vous de Marie Curie');
    expect(fr.admin.addResource(fr.resourceKinds.room.one)).toBe('Ajouter une salle');
    expect(fr.admin.addResource(fr.resourceKinds.provider.one)).toBe('Ajouter un praticien');
    expect(fr.dayView.noResources(fr.resourceKinds.equipment.many)).toBe('Il n’y a pas encore d’équipements. Un administrateur les ajoute dans la configuration.');
  });

  it('name the field in validation sentences through the French labels', () => {
    expect(problemSentence({ code: 'required', field: 'familyName' }, fr)).toBe('Nom de famille\u00a0: ce champ est obligatoire.');
  });
});

describe('frenchRecurrenceLabels', () => {
  it('says a repeat rule in French', () => {
    expect(describeRecurrence({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, { type: 'after', count: 10 }, frenchRecurrenceLabels)).toBe(
      'Toutes les 2 semaines le lundi et le mercredi, 10 fois',
    );
    expect(describeRecurrence({ kind: 'weekly', every: 1, weekdays: ['fri'] }, { type: 'after', count: 1 }, frenchRecurrenceLabels)).toBe('Chaque semaine le vendredi, une fois');
    expect(describeRecurrence({ kind: 'weekdays' }, { type: 'on', date: '2026-06-01' }, frenchRecurrenceLabels)).toBe('Du lundi au vendredi jusqu’au 1er juin 2026');
    expect(describeRecurrence({ kind: 'monthly-by-weekday', nth: -1, weekday: 'fri' }, undefined, frenchRecurrenceLabels)).toBe('Tous les mois le dernier vendredi');
    expect(describeRecurrence({ kind: 'yearly-by-weekday', every: 2, month: 4, nth: 1, weekday: 'mon' }, undefined, frenchRecurrenceLabels)).toBe('Tous les 2 ans le premier lundi d’avril');
    expect(describeRecurrence({ kind: 'monthly-by-date', day: 31 }, undefined, frenchRecurrenceLabels)).toBe('Tous les mois le 31 (sauf les mois qui n’ont pas de 31)');
    expect(describeRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1', undefined, frenchRecurrenceLabels)).toBe('Tous les ans le 1er mars');
    expect(describeRule('FREQ=DAILY;BYHOUR=9,17', undefined, frenchRecurrenceLabels)).toBe('Règle de répétition personnalisée (FREQ=DAILY;BYHOUR=9,17)');
  });
});
