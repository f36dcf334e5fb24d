import { z } from 'zod';
import { villageCodePattern, villageKinds } from '../domain/village';
import { method } from './contract';
import { idInput, okOutput, optionalCount, optionalPhone, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';

/** Editable fields of a village/community, shared by create, update and (later) Excel import. */
export const villageFields = z.object({
  name: requiredText(30, '名称'),
  kind: z.enum(villageKinds, { error: '请选择类型（村或社区）' }),
  code: optionalText(12, '区划代码').refine((code) => code === null || villageCodePattern.test(code), {
    message: '区划代码应为 12 位数字',
  }),
  population: optionalCount('人口'),
  households: optionalCount('户数'),
  areaKm2: z
    .number({ error: '面积须为数字' })
    .min(0, '面积不能为负数')
    .max(10_000, '面积过大')
    .nullish()
    .transform((value) => value ?? null),
  contactName: optionalText(20, '负责人'),
  contactPhone: optionalPhone('联系电话'),
  notes: optionalText(500, '备注'),
});
export type VillageFields = z.input<typeof villageFields>;

export const villageSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(villageKinds),
  code: z.string().nullable(),
  population: z.number().nullable(),
  households: z.number().nullable(),
  areaKm2: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Village = z.infer<typeof villageSchema>;

export const villageSortFields = ['name', 'code', 'kind', 'population', 'households', 'updatedAt'] as const;

export const villagesApi = {
  'villages.list': method(
    z.object({
      q: z.string().trim().max(50).optional(),
      kind: z.enum(villageKinds).optional(),
      ...pagingInput,
      sortField: z.enum(villageSortFields).optional(),
      sortOrder: sortOrderSchema.optional(),
    }),
    pageOf(villageSchema),
    'read',
  ),
  'villages.get': method(idInput, villageSchema, 'read'),
  'villages.options': method(
    z.object({}),
    z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(villageKinds) })),
    'read',
  ),
  'villages.create': method(villageFields, villageSchema, 'write'),
  'villages.update': method(villageFields.extend({ id: idInput.shape.id }), villageSchema, 'write'),
  'villages.delete': method(idInput, okOutput, 'write'),
};
