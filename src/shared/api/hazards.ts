import { z } from 'zod';
import { governancePlanParts, hazardActions, hazardLevels, hazardSources, hazardStatuses, inspectionKinds } from '../domain/hazard';
import { industries } from '../domain/enterprise';
import { method } from './contract';
import { dateSchema, idInput, idSchema, okOutput, optionalDate, optionalPhone, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';

/** What was inspected: one enterprise or one idle site. */
const targetShape = {
  enterpriseId: idSchema.nullish().transform((value) => value ?? null),
  idleSiteId: idSchema.nullish().transform((value) => value ?? null),
};

function oneTarget<T extends { enterpriseId: number | null; idleSiteId: number | null }>(value: T, ctx: z.RefinementCtx): T {
  if ((value.enterpriseId === null) === (value.idleSiteId === null)) {
    ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择被检查的企业或四闲场所（二选一）' });
  }
  return value;
}

const targetOut = {
  enterpriseId: z.number().int().nullable(),
  idleSiteId: z.number().int().nullable(),
  /** The enterprise's or idle site's name. */
  targetName: z.string(),
  villageId: z.number().int(),
  villageName: z.string(),
  industry: z.enum(industries).nullable(),
};

/** One hazard as found: what an inspection form adds, several at once. */
export const hazardFoundShape = {
  place: requiredText(100, '隐患部位'),
  description: requiredText(500, '隐患描述'),
  level: z.enum(hazardLevels, { error: '请选择隐患等级' }),
  basis: optionalText(200, '判定依据'),
  deadline: dateSchema('整改期限'),
  measures: optionalText(500, '整改措施'),
  responsibleName: optionalText(20, '整改责任人'),
  responsiblePhone: optionalPhone('责任人电话'),
  fundsWan: z.number({ error: '整改资金须为数字' }).min(0, '整改资金不能为负数').max(100_000, '整改资金过大（单位：万元）').nullish().transform((value) => value ?? null),
};

export const inspectionFields = z
  .object({
    ...targetShape,
    inspectedOn: dateSchema('检查日期'),
    kind: z.enum(inspectionKinds, { error: '请选择检查类型' }),
    inspectors: requiredText(100, '检查人员'),
    items: optionalText(1000, '检查项目'),
    notes: optionalText(500, '备注'),
    /** Hazards found, entered in the same form (fast entry). */
    hazards: z.array(z.object(hazardFoundShape)).max(100, '一次最多登记 100 条隐患').default([]),
  })
  .transform((value, ctx) => oneTarget(value, ctx));
export type InspectionFields = z.input<typeof inspectionFields>;

export const inspectionSchema = z.object({
  id: z.number().int(),
  ...targetOut,
  inspectedOn: z.string(),
  kind: z.enum(inspectionKinds),
  inspectors: z.string(),
  items: z.string().nullable(),
  notes: z.string().nullable(),
  hazardCount: z.number().int(),
  majorCount: z.number().int(),
  /** Of the hazards found, those closed (已销号). */
  closedCount: z.number().int(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionFilters = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(inspectionKinds).optional(),
  enterpriseId: idSchema.optional(),
  idleSiteId: idSchema.optional(),
  villageId: idSchema.optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
});
export type InspectionFilters = z.infer<typeof inspectionFilters>;
/** 检查记录 sort only by inspection date (the direction is the choice). */
export const inspectionSortFields = ['inspectedOn'] as const;

/** A hazard reported outside an inspection (自查 by the unit, 举报). */
export const hazardFields = z
  .object({ ...targetShape, source: z.enum(['自查', '举报'], { error: '请选择隐患来源' }), foundOn: dateSchema('发现日期'), ...hazardFoundShape })
  .transform((value, ctx) => oneTarget(value, ctx));

const governanceShape = Object.fromEntries(governancePlanParts.map((part) => [part.key, optionalText(2000, part.label)])) as Record<
  (typeof governancePlanParts)[number]['key'],
  ReturnType<typeof optionalText>
>;

/** Corrections of what was found, the rectification facts and, for 重大 hazards, 治理方案 / 挂牌督办 / 交办. */
export const hazardUpdateFields = z.object({
  id: idSchema,
  ...hazardFoundShape,
  ...governanceShape,
  listedAuthority: optionalText(60, '挂牌督办单位'),
  listedDocNo: optionalText(60, '督办文号'),
  listedOn: optionalDate('挂牌日期'),
  assignedUnit: optionalText(60, '交办单位'),
  assignedDeadline: optionalDate('交办期限'),
});

export const hazardSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  inspectionId: z.number().int().nullable(),
  inspectionKind: z.enum(inspectionKinds).nullable(),
  ...targetOut,
  source: z.enum(hazardSources),
  foundOn: z.string(),
  place: z.string(),
  description: z.string(),
  level: z.enum(hazardLevels),
  basis: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(hazardStatuses),
  overdue: z.boolean(),
  measures: z.string().nullable(),
  responsibleName: z.string().nullable(),
  responsiblePhone: z.string().nullable(),
  fundsWan: z.number().nullable(),
  rectifiedOn: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  reinspectedOn: z.string().nullable(),
  reinspector: z.string().nullable(),
  reinspectionPassed: z.boolean().nullable(),
  reinspectionNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  extensions: z.number().int(),
  orderId: z.number().int().nullable(),
  orderNumber: z.string().nullable(),
  planTargets: z.string().nullable(),
  planMethods: z.string().nullable(),
  planFunds: z.string().nullable(),
  planOrganisation: z.string().nullable(),
  planTimeline: z.string().nullable(),
  planSafety: z.string().nullable(),
  listedAuthority: z.string().nullable(),
  listedDocNo: z.string().nullable(),
  listedOn: z.string().nullable(),
  assignedUnit: z.string().nullable(),
  assignedDeadline: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Hazard = z.infer<typeof hazardSchema>;

export const hazardSortFields = ['foundOn', 'deadline', 'number', 'updatedAt'] as const;

export const hazardFilters = z.object({
  q: z.string().trim().max(50).optional(),
  level: z.enum(hazardLevels).optional(),
  status: z.enum(hazardStatuses).optional(),
  /** Not closed and past the deadline. */
  overdue: z.boolean().optional(),
  source: z.enum(hazardSources).optional(),
  villageId: idSchema.optional(),
  industry: z.enum(industries).optional(),
  enterpriseId: idSchema.optional(),
  idleSiteId: idSchema.optional(),
  inspectionId: idSchema.optional(),
  orderId: idSchema.optional(),
  /** 发现日期 range. */
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
  /** Only hazards not yet on an order (to pick for a new one). */
  withoutOrder: z.boolean().optional(),
});
export type HazardFilters = z.infer<typeof hazardFilters>;

export const hazardTransitionInput = z.object({
  id: idSchema,
  action: z.enum(hazardActions, { error: '未知的操作' }),
  /** When it happened (整改完成, 复查); default today. */
  on: dateSchema('日期').optional(),
  remark: optionalText(500, '说明'),
  /** 复查: passed or not, and by whom. */
  passed: z.boolean().optional(),
  reinspector: optionalText(40, '复查人员'),
  /** 延期: the new deadline. */
  newDeadline: dateSchema('新的整改期限').optional(),
  /** 开始整改: the rectification facts. */
  measures: optionalText(500, '整改措施'),
  responsibleName: optionalText(20, '整改责任人'),
});

export const hazardEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.enum(hazardStatuses).nullable(),
  toStatus: z.enum(hazardStatuses),
  on: z.string(),
  remark: z.string().nullable(),
  createdAt: timestampSchema,
  createdBy: z.string(),
});

export const orderFields = z.object({
  hazardIds: z.array(idSchema).min(1, '请至少选择一条隐患').max(200),
  issuedOn: dateSchema('下达日期'),
  deadline: dateSchema('整改期限'),
  officers: requiredText(200, '执法人员'),
  content: optionalText(2000, '指令内容'),
});

export const orderSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  ...targetOut,
  issuedOn: z.string(),
  deadline: z.string(),
  officers: z.string(),
  content: z.string().nullable(),
  hazardCount: z.number().int(),
  closedCount: z.number().int(),
  reviewedOn: z.string().nullable(),
  reviewOpinion: z.string().nullable(),
  reviewNumber: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type RectificationOrder = z.infer<typeof orderSchema>;

export const orderFilters = z.object({
  q: z.string().trim().max(50).optional(),
  enterpriseId: idSchema.optional(),
  villageId: idSchema.optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
  /** Orders whose hazards are not all closed. */
  open: z.boolean().optional(),
  /** 逾期: past the deadline (before today) with hazards not all closed. */
  overdue: z.boolean().optional(),
});
export type OrderFilters = z.infer<typeof orderFilters>;
/**
 * 整改指令书 sort only by issue, which is their number: year, then the year's sequence (the direction is the
 * choice).
 */
export const orderSortFields = ['issuedOn'] as const;

/** Figures in the words of the seeds for a period (both ends included) and filters. */
export const hazardStatisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  inspections: z.number().int(),
  enterprisesChecked: z.number().int(),
  idleSitesChecked: z.number().int(),
  orders: z.number().int(),
  found: z.number().int(),
  rectified: z.number().int(),
  /** Percent with one decimal; null when nothing was found. */
  rate: z.number().nullable(),
  majorFound: z.number().int(),
  majorClosed: z.number().int(),
  /** Found in the period, not closed, past the deadline as of today. */
  overdue: z.number().int(),
  sentence: z.string(),
});
export type HazardStatistics = z.infer<typeof hazardStatisticsSchema>;

export const statisticsInput = z.object({
  from: dateSchema('开始日期'),
  to: dateSchema('结束日期'),
  villageId: idSchema.optional(),
  industry: z.enum(industries).optional(),
  enterpriseId: idSchema.optional(),
});

export const hazardsApi = {
  'inspections.list': method(inspectionFilters.extend({ ...pagingInput, sortOrder: sortOrderSchema.optional() }), pageOf(inspectionSchema), 'read'),
  'inspections.get': method(idInput, inspectionSchema.extend({ hazards: z.array(hazardSchema) }), 'read'),
  /** Records an inspection and the hazards it found, in one transaction. */
  'inspections.create': method(inspectionFields, inspectionSchema, 'write'),
  /** Refused while it has hazards (delete those first). */
  'inspections.delete': method(idInput, okOutput, 'write'),
  'hazards.list': method(
    hazardFilters.extend({ ...pagingInput, sortField: z.enum(hazardSortFields).optional(), sortOrder: sortOrderSchema.optional() }),
    pageOf(hazardSchema),
    'read',
  ),
  'hazards.get': method(idInput, hazardSchema, 'read'),
  'hazards.create': method(hazardFields, hazardSchema, 'write'),
  'hazards.update': method(hazardUpdateFields, hazardSchema, 'write'),
  /** One lifecycle step; 销号 only through a passed 复查. */
  'hazards.transition': method(hazardTransitionInput, hazardSchema, 'write'),
  'hazards.history': method(idInput, z.array(hazardEventSchema), 'read'),
  /** Only hazards not yet rectified and on no order. */
  'hazards.delete': method(idInput, okOutput, 'write'),
  'hazards.statistics': method(statisticsInput, hazardStatisticsSchema, 'read'),
  'orders.list': method(orderFilters.extend({ ...pagingInput, sortOrder: sortOrderSchema.optional() }), pageOf(orderSchema), 'read'),
  'orders.get': method(idInput, orderSchema.extend({ hazards: z.array(hazardSchema) }), 'read'),
  /** Issues an order for open hazards of one enterprise or idle site; its number is the year's next, never reused. */
  'orders.create': method(orderFields, orderSchema, 'write'),
  /** 整改复查意见书: records the review of the order's hazards. */
  'orders.review': method(z.object({ id: idSchema, reviewedOn: dateSchema('复查日期'), opinion: requiredText(2000, '复查意见') }), orderSchema, 'write'),
  /** The number is never handed out again; the hazards are free for another order. */
  'orders.delete': method(idInput, okOutput, 'write'),
};
