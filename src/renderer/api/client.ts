import type { ApiName, In, Out } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/api/errors';

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

async function transport(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.api) return window.api.invoke(name, input);
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
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
  const result = await transport(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as Out<N>;
}
