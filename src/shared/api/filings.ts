import { z } from 'zod';
import { industries } from '../domain/enterprise';
import {
  filingActions,
  filingFlags,
  filingStatuses,
  heightClasses,
  isValidDateTime,
  specialWorkDocuments,
  specialWorkKinds,
  type SpecialWorkGrade,
} from '../domain/specialWork';
import { method } from './contract';
import { dateSchema, idInput, idSchema, okOutput, optionalPhone, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';

/** A local date-time `YYYY-MM-DD HH:mm` that exists, with a Chinese message naming the field. */
export function dateTimeSchema(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, `${label}格式应为 YYYY-MM-DD HH:mm`)
    .refine(isValidDateTime, `${label}不是存在的时间`);
}

function optionalAmount(label: string, unit: string, max: number) {
  return z
    .number({ error: `${label}须为数字` })
    .positive(`${label}须大于 0`)
    .max(max, `${label}过大（单位：${unit}）`)
    .nullish()
    .transform((value) => value ?? null);
}

export const filingWorkerSchema = z.object({
  name: requiredText(20, '作业人员姓名'),
  certificateNo: optionalText(40, '证书编号'),
});

/** What the office records of a filing; the rules of `specialWorkRules` run on it server-side. */
export const filingFields = z.object({
  enterpriseId: z.number({ error: '请选择报备企业' }).int().positive('请选择报备企业'),
  kind: z.enum(specialWorkKinds, { error: '请选择作业类别' }),
  /** Chosen for 动火/切割; computed for 高处 and 吊装 from the fields below (any value sent is ignored). */
  grade: z
    .string()
    .nullish()
    .transform((value) => (value ? (value as SpecialWorkGrade) : null)),
  heightM: optionalAmount('作业高度', 'm', 1000),
  heightClass: z.enum(heightClasses).nullish().transform((value) => value ?? null),
  loadT: optionalAmount('吊物质量', 't', 100_000),
  place: requiredText(100, '作业地点'),
  content: requiredText(500, '作业内容'),
  plannedStart: dateTimeSchema('计划开始时间'),
  plannedEnd: dateTimeSchema('计划结束时间'),
  contractor: optionalText(100, '施工单位'),
  contractorQualification: optionalText(60, '资质证书编号'),
  leaderName: requiredText(20, '作业负责人'),
  leaderPhone: optionalPhone('负责人电话'),
  guardianName: requiredText(20, '监护人'),
  workers: z.array(filingWorkerSchema).max(50, '作业人员最多 50 人').default([]),
  tankIds: z.array(idSchema).max(50).default([]),
  riskIdentification: optionalText(1000, '危害识别'),
  measures: optionalText(1000, '安全措施'),
  documents: z.array(z.enum(specialWorkDocuments)).default([]),
  /** Why the filing proceeds despite its warnings; required when there are any. */
  warningReason: optionalText(300, '继续报备的理由'),
});
export type FilingFields = z.input<typeof filingFields>;

export const filingFindingSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export type FilingFindingOut = z.infer<typeof filingFindingSchema>;

export const filingCheckSchema = z.object({
  errors: z.array(filingFindingSchema),
  warnings: z.array(filingFindingSchema),
  grade: z.string().nullable(),
  managedGrade: z.string().nullable(),
});

export const filingSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  industry: z.enum(industries),
  villageId: z.number().int(),
  villageName: z.string(),
  kind: z.enum(specialWorkKinds),
  grade: z.string().nullable(),
  heightM: z.number().nullable(),
  heightClass: z.enum(heightClasses).nullable(),
  loadT: z.number().nullable(),
  place: z.string(),
  content: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  contractor: z.string().nullable(),
  contractorQualification: z.string().nullable(),
  leaderName: z.string(),
  leaderPhone: z.string().nullable(),
  guardianName: z.string(),
  workers: z.array(z.object({ name: z.string(), certificateNo: z.string().nullable() })),
  tanks: z.array(z.object({ id: z.number().int(), code: z.string(), status: z.string(), ownerName: z.string() })),
  riskIdentification: z.string().nullable(),
  measures: z.string().nullable(),
  documents: z.array(z.enum(specialWorkDocuments)),
  status: z.enum(filingStatuses),
  warnings: z.array(filingFindingSchema),
  warningReason: z.string().nullable(),
  siteCheckOn: z.string().nullable(),
  siteCheckInspectors: z.string().nullable(),
  siteCheckPassed: z.boolean().nullable(),
  siteCheckRemark: z.string().nullable(),
  closingReason: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  completionRemark: z.string().nullable(),
  createdBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Filing = z.infer<typeof filingSchema>;

/** A filing as lists and the board show it: the facts, not the checklists. */
export const filingRowSchema = filingSchema.pick({
  id: true,
  number: true,
  enterpriseId: true,
  enterpriseName: true,
  villageId: true,
  villageName: true,
  kind: true,
  grade: true,
  place: true,
  content: true,
  plannedStart: true,
  plannedEnd: true,
  contractor: true,
  leaderName: true,
  guardianName: true,
  status: true,
  siteCheckOn: true,
  actualStart: true,
  actualEnd: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  /** Warnings acknowledged when it was filed (holiday, night, overlap…). */
  warningCount: z.number().int(),
  /** Board flags, as of the moment of the call. */
  flags: z.array(z.enum(filingFlags)),
});
export type FilingRow = z.infer<typeof filingRowSchema>;

export const filingSortFields = ['plannedStart', 'number', 'enterpriseName', 'status', 'updatedAt'] as const;

/** The list's filters; the ledger and export reuse them. A date range keeps filings whose window touches it. */
export const filingFilters = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(specialWorkKinds).optional(),
  status: z.enum(filingStatuses).optional(),
  enterpriseId: idSchema.optional(),
  villageId: idSchema.optional(),
  tankId: idSchema.optional(),
  from: dateSchema('开始日期').optional(),
  to: dateSchema('结束日期').optional(),
  /** Only filings flagged now: started without approval, or approved and past their window. */
  flagged: z.boolean().optional(),
});
export type FilingFilters = z.infer<typeof filingFilters>;

export const filingStatusChangeSchema = z.object({
  id: z.number().int(),
  action: z.enum([...filingActions, 'create', 'update']),
  fromStatus: z.enum(filingStatuses).nullable(),
  toStatus: z.enum(filingStatuses),
  remark: z.string().nullable(),
  createdAt: timestampSchema,
  createdBy: z.string(),
});
export type FilingStatusChange = z.infer<typeof filingStatusChangeSchema>;

/** One workflow step; each action takes the fields it needs (checked by the server for the action). */
export const filingTransitionInput = z.object({
  id: idSchema,
  action: z.enum(filingActions, { error: '未知的操作' }),
  remark: optionalText(500, '备注'),
  /** 现场核查. */
  siteCheckOn: dateSchema('核查日期').optional(),
  siteCheckInspectors: optionalText(60, '核查人员'),
  siteCheckPassed: z.boolean().optional(),
  /** 开始作业 / 完工复查: when it happened (default now). */
  at: dateTimeSchema('时间').optional(),
  /** Reason to approve despite the warnings the approval re-check finds. */
  warningReason: optionalText(300, '继续的理由'),
});

const boardDay = z.object({
  date: z.string(),
  /** 节假日/休息日 name, or null on a working day. */
  dayNote: z.string().nullable(),
  items: z.array(filingRowSchema),
  byStatus: z.record(z.string(), z.number().int()),
  byKind: z.record(z.string(), z.number().int()),
});

export const filingBoardSchema = z.object({
  now: z.string(),
  today: boardDay,
  tomorrow: boardDay,
  /** Approved works past their window and not closed, whatever their day. */
  pastWindow: z.array(filingRowSchema),
  /** Works whose window has started but that are not approved. */
  unapprovedStarted: z.array(filingRowSchema),
});
export type FilingBoard = z.infer<typeof filingBoardSchema>;

export const filingsApi = {
  'filings.list': method(
    filingFilters.extend({ ...pagingInput, sortField: z.enum(filingSortFields).optional(), sortOrder: sortOrderSchema.optional() }),
    pageOf(filingRowSchema),
    'read',
  ),
  'filings.get': method(idInput, filingSchema, 'read'),
  /** Runs the rules on a draft (the form shows errors and warnings as the user types); `id` when editing. */
  'filings.check': method(filingFields.extend({ id: idSchema.optional() }), filingCheckSchema, 'read'),
  'filings.create': method(filingFields, filingSchema, 'write'),
  /** Only before approval (待审核, 待现场核查). */
  'filings.update': method(filingFields.extend({ id: idSchema }), filingSchema, 'write'),
  /** Only filings nothing was approved for (待审核, 驳回, 撤销). */
  'filings.delete': method(idInput, okOutput, 'write'),
  'filings.transition': method(filingTransitionInput, filingSchema, 'write'),
  'filings.history': method(idInput, z.array(filingStatusChangeSchema), 'read'),
  /** 今日作业: works planned or running today and tomorrow (as of `date`, default today), and the flagged ones. */
  'filings.board': method(z.object({ date: dateSchema('日期').optional() }), filingBoardSchema, 'read'),
  /** Filings per day for the calendar (windows touching [from, to], at most 62 days). */
  'filings.calendar': method(
    z.object({ from: dateSchema('开始日期'), to: dateSchema('结束日期'), kind: z.enum(specialWorkKinds).optional(), villageId: idSchema.optional() }),
    z.array(filingRowSchema),
    'read',
  ),
};
