import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  backupExtension,
  type BackupFile,
  type BackupHistoryEntry,
  type BackupKind,
  type BackupSettings,
  type BackupStatus,
  type BackupSummary,
  type BackupTarget,
} from '../../../shared/api/backup';
import { formatFileSize } from '../../../shared/domain/fileSize';
import { localNow, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, invalid } from '../../api/errors';
import { openDb } from '../../db/open';
import { perConnection } from '../../db/perConnection';
import { attachmentsDir, writeFileAtomically } from '../attachments/store';
import { startJob, yieldToEventLoop, type JobControl } from '../jobs/service';
import { getOfficeSettings, readSetting, writeSetting } from '../settings/service';
import { BackupReader, BackupWriter, damaged, type BackupManifest, type ManifestMember } from './format';
import { diskSpace, removableTargets } from './drives';

const dbMember = 'anjian.db';
const copyChunk = 4 << 20;
const partialSuffix = '.partial';
const settingsKey = 'backup';
export const defaultBackupSettings: BackupSettings = { autoEveryHours: 4, autoKeep: 10, usbWarnDays: 7 };

/** Test hooks: called between the steps of a backup or restore (a test kills the process at one of them). */
export interface BackupHooks {
  step?(name: 'snapshot-copied' | 'written' | 'verified' | 'staged' | 'safety-backup' | 'closed' | 'swapped'): void;
}

/** The data folder's own backups (automatic ones and the safety copy made before a restore). */
export function localBackupDir(ctx: Pick<HandlerContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'backups');
}

function historyFile(ctx: Pick<HandlerContext, 'dataDir'>): string {
  return path.join(localBackupDir(ctx), 'history.json');
}

/**
 * The history lives beside the backups, outside the database: a restore replaces the database, and the record of
 * what was backed up and restored must survive it.
 */
export function readHistory(ctx: Pick<HandlerContext, 'dataDir'>): BackupHistoryEntry[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(historyFile(ctx), 'utf8')) as BackupHistoryEntry[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function appendHistory(ctx: Pick<HandlerContext, 'dataDir'>, entry: BackupHistoryEntry): void {
  const entries = [...readHistory(ctx), entry].slice(-500);
  fs.mkdirSync(localBackupDir(ctx), { recursive: true });
  writeFileAtomically(historyFile(ctx), Buffer.from(JSON.stringify(entries, null, 1), 'utf8'));
}

/** Makes a rename durable (the directory entry), where the system allows opening a directory. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems (FAT on a USB stick under some drivers) refuse; the file itself was flushed.
  }
}

export function readBackupSettings(ctx: HandlerContext): BackupSettings {
  return { ...defaultBackupSettings, ...readSetting<Partial<BackupSettings>>(ctx, settingsKey, {}) };
}

export function updateBackupSettings(ctx: HandlerContext, settings: BackupSettings): void {
  writeSetting(ctx, settingsKey, settings);
}

/** `安监台账备份-<单位>-YYYYMMDD-HHmm[-suffix].ajbak`, with characters no file system accepts replaced. */
export function backupFileName(orgName: string, localTime: string, suffix = ''): string {
  const unit = orgName.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || '单位';
  const stamp = localTime.replace(/-/g, '').replace(' ', '-').replace(':', '');
  return `安监台账备份-${unit}-${stamp}${suffix}${backupExtension}`;
}

/** One backup or restore at a time per data folder (automatic ones skip their turn instead of waiting). */
const busyState = perConnection(() => ({ busy: false }), { survivesReopen: true });

function claim(ctx: HandlerContext): () => void {
  const state = busyState(ctx.appDb);
  if (state.busy) throw conflict('已有备份或恢复正在进行，请等它完成后再试');
  state.busy = true;
  return () => {
    state.busy = false;
  };
}

/** Tables whose rows a manifest counts: the app's own, not SQLite's or the FTS indexes' internals. */
function countedTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((row) => /CREATE VIRTUAL TABLE/i.test(row.sql ?? '')).map((row) => row.name);
  return rows
    .filter((row) => !/CREATE VIRTUAL TABLE/i.test(row.sql ?? '') && !virtual.some((name) => row.name.startsWith(`${name}_`)))
    .map((row) => row.name);
}

/** Rows per app table, as a manifest records them (exported for tests that build backups by hand). */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of countedTables(sqlite)) counts[table] = sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  return counts;
}

function attachmentFiles(ctx: HandlerContext): { name: string; file: string }[] {
  const root = attachmentsDir(ctx);
  const found: { name: string; file: string }[] = [];
  for (const prefix of safeList(root)) {
    for (const name of safeList(path.join(root, prefix))) {
      if (/^[0-9a-f]{64}$/.test(name)) found.push({ name: `attachments/${prefix}/${name}`, file: path.join(root, prefix, name) });
    }
  }
  return found;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Streams one file into the backup as a member, hashing it; yields between chunks so the app keeps answering. */
async function copyMember(writer: BackupWriter, name: string, file: string, size: number, signal: AbortSignal): Promise<ManifestMember> {
  const hash = crypto.createHash('sha256');
  writer.beginMember(name, size);
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(copyChunk, Math.max(size, 1)));
    let offset = 0;
    while (offset < size) {
      const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, size - offset), offset);
      if (read === 0) throw new Error(`${file} ended early`);
      const bytes = buffer.subarray(0, read);
      hash.update(bytes);
      writer.write(bytes);
      offset += read;
      if (offset < size) {
        await yieldToEventLoop();
        if (signal.aborted) throw signal.reason;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { name, size, sha256: hash.digest('hex') };
}

/**
 * A consistent view of the database file while the app keeps writing. With the WAL emptied into the file
 * (checkpoint TRUNCATE) and a read transaction open on a second connection in the same tick, no write can land in
 * between (the app writes on this thread), and SQLite will not copy later WAL frames into the file while that
 * reader needs its pages: the file itself is the snapshot until `release`. When the WAL cannot be emptied (another
 * process holds it), the snapshot is taken with SQLite's online backup API into a temporary file instead.
 */
async function databaseSnapshot(ctx: HandlerContext, scratchDir: string): Promise<{ file: string; reader: Database.Database; release(): void }> {
  const { sqlite, file, options } = ctx.appDb;
  const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const reader = new Database(file, { readonly: true, nativeBinding: options.nativeBinding });
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM sqlite_master').get();
  const walFile = `${file}-wal`;
  const walEmpty = !fs.existsSync(walFile) || fs.statSync(walFile).size === 0;
  if (checkpoint.busy === 0 && walEmpty) {
    return {
      file,
      reader,
      release: () => {
        reader.exec('COMMIT');
        reader.close();
      },
    };
  }
  reader.exec('COMMIT');
  reader.close();
  fs.mkdirSync(scratchDir, { recursive: true });
  const copy = path.join(scratchDir, `snapshot-${process.pid}-${Date.now()}.db`);
  await sqlite.backup(copy);
  const copyReader = new Database(copy, { readonly: true, nativeBinding: options.nativeBinding });
  return {
    file: copy,
    reader: copyReader,
    release: () => {
      copyReader.close();
      fs.rmSync(copy, { force: true });
    },
  };
}

export interface MadeBackup {
  path: string;
  sizeBytes: number;
  manifest: BackupManifest;
}

/**
 * Writes a backup of the database and every attachment into `folder`: to a `.partial` name, flushed, read back and
 * verified (checksums, integrity of the database copy), and only then renamed to its final name. Anything that
 * fails or is cancelled removes the partial file.
 */
export async function makeBackup(
  ctx: HandlerContext,
  options: { folder: string; password?: string; suffix?: string; control?: Pick<JobControl, 'progress' | 'signal'>; hooks?: BackupHooks },
): Promise<MadeBackup> {
  const signal = options.control?.signal ?? new AbortController().signal;
  const progress = options.control?.progress ?? (() => undefined);
  const folder = writableFolder(options.folder);
  const office = getOfficeSettings(ctx);
  const finalPath = uniquePath(path.join(folder, backupFileName(office.orgName, localNow(ctx), options.suffix)));
  const partialPath = `${finalPath}${partialSuffix}`;
  const attachments = attachmentFiles(ctx).map((entry) => ({ ...entry, size: fs.statSync(entry.file).size }));
  const dbSize = fs.statSync(ctx.appDb.file).size;
  const expected = dbSize + attachments.reduce((sum, entry) => sum + entry.size, 0);
  const { freeBytes } = diskSpace(folder);
  // Room for the file with its headers; the WAL may add a little to the database, hence the margin.
  if (freeBytes !== null && freeBytes < expected * 1.05 + 1024 * 1024) {
    throw invalid(`备份位置空间不足：需要约 ${formatFileSize(expected)}，可用 ${formatFileSize(freeBytes)}`, 'folder');
  }

  const snapshot = await databaseSnapshot(ctx, path.join(localBackupDir(ctx), 'tmp'));
  let fd: number | null = fs.openSync(partialPath, 'wx');
  try {
    const counts = countRows(snapshot.reader);
    const schemaVersion = snapshot.reader.pragma('user_version', { simple: true }) as number;
    const writer = new BackupWriter(fd, options.password);
    const total = fs.statSync(snapshot.file).size + attachments.reduce((sum, entry) => sum + entry.size, 0);
    progress(0, total, '正在备份数据库…');
    const members: ManifestMember[] = [];
    const snapshotSize = fs.statSync(snapshot.file).size;
    members.push(await copyMember(writer, dbMember, snapshot.file, snapshotSize, signal));
    snapshot.release();
    options.hooks?.step?.('snapshot-copied');
    let done = snapshotSize;
    for (const [index, entry] of attachments.entries()) {
      progress(done, total, `正在备份附件（${index + 1}/${attachments.length}）…`);
      members.push(await copyMember(writer, entry.name, entry.file, entry.size, signal));
      done += entry.size;
    }
    const manifest: BackupManifest = {
      format: 1,
      appVersion: ctx.appVersion,
      schemaVersion,
      createdAt: nowIso(ctx),
      orgName: office.orgName,
      counts,
      members,
    };
    writer.finish(manifest);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    options.hooks?.step?.('written');
    progress(total, total, '正在校验备份文件…');
    await verifyBackup(ctx, partialPath, options.password, { signal });
    options.hooks?.step?.('verified');
    fs.renameSync(partialPath, finalPath);
    syncDirectory(folder);
    return { path: finalPath, sizeBytes: fs.statSync(finalPath).size, manifest };
  } catch (error) {
    try {
      snapshot.release();
    } catch {
      // Already released.
    }
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
}

/** The folder as an absolute path, or a refusal under the 备份位置 field when it is missing or read-only. */
function writableFolder(folder: string): string {
  const resolved = path.resolve(folder);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) throw invalid(`备份位置不存在或不是文件夹：${resolved}`, 'folder');
  try {
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    throw invalid(`备份位置不可写入（可能是只读的U盘或没有权限）：${resolved}`, 'folder');
  }
  return resolved;
}

function uniquePath(candidate: string): string {
  if (!fs.existsSync(candidate)) return candidate;
  const extension = path.extname(candidate);
  const base = candidate.slice(0, -extension.length);
  for (let index = 2; ; index += 1) {
    const next = `${base}-${index}${extension}`;
    if (!fs.existsSync(next)) return next;
  }
}

/** Where a verification writes what it read: the database copy (always, to check it) and attachments (restore). */
interface VerifyOptions {
  signal?: AbortSignal;
  progress?: JobControl['progress'];
  /** Keep the database copy and the attachments in this folder (a restore's staging); otherwise all is removed. */
  stageIn?: string;
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  encrypted: boolean;
  /** The staged database file when `stageIn` was given. */
  stagedDb?: string;
}

/**
 * Reads a backup through: every member against the manifest's size and SHA-256, nothing missing or extra, and the
 * database copy opened and checked (`PRAGMA quick_check`, the manifest's row counts, a schema not newer than this
 * app). Refuses with a message naming the first thing wrong; changes nothing outside its scratch folder.
 */
export async function verifyBackup(ctx: HandlerContext, file: string, password: string | undefined, options: VerifyOptions = {}): Promise<VerifiedBackup> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw invalid(`找不到备份文件：${file}`, 'path');
  const scratch = options.stageIn ?? fs.mkdtempSync(path.join(ensureDir(path.join(localBackupDir(ctx), 'tmp')), 'verify-'));
  fs.mkdirSync(scratch, { recursive: true });
  const fd = fs.openSync(file, 'r');
  let keep = false;
  try {
    const total = fs.fstatSync(fd).size;
    const reader = new BackupReader(fd, password);
    const seen: ManifestMember[] = [];
    let manifest: BackupManifest | null = null;
    let done = 0;
    while (!manifest) {
      const next = reader.nextMemberOrManifest();
      if ('manifest' in next) {
        manifest = next.manifest;
        break;
      }
      const { name, size } = next.member;
      const target = stagedPathOf(scratch, name);
      const hash = crypto.createHash('sha256');
      const out = target ? fs.openSync(ensureParent(target), 'w') : null;
      try {
        let remaining = size;
        while (remaining > 0) {
          const bytes = reader.read(Math.min(copyChunk, remaining), `「${name}」不完整`);
          hash.update(bytes);
          if (out !== null) fs.writeSync(out, bytes);
          remaining -= bytes.length;
          done += bytes.length;
          options.progress?.(Math.min(done, total), total, '正在校验备份文件…');
          await yieldToEventLoop();
          if (options.signal?.aborted) throw options.signal.reason;
        }
        // Only a restore's staging must survive a power cut (it is renamed over the database); a check's copy is thrown away.
        if (out !== null && options.stageIn !== undefined) fs.fsyncSync(out);
      } finally {
        if (out !== null) fs.closeSync(out);
      }
      seen.push({ name, size, sha256: hash.digest('hex') });
    }
    if (!reader.atEnd()) throw damaged('结尾后仍有多余内容');
    checkMembers(manifest, seen);
    const stagedDb = path.join(scratch, dbMember);
    checkDatabaseCopy(ctx, stagedDb, manifest);
    keep = options.stageIn !== undefined;
    return { manifest, encrypted: reader.encrypted, stagedDb: keep ? stagedDb : undefined };
  } finally {
    fs.closeSync(fd);
    if (!keep) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function ensureParent(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** Where a member is written while verifying: the database and attachments only, never a path outside `scratch`. */
function stagedPathOf(scratch: string, name: string): string | null {
  if (name === dbMember) return path.join(scratch, dbMember);
  const match = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(name);
  return match ? path.join(scratch, 'attachments', match[1], match[2]) : null;
}

function checkMembers(manifest: BackupManifest, seen: ManifestMember[]): void {
  if (manifest.format !== 1 || !Array.isArray(manifest.members)) throw damaged('清单格式不符');
  if (manifest.members.length !== seen.length) throw damaged(`清单列出 ${manifest.members.length} 个成员，文件中有 ${seen.length} 个`);
  manifest.members.forEach((listed, index) => {
    const actual = seen[index];
    if (listed.name !== actual.name || listed.size !== actual.size) throw damaged(`「${actual.name}」与清单不符`);
    if (listed.sha256 !== actual.sha256) throw damaged(`「${actual.name}」校验和不符`);
    const attachment = /^attachments\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(actual.name);
    if (attachment && attachment[1] !== actual.sha256) throw damaged(`附件「${attachment[1].slice(0, 12)}…」内容与名称不符`);
  });
  if (seen[0]?.name !== dbMember) throw damaged('缺少数据库');
}

function checkDatabaseCopy(ctx: HandlerContext, file: string, manifest: BackupManifest): void {
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: ctx.appDb.options.nativeBinding });
  } catch {
    throw damaged('数据库无法打开');
  }
  try {
    let check: unknown;
    try {
      check = copy.pragma('quick_check', { simple: true });
    } catch {
      throw damaged('数据库完整性检查未通过');
    }
    if (check !== 'ok') throw damaged(`数据库完整性检查未通过：${String(check)}`);
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    if (schemaVersion !== manifest.schemaVersion) throw damaged('数据库版本与清单不符');
    if (schemaVersion > ctx.appDb.schemaVersion) {
      throw invalid(`该备份由更新版本的安监台账（${manifest.appVersion}）创建，当前版本无法恢复。请先升级程序。`, 'path');
    }
    const counts = countRows(copy);
    for (const [table, rows] of Object.entries(manifest.counts)) {
      if (counts[table] !== rows) throw damaged(`数据表 ${table} 的行数与清单不符`);
    }
  } finally {
    copy.close();
  }
}

const tableLabels: Record<string, string> = {
  enterprises: '企业',
  villages: '村（社区）',
  grid_workers: '网格员',
  idle_sites: '四闲场所',
  tanks: '储罐',
  filings: '特殊作业报备',
  emergency_plans: '应急预案',
  drills: '应急演练',
  inspections: '检查记录',
  hazards: '隐患',
  rectification_orders: '整改指令书',
  attachments: '附件记录',
  users: '账户',
};

/** Verifies a backup and describes it for the restore dialog. */
export async function inspectBackup(ctx: HandlerContext, file: string, password: string | undefined): Promise<BackupSummary> {
  const verified = await verifyBackup(ctx, file, password);
  return summaryOf(ctx, file, verified);
}

function summaryOf(ctx: HandlerContext, file: string, verified: VerifiedBackup): BackupSummary {
  const { manifest } = verified;
  return {
    path: path.resolve(file),
    fileName: path.basename(file),
    sizeBytes: fs.statSync(file).size,
    encrypted: verified.encrypted,
    createdAt: manifest.createdAt,
    orgName: manifest.orgName,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    counts: Object.entries(tableLabels)
      .filter(([table]) => manifest.counts[table] !== undefined)
      .map(([table, label]) => ({ table, label, rows: manifest.counts[table] })),
    attachments: manifest.members.filter((member) => member.name.startsWith('attachments/')).length,
    needsMigration: manifest.schemaVersion < ctx.appDb.schemaVersion,
  };
}

/**
 * Replaces the current data with a verified backup. Order matters for a crash at any point: the backup is verified
 * and staged (database copy and attachments) first; attachments are merged into the content-addressed store (files
 * are only added, never changed, so the old database still finds all of its own); the current data is backed up;
 * the database is closed cleanly (its WAL folded in and removed) and the staged copy renamed over it — one atomic
 * rename, so a crash leaves the old database or the new one, never a mix — then opened again (and migrated if it
 * is older). Sessions of the old data end; the restoring administrator's carries over when the backup has the same
 * account.
 */
export async function restoreBackup(
  ctx: RequestContext,
  file: string,
  password: string | undefined,
  options: { control?: Pick<JobControl, 'progress' | 'signal' | 'commit'>; hooks?: BackupHooks } = {},
): Promise<{ safetyBackup: MadeBackup; summary: BackupSummary }> {
  const staging = path.join(ctx.dataDir, 'restore-staging');
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const verified = await verifyBackup(ctx, file, password, { stageIn: staging, signal: options.control?.signal, progress: options.control?.progress });
    const summary = summaryOf(ctx, file, verified);
    options.hooks?.step?.('staged');
    options.control?.progress(0, 0, '正在备份当前数据（恢复前自动备份）…');
    const safetyBackup = await makeBackup(ctx, { folder: ensureDir(localBackupDir(ctx)), suffix: '-恢复前', control: options.control });
    appendHistory(ctx, { at: nowIso(ctx), kind: 'pre-restore', path: safetyBackup.path, sizeBytes: safetyBackup.sizeBytes, encrypted: false });
    options.hooks?.step?.('safety-backup');
    if (options.control?.signal.aborted) throw options.control.signal.reason;
    options.control?.commit();
    options.control?.progress(0, 0, '正在替换数据…');
    mergeAttachments(ctx, path.join(staging, 'attachments'));
    const session = ctx.sessionToken ? currentSession(ctx) : null;
    const appDb = ctx.appDb;
    const dbFile = appDb.file;
    appDb.close();
    options.hooks?.step?.('closed');
    try {
      // A WAL left beside the file would be replayed into the restored database: a clean close removes it.
      if (fs.existsSync(`${dbFile}-wal`) && fs.statSync(`${dbFile}-wal`).size > 0) throw new Error('WAL still present after close');
      fs.rmSync(`${dbFile}-wal`, { force: true });
      fs.rmSync(`${dbFile}-shm`, { force: true });
      fs.renameSync(verified.stagedDb!, dbFile);
      syncDirectory(path.dirname(dbFile));
      options.hooks?.step?.('swapped');
    } finally {
      // Open whichever database is in place now (the restored one, or the old one when the swap failed).
      Object.assign(appDb, openDb(appDb.options));
    }
    appDb.sqlite.prepare('DELETE FROM sessions').run();
    if (session) carryOverSession(ctx, session);
    appendHistory(ctx, { at: nowIso(ctx), kind: 'manual', path: path.resolve(file), sizeBytes: summary.sizeBytes, encrypted: summary.encrypted, restored: true });
    return { safetyBackup, summary };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function mergeAttachments(ctx: HandlerContext, stagedDir: string): void {
  for (const prefix of safeList(stagedDir)) {
    for (const name of safeList(path.join(stagedDir, prefix))) {
      const target = path.join(attachmentsDir(ctx), prefix, name);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(stagedDir, prefix, name), target);
    }
  }
}

interface CarriedSession {
  tokenHash: string;
  userId: number;
  username: string;
  createdAt: string;
}

function currentSession(ctx: RequestContext): CarriedSession | null {
  const hash = crypto.createHash('sha256').update(ctx.sessionToken!).digest('hex');
  const row = ctx.appDb.sqlite
    .prepare('SELECT s.token_hash AS tokenHash, s.user_id AS userId, u.username, s.created_at AS createdAt FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?')
    .get(hash) as CarriedSession | undefined;
  return row ?? null;
}

function carryOverSession(ctx: HandlerContext, session: CarriedSession): void {
  const sameAdmin = ctx.appDb.sqlite
    .prepare("SELECT 1 FROM users WHERE id = ? AND username = ? AND role = 'admin' AND disabled = 0")
    .get(session.userId, session.username);
  if (!sameAdmin) return;
  ctx.appDb.sqlite
    .prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
    .run(session.tokenHash, session.userId, session.createdAt, nowIso(ctx));
}

/** Starts a backup job into `folder` (a removable drive counts towards the 上次U盘备份 reminder). */
export function startBackup(ctx: RequestContext, input: { folder: string; password?: string; removable?: boolean }): string {
  writableFolder(input.folder);
  const release = claim(ctx);
  try {
    return startJob(ctx, 'backup', '正在准备备份…', async (control) => {
      try {
        const made = await makeBackup(ctx, { folder: input.folder, password: input.password, control });
        const kind: BackupKind = input.removable ? 'removable' : 'manual';
        appendHistory(ctx, { at: nowIso(ctx), kind, path: made.path, sizeBytes: made.sizeBytes, encrypted: !!input.password });
        control.conclude(`已备份到 ${made.path}（${formatFileSize(made.sizeBytes)}），已读回校验无误。`);
      } finally {
        release();
      }
    });
  } catch (error) {
    release();
    throw error;
  }
}

/** Starts a restore job; see `restoreBackup`. */
export function startRestore(ctx: RequestContext, input: { path: string; password?: string }): string {
  const release = claim(ctx);
  try {
    return startJob(ctx, 'restore', '正在校验备份文件…', async (control) => {
      try {
        const { safetyBackup, summary } = await restoreBackup(ctx, input.path, input.password, { control });
        control.conclude(`已恢复 ${summary.createdAt.slice(0, 10)} 的备份（${summary.orgName}）。恢复前的数据已自动备份到 ${safetyBackup.path}。请重新登录。`);
      } finally {
        release();
      }
    });
  } catch (error) {
    release();
    throw error;
  }
}

/** Backup files in a folder, newest first; partial files of an interrupted backup are left out. */
export function listBackupFiles(folder: string): BackupFile[] {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw invalid(`文件夹不存在：${dir}`, 'folder');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(backupExtension))
    .map((name) => {
      const stats = fs.statSync(path.join(dir, name));
      return { path: path.join(dir, name), fileName: name, sizeBytes: stats.size, modifiedAt: stats.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export function backupTargets(ctx: HandlerContext): BackupTarget[] {
  const local = ensureDir(localBackupDir(ctx));
  return [...removableTargets(), { kind: 'local', path: local, label: '本机自动备份文件夹', ...diskSpace(local) }];
}

export function backupStatus(ctx: HandlerContext): BackupStatus {
  const history = readHistory(ctx);
  const settings = readBackupSettings(ctx);
  const backups = history.filter((entry) => !entry.restored);
  const lastRemovable = backups.filter((entry) => entry.kind === 'removable').at(-1) ?? null;
  const lastLocal = backups.filter((entry) => entry.kind === 'auto').at(-1) ?? null;
  const staleBefore = ctx.clock.now().getTime() - settings.usbWarnDays * 24 * 3600 * 1000;
  return {
    lastRemovable,
    lastLocal,
    removableStale: !lastRemovable || new Date(lastRemovable.at).getTime() < staleBefore,
    settings,
    history: [...history].reverse(),
    localFolder: localBackupDir(ctx),
  };
}

/**
 * Makes an automatic local backup when none was made in the last `autoEveryHours` (always on the first call of a
 * run when `onStart`), then keeps only the newest `autoKeep`. Skips its turn when a backup or restore is running.
 * Returns the backup made, or null.
 */
export async function autoBackupIfDue(ctx: HandlerContext, options: { onStart?: boolean } = {}): Promise<MadeBackup | null> {
  const settings = readBackupSettings(ctx);
  const last = readHistory(ctx)
    .filter((entry) => entry.kind === 'auto')
    .at(-1);
  const dueAfter = last ? new Date(last.at).getTime() + settings.autoEveryHours * 3600 * 1000 : 0;
  if (!options.onStart && (settings.autoEveryHours === 0 || ctx.clock.now().getTime() < dueAfter)) return null;
  const state = busyState(ctx.appDb);
  if (state.busy) return null;
  state.busy = true;
  try {
    const made = await makeBackup(ctx, { folder: ensureDir(localBackupDir(ctx)) });
    appendHistory(ctx, { at: nowIso(ctx), kind: 'auto', path: made.path, sizeBytes: made.sizeBytes, encrypted: false });
    pruneAutoBackups(ctx, settings.autoKeep);
    return made;
  } finally {
    state.busy = false;
  }
}

function pruneAutoBackups(ctx: HandlerContext, keep: number): void {
  const autos = readHistory(ctx).filter((entry) => entry.kind === 'auto' && fs.existsSync(entry.path));
  for (const entry of autos.slice(0, Math.max(0, autos.length - keep))) fs.rmSync(entry.path, { force: true });
}

/** Removes what an interrupted backup or restore left in the data folder (called once when the host starts). */
export function cleanUpInterrupted(ctx: Pick<HandlerContext, 'dataDir'>): void {
  fs.rmSync(path.join(ctx.dataDir, 'restore-staging'), { recursive: true, force: true });
  fs.rmSync(path.join(localBackupDir(ctx), 'tmp'), { recursive: true, force: true });
  for (const name of safeList(localBackupDir(ctx))) {
    if (name.endsWith(partialSuffix)) fs.rmSync(path.join(localBackupDir(ctx), name), { force: true });
  }
}

/**
 * Runs automatic backups for a host: one at start, then a check every `checkEveryMs` (a backup is made when
 * `autoEveryHours` have passed since the last). Returns a function that stops it.
 */
export function scheduleAutoBackups(ctx: HandlerContext, checkEveryMs = 10 * 60 * 1000): () => void {
  cleanUpInterrupted(ctx);
  const run = (onStart: boolean) =>
    autoBackupIfDue(ctx, { onStart }).catch((error: unknown) => console.error('[backup] automatic backup failed', error));
  const first = setTimeout(() => void run(true), 5000);
  const timer = setInterval(() => void run(false), checkEveryMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
