import { z } from 'zod';
import { drillForms, drillScopes, planKinds, planOwnerTypes } from '../domain/emergencyPlan';
import { method } from './contract';
import { dateSchema, idInput, idSchema, okOutput, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';
import { ownerOutShape, ownerRule, ownerShape } from './plans';

const drillShape = {
  /** The plan drilled; when given, the owner is the plan's (whatever the owner fields say). */
  planId: idSchema.nullish().transform((value) => value ?? null),
  ...ownerShape,
  name: requiredText(100, '演练名称'),
  heldOn: dateSchema('演练日期'),
  scope: z.enum(drillScopes, { error: '请选择演练类型' }),
  form: z.enum(drillForms, { error: '请选择演练形式' }),
  organiser: requiredText(60, '组织单位'),
  place: optionalText(100, '演练地点'),
  participants: z
    .number({ error: '请填写参与人数' })
    .int('参与人数须为整数')
    .min(1, '参与人数至少 1 人')
    .max(100_000, '参与人数过大'),
  fireBrigade: z.boolean().default(false),
  summary: optionalText(1000, '演练情况'),
  /** 第三十四条 演练评估 conclusion; the report itself is an attachment. */
  evaluation: optionalText(1000, '评估结论'),
};

export const drillFields = z.object(drillShape).transform((value, ctx) => (value.planId ? value : ownerRule(value, ctx)));
export type DrillFields = z.input<typeof drillFields>;
export const drillUpdateFields = z.object({ id: idSchema, ...drillShape }).transform((value, ctx) => (value.planId ? value : ownerRule(value, ctx)));

export const drillSchema = z.object({
  id: z.number().int(),
  planId: z.number().int().nullable(),
  planName: z.string().nullable(),
  planKind: z.enum(planKinds).nullable(),
  ...ownerOutShape,
  name: z.string(),
  heldOn: z.string(),
  scope: z.enum(drillScopes),
  form: z.enum(drillForms),
  organiser: z.string(),
  place: z.string().nullable(),
  participants: z.number().int(),
  fireBrigade: z.boolean(),
  summary: z.string().nullable(),
  evaluation: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Drill = z.infer<typeof drillSchema>;

export const drillSortFields = ['heldOn', 'name', 'participants', 'updatedAt'] as const;

export const drillFilters = z.object({
  q: z.string().trim().max(50).optional(),
  ownerType: z.enum(planOwnerTypes).optional(),
  planId: idSchema.optional(),
  enterpriseId: idSchema.optional(),
  /** Drills of the village itself and of the enterprises in it. */
  villageId: idSchema.optional(),
  scope: z.enum(drillScopes).optional(),
  form: z.enum(drillForms).optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
  fireBrigade: z.boolean().optional(),
  /** Only drills without an evaluation (第三十四条). */
  unevaluated: z.boolean().optional(),
});
export type DrillFilters = z.infer<typeof drillFilters>;

/** Totals for a period in the words of the seeds' reports. */
export const drillSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  drills: z.number().int(),
  actual: z.number().int(),
  tabletop: z.number().int(),
  participants: z.number().int(),
  /** Distinct units that drilled, by owner type. */
  units: z.object({ town: z.number().int(), department: z.number().int(), village: z.number().int(), enterprise: z.number().int() }),
  byScope: z.record(z.string(), z.number().int()),
  fireBrigadeDrills: z.number().int(),
  fireBrigadeEnterprises: z.number().int(),
  unevaluated: z.number().int(),
  sentence: z.string(),
});
export type DrillSummary = z.infer<typeof drillSummarySchema>;

export const drillsApi = {
  'drills.list': method(
    drillFilters.extend({ ...pagingInput, sortField: z.enum(drillSortFields).optional(), sortOrder: sortOrderSchema.optional() }),
    pageOf(drillSchema),
    'read',
  ),
  'drills.get': method(idInput, drillSchema, 'read'),
  'drills.create': method(drillFields, drillSchema, 'write'),
  'drills.update': method(drillUpdateFields, drillSchema, 'write'),
  'drills.delete': method(idInput, okOutput, 'write'),
  /** Totals for [from, to] (both included), under the list's village filter. */
  'drills.summary': method(z.object({ from: dateSchema('开始日期'), to: dateSchema('结束日期'), villageId: idSchema.optional() }), drillSummarySchema, 'read'),
};
