import { z } from 'zod';
import { method } from './contract';
import { dateSchema, optionalText, requiredText } from './common';

export const holidayScheduleSchema = z.object({
  year: z.number({ error: '请填写年份' }).int('年份须为整数').min(2000, '年份应在 2000—2100 之间').max(2100, '年份应在 2000—2100 之间'),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  workdays: z.array(z.string()),
});

/** One year's schedule as an administrator enters it. */
export const holidayScheduleFields = z.object({
  year: holidayScheduleSchema.shape.year,
  source: optionalText(100, '依据').transform((value) => value ?? '本办录入'),
  holidays: z
    .array(z.object({ name: requiredText(10, '节日名称'), from: dateSchema('放假开始日期'), to: dateSchema('放假结束日期') }))
    .min(1, '请至少填写一个节假日')
    .max(20),
  workdays: z.array(dateSchema('调休上班日')).max(20).default([]),
});

export const holidaysApi = {
  /** Every year's schedule the rules use: the shipped official ones and those an administrator entered. */
  'holidays.list': method(z.object({}), z.array(holidayScheduleSchema.extend({ official: z.boolean() })), 'read'),
  /** Adds or replaces the schedule of a year the app does not ship (e.g. 2027 once the State Council publishes it). */
  'holidays.save': method(holidayScheduleFields, holidayScheduleSchema, 'admin'),
  'holidays.delete': method(z.object({ year: holidayScheduleSchema.shape.year }), z.object({ ok: z.literal(true) }), 'admin'),
};
