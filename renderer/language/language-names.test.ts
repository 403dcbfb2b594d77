import { describe, expect, it } from 'vitest';
import { ownName } from './language-names';

describe('language names', () => {
  it('names each desk language in itself, capitalised for a list', () => {
    expect(ownName('en')).toBe('English');
    expect(ownName('es')).toBe('Español');
    expect(ownName('fr')).toBe('Français');
  });
});
