import type { z } from 'zod';
import { apiContract, isApiName, type ApiResult } from '../../shared/api';
import type { SessionUser } from '../../shared/api/auth';
import type { MethodSpec } from '../../shared/api/contract';
import { ErrorCode } from '../../shared/api/errors';
import { roleAllows, roleLabels } from '../../shared/domain/roles';
import type { HandlerContext, RequestContext } from './context';
import { AppError, isUniqueViolation } from './errors';
import type { Registry } from './registry';

export interface DispatchOptions {
  /** Also check the handler's output against the contract (tests turn this on). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (name: string, error: unknown) => void;
  /** Turns a session token into its user, or null when it is unknown or expired. */
  authenticate?: (ctx: HandlerContext, token: string) => SessionUser | null;
}

/**
 * The one entry to the backend: looks the method up, checks the caller's session and role against the
 * method's access level, validates the input with the shared zod schema, runs the handler — write methods
 * inside one SQLite transaction, so a failure leaves nothing half-written — and turns every outcome into an
 * ApiResult. It never throws.
 */
export async function dispatch(
  registry: Registry,
  name: string,
  input: unknown,
  ctx: HandlerContext,
  options: DispatchOptions = {},
  sessionToken?: string | null,
): Promise<ApiResult<unknown>> {
  const handler = registry.get(name);
  if (!isApiName(name) || !handler) {
    return { ok: false, error: { code: ErrorCode.UnknownMethod, message: `未知的接口：${name}` } };
  }
  const spec = apiContract[name];
  try {
    const user = sessionToken && options.authenticate ? options.authenticate(ctx, sessionToken) : null;
    if (spec.access !== 'public') {
      if (!user) return { ok: false, error: { code: ErrorCode.Unauthorized, message: '请先登录（登录可能已过期）' } };
      if (!roleAllows(user.role, spec.access)) {
        return {
          ok: false,
          error: { code: ErrorCode.Forbidden, message: `当前账户（${roleLabels[user.role]}）无权执行此操作` },
        };
      }
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return {
        ok: false,
        error: {
          code: ErrorCode.InvalidInput,
          message: `输入有误：${first?.message ?? '格式不正确'}`,
          fieldErrors: toFieldErrors(parsed.error),
        },
      };
    }
    const request: RequestContext = { ...ctx, user, sessionToken: sessionToken ?? null };
    const run = () => (handler as (input: unknown, ctx: RequestContext) => unknown)(parsed.data, request);
    const transactional = (spec.access === 'write' || spec.access === 'admin') && !(spec as MethodSpec).noTransaction;
    const data = transactional ? inTransaction(ctx, name, run) : await run();
    if (options.validateOutput) {
      const checked = spec.output.safeParse(data);
      if (!checked.success) throw new Error(`Output of ${name} breaks its contract: ${checked.error.message}`);
    }
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    if (isUniqueViolation(error)) {
      return { ok: false, error: { code: ErrorCode.Conflict, message: '记录重复：已存在相同的记录' } };
    }
    (options.logError ?? defaultLogError)(name, error);
    return { ok: false, error: { code: ErrorCode.Internal, message: '程序内部错误，操作未完成，数据未改动。' } };
  }
}

/** Runs a write handler and its audit rows as one transaction. Write handlers are synchronous by design. */
function inTransaction(ctx: HandlerContext, name: string, run: () => unknown): unknown {
  return ctx.appDb.sqlite.transaction(() => {
    const result = run();
    if (result instanceof Promise) throw new Error(`Write handler ${name} must be synchronous to run in a transaction`);
    return result;
  })();
}

function defaultLogError(name: string, error: unknown): void {
  console.error(`[dispatch] ${name} failed`, error);
}

/** First message per field path, dotted (`workers.0.name`), as antd Form expects. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
