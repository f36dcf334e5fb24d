import { z } from 'zod';
import { method } from './contract';
import { idInput, idSchema, okOutput, optionalPhone, optionalText, pageOf, pagingInput, requiredText, timestampSchema } from './common';

/** 网格员: village grid workers watch their villages; enterprise grid workers sit inside large enterprises. */
export const gridWorkerKinds = ['村（社区）网格员', '企业网格员'] as const;

export const gridWorkerFields = z.object({
  name: requiredText(20, '姓名'),
  kind: z.enum(gridWorkerKinds, { error: '请选择网格员类别' }).default('村（社区）网格员'),
  phone: optionalPhone('联系电话'),
  villageIds: z.array(idSchema, { error: '请选择负责的村/社区' }).min(1, '请至少选择一个负责的村/社区').max(50),
  notes: optionalText(500, '备注'),
});
export type GridWorkerFields = z.input<typeof gridWorkerFields>;

export const gridWorkerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(gridWorkerKinds),
  phone: z.string().nullable(),
  villageIds: z.array(z.number().int()),
  villageNames: z.array(z.string()),
  /** Live enterprises assigned to this grid worker. */
  enterpriseCount: z.number().int(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type GridWorker = z.infer<typeof gridWorkerSchema>;

/**
 * The grid worker list's filters: a keyword (name or phone) and a village the worker covers. Shared by the
 * list and its printed/exported 网格员名册, so 打印 and 导出Excel take exactly what the list shows.
 */
export const gridWorkerFilters = z.object({ q: z.string().trim().max(50).optional(), villageId: idSchema.optional() });
export type GridWorkerFilters = z.infer<typeof gridWorkerFilters>;

export const gridWorkersApi = {
  'gridWorkers.list': method(
    gridWorkerFilters.extend(pagingInput),
    pageOf(gridWorkerSchema),
    'read',
  ),
  'gridWorkers.options': method(
    z.object({ villageId: idSchema.optional() }),
    z.array(z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() })),
    'read',
  ),
  'gridWorkers.create': method(gridWorkerFields, gridWorkerSchema, 'write'),
  'gridWorkers.update': method(gridWorkerFields.extend({ id: idInput.shape.id }), gridWorkerSchema, 'write'),
  'gridWorkers.delete': method(idInput, okOutput, 'write'),
};
