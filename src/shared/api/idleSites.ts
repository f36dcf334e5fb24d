import { z } from 'zod';
import { chinaBounds } from '../domain/enterprise';
import { idleSiteDisposals, idleSiteFindings, idleSiteKinds } from '../domain/idleSite';
import { disposalNeedsDate, disposalProblem } from '../domain/idleSiteRules';
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

const findingSchema = z.enum(idleSiteFindings, { error: '请选择排查发现' });
const disposalSchema = z.enum(idleSiteDisposals, { error: '请选择处置情况' });

const idleSiteObject = z.object({
  name: requiredText(100, '场所名称'),
  kind: z.enum(idleSiteKinds, { error: '请选择场所类型' }),
  address: optionalText(200, '地址'),
  villageId: z.number({ error: '请选择所属村/社区' }).int().positive('请选择所属村/社区'),
  /** 户主/产权人: a person, or a collective (村股份经济合作社) owning the site. */
  ownerName: optionalText(50, '户主/产权人'),
  ownerPhone: optionalPhone('联系电话'),
  currentUse: optionalText(100, '现用途'),
  /** The site's current finding; `idleSites.addInspection` moves it on, the inspections keep every one. */
  finding: findingSchema.default('无违法'),
  disposal: disposalSchema.default('无需处置'),
  sealed: z.boolean().default(false),
  /** 抽样化验 done at the site (ever: a later visit without sampling does not undo it). */
  sampled: z.boolean().default(false),
  /** 排查日期: the day the sweep found the site; summaries for a period count sites by it. */
  foundOn: dateSchema('排查日期'),
  /** 处置日期: the day the current disposal was carried out; required exactly when the disposal is an act. */
  disposedOn: optionalDate('处置日期'),
  gridWorkerId: idSchema.nullish().transform((value) => value ?? null),
  longitude: optionalCoordinate('经度', chinaBounds.minLongitude, chinaBounds.maxLongitude),
  latitude: optionalCoordinate('纬度', chinaBounds.minLatitude, chinaBounds.maxLatitude),
  notes: optionalText(1000, '备注'),
});

type SiteCheck = Pick<z.output<typeof idleSiteObject>, 'finding' | 'disposal' | 'foundOn' | 'disposedOn' | 'longitude' | 'latitude'>;

/** Rules across fields, each reported under the field to fix. */
function checkIdleSite(fields: SiteCheck, context: z.RefinementCtx): void {
  const problem = disposalProblem(fields.finding, fields.disposal);
  if (problem) context.addIssue({ code: 'custom', path: ['disposal'], message: problem });
  if (disposalNeedsDate(fields.disposal) && fields.disposedOn === null) {
    context.addIssue({ code: 'custom', path: ['disposedOn'], message: `处置情况为“${fields.disposal}”时请填写处置日期` });
  }
  if (!disposalNeedsDate(fields.disposal) && fields.disposedOn !== null) {
    context.addIssue({ code: 'custom', path: ['disposedOn'], message: `处置情况为“${fields.disposal}”时不填处置日期` });
  }
  if (fields.disposedOn !== null && fields.disposedOn < fields.foundOn) {
    context.addIssue({ code: 'custom', path: ['disposedOn'], message: '处置日期不能早于排查日期' });
  }
  if ((fields.longitude === null) !== (fields.latitude === null)) {
    const missing = fields.longitude === null ? 'longitude' : 'latitude';
    context.addIssue({ code: 'custom', path: [missing], message: '经度和纬度须同时填写或同时留空' });
  }
}

/** A disposal of 贴封条 means the seals are on, whatever the checkbox said. */
function sealedByDisposal<T extends { disposal: string; sealed: boolean }>(fields: T): T {
  return fields.disposal === '贴封条' ? { ...fields, sealed: true } : fields;
}

/** Editable fields of a 四闲场所, shared by the form, the API and (later) the Excel import. */
export const idleSiteFields = idleSiteObject.superRefine(checkIdleSite).transform(sealedByDisposal);
export type IdleSiteFields = z.input<typeof idleSiteFields>;

const idleSiteUpdate = idleSiteObject.extend({ id: idSchema }).superRefine(checkIdleSite).transform(sealedByDisposal);

export const idleSiteSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(idleSiteKinds),
  address: z.string().nullable(),
  villageId: z.number().int(),
  villageName: z.string(),
  ownerName: z.string().nullable(),
  ownerPhone: z.string().nullable(),
  currentUse: z.string().nullable(),
  finding: z.enum(idleSiteFindings),
  disposal: z.enum(idleSiteDisposals),
  sealed: z.boolean(),
  sampled: z.boolean(),
  foundOn: z.string(),
  disposedOn: z.string().nullable(),
  gridWorkerId: z.number().int().nullable(),
  gridWorkerName: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  notes: z.string().nullable(),
  /** How many inspections are recorded, and the date of the latest (null when none). */
  inspectionCount: z.number().int(),
  lastInspectedOn: z.string().nullable(),
  /** Live tanks registered at the site. */
  tankCount: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type IdleSite = z.infer<typeof idleSiteSchema>;

export const idleSiteSortFields = ['foundOn', 'name', 'updatedAt'] as const;

/** The list's filters (kept in the URL by the list page). */
export const idleSiteFilters = z.object({
  /** Matches name, address or 户主/产权人. */
  q: z.string().trim().max(50).optional(),
  villageId: idSchema.optional(),
  kind: z.enum(idleSiteKinds).optional(),
  finding: z.enum(idleSiteFindings).optional(),
  disposal: z.enum(idleSiteDisposals).optional(),
  /** 排查日期 from/to (inclusive), the same period `idleSites.summary` counts. */
  foundFrom: dateSchema('起始日期').optional(),
  foundTo: dateSchema('截止日期').optional(),
});
export type IdleSiteFilters = z.infer<typeof idleSiteFilters>;

/** One visit to a site. */
export const idleSiteInspectionFields = z
  .object({
    idleSiteId: idSchema,
    inspectedOn: dateSchema('排查日期'),
    inspectors: requiredText(100, '排查人员'),
    finding: findingSchema,
    disposal: disposalSchema,
    sealed: z.boolean().default(false),
    sampled: z.boolean().default(false),
    remark: optionalText(500, '情况说明'),
  })
  .superRefine((fields, context) => {
    const problem = disposalProblem(fields.finding, fields.disposal);
    if (problem) context.addIssue({ code: 'custom', path: ['disposal'], message: problem });
  })
  .transform(sealedByDisposal);
export type IdleSiteInspectionFields = z.input<typeof idleSiteInspectionFields>;

export const idleSiteInspectionSchema = z.object({
  id: z.number().int(),
  idleSiteId: z.number().int(),
  inspectedOn: z.string(),
  inspectors: z.string(),
  finding: z.enum(idleSiteFindings),
  disposal: z.enum(idleSiteDisposals),
  sealed: z.boolean(),
  sampled: z.boolean(),
  remark: z.string().nullable(),
  createdAt: timestampSchema,
  /** Display name of the user who recorded it. */
  createdBy: z.string(),
});
export type IdleSiteInspection = z.infer<typeof idleSiteInspectionSchema>;

const countsByDisposal = z.object(Object.fromEntries(idleSiteDisposals.map((disposal) => [disposal, z.number().int()])) as Record<
  (typeof idleSiteDisposals)[number],
  z.ZodNumber
>);

export const idleSiteSummaryInput = z
  .object({
    from: optionalDate('起始日期'),
    to: optionalDate('截止日期'),
    villageId: idSchema.optional(),
  })
  .superRefine((input, context) => {
    if (input.from && input.to && input.from > input.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: '截止日期不能早于起始日期' });
    }
  });

export const idleSiteSummarySchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  villageName: z.string().nullable(),
  /** 排查四闲场所 N 处: live sites found (foundOn) within the period. */
  total: z.number().int(),
  /** 发现非法违法行为 N 起: of those, sites whose finding is not 无违法. */
  illegal: z.number().int(),
  /** The violations by their current disposal (停业整顿 N 起, 取缔 N 处, …); sums to `illegal`. */
  byDisposal: countsByDisposal,
  /** 张贴封条 N 处: sites with seals on (贴封条 alone, or with another disposal). */
  sealed: z.number().int(),
  /** 抽样化验 N 处. */
  sampled: z.number().int(),
  /** The counts as one sentence in the office's report wording. */
  sentence: z.string(),
});
export type IdleSiteSummary = z.infer<typeof idleSiteSummarySchema>;

export const idleSitesApi = {
  'idleSites.list': method(
    idleSiteFilters.extend({
      ...pagingInput,
      sortField: z.enum(idleSiteSortFields).optional(),
      sortOrder: sortOrderSchema.optional(),
    }),
    pageOf(idleSiteSchema),
    'read',
  ),
  'idleSites.get': method(idInput, idleSiteSchema, 'read'),
  /** Live sites for a picker (the tank form's owner): by name or address, alphabetical. */
  'idleSites.options': method(
    z.object({ q: z.string().trim().max(50).optional(), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(z.object({ id: z.number().int(), name: z.string(), villageName: z.string() })),
    'read',
  ),
  'idleSites.create': method(idleSiteFields, idleSiteSchema, 'write'),
  'idleSites.update': method(idleSiteUpdate, idleSiteSchema, 'write'),
  /** Soft delete; refused (CONFLICT naming them) while live records such as tanks still point at the site. */
  'idleSites.delete': method(idInput, okOutput, 'write'),
  /** The site's inspections, newest first. */
  'idleSites.inspections': method(z.object({ idleSiteId: idSchema }), z.array(idleSiteInspectionSchema), 'read'),
  /**
   * Appends an inspection and, when it is the latest one, makes its finding, disposal and seals the site's
   * current state (处置日期 = the inspection's date when the disposal is a new act); 抽样化验 is kept once done.
   * One transaction, audited on the site. `current` says whether the site's state moved on.
   */
  'idleSites.addInspection': method(
    idleSiteInspectionFields,
    z.object({ site: idleSiteSchema, inspection: idleSiteInspectionSchema, current: z.boolean() }),
    'write',
  ),
  /** The counts for a period (by 排查日期) and village, with the report sentence. */
  'idleSites.summary': method(idleSiteSummaryInput, idleSiteSummarySchema, 'read'),
};
