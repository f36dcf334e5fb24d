import { and, asc, eq, lt } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { Session, SessionUser, User } from '../../../shared/api/auth';
import { ErrorCode } from '../../../shared/api/errors';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { sessions, users } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { hashPassword, newSessionToken, tokenHash, verifyPassword } from './passwords';

/** Failed logins in a row that lock an account, and for how long. */
export const lockout = { attempts: 5, minutes: 15 } as const;
/** A session unused this long must log in again. */
export const sessionIdleHours = 12;
/** lastSeenAt is refreshed at most this often, so reads do not write on every call. */
const touchIntervalMs = 60_000;

type UserRow = typeof users.$inferSelect;

function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

export function toUser(row: UserRow): User {
  const { passwordHash: _hash, failedLogins: _failed, ...user } = row;
  return user;
}

function auditView(row: UserRow) {
  return { username: row.username, displayName: row.displayName, role: row.role, disabled: row.disabled };
}

export function createUser(
  ctx: RequestContext,
  input: { username: string; displayName: string; role: SessionUser['role']; password: string },
): User {
  const { db } = ctx.appDb;
  const existing = db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
  if (existing) throw conflict(`用户名「${input.username}」已被使用`, 'username');
  const now = nowIso(ctx);
  const row = db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  const { disabled: _disabled, ...created } = auditView(row);
  recordAudit(ctx, { action: 'create', entity: 'user', entityId: row.id, entityTitle: row.displayName, after: created });
  return toUser(row);
}

/**
 * Checks a username and password. Failed attempts are counted and lock the account for a while; the
 * message never tells whether the username exists.
 */
export function login(ctx: HandlerContext, username: string, password: string): Session {
  const { db } = ctx.appDb;
  const now = ctx.clock.now();
  const row = db.select().from(users).where(eq(users.username, username)).get();
  const wrong = new AppError(ErrorCode.Unauthorized, '用户名或密码错误', { password: '用户名或密码错误' });
  if (!row) {
    // Spend the same time as a real check so response times do not reveal which usernames exist.
    verifyPassword(password, hashPassword('timing-equalizer'));
    throw wrong;
  }
  if (row.lockedUntil && new Date(row.lockedUntil) > now) {
    const until = new Date(row.lockedUntil);
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new AppError(ErrorCode.Unauthorized, `密码错误次数过多，账户已锁定，请 ${minutes} 分钟后再试，或请管理员解锁`);
  }
  if (!verifyPassword(password, row.passwordHash)) {
    const failed = row.failedLogins + 1;
    const locks = failed >= lockout.attempts;
    db.update(users)
      .set({
        failedLogins: locks ? 0 : failed,
        lockedUntil: locks ? new Date(now.getTime() + lockout.minutes * 60_000).toISOString() : row.lockedUntil,
      })
      .where(eq(users.id, row.id))
      .run();
    if (locks) {
      throw new AppError(ErrorCode.Unauthorized, `密码连续错误 ${lockout.attempts} 次，账户已锁定 ${lockout.minutes} 分钟`);
    }
    throw wrong;
  }
  if (row.disabled) throw new AppError(ErrorCode.Unauthorized, '该账户已停用，请联系管理员');

  const token = newSessionToken();
  const iso = now.toISOString();
  ctx.appDb.sqlite.transaction(() => {
    db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: iso }).where(eq(users.id, row.id)).run();
    db.insert(sessions).values({ tokenHash: tokenHash(token), userId: row.id, createdAt: iso, lastSeenAt: iso }).run();
    // Forget sessions idle past their limit, so the table never grows without bound.
    db.delete(sessions).where(lt(sessions.lastSeenAt, idleCutoff(ctx))).run();
  })();
  return { token, user: toSessionUser(row) };
}

function idleCutoff(ctx: HandlerContext): string {
  return new Date(ctx.clock.now().getTime() - sessionIdleHours * 3_600_000).toISOString();
}

/**
 * The user behind a session token, or null when the token is unknown, idle too long, or its user is disabled.
 * Runs on every call, so it is one cached statement rather than a query built per call.
 */
export function authenticate(ctx: HandlerContext, token: string): SessionUser | null {
  const hash = tokenHash(token);
  const found = ctx.appDb.sqlite
    .prepare(
      `SELECT u.id, u.username, u.display_name AS displayName, u.role, u.disabled, s.last_seen_at AS lastSeenAt
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hash) as (SessionUser & { disabled: number; lastSeenAt: string }) | undefined;
  if (!found || found.disabled) return null;
  if (found.lastSeenAt < idleCutoff(ctx)) return null;
  const now = ctx.clock.now();
  if (now.getTime() - new Date(found.lastSeenAt).getTime() > touchIntervalMs) {
    ctx.appDb.sqlite.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  }
  return { id: found.id, username: found.username, displayName: found.displayName, role: found.role };
}

export function logout(ctx: HandlerContext, token: string): void {
  ctx.appDb.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token))).run();
}

function userRow(ctx: HandlerContext, id: number): UserRow {
  const row = ctx.appDb.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw notFound('该账户');
  return row;
}

export function changeOwnPassword(ctx: RequestContext, oldPassword: string, newPassword: string): void {
  const row = userRow(ctx, ctx.user!.id);
  if (!verifyPassword(oldPassword, row.passwordHash)) throw invalid('原密码不正确', 'oldPassword');
  ctx.appDb.db.update(users).set({ passwordHash: hashPassword(newPassword), updatedAt: nowIso(ctx) }).where(eq(users.id, row.id)).run();
  recordAudit(ctx, {
    action: 'update',
    entity: 'user',
    entityId: row.id,
    entityTitle: row.displayName,
    changes: [{ field: 'password', before: null, after: '本人修改' }],
  });
}

export function listUsers(ctx: HandlerContext): User[] {
  return ctx.appDb.db.select().from(users).orderBy(asc(users.id)).all().map(toUser);
}

/** Administrators may not remove the last enabled administrator, or the office would be locked out. */
function assertAnotherAdminRemains(ctx: HandlerContext, id: number, field: 'role' | 'disabled'): void {
  const others = ctx.appDb.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .all()
    .filter((row) => row.id !== id);
  if (others.length === 0) throw conflict('至少需要保留一个启用的管理员账户', field);
}

export function updateUser(ctx: RequestContext, input: Parsed<'users.update'>): User {
  const before = userRow(ctx, input.id);
  // Disabling oneself would end one's own session mid-edit; another administrator has to do it.
  if (input.disabled && input.id === ctx.user?.id) throw invalid('不能停用当前登录的本人账户', 'disabled');
  if (before.role === 'admin' && input.disabled) assertAnotherAdminRemains(ctx, input.id, 'disabled');
  if (before.role === 'admin' && input.role !== 'admin') assertAnotherAdminRemains(ctx, input.id, 'role');
  const { db } = ctx.appDb;
  const after = db
    .update(users)
    .set({ displayName: input.displayName, role: input.role, disabled: input.disabled, updatedAt: nowIso(ctx) })
    .where(eq(users.id, input.id))
    .returning()
    .get();
  // A disabled account's sessions end at once.
  if (input.disabled) db.delete(sessions).where(eq(sessions.userId, input.id)).run();
  recordAudit(ctx, { action: 'update', entity: 'user', entityId: after.id, entityTitle: after.displayName, before: auditView(before), after: auditView(after) });
  return toUser(after);
}

export function resetPassword(ctx: RequestContext, id: number, password: string): void {
  if (id === ctx.user?.id) throw invalid('本人密码请在右上角“修改密码”中修改（需输入原密码）', 'password');
  const row = userRow(ctx, id);
  const { db } = ctx.appDb;
  db.update(users)
    .set({ passwordHash: hashPassword(password), failedLogins: 0, lockedUntil: null, updatedAt: nowIso(ctx) })
    .where(eq(users.id, id))
    .run();
  db.delete(sessions).where(eq(sessions.userId, id)).run();
  recordAudit(ctx, {
    action: 'update',
    entity: 'user',
    entityId: id,
    entityTitle: row.displayName,
    changes: [{ field: 'password', before: null, after: '管理员重置' }],
  });
}

export function unlockUser(ctx: RequestContext, id: number): User {
  const before = userRow(ctx, id);
  if (!before.lockedUntil && before.failedLogins === 0) return toUser(before);
  const after = ctx.appDb.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, updatedAt: nowIso(ctx) })
    .where(eq(users.id, id))
    .returning()
    .get();
  recordAudit(ctx, {
    action: 'update',
    entity: 'user',
    entityId: id,
    entityTitle: before.displayName,
    changes: [{ field: 'lockedUntil', before: before.lockedUntil, after: null }],
  });
  return toUser(after);
}
