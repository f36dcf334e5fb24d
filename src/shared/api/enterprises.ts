import { z } from 'zod';
import {
  chinaBounds,
  enterpriseStatuses,
  industries,
  riskLevels,
  standardizationLevels,
} from '../domain/enterprise';
import { describeUsccProblem, findUsccProblem, normalizeUscc } from '../domain/uscc';
import { method } from './contract';
import {
  idInput,
  idSchema,
  okOutput,
  optionalCoordinate,
  optionalCount,
  optionalPhone,
  optionalText,
  pageOf,
  pagingInput,
  requiredText,
  sortOrderSchema,
  timestampSchema,
} from './common';

export const usccSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .transform(normalizeUscc)
  .superRefine((code, context) => {
    if (code.length === 0) {
      context.addIssue({ code: 'custom', message: '请填写统一社会信用代码' });
      return;
    }
    const problem = findUsccProblem(code);
    if (problem) context.addIssue({ code: 'custom', message: describeUsccProblem(problem) });
  });

/** Editable fields of an enterprise (一企一档), shared by the form, the API and the Excel import. */
export const enterpriseFields = z
  .object({
    name: requiredText(100, '企业名称'),
    uscc: usccSchema,
    address: optionalText(200, '地址'),
    villageId: z.number({ error: '请选择所属村/社区' }).int().positive('请选择所属村/社区'),
    industry: z.enum(industries, { error: '请选择行业领域' }),
    supervisingDept: optionalText(50, '行业主管部门'),
    riskLevel: z.enum(riskLevels, { error: '请选择风险等级' }),
    keySupervised: z.boolean().default(false),
    standardization: z.enum(standardizationLevels, { error: '请选择标准化等级' }).default('未定级'),
    majorHazard: z.boolean().default(false),
    principalName: optionalText(20, '主要负责人'),
    principalPhone: optionalPhone('主要负责人电话'),
    safetyManagerName: optionalText(20, '安全管理人员'),
    safetyManagerPhone: optionalPhone('安全管理人员电话'),
    employees: optionalCount('从业人员数', 1_000_000),
    status: z.enum(enterpriseStatuses, { error: '请选择经营状态' }).default('在产'),
    gridWorkerId: idSchema.nullish().transform((value) => value ?? null),
    longitude: optionalCoordinate('经度', chinaBounds.minLongitude, chinaBounds.maxLongitude),
    latitude: optionalCoordinate('纬度', chinaBounds.minLatitude, chinaBounds.maxLatitude),
    notes: optionalText(1000, '备注'),
  })
  .superRefine((fields, context) => {
    if ((fields.longitude === null) !== (fields.latitude === null)) {
      const missing = fields.longitude === null ? 'longitude' : 'latitude';
      context.addIssue({ code: 'custom', path: [missing], message: '经度和纬度须同时填写或同时留空' });
    }
  });
export type EnterpriseFields = z.input<typeof enterpriseFields>;

export const enterpriseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  villageId: z.number().int(),
  villageName: z.string(),
  industry: z.enum(industries),
  supervisingDept: z.string().nullable(),
  riskLevel: z.enum(riskLevels),
  keySupervised: z.boolean(),
  standardization: z.enum(standardizationLevels),
  majorHazard: z.boolean(),
  principalName: z.string().nullable(),
  principalPhone: z.string().nullable(),
  safetyManagerName: z.string().nullable(),
  safetyManagerPhone: z.string().nullable(),
  employees: z.number().nullable(),
  status: z.enum(enterpriseStatuses),
  gridWorkerId: z.number().int().nullable(),
  gridWorkerName: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseSortFields = ['name', 'uscc', 'riskLevel', 'industry', 'status', 'employees', 'updatedAt'] as const;

/** The list's filters; print and Excel export reuse them so a ledger shows what the list shows. */
export const enterpriseFilters = z.object({
  q: z.string().trim().max(50).optional(),
  villageId: idSchema.optional(),
  industry: z.enum(industries).optional(),
  riskLevel: z.enum(riskLevels).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  keySupervised: z.boolean().optional(),
  standardization: z.enum(standardizationLevels).optional(),
  majorHazard: z.boolean().optional(),
  gridWorkerId: idSchema.optional(),
});
export type EnterpriseFilters = z.infer<typeof enterpriseFilters>;

export const riskCountsSchema = z.object({ red: z.number(), orange: z.number(), yellow: z.number(), blue: z.number() });

/** A record that still points at an enterprise and so blocks deleting it. */
export const linkSchema = z.object({ label: z.string(), count: z.number().int() });

export const enterprisesApi = {
  'enterprises.list': method(
    enterpriseFilters.extend({
      ...pagingInput,
      sortField: z.enum(enterpriseSortFields).optional(),
      sortOrder: sortOrderSchema.optional(),
    }),
    pageOf(enterpriseSchema).extend({
      /** Per risk colour, under every filter except the risk colour itself. */
      riskCounts: riskCountsSchema,
    }),
    'read',
  ),
  'enterprises.get': method(idInput, enterpriseSchema, 'read'),
  'enterprises.options': method(
    z.object({ q: z.string().trim().max(50).optional(), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(z.object({ id: z.number().int(), name: z.string(), uscc: z.string() })),
    'read',
  ),
  'enterprises.create': method(enterpriseFields, enterpriseSchema, 'write'),
  'enterprises.update': method(
    enterpriseFields.safeExtend({ id: idInput.shape.id }),
    enterpriseSchema,
    'write',
  ),
  /** Soft delete; refused (CONFLICT naming the links) while other records still point at the enterprise. */
  'enterprises.delete': method(idInput, okOutput, 'write'),
  'enterprises.links': method(idInput, z.array(linkSchema), 'read'),
};
