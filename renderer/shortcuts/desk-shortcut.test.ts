import { describe, expect, it } from 'vitest';
import { deskShortcut } from './desk-shortcut';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('deskShortcut', () => {
  it('maps the documented keys', () => {
    expect(['n', 'T', 'ArrowLeft', 'ArrowRight', '?', '/', 'e', 'E'].map((key) => deskShortcut(press(key)))).toEqual([
      'new-appointment',
      'today',
      'previous-day',
      'next-day',
      'shortcut-sheet',
      'find-patient',
      'edit-appointment',
      'edit-appointment',
    ]);
    expect(deskShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(deskShortcut(press('z', { metaKey: true }))).toBe('undo');
  });

  it('leaves browser and system combinations alone', () => {
    expect(deskShortcut(press('n', { ctrlKey: true }))).toBeUndefined();
    expect(deskShortcut(press('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(deskShortcut(press('q'))).toBeUndefined();
  });
});
