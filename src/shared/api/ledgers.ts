import { z } from 'zod';
import { villageKinds } from '../domain/village';
import { method } from './contract';
import { enterpriseFilters, enterpriseSortFields } from './enterprises';
import { gridWorkerFilters } from './gridWorkers';
import { sortOrderSchema } from './common';
import { idleSiteFilters, idleSiteSortFields } from './idleSites';
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
]);
export type LedgerRequest = z.input<typeof ledgerRequestSchema>;

const ledgerColumnSchema = z.object({
  key: z.string(),
  header: z.string(),
  width: z.number(),
  align: z.enum(['left', 'center', 'right']),
});

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
  signatures: z.object({ preparer: z.string().nullable(), reviewer: z.string().nullable(), principal: z.string().nullable() }),
});
export type LedgerData = z.infer<typeof ledgerDataSchema>;

export const ledgersApi = {
  'ledgers.data': method(ledgerRequestSchema, ledgerDataSchema, 'read'),
};
