import crypto from 'node:crypto';
import fs from 'node:fs';
import { invalid } from '../../api/errors';

/**
 * The backup file (`.ajbak`). A plain header, then the payload — in the clear, or cut into sealed chunks:
 *
 *   header  = "ANJIANBK" | format u8 | flags u8 (bit 0: encrypted)
 *             [encrypted: salt 16 | log2 N u8 | r u8 | p u8 | nonce prefix 8 | key check 16]
 *   payload = member* | manifest JSON | u32 manifest length | "AJEND"
 *   member  = u16 name length | name (UTF-8) | u64 size | bytes
 *   chunk   = u32 length | AES-256-GCM ciphertext | tag 16     (nonce = prefix | u32 index; AAD = header | last?)
 *
 * Members stream in first (the database straight from its snapshot) and the manifest with every member's SHA-256
 * follows them, so a backup is written in one pass. Sealed chunks carry their index and a last-chunk mark in the
 * nonce and AAD, so a reordered, cut or extended file fails authentication rather than decrypting to something
 * else. The key check (an HMAC of a fixed text under the key) tells a wrong password apart from a damaged file.
 */
const magic = Buffer.from('ANJIANBK', 'latin1');
const trailerMagic = Buffer.from('AJEND', 'latin1');
const formatVersion = 1;
const chunkSize = 1 << 20;
const scryptParams = { log2N: 15, r: 8, p: 1 } as const;

/** One member as the manifest lists it. */
export interface ManifestMember {
  name: string;
  size: number;
  sha256: string;
}

/** What a backup says about itself. */
export interface BackupManifest {
  format: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  orgName: string;
  /** Rows per table of the database snapshot. */
  counts: Record<string, number>;
  members: ManifestMember[];
}

/** The refusal every damaged-file case ends in; the message says which check failed. */
export function damaged(detail: string): Error {
  return invalid(`备份文件已损坏或不完整（${detail}），无法使用。`, 'path');
}

function deriveKey(password: string, salt: Buffer, log2N: number, r: number, p: number): Buffer {
  return crypto.scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** log2N, r, p, maxmem: 256 * 1024 * 1024 });
}

function keyCheck(key: Buffer): Buffer {
  return crypto.createHmac('sha256', key).update('anjian-backup-key-check').digest().subarray(0, 16);
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

/** Writes a backup payload to an open file, sealing it in chunks when a password is given. */
export class BackupWriter {
  private readonly fd: number;
  private readonly key: Buffer | null;
  private readonly header: Buffer;
  private readonly noncePrefix: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private chunkIndex = 0;
  /** Bytes written to the file so far. */
  written = 0;

  constructor(fd: number, password?: string) {
    this.fd = fd;
    const fixed = Buffer.from([...magic, formatVersion, password ? 1 : 0]);
    if (password) {
      const salt = crypto.randomBytes(16);
      this.noncePrefix = crypto.randomBytes(8);
      this.key = deriveKey(password, salt, scryptParams.log2N, scryptParams.r, scryptParams.p);
      this.header = Buffer.concat([fixed, salt, Buffer.from([scryptParams.log2N, scryptParams.r, scryptParams.p]), this.noncePrefix, keyCheck(this.key)]);
    } else {
      this.key = null;
      this.noncePrefix = Buffer.alloc(0);
      this.header = fixed;
    }
    this.raw(this.header);
  }

  private raw(bytes: Buffer): void {
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(this.fd, bytes, offset, bytes.length - offset);
    this.written += bytes.length;
  }

  private seal(plain: Buffer, last: boolean): void {
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key!, chunkNonce(this.noncePrefix, this.chunkIndex));
    cipher.setAAD(Buffer.concat([this.header, Buffer.from([last ? 1 : 0])]));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    this.raw(Buffer.concat([length, body, cipher.getAuthTag()]));
    this.chunkIndex += 1;
  }

  /** Appends payload bytes (copied when they must wait for a chunk to fill, so the caller may reuse its buffer). */
  write(bytes: Buffer): void {
    if (!this.key) return this.raw(bytes);
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    while (this.pendingBytes > chunkSize) {
      const all = Buffer.concat(this.pending);
      this.seal(all.subarray(0, chunkSize), false);
      this.pending = [all.subarray(chunkSize)];
      this.pendingBytes = all.length - chunkSize;
    }
  }

  /** Starts a member of `size` bytes named `name`; its bytes follow through `write`. */
  beginMember(name: string, size: number): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(2 + nameBytes.length + 8);
    head.writeUInt16BE(nameBytes.length, 0);
    nameBytes.copy(head, 2);
    head.writeBigUInt64BE(BigInt(size), 2 + nameBytes.length);
    this.write(head);
  }

  /** Writes the manifest and trailer and seals the last chunk. */
  finish(manifest: BackupManifest): void {
    const json = Buffer.from(JSON.stringify(manifest), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    this.write(Buffer.concat([json, length, trailerMagic]));
    if (this.key) {
      this.seal(Buffer.concat(this.pending), true);
      this.pending = [];
      this.pendingBytes = 0;
    }
  }
}

/** Reads a backup payload from an open file, opening sealed chunks (and refusing a wrong password). */
export class BackupReader {
  private readonly fd: number;
  private readonly fileSize: number;
  private position = 0;
  private key: Buffer | null = null;
  private header: Buffer = Buffer.alloc(0);
  private noncePrefix: Buffer = Buffer.alloc(0);
  private chunkIndex = 0;
  private buffered: Buffer = Buffer.alloc(0);
  private sawLast = false;
  readonly encrypted: boolean;

  constructor(fd: number, password?: string) {
    this.fd = fd;
    this.fileSize = fs.fstatSync(fd).size;
    const fixed = this.rawRead(magic.length + 2, '文件头不完整');
    if (!fixed.subarray(0, magic.length).equals(magic)) throw invalid('所选文件不是安监台账的备份文件。', 'path');
    if (fixed[magic.length] !== formatVersion) throw invalid('该备份文件的格式版本无法识别，可能由更新版本的安监台账创建。', 'path');
    this.encrypted = (fixed[magic.length + 1] & 1) === 1;
    this.header = fixed;
    if (!this.encrypted) return;
    const rest = this.rawRead(16 + 3 + 8 + 16, '加密信息不完整');
    this.header = Buffer.concat([fixed, rest]);
    if (!password) throw invalid('该备份已加密，请输入备份密码。', 'password');
    const salt = rest.subarray(0, 16);
    const [log2N, r, p] = [rest[16], rest[17], rest[18]];
    if (log2N > 20 || r > 32 || p > 4) throw damaged('加密参数异常');
    this.noncePrefix = rest.subarray(19, 27);
    const key = deriveKey(password, salt, log2N, r, p);
    if (!crypto.timingSafeEqual(keyCheck(key), rest.subarray(27, 43))) throw invalid('备份密码不正确。', 'password');
    this.key = key;
  }

  private rawRead(length: number, what: string): Buffer {
    if (this.position + length > this.fileSize) throw damaged(what);
    // Every byte is read over before use, so the buffer need not be zeroed first.
    const bytes = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      const read = fs.readSync(this.fd, bytes, offset, length - offset, this.position + offset);
      if (read === 0) throw damaged(what);
      offset += read;
    }
    this.position += length;
    return bytes;
  }

  private openChunk(): void {
    if (this.sawLast) throw damaged('内容比清单所列更长');
    const length = this.rawRead(4, '加密块不完整').readUInt32BE(0);
    if (length > chunkSize) throw damaged('加密块长度异常');
    const body = this.rawRead(length, '加密块不完整');
    const tag = this.rawRead(16, '加密块不完整');
    const last = this.position === this.fileSize;
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key!, chunkNonce(this.noncePrefix, this.chunkIndex));
    decipher.setAAD(Buffer.concat([this.header, Buffer.from([last ? 1 : 0])]));
    decipher.setAuthTag(tag);
    try {
      this.buffered = Buffer.concat([this.buffered, decipher.update(body), decipher.final()]);
    } catch {
      throw damaged(last ? '末尾加密块校验失败，文件可能被截断' : `第 ${this.chunkIndex + 1} 个加密块校验失败`);
    }
    this.chunkIndex += 1;
    this.sawLast = last;
  }

  /** Exactly `length` payload bytes, or a refusal naming what was cut short. */
  read(length: number, what = '内容不完整'): Buffer {
    if (!this.key) return this.rawRead(length, what);
    while (this.buffered.length < length) {
      if (this.position >= this.fileSize) throw damaged(what);
      this.openChunk();
    }
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }

  /** True when every payload byte has been read (and, sealed, the last chunk was the file's end). */
  atEnd(): boolean {
    return this.key ? this.buffered.length === 0 && this.position === this.fileSize && this.sawLast : this.position === this.fileSize;
  }

  /**
   * The next member's name and size, or null when what follows is the manifest. Members and manifest are told
   * apart by reading on: a member header is followed by its bytes, the manifest by the trailer at the file's end.
   */
  nextMemberOrManifest(): { member: { name: string; size: number } } | { manifest: BackupManifest } {
    const lengthBytes = this.read(2, '成员信息不完整');
    const nameLength = lengthBytes.readUInt16BE(0);
    // The manifest is JSON, which starts with “{” (0x7b): a member name is never that long a prefix of it.
    if (lengthBytes[0] === 0x7b) return { manifest: this.readManifest(lengthBytes) };
    const name = this.read(nameLength, '成员信息不完整').toString('utf8');
    const size = Number(this.read(8, '成员信息不完整').readBigUInt64BE(0));
    return { member: { name, size } };
  }

  private readManifest(start: Buffer): BackupManifest {
    // Reads to the end: the manifest is the rest minus the 4-byte length and the trailer magic.
    const chunks = [start];
    let total = start.length;
    for (;;) {
      const remaining = this.key ? this.buffered.length : this.fileSize - this.position;
      if (remaining > 0) {
        const take = this.read(remaining);
        chunks.push(take);
        total += take.length;
      }
      if (this.atEnd()) break;
      if (this.key) this.openChunk();
    }
    const rest = Buffer.concat(chunks, total);
    if (rest.length < 9 || !rest.subarray(rest.length - trailerMagic.length).equals(trailerMagic)) throw damaged('缺少结尾标记，文件可能被截断');
    const declared = rest.readUInt32BE(rest.length - trailerMagic.length - 4);
    const json = rest.subarray(0, rest.length - trailerMagic.length - 4);
    if (declared !== json.length) throw damaged('清单长度不符');
    try {
      return JSON.parse(json.toString('utf8')) as BackupManifest;
    } catch {
      throw damaged('清单无法读取');
    }
  }
}
