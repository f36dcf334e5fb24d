import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxAttachmentBytes } from '../../../shared/api/attachments';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { storedFilePath } from './store';

let backend: TestBackend;
let enterpriseId: number;
beforeEach(async () => {
  backend = await makeTestBackend();
  const village = await backend.call('villages.create', { name: '东山村', kind: '村' });
  enterpriseId = (
    await backend.call('enterprises.create', {
      name: '东山五金厂',
      uscc: '91110108551385082Q',
      villageId: village.id,
      industry: '工贸-机械',
      riskLevel: 'blue',
    })
  ).id;
});
afterEach(() => backend.dispose());

const pdfBytes = Buffer.from('%PDF-1.4\n施工方案\n%%EOF');

describe('attachments', () => {
  it('stores content-addressed files, once per content, and returns them byte for byte', async () => {
    const upload = () =>
      backend.call('attachments.upload', {
        entity: 'enterprise',
        entityId: enterpriseId,
        fileName: '施工方案.pdf',
        mimeType: 'application/pdf',
        dataBase64: pdfBytes.toString('base64'),
      });
    const first = await upload();
    const second = await upload();
    expect(first.sha256).toBe(second.sha256);
    expect(first).toMatchObject({ size: pdfBytes.length, createdBy: '管理员' });
    expect(fs.readFileSync(storedFilePath(backend.ctx, first.sha256)).equals(pdfBytes)).toBe(true);
    expect((await backend.call('attachments.list', { entity: 'enterprise', entityId: enterpriseId })).length).toBe(2);
    const content = await backend.call('attachments.content', { id: first.id });
    expect(Buffer.from(content.dataBase64, 'base64').equals(pdfBytes)).toBe(true);
  });

  it('refuses a file over the size limit with a clear message, and an empty one', async () => {
    const tooBig = Buffer.alloc(maxAttachmentBytes + 1, 1).toString('base64');
    const big = await backend.dispatch('attachments.upload', { entity: 'enterprise', entityId: enterpriseId, fileName: 'big.bin', dataBase64: tooBig });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不能超过 15 MB') } });
    const empty = await backend.dispatch('attachments.upload', { entity: 'enterprise', entityId: enterpriseId, fileName: 'e.txt', dataBase64: '' });
    expect(empty).toMatchObject({ ok: false, error: { message: '文件是空的，未上传' } });
  });

  it('refuses an attachment for a record that does not exist', async () => {
    const result = await backend.dispatch('attachments.upload', { entity: 'enterprise', entityId: 999, fileName: 'a.pdf', dataBase64: pdfBytes.toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes softly; purging removes the stored file once nothing refers to it', async () => {
    const attachment = await backend.call('attachments.upload', {
      entity: 'enterprise',
      entityId: enterpriseId,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      dataBase64: pdfBytes.toString('base64'),
    });
    const file = storedFilePath(backend.ctx, attachment.sha256);
    await backend.call('attachments.delete', { id: attachment.id });
    expect(await backend.call('attachments.list', { entity: 'enterprise', entityId: enterpriseId })).toEqual([]);
    const history = await backend.call('audit.forRecord', { entity: 'enterprise', entityId: enterpriseId });
    expect(history.items.slice(0, 2).map((entry) => entry.changes)).toEqual([
      [{ field: 'attachments', before: '现场照片.jpg', after: null }],
      [{ field: 'attachments', before: null, after: '现场照片.jpg' }],
    ]);
    expect(fs.existsSync(file)).toBe(true);
    await backend.call('trash.purge', { entity: 'attachment', id: attachment.id });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('is refused to a 只读 user', async () => {
    const token = await backend.loginAs('readonly');
    const result = await backend.dispatch(
      'attachments.upload',
      { entity: 'enterprise', entityId: enterpriseId, fileName: 'a.pdf', dataBase64: pdfBytes.toString('base64') },
      token,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
