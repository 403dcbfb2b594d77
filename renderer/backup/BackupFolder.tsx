import { useEffect, useState } from 'react';
import { text } from '../i18n';
import { desktopBridge } from '../desktop/desktop-bridge';
import { backupFolders } from './desktop-targets';

/**
 * The second place backups go (desktop only): the folder the admin picks in
 * the shell's native dialog; main validates and remembers it, the page only
 * sees its path.
 *
 * @example <BackupFolder />
 */
export function BackupFolder() {
  const bridge = desktopBridge();
  const [folders, setFolders] = useState<Awaited<ReturnType<typeof backupFolders>>>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => {
    if (bridge) void backupFolders(bridge).then(setFolders);
  };
  useEffect(refresh, [bridge]);
  if (!bridge) return <p>{text.backup.webOnly}</p>;

  async function choose() {
    setProblem(null);
    const result = await bridge!.chooseBackupFolder();
    if (result.outcome === 'unusable') setProblem(result.problem);
    refresh();
  }

  async function forget() {
    await bridge!.backupFiles({ op: 'forget-folder' });
    refresh();
  }

  const chosen = folders?.chosen ?? null;
  return (
    <section className="backup-folder" aria-labelledby="backup-folder-title">
      <h2 id="backup-folder-title">{text.backup.folderTitle}</h2>
      <p>{text.backup.folderIntro}</p>
      <p>{chosen === null ? text.backup.folderNone : chosen.available ? text.backup.folderChosen(chosen.folder) : text.backup.folderMissing(chosen.folder)}</p>
      {problem ? (
        <p role="alert" className="form-error">
          {text.backup.folderProblems[problem as keyof typeof text.backup.folderProblems] ?? problem}
        </p>
      ) : null}
      <div className="backup-actions">
        <button type="button" onClick={() => void choose()}>
          {text.backup.chooseFolder}
        </button>
        {chosen ? (
          <button type="button" onClick={() => void forget()}>
            {text.backup.forgetFolder}
          </button>
        ) : null}
      </div>
    </section>
  );
}
