import { z } from 'zod';
import { specialWorkDocuments } from '../domain/specialWork';
import { villageKinds } from '../domain/village';
import { method } from './contract';
import { drillFilters, drillSortFields } from './drills';
import { enterpriseFilters, enterpriseSortFields } from './enterprises';
import { filingFilters, filingSchema, filingSortFields, filingStatusChangeSchema } from './filings';
import { gridWorkerFilters } from './gridWorkers';
import { hazardFilters, hazardSchema, hazardSortFields, inspectionFilters, inspectionSortFields, orderFilters, orderSchema, orderSortFields } from './hazards';
import { idInput, idSchema, sortOrderSchema } from './common';
import { idleSiteFilters, idleSiteSortFields } from './idleSites';
import { planFilingFilters, planFilters, planSortFields } from './plans';
import { tankFilters, tankSortFields } from './tanks';
import { villageSortFields } from './villages';

const columnsInput = z.array(z.string().max(40)).max(40).optional();

/** Which ledger, with the same filters and sort its list page uses (so 打印 prints what the list shows). */
export const ledgerRequestSchema = z.discriminatedUnion('ledger', [
  z.object({
    ledger: z.literal('enterprises'),
    filters: enterpriseFilters.default({}),
    sortField: z.enum(enterpriseSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  z.object({
    ledger: z.literal('villages'),
    filters: z.object({ q: z.string().trim().max(50).optional(), kind: z.enum(villageKinds).optional() }).default({}),
    sortField: z.enum(villageSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // The grid worker list has no sort of its own (always by name), so neither has its 名册.
  z.object({
    ledger: z.literal('gridWorkers'),
    filters: gridWorkerFilters.default({}),
    columns: columnsInput,
  }),
  z.object({
    ledger: z.literal('idleSites'),
    filters: idleSiteFilters.default({}),
    sortField: z.enum(idleSiteSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  z.object({
    ledger: z.literal('tanks'),
    filters: tankFilters.default({}),
    sortField: z.enum(tankSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the register runs by 计划开始, earliest first (the list page shows the latest first).
  z.object({
    ledger: z.literal('filings'),
    filters: filingFilters.default({}),
    sortField: z.enum(filingSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the plan register runs by owner (镇, 部门, 村, 企业), then unit and plan name.
  z.object({
    ledger: z.literal('plans'),
    filters: planFilters.default({}),
    sortField: z.enum(planSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // The 备案 desk list sorts only by date received; the register reads earliest first unless told otherwise.
  z.object({
    ledger: z.literal('planFilings'),
    filters: planFilingFilters.default({}),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the drill register runs by 演练日期, earliest first.
  z.object({
    ledger: z.literal('drills'),
    filters: drillFilters.default({}),
    sortField: z.enum(drillSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the hazard register runs by 发现日期, earliest first.
  z.object({
    ledger: z.literal('hazards'),
    filters: hazardFilters.default({}),
    sortField: z.enum(hazardSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // The hazard list's filters; the rows are always the 重大 ones (a `level` given is overridden).
  z.object({
    ledger: z.literal('majorHazards'),
    filters: hazardFilters.default({}),
    sortField: z.enum(hazardSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the inspection register runs by 检查日期, earliest first (the list page shows the latest first).
  z.object({
    ledger: z.literal('inspections'),
    filters: inspectionFilters.default({}),
    sortField: z.enum(inspectionSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
  // Without a sort the order register runs by number, first issued first (the list page shows the latest first).
  z.object({
    ledger: z.literal('orders'),
    filters: orderFilters.default({}),
    sortField: z.enum(orderSortFields).optional(),
    sortOrder: sortOrderSchema.optional(),
    columns: columnsInput,
  }),
]);
export type LedgerRequest = z.input<typeof ledgerRequestSchema>;

const ledgerColumnSchema = z.object({
  key: z.string(),
  header: z.string(),
  /** The column's share of the printed width (its `printWidth` where it has one). */
  width: z.number(),
  align: z.enum(['left', 'center', 'right']),
});

/** 填表人, 审核人, 负责人 as the settings name them (empty lines where they do not). */
const signaturesSchema = z.object({ preparer: z.string().nullable(), reviewer: z.string().nullable(), principal: z.string().nullable() });

/** Everything a printed or exported ledger shows, already formatted. */
export const ledgerDataSchema = z.object({
  title: z.string(),
  orgName: z.string(),
  /** 填报日期, YYYY年M月D日. */
  date: z.string(),
  /** One line naming the filters, or 全部 when none. */
  filterSummary: z.string(),
  orientation: z.enum(['landscape', 'portrait']),
  columns: z.array(ledgerColumnSchema),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  signatures: signaturesSchema,
});
export type LedgerData = z.infer<typeof ledgerDataSchema>;

/**
 * 特殊作业报备审核表: one filing as the office prints, signs and files it — its facts, the documents it had to
 * bring (ticked when brought), the rule warnings and the reason given, the site check and the workflow history.
 */
export const filingSheetSchema = z.object({
  title: z.string(),
  orgName: z.string(),
  /** 打印日期, YYYY年M月D日. */
  date: z.string(),
  filing: filingSchema,
  /** The grade the work is managed at when the rules raised it (动火 on a holiday, rest day or at night). */
  managedGrade: z.string().nullable(),
  /** Every document the kind and grade require, in order, and whether the filing brought it. */
  requiredDocuments: z.array(z.object({ name: z.enum(specialWorkDocuments), submitted: z.boolean() })),
  /** Documents brought beyond those required. */
  extraDocuments: z.array(z.enum(specialWorkDocuments)),
  history: z.array(filingStatusChangeSchema.extend({ actionLabel: z.string() })),
  signatures: signaturesSchema,
});
export type FilingSheet = z.infer<typeof filingSheetSchema>;

/**
 * 责令限期整改指令书 and, once the order is reviewed, its 整改复查意见书: the order with its hazards, the issuing
 * authority (the office's name from the settings) and the dates written the way the documents write them.
 */
export const orderSheetSchema = z.object({
  /** 责令限期整改指令书. */
  title: z.string(),
  /** 执法机关: the office's name (填报单位 in the settings), or 〈镇〉应急管理办公室 when it has none. */
  orgName: z.string(),
  townName: z.string(),
  order: orderSchema.extend({ hazards: z.array(hazardSchema) }),
  /** YYYY年M月D日. */
  issuedOnText: z.string(),
  deadlineText: z.string(),
  /** Null until the order is reviewed (then there is no 复查意见书 to print). */
  reviewedOnText: z.string().nullable(),
  /** 打印日期, YYYY年M月D日. */
  date: z.string(),
});
export type OrderSheet = z.infer<typeof orderSheetSchema>;

/** One open 重大 hazard as the 通报 lists it. */
export const noticeHazardSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  targetName: z.string(),
  villageName: z.string(),
  place: z.string(),
  description: z.string(),
  foundOn: z.string(),
  status: z.string(),
  listedAuthority: z.string().nullable(),
  listedDocNo: z.string().nullable(),
  assignedUnit: z.string().nullable(),
  deadline: z.string(),
  /** Days past the deadline as of the notice's day; 0 when not overdue. */
  overdueDays: z.number().int(),
  governancePlan: z.string(),
});

/**
 * 重大隐患通报 (一单四制's 通报制): the 重大 hazards not yet closed as of today, the most overdue first, with the
 * figures its opening sentence gives.
 */
export const majorHazardNoticeSchema = z.object({
  title: z.string(),
  /** The office issuing it, as on the 指令书. */
  orgName: z.string(),
  townName: z.string(),
  /** The village the notice is limited to, or null for the whole town. */
  villageName: z.string().nullable(),
  /** YYYY-MM-DD and YYYY年M月D日: the day the figures are counted at (today). */
  asOf: z.string(),
  date: z.string(),
  hazards: z.array(noticeHazardSchema),
  counts: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    /** Open and with no 挂牌督办单位 recorded. */
    unlisted: z.number().int(),
    /** Closed (已销号) this calendar year. */
    closedThisYear: z.number().int(),
  }),
});
export type MajorHazardNotice = z.infer<typeof majorHazardNoticeSchema>;

export const ledgersApi = {
  'ledgers.data': method(ledgerRequestSchema, ledgerDataSchema, 'read'),
  'ledgers.filingSheet': method(idInput, filingSheetSchema, 'read'),
  'ledgers.orderSheet': method(idInput, orderSheetSchema, 'read'),
  'ledgers.majorHazardNotice': method(z.object({ villageId: idSchema.optional() }), majorHazardNoticeSchema, 'read'),
};
