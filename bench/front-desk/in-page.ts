/**
 * The script the front-desk benchmark injects into every page it opens
 * (esbuild bundles this file with the core/ code it imports; Playwright adds
 * it as an init script). It defines `window.timedeskBench`, which the
 * benchmark drives with page.evaluate: seeding, and the in-page probes.
 */
import { openTimedeskDb } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { readDaySheet } from '../../renderer/data/day-sheet';
import type { ClinicPlan } from './clinic-plan';
import { afterNextPaint, armKeyToPaint, frameInterval, scrollToBottom, settle } from './frame-probes';
import type { KeyToPaint, ScrollReport } from './frame-probes';
import { seedClinic } from './seed-clinic';
import type { BenchAdmin, SeedReport } from './seed-clinic';

/** What a day switch should end on: the date box's value, the columns drawn and that date's bookings, no others. */
export interface DayExpectation {
  date: string;
  columns: number;
  appointments: number;
}

let pending: Promise<KeyToPaint> | undefined;
let ownDb: TimedeskDb | undefined;

function dayShown(expected: DayExpectation): string | null {
  const dateBox = document.querySelector<HTMLInputElement>('#day-date');
  if (dateBox?.value !== expected.date) return null;
  if (document.querySelectorAll('[data-testid="column"]').length !== expected.columns) return null;
  const blocks = document.querySelectorAll('[data-testid="appointment"]');
  if (blocks.length !== expected.appointments) return null;
  const prefix = `a-${expected.date}-`;
  for (const block of blocks) if (!block.getAttribute('data-appointment-id')?.startsWith(prefix)) return null;
  return `${expected.date}: ${expected.columns} columns, ${blocks.length} bookings`;
}

function dialogShown(): string | null {
  const dialog = document.querySelector('dialog[open]');
  // The dialog's form is there once its patient field is: a title alone is not a usable dialog.
  if (!dialog || !dialog.querySelector('input')) return null;
  return `dialog "${dialog.querySelector('h2, h1')?.textContent ?? ''}" with ${dialog.querySelectorAll('input, select, textarea').length} fields`;
}

const bench = {
  seed: (plan: ClinicPlan, admin: BenchAdmin, setupAt: number, auditUntil: number): Promise<SeedReport> => seedClinic(plan, admin, setupAt, auditUntil),

  /** Whether the day sheet already shows `expected` (no key press involved). */
  isDayShown: (expected: DayExpectation): boolean => dayShown(expected) !== null,

  /** Arms the day-switch probe; press the key, then await {@link bench.result}. */
  armDaySwitch(expected: DayExpectation): void {
    pending = armKeyToPaint(() => dayShown(expected));
  },

  /** Arms the dialog probe; press the shortcut, then await {@link bench.result}. */
  armDialog(): void {
    pending = armKeyToPaint(dialogShown);
  },

  result(): Promise<KeyToPaint> {
    if (!pending) throw new Error('nothing armed');
    return pending;
  },

  /**
   * The day sheet's read alone (renderer/data's readDaySheet on a second
   * connection to the app's database, no React): ms per run, to tell the
   * query's share of a day switch from the rendering's.
   */
  async timeDaySheet(dates: readonly string[], timeZone: string): Promise<number[]> {
    ownDb ??= (await openTimedeskDb({ appVersion: '0.1.0', now: Date.now() })).db;
    const times: number[] = [];
    for (const date of dates) {
      const started = performance.now();
      await readDaySheet(ownDb, date, timeZone);
      times.push(performance.now() - started);
    }
    return times;
  },

  settle,
  frameInterval,
  afterNextPaint,

  /** Moves focus off any control, so desk shortcuts reach the desk (N on a focused booking means no-show). */
  blur(): void {
    (document.activeElement as HTMLElement | null)?.blur();
  },

  /** Scrolls the audit list top to bottom at `rowsPerFrame` rows a frame. */
  scrollAudit(rowsPerFrame: number): Promise<ScrollReport> {
    const scroller = document.querySelector<HTMLElement>('.audit-scroller');
    const row = document.querySelector<HTMLElement>('.audit-scroller [role="row"][data-action]');
    if (!scroller || !row) throw new Error('the audit list is not on screen');
    return scrollToBottom(
      scroller,
      rowsPerFrame * row.offsetHeight,
      () => document.querySelector('.audit-more') !== null,
      () => Math.max(0, ...[...scroller.querySelectorAll('[aria-rowindex]')].map((element) => Number(element.getAttribute('aria-rowindex')))),
    );
  },
};

/** The object the benchmark reaches through page.evaluate. */
export type TimedeskBench = typeof bench;

declare global {
  interface Window {
    timedeskBench: TimedeskBench;
  }
}

window.timedeskBench = bench;
