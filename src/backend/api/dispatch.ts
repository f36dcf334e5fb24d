import type { z } from 'zod';
import { apiContract, isApiName, type ApiResult } from '../../shared/api';
import { ErrorCode } from '../../shared/api/errors';
import type { HandlerContext } from './context';
import { AppError, isUniqueViolation } from './errors';
import type { Registry } from './registry';

export interface DispatchOptions {
  /** Also check the handler's output against the contract (tests turn this on). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (name: string, error: unknown) => void;
}

/**
 * The one entry to the backend: looks the method up, validates the input with the shared zod schema, runs
 * the handler and turns every outcome into an ApiResult. It never throws.
 */
export async function dispatch(
  registry: Registry,
  name: string,
  input: unknown,
  ctx: HandlerContext,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  const handler = registry.get(name);
  if (!isApiName(name) || !handler) {
    return { ok: false, error: { code: ErrorCode.UnknownMethod, message: `未知的接口：${name}` } };
  }
  const spec = apiContract[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: { code: ErrorCode.InvalidInput, message: `输入有误：${first?.message ?? '格式不正确'}`, fieldErrors },
    };
  }
  try {
    const data = await (handler as (input: unknown, ctx: HandlerContext) => unknown)(parsed.data, ctx);
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
