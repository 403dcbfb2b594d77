import { useEffect } from 'react';
import { useDeskBackups } from '../data/useDeskBackups';
import { desktopBridge } from '../desktop/desktop-bridge';

/**
 * The desktop app's automatic backups: the daily one at the first quiet
 * minute after opening (core/backup `decideScheduledBackup`, asked again when
 * it says), and one when the app quits (the shell holds the quit until this
 * answers `quitReady`, at most two minutes). Runs whoever is signed in, even
 * on the lock screen; the audit log names the automatic backup as actor. The
 * browser build cannot write files by itself: there the day view's warning
 * and "Back up now" take its place.
 *
 * @example useAutomaticBackups(); // in App, once the desk is set up
 */
export function useAutomaticBackups(enabled: boolean): void {
  const backups = useDeskBackups();
  useEffect(() => {
    const bridge = desktopBridge();
    if (!enabled || !bridge) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    const tick = async () => {
      if (stopped || running) return;
      let wait = 60_000;
      try {
        const due = await backups.scheduledBackupDue(Date.now());
        if (due.due) {
          running = true;
          await backups.backUp('scheduled', null);
        } else wait = Math.max(15_000, due.retryAfterMs);
      } catch (error) {
        console.error('Scheduled backup failed', error);
      } finally {
        running = false;
        if (!stopped) timer = setTimeout(() => void tick(), wait);
      }
    };
    timer = setTimeout(() => void tick(), 15_000);
    void bridge.awaitQuit().then(async () => {
      try {
        if (!stopped) await backups.backUp('on-quit', null);
      } catch (error) {
        console.error('Backup on quit failed', error);
      } finally {
        await bridge.quitReady();
      }
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled, backups]);
}
