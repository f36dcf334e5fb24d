import dayjs from 'dayjs';
import type { BackupHistoryEntry, BackupKind } from '../../../shared/api/backup';

/** What each kind of backup is called in the status card and the 备份记录. */
export const backupKindLabels: Record<BackupKind, string> = {
  manual: '手动备份',
  removable: 'U盘备份',
  auto: '自动备份',
  'pre-restore': '恢复前自动备份',
};

export const backupKindColors: Record<BackupKind, string> = {
  manual: 'blue',
  removable: 'green',
  auto: 'default',
  'pre-restore': 'orange',
};

/** The 类型 shown for a history entry: a restore is recorded against the file it came from. */
export function historyEntryLabel(entry: BackupHistoryEntry): string {
  return entry.restored ? '恢复自此备份' : backupKindLabels[entry.kind];
}

/** "2025-06-03 14:20": a backup's moment as staff read it. */
export function formatBackupTime(at: string): string {
  return dayjs(at).format('YYYY-MM-DD HH:mm');
}

/**
 * The last part of a path, whichever separator it uses: backups may sit on a Windows drive (`E:\\…`) while the
 * renderer knows nothing of the host's path rules.
 */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** Everything before the last part of a path (the folder a backup sits in). */
export function folderOf(path: string): string {
  const name = fileNameOf(path);
  return path.slice(0, path.length - name.length).replace(/[\\/]+$/, '') || path;
}
