import { create } from 'zustand';
import type { CalendarDate, ResourceKind } from '../../core/model';

/** Slot sizes the grid offers, in minutes. */
export const slotSizes = [5, 10, 15, 30] as const;

/** One of {@link slotSizes}. */
export type SlotMinutes = (typeof slotSizes)[number];

/** How the desk has set up its day sheet; remembered on this computer. */
export interface DayViewPreferences {
  /** The grid of columns, the agenda (one list by time, with check-in buttons), or one resource's week. */
  layout: 'grid' | 'agenda' | 'week' | 'month';
  /** The resource the week view shows (the first provider when unset or gone). */
  weekResourceId: string | null;
  kind: Extract<ResourceKind, 'provider' | 'room'>;
  slotMinutes: SlotMinutes;
  /** Wall minutes after midnight; bookings outside still show (the grid widens). */
  dayStartMinute: number;
  dayEndMinute: number;
  showCancelled: boolean;
}

/** The day view's UI state: which date, how it is drawn, which booking is selected. */
export interface DayViewState extends DayViewPreferences {
  /** `null`: follow today on the clinic's clock. */
  date: CalendarDate | null;
  selectedId: string | null;
  /** The booking whose cancel dialog (asking for a reason) is open. */
  cancellingId: string | null;
  setDate(date: CalendarDate | null): void;
  setPreferences(preferences: Partial<DayViewPreferences>): void;
  select(id: string | null): void;
  askCancel(id: string | null): void;
}

const storageKey = 'timedesk.day-view';

/** Defaults: the grid with provider columns, 15-minute slots, 07:00–19:00. */
export const defaultPreferences: DayViewPreferences = { layout: 'grid', weekResourceId: null, kind: 'provider', slotMinutes: 15, dayStartMinute: 7 * 60, dayEndMinute: 19 * 60, showCancelled: false };

/**
 * Reads saved preferences, keeping only values that still make sense (a
 * stored slot of 7 minutes or a start after the end falls back to the default).
 *
 * @example readPreferences('{"slotMinutes":30}').slotMinutes // 30
 */
export function readPreferences(stored: string | null): DayViewPreferences {
  let parsed: Partial<DayViewPreferences> = {};
  try {
    parsed = stored ? (JSON.parse(stored) as Partial<DayViewPreferences>) : {};
  } catch {
    parsed = {};
  }
  const result = { ...defaultPreferences };
  if (parsed.layout === 'grid' || parsed.layout === 'agenda' || parsed.layout === 'week' || parsed.layout === 'month') result.layout = parsed.layout;
  if (typeof parsed.weekResourceId === 'string') result.weekResourceId = parsed.weekResourceId;
  if (parsed.kind === 'provider' || parsed.kind === 'room') result.kind = parsed.kind;
  if (slotSizes.includes(parsed.slotMinutes as SlotMinutes)) result.slotMinutes = parsed.slotMinutes as SlotMinutes;
  if (typeof parsed.showCancelled === 'boolean') result.showCancelled = parsed.showCancelled;
  const start = parsed.dayStartMinute;
  const end = parsed.dayEndMinute;
  if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) <= 1440 && (start as number) < (end as number)) {
    result.dayStartMinute = start as number;
    result.dayEndMinute = end as number;
  }
  return result;
}

function loadPreferences(): DayViewPreferences {
  try {
    return readPreferences(globalThis.localStorage?.getItem(storageKey) ?? null);
  } catch {
    return defaultPreferences;
  }
}

/**
 * The day view's store (UI state only; bookings come from the live day query).
 *
 * @example useDayView.getState().setDate('2026-11-26');
 */
export const useDayView = create<DayViewState>()((set, get) => ({
  ...loadPreferences(),
  date: null,
  selectedId: null,
  cancellingId: null,
  setDate: (date) => set({ date, selectedId: null }),
  setPreferences: (preferences) => {
    set(preferences);
    const { layout, weekResourceId, kind, slotMinutes, dayStartMinute, dayEndMinute, showCancelled } = get();
    try {
      globalThis.localStorage?.setItem(storageKey, JSON.stringify({ layout, weekResourceId, kind, slotMinutes, dayStartMinute, dayEndMinute, showCancelled }));
    } catch {
      // Private mode or full storage: the choice lasts until reload, which is fine.
    }
  },
  select: (selectedId) => set({ selectedId }),
  askCancel: (cancellingId) => set({ cancellingId }),
}));
