import { create } from 'zustand';

/** A short message at the bottom of the desk, optionally with an undo button. */
export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** What the undo button does; absent when there is nothing to undo. */
  undo?: (() => void) | undefined;
}

/** The desk's notices: the latest one is shown and read out. */
export interface NoticeState {
  notice: Notice | null;
  show(message: string, options?: { tone?: Notice['tone']; undo?: () => void }): void;
  dismiss(): void;
}

let counter = 0;

/**
 * One notice at a time: a new one replaces the old (the receptionist only
 * ever needs to undo the latest change).
 *
 * @example useNotices.getState().show('Ada Lovelace: Arrived.', { undo: () => undoStatus(id) });
 */
export const useNotices = create<NoticeState>()((set) => ({
  notice: null,
  show: (message, options = {}) => set({ notice: { id: (counter += 1), message, tone: options.tone ?? 'info', undo: options.undo } }),
  dismiss: () => set({ notice: null }),
}));
