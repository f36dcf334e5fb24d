import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNow } from '../../api/context';
import { makeTempDir, makeTestBackend, migrationsDir, type TestBackend } from '../../../../tests/fixtures/backend';
import { automountFolders, parseLsblk, parseWindowsDisks } from './drives';
import { BackupWriter } from './format';
import { applyMigrations, loadMigrations } from '../../db/migrate';
import { autoBackupIfDue, backupStatus, countRows, listBackupFiles, makeBackup, readHistory, restoreBackup, verifyBackup, type MadeBackup } from './service';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** Every row of every table (sessions aside: a restore ends them), in rowid order, for comparing two databases. */
function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_search_%' AND name NOT LIKE '%_fts_%' AND name <> 'sessions' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all()]));
  } finally {
    db.close();
  }
}

function attachmentTree(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'attachments');
  const files: Record<string, string> = {};
  for (const prefix of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    for (const name of fs.readdirSync(path.join(root, prefix))) {
      files[`${prefix}/${name}`] = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, prefix, name))).digest('hex');
    }
  }
  return files;
}

/** The database file's bytes after folding the WAL in, and the attachments: what “unchanged” means here. */
function fingerprint(backend: TestBackend): string {
  backend.ctx.appDb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const db = crypto.createHash('sha256').update(fs.readFileSync(backend.ctx.appDb.file)).digest('hex');
  return `${db}:${JSON.stringify(attachmentTree(backend.dataDir))}`;
}

async function attach(backend: TestBackend, entityId: number, bytes: Buffer, fileName: string) {
  return backend.call('attachments.upload', { entity: 'enterprise', entityId, fileName, mimeType: 'application/octet-stream', dataBase64: bytes.toString('base64') });
}

let source: TestBackend;
let usb: string;
let plain: MadeBackup;
let sealed: MadeBackup;

beforeAll(async () => {
  source = await makeTestBackend({ loadDemo: true });
  const [first, second] = (await source.call('enterprises.list', { pageSize: 2 })).items;
  await attach(source, first.id, crypto.randomBytes(300_000), '现场照片.jpg');
  await attach(source, second.id, Buffer.from('预案文本'), '预案.txt');
  usb = makeTempDir('anjian-usb-');
  plain = await makeBackup(source.ctx, { folder: usb });
  sealed = await makeBackup(source.ctx, { folder: usb, password: 'u盘密码123', suffix: '-加密' });
}, 120_000);
afterAll(() => source.dispose());

describe('backup file', () => {
  it('is named for the office and the minute, lists every table and attachment with SHA-256, and verifies', async () => {
    expect(path.basename(plain.path)).toBe(`安监台账备份-示例镇应急管理办公室-${localNow(source.ctx).replace(/-/g, '').replace(' ', '-').replace(':', '')}.ajbak`);
    expect(plain.manifest.counts.enterprises).toBeGreaterThan(100);
    expect(plain.manifest.counts.hazards).toBeGreaterThan(1000);
    expect(plain.manifest.members.map((member) => member.name.split('/')[0])).toEqual(['anjian.db', 'attachments', 'attachments']);
    for (const member of plain.manifest.members.slice(1)) expect(member.name).toBe(`attachments/${member.sha256.slice(0, 2)}/${member.sha256}`);
    expect(listBackupFiles(usb).map((file) => file.fileName).sort()).toEqual([path.basename(plain.path), path.basename(sealed.path)].sort());
    const verified = await verifyBackup(source.ctx, sealed.path, 'u盘密码123');
    expect(verified.encrypted).toBe(true);
    expect(verified.manifest.counts).toEqual(plain.manifest.counts);
    // Sealed, the file holds none of the text in the clear.
    const bytes = fs.readFileSync(sealed.path);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(fs.readFileSync(plain.path).includes(Buffer.from('SQLite format 3'))).toBe(true);
  });

  it('round trip: restored into an empty data folder, every row and attachment is equal', async () => {
    const target = await makeTestBackend();
    try {
      await restoreBackup({ ...target.ctx, user: null, sessionToken: null }, sealed.path, 'u盘密码123');
      source.ctx.appDb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      target.ctx.appDb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(dumpTables(target.ctx.appDb.file)).toEqual(dumpTables(source.ctx.appDb.file));
      expect(attachmentTree(target.dataDir)).toEqual(attachmentTree(source.dataDir));
      // The backend goes on working on the restored database, through the same context.
      const after = await target.call('auth.login', { username: 'admin', password: 'Admin12345' }, null);
      const enterprises = await target.call('enterprises.list', { pageSize: 1 }, after.token);
      expect(enterprises.total).toBe(plain.manifest.counts.enterprises - (await deletedEnterprises(source)));
      // The data that was there first was backed up before it was replaced.
      const safety = readHistory(target.ctx).find((entry) => entry.kind === 'pre-restore');
      expect(safety && fs.existsSync(safety.path)).toBe(true);
      expect(backupStatus(target.ctx).history[0]).toMatchObject({ restored: true, path: sealed.path });
    } finally {
      target.dispose();
    }
  });

  it('a backup taken while writes go on is a consistent snapshot', async () => {
    const writer = await makeTestBackend({ loadDemo: true });
    try {
      let writes = 0;
      let stop = false;
      const villagesBefore = (await writer.call('villages.list', { pageSize: 1 })).total;
      const writing = (async () => {
        while (!stop) {
          await writer.call('villages.create', { name: `测试新村${writes}`, kind: '村' });
          writes += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const made = await makeBackup(writer.ctx, { folder: makeTempDir('anjian-live-') });
      const writesDuring = writes;
      stop = true;
      await writing;
      expect(writesDuring).toBeGreaterThan(0);
      // The snapshot is one moment: its villages are those before plus some prefix of the writes, and the file
      // verified (integrity and the manifest's counts) before makeBackup returned.
      const villages = made.manifest.counts.villages;
      expect(villages).toBeGreaterThanOrEqual(villagesBefore);
      expect(villages).toBeLessThanOrEqual(villagesBefore + writes);
      const restored = await makeTestBackend();
      try {
        await restoreBackup({ ...restored.ctx, user: null, sessionToken: null }, made.path, undefined);
        const names = restored.ctx.appDb.sqlite.prepare("SELECT name FROM villages WHERE name LIKE '测试新村%' ORDER BY id").pluck().all();
        expect(names).toEqual(Array.from({ length: villages - villagesBefore }, (_, index) => `测试新村${index}`));
      } finally {
        restored.dispose();
      }
    } finally {
      writer.dispose();
    }
  }, 60_000);
});

async function deletedEnterprises(backend: TestBackend): Promise<number> {
  return backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM enterprises WHERE deleted_at IS NOT NULL').pluck().get() as number;
}

describe('refusals leave the current data unchanged', () => {
  const variants: [string, () => string, string | undefined, RegExp][] = [
    ['a byte flipped in the database', () => corrupt(plain.path, (bytes) => flip(bytes, Math.floor(bytes.length / 3))), undefined, /校验和不符|完整性/],
    ['a byte flipped in a sealed file', () => corrupt(sealed.path, (bytes) => flip(bytes, Math.floor(bytes.length / 2))), 'u盘密码123', /加密块校验失败/],
    ['a truncated file', () => corrupt(plain.path, (bytes) => bytes.subarray(0, Math.floor(bytes.length * 0.6))), undefined, /不完整|截断/],
    ['a truncated sealed file', () => corrupt(sealed.path, (bytes) => bytes.subarray(0, bytes.length - 100)), 'u盘密码123', /截断|不完整/],
    ['a wrong password', () => sealed.path, 'wrong-password', /备份密码不正确/],
    ['no password for a sealed file', () => sealed.path, undefined, /已加密，请输入备份密码/],
    ['a file that is not a backup', () => writeScratch('notes.ajbak', Buffer.from('这不是备份')), undefined, /不是安监台账的备份文件/],
    ['a file from a newer version', () => newerVersionBackup(), undefined, /更新版本/],
  ];

  for (const [what, makeFile, password, message] of variants) {
    it(`${what} is refused with a clear message`, async () => {
      const before = fingerprint(source);
      const file = makeFile();
      const refusal = restoreBackup({ ...source.ctx, user: null, sessionToken: null }, file, password);
      await expect(refusal).rejects.toThrow(message);
      expect(fingerprint(source)).toBe(before);
      expect(fs.existsSync(path.join(source.dataDir, 'restore-staging'))).toBe(false);
    });
  }
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x55;
  return copy;
}

function writeScratch(name: string, bytes: Buffer): string {
  const file = path.join(makeTempDir('anjian-bad-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

function corrupt(file: string, change: (bytes: Buffer) => Buffer): string {
  return writeScratch(path.basename(file), change(fs.readFileSync(file)));
}

/** Wraps a database file into a well-formed, unsealed backup (as an app of that schema would have written it). */
function wrapAsBackup(dbFile: string, appVersion: string): string {
  const db = new Database(dbFile, { readonly: true });
  const counts = countRows(db);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const bytes = fs.readFileSync(dbFile);
  const file = path.join(path.dirname(dbFile), `${appVersion}.ajbak`);
  const fd = fs.openSync(file, 'w');
  const writer = new BackupWriter(fd);
  writer.beginMember('anjian.db', bytes.length);
  writer.write(bytes);
  writer.finish({
    format: 1,
    appVersion,
    schemaVersion,
    createdAt: '2026-01-01T00:00:00.000Z',
    orgName: '示例镇应急管理办公室',
    counts,
    members: [{ name: 'anjian.db', size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') }],
  });
  fs.closeSync(fd);
  return file;
}

/** A well-formed backup whose database says it was written by a schema this app does not know yet. */
function newerVersionBackup(): string {
  const dbFile = path.join(makeTempDir('anjian-newer-'), 'anjian.db');
  const db = new Database(dbFile);
  db.exec('CREATE TABLE future (id INTEGER PRIMARY KEY)');
  db.pragma('user_version = 999');
  db.close();
  return wrapAsBackup(dbFile, '9.0.0');
}

/** Runs tests/fixtures/backupChild.ts, which kills itself at `step`. */
function killedAt(mode: 'backup' | 'restore', dataDir: string, target: string, step: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/backupChild.ts', mode, dataDir, target, step], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.signal, result.stderr).toBe('SIGKILL');
}

describe('a backup from an older version', () => {
  it('is described as needing an upgrade and is migrated when restored', async () => {
    // The database as the release before the hazard search index (nine migrations) wrote it, with one village.
    const dbFile = path.join(makeTempDir('anjian-older-'), 'anjian.db');
    const db = new Database(dbFile);
    const plan = loadMigrations(migrationsDir);
    applyMigrations(db, { migrations: plan.migrations.slice(0, 9), schemaVersion: 9 });
    db.prepare("INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('旧版村', '村', '2026-01-01', '2026-01-01')").run();
    db.close();
    const file = wrapAsBackup(dbFile, '0.0.9');
    const target = await makeTestBackend();
    try {
      const summary = await target.call('backup.inspect', { path: file });
      expect(summary).toMatchObject({ schemaVersion: 9, appVersion: '0.0.9', needsMigration: true, encrypted: false });
      await restoreBackup({ ...target.ctx, user: null, sessionToken: null }, file, undefined);
      const sqlite = target.ctx.appDb.sqlite;
      expect(sqlite.pragma('user_version', { simple: true })).toBe(plan.schemaVersion);
      expect(sqlite.prepare('SELECT name FROM villages').pluck().all()).toEqual(['旧版村']);
      // The migrations after it ran: the pair index of hazard search (0010) exists and is used.
      expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'hazards_search'").pluck().get()).toBe(1);
    } finally {
      target.dispose();
    }
  });
});

describe('killed mid-way', () => {
  it('a backup killed before it is verified leaves no file counted as a backup, and what it left does not verify', async () => {
    const dataDir = makeTempDir('anjian-kill-');
    fs.cpSync(source.dataDir, dataDir, { recursive: true });
    const folder = makeTempDir('anjian-kill-usb-');
    killedAt('backup', dataDir, folder, 'snapshot-copied');
    expect(listBackupFiles(folder)).toEqual([]);
    const leftovers = fs.readdirSync(folder);
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/\.ajbak\.partial$/);
    await expect(verifyBackup(source.ctx, path.join(folder, leftovers[0]), undefined)).rejects.toThrow(/已损坏或不完整/);
  }, 60_000);

  for (const [step, expectRestored] of [
    ['staged', false],
    ['closed', false],
    ['swapped', true],
  ] as const) {
    it(`a restore killed at “${step}” leaves a working database, ${expectRestored ? 'the restored one' : 'the old one'}`, async () => {
      const target = await makeTestBackend();
      await target.call('villages.create', { name: '仅在当前数据中的村', kind: '村' });
      const dataDir = target.dataDir;
      target.ctx.appDb.close();
      killedAt('restore', dataDir, plain.path, step);
      const reopened = await makeTestBackend({ dataDir, setup: false });
      try {
        expect(reopened.ctx.appDb.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
        const names = reopened.ctx.appDb.sqlite.prepare('SELECT name FROM villages').pluck().all();
        expect(names.includes('仅在当前数据中的村')).toBe(!expectRestored);
        const enterprises = reopened.ctx.appDb.sqlite.prepare('SELECT count(*) FROM enterprises').pluck().get();
        expect(enterprises).toBe(expectRestored ? plain.manifest.counts.enterprises : 0);
      } finally {
        reopened.dispose();
      }
    }, 60_000);
  }
});

describe('automatic local backups', () => {
  it('one on start, then only after the interval, keeping the newest K', async () => {
    const backend = await makeTestBackend();
    try {
      await backend.call('backup.updateSettings', { autoEveryHours: 2, autoKeep: 2, usbWarnDays: 7 });
      expect(await autoBackupIfDue(backend.ctx, { onStart: true })).not.toBeNull();
      expect(await autoBackupIfDue(backend.ctx)).toBeNull();
      const made = [];
      for (let round = 0; round < 3; round += 1) {
        backend.clock.advance(2 * 3600 * 1000 + 60_000);
        made.push(await autoBackupIfDue(backend.ctx));
      }
      expect(made.every((backup) => backup !== null)).toBe(true);
      const kept = listBackupFiles(path.join(backend.dataDir, 'backups')).map((file) => file.path).sort();
      expect(kept).toEqual([made[1]!.path, made[2]!.path].sort());
      const status = await backend.call('backup.status', {});
      expect(status.lastLocal?.path).toBe(made[2]!.path);
      // Never to removable media yet: the reminder is on.
      expect(status.lastRemovable).toBeNull();
      expect(status.removableStale).toBe(true);
    } finally {
      backend.dispose();
    }
  });

  it('the API refuses bad settings and a second backup while one runs, and counts a removable backup for the reminder', async () => {
    const backend = await makeTestBackend();
    try {
      const bad = await backend.dispatch('backup.updateSettings', { autoEveryHours: -1, autoKeep: 0, usbWarnDays: 7 });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.fieldErrors).toMatchObject({ autoEveryHours: '不能为负数', autoKeep: '至少保留 1 份' });
      const shortPassword = await backend.dispatch('backup.start', { folder: usb, password: '123' });
      expect(!shortPassword.ok && shortPassword.error.fieldErrors?.password).toBe('密码至少 6 位');
      const missing = await backend.dispatch('backup.start', { folder: path.join(usb, '不存在') });
      expect(!missing.ok && missing.error.fieldErrors?.folder).toMatch(/^备份位置不存在或不是文件夹/);
      const folder = makeTempDir('anjian-removable-');
      const { jobId } = await backend.call('backup.start', { folder, removable: true });
      const second = await backend.dispatch('backup.start', { folder });
      expect(!second.ok && second.error.message).toContain('已有备份或恢复正在进行');
      let status = await backend.call('jobs.status', { id: jobId });
      while (status.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await backend.call('jobs.status', { id: jobId });
      }
      expect(status.state).toBe('done');
      expect(status.message).toMatch(/^已备份到 .*已读回校验无误。$/);
      const after = await backend.call('backup.status', {});
      expect(after.lastRemovable?.kind).toBe('removable');
      expect(after.removableStale).toBe(false);
    } finally {
      backend.dispose();
    }
  });
});

describe('removable drives', () => {
  it('reads USB partitions from lsblk, drive letters from PowerShell, and automount folders', () => {
    const lsblk = JSON.stringify({
      blockdevices: [
        { name: 'sda', rm: false, hotplug: false, tran: 'sata', mountpoints: [null], children: [{ name: 'sda1', rm: false, mountpoints: ['/'] }] },
        { name: 'sdb', rm: true, hotplug: true, tran: 'usb', mountpoints: [null], children: [{ name: 'sdb1', rm: true, label: 'KINGSTON', mountpoints: ['/media/office/KINGSTON'] }] },
        { name: 'sdc', rm: '0', hotplug: '1', tran: null, mountpoint: '/mnt/backup', label: null },
      ],
    });
    expect(parseLsblk(lsblk)).toEqual([
      { path: '/media/office/KINGSTON', label: 'KINGSTON' },
      { path: '/mnt/backup', label: 'sdc' },
    ]);
    expect(parseLsblk('not json')).toEqual([]);
    expect(parseWindowsDisks('{"DeviceID":"E:","VolumeName":"KINGSTON"}')).toEqual([{ path: 'E:\\', label: 'KINGSTON (E:)' }]);
    expect(parseWindowsDisks('[{"DeviceID":"F:","VolumeName":""},{"DeviceID":"G:","VolumeName":"备份"}]')).toEqual([
      { path: 'F:\\', label: '可移动磁盘 (F:)' },
      { path: 'G:\\', label: '备份 (G:)' },
    ]);
    const root = makeTempDir('anjian-media-');
    fs.mkdirSync(path.join(root, 'office', 'U盘'), { recursive: true });
    expect(automountFolders([root, path.join(root, 'missing')])).toEqual([{ path: path.join(root, 'office', 'U盘'), label: 'U盘' }]);
  });
});
