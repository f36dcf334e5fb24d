import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../../api/context';

/** Folder of the content-addressed store; backups include it. */
export function attachmentsDir(ctx: Pick<HandlerContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'attachments');
}

export function storedFilePath(ctx: Pick<HandlerContext, 'dataDir'>, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(attachmentsDir(ctx), sha256.slice(0, 2), sha256);
}

/**
 * Stores bytes under their SHA-256 (the same file attached twice is kept once). Written to a temporary name,
 * flushed, then renamed, so a power cut never leaves a half file under a valid name.
 */
export function storeFile(ctx: Pick<HandlerContext, 'dataDir'>, bytes: Buffer): string {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const target = storedFilePath(ctx, sha256);
  if (fs.existsSync(target)) return sha256;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomically(target, bytes);
  return sha256;
}

/** Writes `bytes` to a temporary name beside `target`, flushes them, then renames: `target` is whole or absent. */
export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

export function readStoredFile(ctx: Pick<HandlerContext, 'dataDir'>, sha256: string): Buffer {
  return fs.readFileSync(storedFilePath(ctx, sha256));
}

/** Deletes a stored file once no attachment row (live or in the 回收站) refers to it. */
export function removeUnreferencedFile(ctx: HandlerContext, sha256: string): void {
  const used = ctx.appDb.sqlite.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(sha256);
  if (!used) fs.rmSync(storedFilePath(ctx, sha256), { force: true });
}
