import { z } from 'zod';
import { specialWorkDocuments } from '../domain/specialWork';
import { villageKinds } from '../domain/village';
import { method } from './contract';
import { drillFilters, drillSortFields } from './drills';
import { enterpriseFilters, enterpriseSortFields } from './enterprises';
import { filingFilters, filingSchema, filingSortFields, filingStatusChangeSchema } from './filings';
import { gridWorkerFilters } from './gridWorkers';
import { idInput, sortOrderSchema } from './common';
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

export const ledgersApi = {
  'ledgers.data': method(ledgerRequestSchema, ledgerDataSchema, 'read'),
  'ledgers.filingSheet': method(idInput, filingSheetSchema, 'read'),
};
