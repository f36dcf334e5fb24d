import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, testAdmin, type TestBackend } from '../../../../tests/fixtures/backend';
import { hashPassword, verifyPassword } from './passwords';
import { lockout, sessionIdleHours } from './service';

let backend: TestBackend;
beforeEach(async () => {
  backend = await makeTestBackend();
});
afterEach(() => backend.dispose());

const staff = { username: 'zhangsan', displayName: '张三', role: 'staff', password: 'Zhang12345' } as const;

describe('passwords', () => {
  it('are hashed with scrypt and a salt, never stored in clear', async () => {
    const hash = hashPassword('Secret123');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('Secret123');
    expect(hashPassword('Secret123')).not.toBe(hash);
    expect(verifyPassword('Secret123', hash)).toBe(true);
    expect(verifyPassword('secret123', hash)).toBe(false);
    await backend.call('users.create', staff);
    const stored = backend.ctx.appDb.sqlite.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get(staff.username);
    expect(String(stored)).not.toContain(staff.password);
    const audit = JSON.stringify(backend.ctx.appDb.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(staff.password);
  });

  it('must have 8+ characters with letters and digits', async () => {
    const weak = await backend.dispatch('users.create', { ...staff, password: 'abcdefgh' });
    expect(weak).toMatchObject({ ok: false, error: { fieldErrors: { password: '密码至少 8 位，且须同时包含字母和数字' } } });
  });
});

describe('login and sessions', () => {
  it('logs in, resolves the session on later calls, and logs out', async () => {
    await backend.call('users.create', staff);
    const session = await backend.call('auth.login', { username: staff.username, password: staff.password });
    expect(session.user).toEqual({ id: expect.any(Number), username: 'zhangsan', displayName: '张三', role: 'staff' });
    expect((await backend.call('system.status', {}, session.token)).user?.username).toBe('zhangsan');
    await backend.call('auth.logout', {}, session.token);
    expect(await backend.dispatch('villages.list', {}, session.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('gives the same message for an unknown user and a wrong password', async () => {
    const unknown = await backend.dispatch('auth.login', { username: 'nobody', password: 'x' });
    const wrong = await backend.dispatch('auth.login', { username: testAdmin.username, password: 'Wrong1234' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '用户名或密码错误' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '用户名或密码错误' } });
  });

  it(`locks an account after ${lockout.attempts} wrong passwords, even against the right one, until it expires or an admin unlocks`, async () => {
    const user = await backend.call('users.create', staff);
    for (let i = 1; i < lockout.attempts; i += 1) {
      expect(await backend.dispatch('auth.login', { username: staff.username, password: 'Wrong1234' })).toMatchObject({
        error: { message: '用户名或密码错误' },
      });
    }
    const locking = await backend.dispatch('auth.login', { username: staff.username, password: 'Wrong1234' });
    expect(locking).toMatchObject({ ok: false, error: { message: `密码连续错误 ${lockout.attempts} 次，账户已锁定 ${lockout.minutes} 分钟` } });
    const right = await backend.dispatch('auth.login', { username: staff.username, password: staff.password });
    expect(right).toMatchObject({ ok: false, error: { message: expect.stringContaining('账户已锁定') } });
    expect((await backend.call('users.list', {})).find((u) => u.id === user.id)?.lockedUntil).not.toBeNull();

    backend.clock.advance(lockout.minutes * 60_000 + 1000);
    expect(await backend.dispatch('auth.login', { username: staff.username, password: staff.password })).toMatchObject({ ok: true });

    for (let i = 0; i < lockout.attempts; i += 1) await backend.dispatch('auth.login', { username: staff.username, password: 'Wrong1234' });
    await backend.call('users.unlock', { id: user.id });
    expect(await backend.dispatch('auth.login', { username: staff.username, password: staff.password })).toMatchObject({ ok: true });
  });

  it(`ends a session idle for more than ${sessionIdleHours} hours`, async () => {
    const token = await backend.loginAs('staff');
    backend.clock.advance(sessionIdleHours * 3_600_000 - 60_000);
    expect(await backend.dispatch('villages.list', {}, token)).toMatchObject({ ok: true });
    backend.clock.advance(sessionIdleHours * 3_600_000 + 60_000);
    expect(await backend.dispatch('villages.list', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});

describe('account management', () => {
  it('disabling an account ends its sessions and refuses its login', async () => {
    const user = await backend.call('users.create', staff);
    const token = (await backend.call('auth.login', { username: staff.username, password: staff.password })).token;
    await backend.call('users.update', { id: user.id, displayName: '张三', role: 'staff', disabled: true });
    expect(await backend.dispatch('villages.list', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await backend.dispatch('auth.login', { username: staff.username, password: staff.password })).toMatchObject({
      ok: false,
      error: { message: '该账户已停用，请联系管理员' },
    });
  });

  it('keeps at least one enabled administrator', async () => {
    const admins = (await backend.call('users.list', {})).filter((u) => u.role === 'admin');
    const demote = await backend.dispatch('users.update', { id: admins[0].id, displayName: '管理员', role: 'staff', disabled: false });
    expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '至少需要保留一个启用的管理员账户' } });
  });

  it('resets a password: the old one and old sessions stop working, and the audit trail says so without the password', async () => {
    const user = await backend.call('users.create', staff);
    const token = (await backend.call('auth.login', { username: staff.username, password: staff.password })).token;
    await backend.call('users.resetPassword', { id: user.id, password: 'NewPass2026' });
    expect(await backend.dispatch('villages.list', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await backend.dispatch('auth.login', { username: staff.username, password: staff.password })).toMatchObject({ ok: false });
    expect(await backend.dispatch('auth.login', { username: staff.username, password: 'NewPass2026' })).toMatchObject({ ok: true });
    const history = await backend.call('audit.forRecord', { entity: 'user', entityId: user.id });
    expect(history.items[0].changes).toEqual([{ field: 'password', before: null, after: '管理员重置' }]);
  });

  it('changes one’s own password only with the old one', async () => {
    const token = await backend.loginAs('readonly', 'leader');
    const wrong = await backend.dispatch('auth.changePassword', { oldPassword: 'nope', newPassword: 'Leader2026' }, token);
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { oldPassword: '原密码不正确' } } });
    await backend.call('auth.changePassword', { oldPassword: 'Passw0rd123', newPassword: 'Leader2026' }, token);
    expect(await backend.dispatch('auth.login', { username: 'leader', password: 'Leader2026' })).toMatchObject({ ok: true });
  });

  it('refuses a duplicate username under the field', async () => {
    const dup = await backend.dispatch('users.create', { ...staff, username: testAdmin.username });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { username: '用户名「admin」已被使用' } } });
  });

  it('offers no API that edits or deletes audit entries', () => {
    const names = backend.registry.names().filter((name) => name.startsWith('audit.'));
    expect(names.sort()).toEqual(['audit.forRecord', 'audit.list']);
  });

  it('lets only administrators search the whole log', async () => {
    const staffToken = await backend.loginAs('staff');
    expect(await backend.dispatch('audit.list', {}, staffToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await backend.call('villages.create', { name: '东山村', kind: '村' }, staffToken);
    const log = await backend.call('audit.list', { q: '东山', action: 'create' });
    expect(log.items).toMatchObject([{ entity: 'village', entityTitle: '东山村', userName: 'staff用户' }]);
  });
});

describe('administrators cannot lock themselves out', () => {
  it('refuses disabling or resetting one’s own account, under the right field', async () => {
    const me = (await backend.call('users.list', {})).find((u) => u.username === testAdmin.username)!;
    const disable = await backend.dispatch('users.update', { id: me.id, displayName: me.displayName, role: 'admin', disabled: true });
    expect(disable).toMatchObject({ ok: false, error: { fieldErrors: { disabled: '不能停用当前登录的本人账户' } } });
    const reset = await backend.dispatch('users.resetPassword', { id: me.id, password: 'Another2026' });
    expect(reset).toMatchObject({ ok: false, error: { fieldErrors: { password: expect.stringContaining('修改密码') } } });
  });

  it('puts the last-admin error under 停用 when another admin disables the last enabled one', async () => {
    const second = await backend.call('users.create', { username: 'admin2', displayName: '副管理员', role: 'admin', password: 'Admin22222' });
    const secondToken = (await backend.call('auth.login', { username: 'admin2', password: 'Admin22222' })).token;
    const me = (await backend.call('users.list', {})).find((u) => u.username === testAdmin.username)!;
    await backend.call('users.update', { id: second.id, displayName: '副管理员', role: 'admin', disabled: false });
    await backend.call('users.update', { id: me.id, displayName: me.displayName, role: 'staff', disabled: false }, secondToken);
    const last = await backend.dispatch('users.update', { id: second.id, displayName: '副管理员', role: 'admin', disabled: true }, secondToken);
    expect(last).toMatchObject({ ok: false, error: { fieldErrors: { disabled: expect.any(String) } } });
  });

  it('accepts only full ISO timestamps as audit date filters', async () => {
    const bad = await backend.dispatch('audit.list', { to: '2026-01-31' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { to: '结束时间格式不正确' } } });
    expect(await backend.dispatch('audit.list', { to: '2026-01-31T15:59:59.999Z' })).toMatchObject({ ok: true });
  });
});
