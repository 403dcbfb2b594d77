import { describe, expect, it } from 'vitest';
import { deskKeys, deskShortcut, keyFor, keyForStatus, monthViewKinds } from './desk-shortcut';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('deskShortcut', () => {
  it('maps the documented keys, in either case', () => {
    expect(['n', 'N', 'T', 'ArrowLeft', 'ArrowRight', '?', '/', 'e', 'u'].map((key) => deskShortcut(press(key))?.kind)).toEqual([
      'new-appointment',
      'new-appointment',
      'today',
      'previous-day',
      'next-day',
      'shortcut-sheet',
      'find-patient',
      'edit-selected',
      'undo-selected',
    ]);
    expect(['a', 'R', 'c', 'm', 'x'].map((key) => deskShortcut(press(key)))).toEqual([
      { kind: 'status', to: 'arrived' },
      { kind: 'status', to: 'in_room' },
      { kind: 'status', to: 'completed' },
      { kind: 'status', to: 'no_show' },
      { kind: 'status', to: 'cancelled' },
    ]);
    expect(['s', 'S'].map((key) => deskShortcut(press(key)))).toEqual([{ kind: 'find-opening' }, { kind: 'find-opening' }]);
    expect(deskShortcut(press('z', { ctrlKey: true }))).toEqual({ kind: 'undo-last' });
    expect(deskShortcut(press('z', { metaKey: true }))).toEqual({ kind: 'undo-last' });
  });

  it('gives every key one meaning: N is a new booking, never a status', () => {
    expect(deskShortcut(press('n'))).toEqual({ kind: 'new-appointment' });
    const meanings = Object.values(deskKeys).map((shortcut) => JSON.stringify(shortcut));
    expect(new Set(meanings).size).toBe(meanings.length);
    expect(keyForStatus('no_show')).toBe('M');
    expect(keyForStatus('cancelled')).toBe('X');
    expect([keyFor('find-opening'), keyFor('call-down'), keyFor('waitlist')]).toEqual(['S', 'L', 'W']);
  });

  it('moves the month view with the arrows, Page Up / Page Down and Enter, and nothing else means those keys', () => {
    expect(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Enter'].map((key) => deskShortcut(press(key))?.kind)).toEqual(['previous-week', 'next-week', 'previous-month', 'next-month', 'open-day']);
    expect(Object.entries(deskKeys).filter(([, shortcut]) => monthViewKinds.has(shortcut.kind)).map(([key]) => key)).toEqual(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Enter']);
    expect(deskShortcut(press('PageDown', { ctrlKey: true }))).toBeUndefined(); // Ctrl+Page Down stays the browser's
  });

  it('leaves browser and system combinations alone', () => {
    expect(deskShortcut(press('n', { ctrlKey: true }))).toBeUndefined();
    expect(deskShortcut(press('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(deskShortcut(press('q'))).toBeUndefined();
  });
});
