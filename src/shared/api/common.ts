import { z } from 'zod';
import { isValidPhone, normalizePhone, phoneHint } from '../domain/phone';

/** Paging shared by every list method: 1-based page, bounded page size so no call can ask for everything. */
export const pagingInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(20),
};

export const sortOrderSchema = z.enum(['ascend', 'descend']);
export type SortOrder = z.infer<typeof sortOrderSchema>;

/** A page of rows plus the total count of rows matching the filter. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}

export const idSchema = z.number().int().positive();
export const idInput = z.object({ id: idSchema });
export const okOutput = z.object({ ok: z.literal(true) });

/** ISO-8601 timestamp string as stored and returned by the backend. */
export const timestampSchema = z.string();

/** Optional free text: trims, and turns an empty string into null so the DB never stores ''. */
export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Required text with a Chinese message naming the field. */
export function requiredText(max: number, label: string) {
  return z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
}

/** Optional phone: mobile or landline, stored normalized. */
export function optionalPhone(label: string) {
  return optionalText(30, label)
    .refine((phone) => phone === null || isValidPhone(phone), { message: phoneHint })
    .transform((phone) => (phone === null ? null : normalizePhone(phone)));
}

/** Optional whole number within bounds, with Chinese messages naming the field. */
export function optionalCount(label: string, max = 10_000_000) {
  return z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}过大`)
    .nullish()
    .transform((value) => value ?? null);
}

/** A calendar date as `YYYY-MM-DD` that exists (no 2 月 30 日), with a Chinese message naming the field. */
export function dateSchema(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((value) => {
      const [year, month, day] = value.split('-').map(Number);
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }, `${label}不是存在的日期`);
}

/** An optional date: empty becomes null. */
export function optionalDate(label: string) {
  return z
    .union([dateSchema(label), z.literal('')])
    .nullish()
    .transform((value) => (value ? value : null));
}

/** An optional longitude or latitude within China's bounds (catches swapped or mistyped coordinates). */
export function optionalCoordinate(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}须为数字` })
    .min(min, `${label}应在 ${min}–${max} 之间（中国境内）`)
    .max(max, `${label}应在 ${min}–${max} 之间（中国境内）`)
    .nullish()
    .transform((value) => value ?? null);
}
