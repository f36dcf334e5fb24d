import { z } from 'zod';
import { method } from './contract';
import { okOutput } from './common';

/**
 * Backup and restore (备份与恢复). A backup is one file (`安监台账备份-<单位>-YYYYMMDD-HHmm.ajbak`) holding a
 * consistent snapshot of the database, every attachment and a manifest with a SHA-256 of each; it is read back and
 * verified before it counts as made. Backups to a folder or removable drive and restores run as background jobs
 * (`jobs.status` / `jobs.cancel`); automatic local backups are made by the host on start and every N hours.
 */

/** The file extension of a backup. */
export const backupExtension = '.ajbak';

export const backupTargetKinds = ['removable', 'local', 'folder'] as const;
export type BackupTargetKind = (typeof backupTargetKinds)[number];

/** A place a backup can be written to: a removable drive, the data folder's own backups, or a folder. */
export const backupTargetSchema = z.object({
  kind: z.enum(backupTargetKinds),
  /** Absolute folder path. */
  path: z.string(),
  /** What the user sees: the drive's label (“KINGSTON (E:)”) or 本机自动备份. */
  label: z.string(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
});
export type BackupTarget = z.infer<typeof backupTargetSchema>;

const password = z.string().min(6, '密码至少 6 位').max(128, '密码不能超过 128 位');
const folderPath = z.string().trim().min(1, '请选择备份位置').max(1000);
const filePath = z.string().trim().min(1, '请选择备份文件').max(1000);

export const backupStartInput = z.object({
  folder: folderPath,
  /** Encrypts the backup (AES-256-GCM, key from scrypt); without it the file is plain. */
  password: password.optional(),
  /** Marks the backup as one to removable media (for the 上次U盘备份 reminder). */
  removable: z.boolean().optional(),
});

/** A backup file found in a folder (not yet verified). */
export const backupFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  modifiedAt: z.string(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** What a verified backup holds, as the restore dialog shows it before asking to confirm. */
export const backupSummarySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  encrypted: z.boolean(),
  createdAt: z.string(),
  orgName: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Rows per table of the snapshot (the main registers, in Chinese labels where known). */
  counts: z.array(z.object({ table: z.string(), label: z.string(), rows: z.number().int() })),
  attachments: z.number().int(),
  /** The snapshot is of an older schema and will be upgraded after the restore. */
  needsMigration: z.boolean(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupKinds = ['manual', 'removable', 'auto', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupHistoryEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(backupKinds),
  path: z.string(),
  sizeBytes: z.number(),
  encrypted: z.boolean(),
  /** Set when the entry records a restore (from this file) instead of a backup. */
  restored: z.boolean().optional(),
});
export type BackupHistoryEntry = z.infer<typeof backupHistoryEntrySchema>;

export const backupSettingsSchema = z.object({
  /** Automatic local backup every this many hours of use (0 turns it off; one is still made on start). */
  autoEveryHours: z.number().int().min(0, '不能为负数').max(168, '最长 168 小时'),
  /** How many automatic local backups are kept. */
  autoKeep: z.number().int().min(1, '至少保留 1 份').max(100, '最多保留 100 份'),
  /** Warn when the last backup to removable media is older than this many days. */
  usbWarnDays: z.number().int().min(1, '至少 1 天').max(365, '最多 365 天'),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupStatusSchema = z.object({
  lastRemovable: backupHistoryEntrySchema.nullable(),
  lastLocal: backupHistoryEntrySchema.nullable(),
  /** No removable backup, or the last is older than `settings.usbWarnDays`. */
  removableStale: z.boolean(),
  settings: backupSettingsSchema,
  /** Newest first. */
  history: z.array(backupHistoryEntrySchema),
  /** The folder automatic backups go to. */
  localFolder: z.string(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupApi = {
  'backup.status': method(z.object({}), backupStatusSchema, 'read'),
  'backup.targets': method(z.object({}), z.array(backupTargetSchema), 'write'),
  'backup.start': method(backupStartInput, z.object({ jobId: z.string() }), 'write'),
  /** Backup files in a folder, newest first (partial files of an interrupted backup are not listed). */
  'backup.files': method(z.object({ folder: folderPath }), z.array(backupFileSchema), 'admin'),
  /** Verifies a backup file (checksums, integrity, version) and says what it holds; changes nothing. */
  'backup.inspect': method(z.object({ path: filePath, password: password.optional() }), backupSummarySchema, 'admin', { noTransaction: true }),
  /** Verifies again, backs the current data up, then swaps in the backup; every session ends. */
  'backup.restore': method(z.object({ path: filePath, password: password.optional() }), z.object({ jobId: z.string() }), 'admin'),
  'backup.updateSettings': method(backupSettingsSchema, okOutput, 'admin'),
};
