import { BackupError } from '../../core/backup';
import type { BackupTarget, PendingBackupFile } from '../../core/backup-restore';
import type { BackupFilesRequest, BackupFilesResult, TimedeskBridge } from '../../electron/bridge-contract';

/** The shell's answer, or a BackupError for a refusal or a disk failure (the run drops that target). */
async function ask(bridge: TimedeskBridge, request: BackupFilesRequest): Promise<Exclude<BackupFilesResult, { outcome: 'failed' } | { outcome: 'refused' }>> {
  const result = await bridge.backupFiles(request);
  if (result.outcome === 'failed') throw new BackupError('write-failed', result.message);
  if (result.outcome === 'refused') throw new Error(`The shell refused ${request.op}: ${result.problem.message}`);
  return result;
}

const readSize = 4 << 20;

function shellTarget(bridge: TimedeskBridge, id: 'app-data' | 'chosen-folder'): BackupTarget {
  return {
    id,
    async create(name): Promise<PendingBackupFile> {
      const created = await ask(bridge, { op: 'create', target: id, name });
      if (created.outcome !== 'created') throw new Error('unexpected answer');
      const { handle } = created;
      return {
        write: async (bytes) => void (await ask(bridge, { op: 'write', handle, bytes: bytes as Uint8Array<ArrayBuffer> })),
        close: async () => void (await ask(bridge, { op: 'close', handle })),
        async *read() {
          for (let offset = 0; ; offset += readSize) {
            const answer = await ask(bridge, { op: 'read', handle, offset, length: readSize });
            if (answer.outcome !== 'read' || answer.bytes.length === 0) return;
            yield answer.bytes;
          }
        },
        commit: async () => void (await ask(bridge, { op: 'commit', handle })),
        discard: async () => void (await bridge.backupFiles({ op: 'discard', handle }).catch(() => undefined)),
      };
    },
    async list() {
      const answer = await ask(bridge, { op: 'list', target: id });
      return answer.outcome === 'listed' ? answer.names : [];
    },
    remove: async (name) => void (await ask(bridge, { op: 'remove', target: id, name })),
  };
}

/**
 * The desktop app's backup targets: its data folder always, the chosen
 * folder when one is set (an unplugged one still counts, so its failure is
 * recorded and shown).
 *
 * @example const targets = await desktopBackupTargets(bridge);
 */
export async function desktopBackupTargets(bridge: TimedeskBridge): Promise<BackupTarget[]> {
  const folders = await ask(bridge, { op: 'folders' });
  const targets = [shellTarget(bridge, 'app-data')];
  if (folders.outcome === 'folders' && folders.chosen) targets.push(shellTarget(bridge, 'chosen-folder'));
  return targets;
}

/**
 * The folders as the settings screen shows them (desktop only).
 *
 * @example (await backupFolders(bridge))?.chosen?.available
 */
export async function backupFolders(bridge: TimedeskBridge): Promise<{ appData: string; chosen: { folder: string; available: boolean } | null } | null> {
  const answer = await bridge.backupFiles({ op: 'folders' });
  return answer.outcome === 'folders' ? { appData: answer.appData, chosen: answer.chosen } : null;
}
