import { z } from 'zod';
import {
  dueStates,
  evaluationConclusions,
  planFilingMaterials,
  planFilingStatuses,
  planKinds,
  planOwnerTypes,
  planStatuses,
  reminderKinds,
  reviewKinds,
  reviewResults,
  revisionTriggers,
} from '../domain/emergencyPlan';
import { method } from './contract';
import { dateSchema, idInput, idSchema, okOutput, optionalCount, optionalDate, optionalPhone, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';

/**
 * Who a plan or drill belongs to. Only the owner type's own field counts; the others are cleared by
 * `ownerRule`, so a form may send what it showed before the type changed.
 */
export const ownerShape = {
  ownerType: z.enum(planOwnerTypes, { error: '请选择所属单位类型' }),
  enterpriseId: idSchema.nullish().transform((value) => value ?? null),
  villageId: idSchema.nullish().transform((value) => value ?? null),
  department: optionalText(40, '部门名称'),
};

interface OwnerInput {
  ownerType: (typeof planOwnerTypes)[number];
  enterpriseId: number | null;
  villageId: number | null;
  department: string | null;
}

/** Requires the owner type's own field (naming it) and clears the others. */
export function ownerRule<T extends OwnerInput>(value: T, ctx: z.RefinementCtx): T {
  if (value.ownerType === 'enterprise' && !value.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择企业' });
  if (value.ownerType === 'village' && !value.villageId) ctx.addIssue({ code: 'custom', path: ['villageId'], message: '请选择村（社区）' });
  if (value.ownerType === 'department' && !value.department) ctx.addIssue({ code: 'custom', path: ['department'], message: '请填写部门名称' });
  return {
    ...value,
    enterpriseId: value.ownerType === 'enterprise' ? value.enterpriseId : null,
    villageId: value.ownerType === 'village' ? value.villageId : null,
    department: value.ownerType === 'department' ? value.department : null,
  };
}

/** What each version of a plan records: a revision writes a new set. */
export const versionShape = {
  version: requiredText(20, '版本号'),
  docNo: optionalText(60, '文号'),
  issuedOn: dateSchema('发布日期'),
  reviewKind: z.enum(reviewKinds).nullish().transform((value) => value ?? null),
  reviewOn: optionalDate('评审日期'),
  reviewExperts: optionalCount('评审专家人数', 100),
  reviewResult: z.enum(reviewResults).nullish().transform((value) => value ?? null),
  signatory: optionalText(20, '签署人'),
  filingDept: optionalText(60, '备案部门'),
  filingOn: optionalDate('备案日期'),
  filingNumber: optionalText(60, '备案编号'),
};

const planShape = {
  ...ownerShape,
  kind: z.enum(planKinds, { error: '请选择预案类别' }),
  name: requiredText(100, '预案名称'),
  status: z.enum(planStatuses).default('现行'),
  crowdedPlace: z.boolean().default(false),
  lastEvaluatedOn: optionalDate('最近评估日期'),
  notes: optionalText(500, '备注'),
  ...versionShape,
};

/** A new plan with its first version. */
export const planFields = z.object(planShape).transform((value, ctx) => ownerRule(value, ctx));
export type PlanFields = z.input<typeof planFields>;

/** Edits the plan and corrects its current version (a revision is `plans.revise`). */
export const planUpdateFields = z.object({ id: idSchema, ...planShape }).transform((value, ctx) => ownerRule(value, ctx));

export const planReviseInput = z.object({
  id: idSchema,
  ...versionShape,
  revisionTrigger: z.enum(revisionTriggers, { error: '请选择修订原因（第三十六条）' }),
  revisionNote: optionalText(500, '修订说明'),
});

export const planEvaluateInput = z.object({
  id: idSchema,
  evaluatedOn: dateSchema('评估日期'),
  conclusion: z.enum(evaluationConclusions, { error: '请选择评估结论' }),
  note: optionalText(500, '评估意见'),
});

const computedDate = z.object({ date: z.string(), approximate: z.boolean(), state: z.enum(dueStates) });

/** The plan's due dates as of today, each with its state (`done` for a filing on record). */
export const planDueSchema = z.object({
  /** Null where 第二十六条 does not oblige the owner to file. */
  filing: computedDate.nullable(),
  evaluation: computedDate,
  drill: computedDate.extend({ intervalMonths: z.number().int(), rule: z.string() }),
  lastDrillOn: z.string().nullable(),
});
export type PlanDue = z.infer<typeof planDueSchema>;

export const planVersionSchema = z.object({
  id: z.number().int(),
  version: z.string(),
  docNo: z.string().nullable(),
  issuedOn: z.string(),
  reviewKind: z.enum(reviewKinds).nullable(),
  reviewOn: z.string().nullable(),
  reviewExperts: z.number().int().nullable(),
  reviewResult: z.enum(reviewResults).nullable(),
  signatory: z.string().nullable(),
  filingDept: z.string().nullable(),
  filingOn: z.string().nullable(),
  filingNumber: z.string().nullable(),
  revisionTrigger: z.enum(revisionTriggers).nullable(),
  revisionNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const ownerOutShape = {
  ownerType: z.enum(planOwnerTypes),
  /** The town, the department, the village or the enterprise, by name. */
  ownerName: z.string(),
  enterpriseId: z.number().int().nullable(),
  villageId: z.number().int().nullable(),
  department: z.string().nullable(),
  /** The village the owner sits in (an enterprise's own village); null for the town and departments. */
  ownerVillageId: z.number().int().nullable(),
  ownerVillageName: z.string().nullable(),
};

export const planRowSchema = z.object({
  id: z.number().int(),
  ...ownerOutShape,
  industry: z.string().nullable(),
  kind: z.enum(planKinds),
  name: z.string(),
  status: z.enum(planStatuses),
  crowdedPlace: z.boolean(),
  /** 第二十六条/第三十三条 listed unit (files within 20 working days, drills half-yearly). */
  listedUnit: z.boolean(),
  versionId: z.number().int(),
  version: z.string(),
  versionCount: z.number().int(),
  docNo: z.string().nullable(),
  issuedOn: z.string(),
  reviewOn: z.string().nullable(),
  reviewResult: z.enum(reviewResults).nullable(),
  signatory: z.string().nullable(),
  filingDept: z.string().nullable(),
  filingOn: z.string().nullable(),
  filingNumber: z.string().nullable(),
  lastEvaluatedOn: z.string().nullable(),
  drillCount: z.number().int(),
  due: planDueSchema,
  updatedAt: timestampSchema,
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const planSchema = planRowSchema.extend({
  current: planVersionSchema,
  /** Every version, newest first. */
  versions: z.array(planVersionSchema),
  evaluationConclusion: z.enum(evaluationConclusions).nullable(),
  evaluationNote: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;

export const planSortFields = ['name', 'issuedOn', 'nextEvaluation', 'nextDrill', 'updatedAt'] as const;

export const planFilters = z.object({
  q: z.string().trim().max(50).optional(),
  ownerType: z.enum(planOwnerTypes).optional(),
  kind: z.enum(planKinds).optional(),
  /** Plans of the village itself and of the enterprises in it. */
  villageId: idSchema.optional(),
  enterpriseId: idSchema.optional(),
  status: z.enum(planStatuses).optional(),
  /** Plans with any due date (filing, evaluation, drill) overdue, or due within 30 days. */
  due: z.enum(['overdue', 'due']).optional(),
});
export type PlanFilters = z.infer<typeof planFilters>;

export const reminderSchema = z.object({
  kind: z.enum(reminderKinds),
  state: z.enum(['overdue', 'due']),
  dueOn: z.string(),
  /** Negative when overdue. */
  daysLeft: z.number().int(),
  approximate: z.boolean(),
  planId: z.number().int(),
  planName: z.string(),
  planKind: z.enum(planKinds),
  ...ownerOutShape,
  /** The received filing the reminder is about (备案核对). */
  filingId: z.number().int().nullable(),
  /** What is due and by which rule, in a sentence. */
  detail: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderInput = z.object({
  /** Look-ahead in days (overdue items are always included). */
  days: z.number().int().min(0).max(366).default(30),
  ownerType: z.enum(planOwnerTypes).optional(),
  enterpriseId: idSchema.optional(),
  villageId: idSchema.optional(),
  kind: z.enum(reminderKinds).optional(),
});

export const planFilingFields = z.object({
  planId: z.number({ error: '请选择预案' }).int().positive('请选择预案'),
  receivedOn: dateSchema('收到日期'),
  submitter: optionalText(20, '报送人'),
  submitterPhone: optionalPhone('联系电话'),
  materials: z.array(z.enum(planFilingMaterials)).default([]),
});

export const planFilingDecideInput = z.object({
  id: idSchema,
  result: z.enum(['已备案', '不予备案'], { error: '请选择核对结果' }),
  checkedOn: dateSchema('核对日期'),
  remark: optionalText(500, '说明'),
});

export const planFilingRowSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planName: z.string(),
  planKind: z.enum(planKinds),
  ...ownerOutShape,
  versionId: z.number().int(),
  version: z.string(),
  issuedOn: z.string(),
  docNo: z.string().nullable(),
  receivedOn: z.string(),
  submitter: z.string().nullable(),
  submitterPhone: z.string().nullable(),
  materials: z.array(z.enum(planFilingMaterials)),
  requiredMaterials: z.array(z.enum(planFilingMaterials)),
  missingMaterials: z.array(z.enum(planFilingMaterials)),
  status: z.enum(planFilingStatuses),
  /** 第二十八条: checked within 5 working days of receipt. */
  checkDeadline: computedDate,
  /** 第二十六条: whether it was received within 20 working days of the version's issue (null if not obliged). */
  receivedInTime: z.boolean().nullable(),
  checkedOn: z.string().nullable(),
  checkedBy: z.string().nullable(),
  number: z.string().nullable(),
  resultNote: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PlanFilingRow = z.infer<typeof planFilingRowSchema>;

export const planFilingFilters = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(planFilingStatuses).optional(),
  planId: idSchema.optional(),
  enterpriseId: idSchema.optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
});
export type PlanFilingFilters = z.infer<typeof planFilingFilters>;

export const plansApi = {
  'plans.list': method(
    planFilters.extend({ ...pagingInput, sortField: z.enum(planSortFields).optional(), sortOrder: sortOrderSchema.optional() }),
    pageOf(planRowSchema),
    'read',
  ),
  'plans.get': method(idInput, planSchema, 'read'),
  'plans.create': method(planFields, planSchema, 'write'),
  'plans.update': method(planUpdateFields, planSchema, 'write'),
  /** A new version (修订): the old one is kept as it was. */
  'plans.revise': method(planReviseInput, planSchema, 'write'),
  /** Records an evaluation (第三十五条); 需要修订 puts the plan 修订中 until revised. */
  'plans.evaluate': method(planEvaluateInput, planSchema, 'write'),
  /** Refused while drills or filings point at the plan. */
  'plans.delete': method(idInput, okOutput, 'write'),
  /** Department names already used, for the owner field's suggestions. */
  'plans.departments': method(z.object({}), z.array(z.string()), 'read'),
  /** What is overdue or due within `days`: filings, the office's filing checks, evaluations and drills. */
  'plans.reminders': method(reminderInput, z.object({ today: z.string(), items: z.array(reminderSchema) }), 'read'),
  'planFilings.list': method(
    planFilingFilters.extend({ ...pagingInput, sortOrder: sortOrderSchema.optional() }),
    pageOf(planFilingRowSchema),
    'read',
  ),
  'planFilings.get': method(idInput, planFilingRowSchema, 'read'),
  /** Registers an incoming 备案 of the plan's current version. */
  'planFilings.create': method(planFilingFields, planFilingRowSchema, 'write'),
  /** Corrects a filing still 待核对 (materials brought later, a wrong date). */
  'planFilings.update': method(planFilingFields.omit({ planId: true }).extend({ id: idSchema }), planFilingRowSchema, 'write'),
  /** 予以备案 (issues a number, records the filing on the version) or 不予备案 (names what is missing). */
  'planFilings.decide': method(planFilingDecideInput, planFilingRowSchema, 'write'),
  /** Only filings not accepted. */
  'planFilings.delete': method(idInput, okOutput, 'write'),
};
