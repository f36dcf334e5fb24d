import { defineHandlers } from '../../api/registry';
import { backupStatus, backupTargets, inspectBackup, listBackupFiles, startBackup, startRestore, updateBackupSettings } from './service';

export const backupHandlers = defineHandlers({
  'backup.status': (_input, ctx) => backupStatus(ctx),
  'backup.targets': (_input, ctx) => backupTargets(ctx),
  'backup.start': (input, ctx) => ({ jobId: startBackup(ctx, input) }),
  'backup.files': (input) => listBackupFiles(input.folder),
  'backup.inspect': (input, ctx) => inspectBackup(ctx, input.path, input.password),
  'backup.restore': (input, ctx) => ({ jobId: startRestore(ctx, input) }),
  'backup.updateSettings': (input, ctx) => {
    updateBackupSettings(ctx, input);
    return { ok: true as const };
  },
});
