import { useState } from 'react';
import { text } from '../i18n';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

/**
 * First run's way back: a desk whose computer failed, or whose browser data
 * was cleared, restores its backup file instead of starting a new clinic.
 * Nobody is signed in yet; the file's passphrase is what protects it.
 *
 * @example <RestoreInstead />
 */
export function RestoreInstead() {
  const [open, setOpen] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="restore-instead">
      {text.backup.restoreFromFirstRunHint}{' '}
      <button type="button" onClick={() => setOpen(true)}>
        {text.backup.restoreFromFirstRun}
      </button>
      {open ? <RestoreDialog session={null} onClose={() => setOpen(false)} timeZone={zone} locale={navigator.language} /> : null}
    </div>
  );
}
