import { z } from 'zod';
import { describeCasProblem, findCasProblem, normalizeCas } from '../domain/cas';
import { chinaBounds } from '../domain/enterprise';
import { majorHazardGrades } from '../domain/majorHazard';
import { tankCategories, tankPressureClasses, tankStatuses, tankTypes } from '../domain/tank';
import { method } from './contract';
import {
  dateSchema,
  idInput,
  idSchema,
  okOutput,
  optionalCoordinate,
  optionalDate,
  optionalPhone,
  optionalText,
  pageOf,
  pagingInput,
  requiredText,
  sortOrderSchema,
  timestampSchema,
} from './common';

const optionalCas = optionalText(20, 'CAS号')
  .transform((value) => (value === null ? null : normalizeCas(value)))
  .superRefine((value, context) => {
    const problem = value === null ? null : findCasProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: describeCasProblem(problem) });
  });

function optionalAmount(label: string, unit: string, max: number) {
  return z
    .number({ error: `${label}须为数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}过大（单位：${unit}）`)
    .nullish()
    .transform((value) => value ?? null);
}

/** Fields a tank keeps besides its status (which changes only through `tanks.changeStatus`, with date and reason). */
const tankEditableFields = z.object({
  code: requiredText(30, '罐号'),
  /** Exactly one owner: an enterprise or an idle site. */
  enterpriseId: idSchema.nullish().transform((value) => value ?? null),
  idleSiteId: idSchema.nullish().transform((value) => value ?? null),
  tankFarm: optionalText(30, '罐区'),
  medium: optionalText(50, '介质'),
  chemicalId: idSchema.nullish().transform((value) => value ?? null),
  cas: optionalCas,
  designCapacityM3: optionalAmount('设计容积', 'm³', 1_000_000),
  maxStoredT: optionalAmount('最大储存量', 't', 1_000_000),
  type: z.enum(tankTypes, { error: '请选择储罐类型' }).default('立式固定顶'),
  material: optionalText(30, '材质'),
  pressureClass: z.enum(tankPressureClasses, { error: '请选择压力等级' }).default('常压'),
  publicLabel: z.boolean().default(false),
  responsibleName: optionalText(20, '盯靠责任人'),
  responsiblePhone: optionalPhone('责任人电话'),
  lastCheckOn: optionalDate('最近检查日期'),
  registeredOn: dateSchema('登记日期'),
  longitude: optionalCoordinate('经度', chinaBounds.minLongitude, chinaBounds.maxLongitude),
  latitude: optionalCoordinate('纬度', chinaBounds.minLatitude, chinaBounds.maxLatitude),
  notes: optionalText(500, '备注'),
});

type TankCheck = { enterpriseId: number | null; idleSiteId: number | null; longitude: number | null; latitude: number | null };
function checkTank(fields: TankCheck, context: z.RefinementCtx): void {
  if ((fields.enterpriseId === null) === (fields.idleSiteId === null)) {
    context.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择所属企业或所属四闲场所（只能选其一）' });
  }
  if ((fields.longitude === null) !== (fields.latitude === null)) {
    const missing = fields.longitude === null ? 'longitude' : 'latitude';
    context.addIssue({ code: 'custom', path: [missing], message: '经度和纬度须同时填写或同时留空' });
  }
}

/** A new tank: its fields and the status it is found in (recorded as the first entry of its history). */
export const tankCreateFields = tankEditableFields
  .extend({ status: z.enum(tankStatuses, { error: '请选择状态' }).default('在用') })
  .superRefine(checkTank);
export const tankUpdateFields = tankEditableFields.extend({ id: idSchema }).superRefine(checkTank);
export type TankCreateFields = z.input<typeof tankCreateFields>;

export const tankSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  enterpriseId: z.number().int().nullable(),
  idleSiteId: z.number().int().nullable(),
  ownerKind: z.enum(['enterprise', 'idleSite']),
  ownerName: z.string(),
  villageId: z.number().int(),
  villageName: z.string(),
  /** Derived from the owner: an idle site, or the enterprise's industry. */
  category: z.enum(tankCategories),
  tankFarm: z.string().nullable(),
  medium: z.string().nullable(),
  chemicalId: z.number().int().nullable(),
  chemicalName: z.string().nullable(),
  cas: z.string().nullable(),
  designCapacityM3: z.number().nullable(),
  maxStoredT: z.number().nullable(),
  type: z.enum(tankTypes),
  material: z.string().nullable(),
  pressureClass: z.enum(tankPressureClasses),
  status: z.enum(tankStatuses),
  publicLabel: z.boolean(),
  responsibleName: z.string().nullable(),
  responsiblePhone: z.string().nullable(),
  lastCheckOn: z.string().nullable(),
  registeredOn: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Tank = z.infer<typeof tankSchema>;

export const tankSortFields = ['code', 'ownerName', 'status', 'registeredOn', 'updatedAt'] as const;

/** The list's filters; the ledger, export and summary reuse them. */
export const tankFilters = z.object({
  q: z.string().trim().max(50).optional(),
  category: z.enum(tankCategories).optional(),
  status: z.enum(tankStatuses).optional(),
  villageId: idSchema.optional(),
  enterpriseId: idSchema.optional(),
  idleSiteId: idSchema.optional(),
  /** false: only tanks without 公开标识. */
  publicLabel: z.boolean().optional(),
  /** false: only tanks without a 专人盯靠 responsible person. */
  hasResponsible: z.boolean().optional(),
});
export type TankFilters = z.infer<typeof tankFilters>;

export const tankStatusChangeSchema = z.object({
  id: z.number().int(),
  changedOn: z.string(),
  fromStatus: z.enum(tankStatuses).nullable(),
  toStatus: z.enum(tankStatuses),
  reason: z.string().nullable(),
  createdAt: timestampSchema,
  createdBy: z.string(),
});
export type TankStatusChange = z.infer<typeof tankStatusChangeSchema>;

const countsBy = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const tankSummarySchema = z.object({
  asOf: z.string(),
  /** Tanks registered by `asOf` and not 已拆除 as of then. */
  total: z.number().int(),
  byCategory: countsBy(tankCategories),
  byStatus: countsBy(tankStatuses),
  byVillage: z.array(z.object({ villageId: z.number().int(), villageName: z.string(), total: z.number().int(), byCategory: countsBy(tankCategories) })),
  /** Counted tanks without 公开标识 / without a responsible person. */
  unlabelled: z.number().int(),
  noResponsible: z.number().int(),
  /** Tanks 已拆除 by `asOf` (kept in history, not counted above). */
  removed: z.number().int(),
  /** The figures in the seed's words: 危险化学品企业储罐103个,一般化工企业储罐281个,四闲场所储罐91个. */
  sentence: z.string(),
});
export type TankSummary = z.infer<typeof tankSummarySchema>;

export const majorHazardUnitSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  /** The unit: the tank farm, or 未分罐区 for tanks without one. */
  tankFarm: z.string(),
  markedMajorHazard: z.boolean(),
  tankCount: z.number().int(),
  /** Tanks whose medium has no critical quantity in the catalogue (not counted in S). */
  tanksWithoutQ: z.number().int(),
  ratioSum: z.number(),
  isMajorHazard: z.boolean(),
  alpha: z.number().nullable(),
  risk: z.number().nullable(),
  grade: z.enum(majorHazardGrades).nullable(),
});
export type MajorHazardUnit = z.infer<typeof majorHazardUnitSchema>;

const idsInput = z.array(idSchema).min(1, '请至少选择一个储罐').max(1000);

export const tanksApi = {
  'tanks.list': method(
    tankFilters.extend({ ...pagingInput, sortField: z.enum(tankSortFields).optional(), sortOrder: sortOrderSchema.optional() }),
    pageOf(tankSchema),
    'read',
  ),
  'tanks.get': method(idInput, tankSchema, 'read'),
  'tanks.create': method(tankCreateFields, tankSchema, 'write'),
  'tanks.update': method(tankUpdateFields, tankSchema, 'write'),
  'tanks.delete': method(idInput, okOutput, 'write'),
  /** Changes the status of one or more tanks on a date, with the reason; each change is kept in the history. */
  'tanks.changeStatus': method(
    z.object({
      ids: idsInput,
      status: z.enum(tankStatuses, { error: '请选择新状态' }),
      changedOn: dateSchema('变更日期'),
      reason: requiredText(200, '变更原因'),
    }),
    z.object({ changed: z.number().int(), unchanged: z.number().int() }),
    'write',
  ),
  /** Assigns the 专人盯靠 responsible person to one or more tanks. */
  'tanks.assignResponsible': method(
    z.object({ ids: idsInput, responsibleName: requiredText(20, '盯靠责任人'), responsiblePhone: optionalPhone('责任人电话') }),
    z.object({ changed: z.number().int() }),
    'write',
  ),
  'tanks.statusHistory': method(idInput, z.array(tankStatusChangeSchema), 'read'),
  /** Counts as of a date (default today) under the list's filters, in the seed's words. */
  'tanks.summary': method(tankFilters.extend({ asOf: dateSchema('统计日期').optional() }), tankSummarySchema, 'read'),
  /**
   * GB 18218-2018 identification per enterprise tank farm from the tanks' largest stored quantities and the
   * catalogue's Q (and β); graded when the people within 500 m are given.
   */
  'tanks.majorHazards': method(
    z.object({ enterpriseId: idSchema.optional(), peopleWithin500m: z.number().int().min(0).max(1_000_000).optional() }),
    z.array(majorHazardUnitSchema),
    'read',
  ),
};
