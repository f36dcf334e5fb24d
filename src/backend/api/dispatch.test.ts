import { afterEach, describe, expect, it } from 'vitest';
import { apiNames } from '../../shared/api';
import { makeTestBackend, type TestBackend } from '../../../tests/fixtures/backend';
import { handlerGroups } from '../app';
import { dispatch } from './dispatch';
import { createRegistry, defineHandlers } from './registry';

let backend: TestBackend | undefined;
afterEach(() => {
  backend?.dispose();
  backend = undefined;
});

describe('registry', () => {
  it('serves exactly the methods the shared contract declares', () => {
    const registry = createRegistry(handlerGroups);
    expect([...registry.names()].sort()).toEqual([...apiNames].sort());
  });

  it('throws when two features register the same name', () => {
    const first = defineHandlers({ 'settings.get': () => ({ orgName: '', townName: '', preparer: null, reviewer: null, principal: null }) });
    expect(() => createRegistry([first, { ...first }])).toThrow(/settings\.get/);
  });
});

describe('dispatch', () => {
  it('returns data for a valid call', async () => {
    backend = await makeTestBackend();
    const result = await backend.dispatch('system.status', {});
    expect(result).toMatchObject({ ok: true, data: { setupDone: true, appVersion: '0.0.0-test', user: { username: 'admin' } } });
  });

  it('answers a call without a session with UNAUTHORIZED, and a public method still works', async () => {
    backend = await makeTestBackend();
    expect(await backend.dispatch('villages.list', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await backend.dispatch('villages.list', {}, 'forged-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await backend.dispatch('system.status', {}, null)).toMatchObject({ ok: true, data: { user: null } });
  });

  it('enforces roles in dispatch: 只读 reads but cannot write, 工作人员 cannot administer', async () => {
    backend = await makeTestBackend();
    const readonly = await backend.loginAs('readonly');
    expect(await backend.dispatch('villages.list', {}, readonly)).toMatchObject({ ok: true });
    expect(await backend.dispatch('villages.create', { name: '东山村', kind: '村' }, readonly)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '当前账户（只读）无权执行此操作' },
    });
    expect((await backend.call('villages.list', {})).total).toBe(0);
    const staff = await backend.loginAs('staff');
    expect(await backend.dispatch('villages.create', { name: '东山村', kind: '村' }, staff)).toMatchObject({ ok: true });
    expect(await backend.dispatch('users.list', {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.dispatch('settings.update', { orgName: 'x', townName: 'y' }, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('runs a write method in one transaction: a failure after a write leaves nothing behind', async () => {
    backend = await makeTestBackend();
    const registry = createRegistry([
      defineHandlers({
        'villages.create': (_input, ctx) => {
          ctx.appDb.sqlite
            .prepare("INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('半截村', '村', 'x', 'x')")
            .run();
          throw new Error('failed halfway');
        },
      }),
    ]);
    const result = await dispatch(registry, 'villages.create', { name: '半截村', kind: '村' }, backend.ctx, {
      authenticate: () => ({ id: 1, username: 'admin', displayName: '管理员', role: 'admin' }),
      logError: () => {},
    }, 'token');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(0);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    backend = await makeTestBackend();
    const result = await backend.dispatch('villages.explode', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的接口：villages.explode' } });
  });

  it('answers invalid input with INVALID_INPUT and a Chinese message per field', async () => {
    backend = await makeTestBackend();
    const result = await backend.dispatch('villages.create', { name: '   ', kind: '镇', code: '12ab' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fieldErrors).toMatchObject({
      name: '请填写名称',
      kind: '请选择类型（村或社区）',
      code: '区划代码应为 12 位数字',
    });
  });

  it('answers a missing record with NOT_FOUND', async () => {
    backend = await makeTestBackend();
    const result = await backend.dispatch('villages.get', { id: 999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a duplicate with CONFLICT naming the field', async () => {
    backend = await makeTestBackend();
    await backend.call('villages.create', { name: '东山村', kind: '村' });
    const result = await backend.dispatch('villages.create', { name: '东山村', kind: '村' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '已存在名为「东山村」的村/社区', fieldErrors: { name: '已存在名为「东山村」的村/社区' } },
    });
  });

  it('answers an unexpected failure with INTERNAL and does not leak its details', async () => {
    backend = await makeTestBackend();
    const logged: string[] = [];
    const registry = createRegistry([
      defineHandlers({
        'system.status': () => {
          throw new Error('disk on fire at /secret/path');
        },
      }),
    ]);
    const result = await dispatch(registry, 'system.status', {}, backend.ctx, { logError: (name) => logged.push(name) });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未改动。' } });
    expect(logged).toEqual(['system.status']);
  });

  it('treats a method missing from the registry as unknown even if the contract has it', async () => {
    backend = await makeTestBackend();
    const result = await dispatch(createRegistry([]), 'system.status', {}, backend.ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
