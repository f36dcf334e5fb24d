import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, testAdmin, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await makeTestBackend({ setup: false });
});
afterEach(() => backend.dispose());

describe('first run and settings', () => {
  it('starts not set up, then setup names the office once', async () => {
    expect(await backend.call('system.status', {})).toMatchObject({ setupDone: false, orgName: null });
    const { status, session } = await backend.call('system.setup', {
      orgName: '示例镇应急管理办公室',
      townName: '示例镇',
      loadDemo: false,
      admin: testAdmin,
    });
    expect(status).toMatchObject({ setupDone: true, orgName: '示例镇应急管理办公室', user: { username: 'admin', role: 'admin' } });
    expect((await backend.call('villages.list', {}, session.token)).total).toBe(0);
    expect(await backend.call('system.status', {}, session.token)).toMatchObject({ user: { displayName: '管理员' } });
    const again = await backend.dispatch('system.setup', { orgName: '别的单位', townName: '别镇', loadDemo: false, admin: testAdmin });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await backend.call('settings.get', {}, session.token)).orgName).toBe('示例镇应急管理办公室');
  });

  it('loads the demo town on request: every village of the shipped map, deterministically', async () => {
    const { session } = await backend.call('system.setup', { orgName: '示例镇应急管理办公室', townName: '示例镇', loadDemo: true, admin: testAdmin });
    const first = await backend.call('villages.list', { pageSize: 100 }, session.token);
    expect(first.total).toBe(30);
    expect(first.items.filter((v) => v.kind === '社区').length).toBeGreaterThan(3);
    expect(first.items.every((v) => v.code?.startsWith('441900117') && (v.population ?? 0) > 0)).toBe(true);

    const other = await makeTestBackend({ setup: false });
    try {
      const { session: otherSession } = await other.call('system.setup', { orgName: 'x', townName: 'y', loadDemo: true, admin: testAdmin });
      const second = await other.call('villages.list', { pageSize: 100 }, otherSession.token);
      expect(second.items.map(({ id: _id, ...rest }) => rest)).toEqual(first.items.map(({ id: _id, ...rest }) => rest));
    } finally {
      other.dispose();
    }
  });

  it('saves the signature names used on every ledger', async () => {
    const { session } = await backend.call('system.setup', { orgName: '示例镇应急管理办公室', townName: '示例镇', loadDemo: false, admin: testAdmin });
    const saved = await backend.call('settings.update', {
      orgName: '示例镇应急管理办公室',
      townName: '示例镇',
      preparer: '李丽芳',
      reviewer: '',
      principal: '陈国华',
    }, session.token);
    expect(saved).toEqual({ orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: null, principal: '陈国华' });
    const missing = await backend.dispatch('settings.update', { orgName: '', townName: '示例镇' }, session.token);
    expect(missing).toMatchObject({ ok: false, error: { fieldErrors: { orgName: '请填写填报单位' } } });
  });
});
