import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { authenticate } from '../auth/service';
import type { RequestContext } from '../../api/context';
import { startJob, yieldToEventLoop } from './service';

let backend: TestBackend;
let ctx: RequestContext;
beforeAll(async () => {
  backend = await makeTestBackend();
  ctx = { ...backend.ctx, user: authenticate(backend.ctx, backend.adminToken), sessionToken: backend.adminToken };
});
afterAll(() => backend.dispose());

async function settled(id: string) {
  for (;;) {
    const status = await backend.call('jobs.status', { id });
    if (status.state !== 'running') return status;
    await yieldToEventLoop();
  }
}

describe('jobs', () => {
  it('answers status calls while the work runs, then hands over the file once and forgets the job', async () => {
    const filePath = path.join(backend.dataDir, 'job-output.txt');
    const seen: number[] = [];
    const id = startJob(ctx, 'test', '准备中', async ({ progress }) => {
      for (let done = 1; done <= 3; done += 1) {
        progress(done, 3, `第 ${done} 步`);
        await yieldToEventLoop();
      }
      fs.writeFileSync(filePath, '结果');
      return { filePath, fileName: '结果.txt', mimeType: 'text/plain' };
    });
    expect(await backend.call('jobs.status', { id })).toMatchObject({ state: 'running', message: '准备中', resultReady: false });
    for (;;) {
      const status = await backend.call('jobs.status', { id });
      seen.push(status.done);
      if (status.state !== 'running') break;
      await yieldToEventLoop();
    }
    expect(seen).toContain(1);
    expect(await backend.call('jobs.status', { id })).toMatchObject({ state: 'done', done: 3, total: 3, message: '已完成', resultReady: true });
    const result = await backend.call('jobs.result', { id });
    expect(result).toEqual({ fileName: '结果.txt', mimeType: 'text/plain', dataBase64: Buffer.from('结果').toString('base64') });
    expect(fs.existsSync(filePath)).toBe(false);
    expect(await backend.dispatch('jobs.result', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reports a failure with a Chinese message', async () => {
    const id = startJob(ctx, 'test', '准备中', async () => {
      throw new Error('disk on fire');
    });
    const logged = console.error;
    console.error = () => {};
    try {
      expect(await settled(id)).toMatchObject({ state: 'failed', message: '处理失败：程序内部错误，请重试。', resultReady: false });
    } finally {
      console.error = logged;
    }
  });

  it('says an unknown job does not exist, in Chinese', async () => {
    expect(await backend.dispatch('jobs.status', { id: 'no-such-job' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该后台任务不存在或已过期' },
    });
  });
});
