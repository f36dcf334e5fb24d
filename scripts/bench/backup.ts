import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src/backend/app';
import { storeFile } from '../../src/backend/features/attachments/store';
import { makeBackup, restoreBackup } from '../../src/backend/features/backup/service';
import { formatFileSize } from '../../src/shared/domain/fileSize';
import { makeTempDir } from '../../tests/fixtures/backend';
import type { BenchContext } from '../bench';
import { sampleInterleaved, summarize, type BenchRow } from './harness';

/** Attachments added to the copy of the large demo: photos and scanned documents as an office collects them. */
const attachmentCount = 300;
const attachmentBytes = 400 * 1024;

/** Copies files to `folder` the plain way (copy, then flush each to disk): what the backup is measured against. */
function plainCopy(files: string[], folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  files.forEach((file, index) => {
    const target = path.join(folder, `${index}-${path.basename(file)}`);
    fs.copyFileSync(file, target);
    const fd = fs.openSync(target, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  });
}

/**
 * Issue 10 part 9: a backup of the large demo database with attachments — verification included — against a plain
 * copy of the same bytes (target at most 1.5×), and the time of a restore (verify, stage, safety backup of the
 * current data, swap). Runs on a copy of the large data folder, which it may change.
 */
export async function backupBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const dataDir = makeTempDir('anjian-bench-backup-');
  const targets = makeTempDir('anjian-bench-usb-');
  fs.cpSync(largeDataDir, dataDir, { recursive: true });
  const backend = createBackend({ dataDir, resourcesDir, appVersion: 'bench' });
  try {
    for (let index = 0; index < attachmentCount; index += 1) storeFile(backend.ctx, crypto.randomBytes(attachmentBytes));
    backend.ctx.appDb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const attachmentsRoot = path.join(dataDir, 'attachments');
    const files = [
      backend.ctx.appDb.file,
      ...fs.readdirSync(attachmentsRoot).flatMap((prefix) => fs.readdirSync(path.join(attachmentsRoot, prefix)).map((name) => path.join(attachmentsRoot, prefix, name))),
    ];
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const label = `${formatFileSize(bytes)}: database + ${attachmentCount} attachments`;
    const runs = 3;
    const rows: BenchRow[] = [];
    let made = '';
    const [backups, copies] = await sampleInterleaved(
      async () => {
        fs.rmSync(path.join(targets, 'backup'), { recursive: true, force: true });
        fs.mkdirSync(path.join(targets, 'backup'));
        made = (await makeBackup(backend.ctx, { folder: path.join(targets, 'backup') })).path;
      },
      () => plainCopy(files, path.join(targets, 'copy')),
      runs,
      1,
    );
    const backupRow = summarize(`backup.start, verified (${label})`, backups, { rawMedian: copies[Math.floor(runs / 2)], target: '≤ 1.5 × plain copy' });
    backupRow.met = backupRow.median <= 1.5 * (backupRow.rawMedian ?? 0);
    rows.push(backupRow, summarize(`plain copy + fsync of the same files`, copies));

    const [sealed] = await sampleInterleaved(
      async () => {
        fs.rmSync(path.join(targets, 'sealed'), { recursive: true, force: true });
        fs.mkdirSync(path.join(targets, 'sealed'));
        await makeBackup(backend.ctx, { folder: path.join(targets, 'sealed'), password: 'bench-password' });
      },
      () => undefined,
      runs,
      0,
    );
    rows.push(summarize(`backup.start with password (AES-256-GCM), verified (${label})`, sealed));

    const restores: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await restoreBackup({ ...backend.ctx, user: null, sessionToken: null }, made, undefined);
      restores.push(performance.now() - started);
      // The safety backups would fill the disk over the runs.
      fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
    }
    rows.push(summarize(`backup.restore: verify, stage, safety backup, swap (${label})`, restores.sort((a, b) => a - b)));
    return rows;
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(targets, { recursive: true, force: true });
  }
}
