import { describe, expect, it } from 'vitest';
import { checkStaffPassphrase } from './staff-form';

describe('checkStaffPassphrase', () => {
  it('asks a new account for a long enough passphrase typed twice alike', () => {
    expect(checkStaffPassphrase({ passphrase: '', passphraseAgain: '' }, true)).toMatchObject({ code: 'required', field: 'passphrase' });
    expect(checkStaffPassphrase({ passphrase: 'short', passphraseAgain: 'short' }, true)).toMatchObject({ code: 'too-short', field: 'passphrase' });
    expect(checkStaffPassphrase({ passphrase: 'long enough phrase', passphraseAgain: 'long enough phrasE' }, true)).toMatchObject({ field: 'passphraseAgain' });
    expect(checkStaffPassphrase({ passphrase: 'long enough phrase', passphraseAgain: 'long enough phrase' }, true)).toBeNull();
  });

  it('lets an existing account keep its passphrase when the field is blank', () => {
    expect(checkStaffPassphrase({ passphrase: '', passphraseAgain: '' }, false)).toBeNull();
    expect(checkStaffPassphrase({ passphrase: 'tiny', passphraseAgain: 'tiny' }, false)).toMatchObject({ code: 'too-short' });
  });
});
