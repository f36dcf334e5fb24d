import type { ApiName, In, Out } from '../../shared/api';
import type { Session } from '../../shared/api/auth';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import { rendererSessionStorageKey } from '../../shared/host-bridge';

/** A failed API call, carrying the backend's code, Chinese message and per-field messages. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ApiError['code'];
  readonly fieldErrors?: Record<string, string>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fieldErrors = error.fieldErrors;
  }
}

/** Shared with the Electron shell, which hands the caller's session to its hidden print windows under this key. */
const sessionKey = rendererSessionStorageKey;

/**
 * The logged-in session, kept in sessionStorage: it survives a reload of this window but not closing it, and
 * every window logs in on its own (Electron's hidden print windows are given their caller's session).
 */
export const sessionStore = {
  get(): Session | null {
    const raw = sessionStorage.getItem(sessionKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  },
  set(session: Session | null): void {
    if (session) sessionStorage.setItem(sessionKey, JSON.stringify(session));
    else sessionStorage.removeItem(sessionKey);
    for (const listener of listeners) listener();
  },
  /** Called when the backend says the session is gone (expired, logged out elsewhere, account disabled). */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
const listeners = new Set<() => void>();

async function transport(name: string, input: unknown, sessionToken: string | null): Promise<ApiResult<unknown>> {
  if (window.api) return window.api.invoke(name, input, sessionToken);
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(sessionToken ? { 'X-Anjian-Session': sessionToken } : {}) },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到程序后台，请确认安监台账仍在运行。' } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `后台响应异常（HTTP ${response.status}）` } };
  }
}

/** Calls one backend method through whichever transport this window has; throws ApiCallError on failure. */
export async function callApi<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>> {
  const session = sessionStore.get();
  const result = await transport(name, input, session?.token ?? null);
  if (!result.ok) {
    // A session the backend no longer knows sends the user back to the login screen.
    if (result.error.code === 'UNAUTHORIZED' && session && name !== 'auth.login') sessionStore.set(null);
    throw new ApiCallError(result.error);
  }
  return result.data as Out<N>;
}
