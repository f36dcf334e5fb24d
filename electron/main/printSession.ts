import { sessionSchema, type Session } from '../../src/shared/api/auth';
import type { ApiResult } from '../../src/shared/api/errors';
import { rendererSessionStorageKey } from '../../src/shared/host-bridge';

/**
 * Handing the caller's session to a hidden print window (DESIGN.md §4.6). The renderer keeps its session in
 * sessionStorage, which is per window, so a fresh print window would start logged out. Pure logic only (no
 * `electron` import), so it can be unit-tested without Electron.
 */

/** Longer than any token `auth.login` issues (43 base64url characters); anything longer is not one of ours. */
const maxTokenLength = 256;

export const printNotLoggedInMessage = '未登录或登录已过期，请重新登录后再打印。';

/**
 * The live session behind `token`, or null when it is missing, malformed, expired, logged out or its user is
 * disabled. Asks the backend through its ordinary dispatch: `system.status` runs the same session check as
 * every 'read' method (`authenticate`) and also returns the session's user, so the session seeded into the
 * print window carries the backend's own idea of who is logged in, not one the caller claims.
 */
export async function livePrintSession(
  dispatch: (name: string, input: unknown, sessionToken: string | null) => Promise<ApiResult<unknown>>,
  token: unknown,
): Promise<Session | null> {
  if (typeof token !== 'string' || token.length === 0 || token.length > maxTokenLength) return null;
  const result = await dispatch('system.status', {}, token);
  if (!result.ok) return null;
  const user = (result.data as { user?: unknown } | null)?.user;
  if (!user) return null;
  const session = sessionSchema.safeParse({ token, user });
  return session.success ? session.data : null;
}

/**
 * The script run in a print window's page to put `session` into its sessionStorage, exactly as the renderer's
 * `sessionStore.set` would (same key, `JSON.stringify(session)`). Key and value are embedded as JSON string
 * literals (valid JavaScript string literals), so no character of the token or the user's name can break out of
 * the string. The script evaluates to true when the entry reads back unchanged.
 */
export function sessionSeedScript(session: Session): string {
  const key = JSON.stringify(rendererSessionStorageKey);
  const value = JSON.stringify(JSON.stringify(session));
  return `(() => { const key = ${key}; const value = ${value}; sessionStorage.setItem(key, value); return sessionStorage.getItem(key) === value; })()`;
}
