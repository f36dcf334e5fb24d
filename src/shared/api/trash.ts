import { z } from 'zod';
import { method } from './contract';
import { idSchema, pageOf, pagingInput, timestampSchema } from './common';

/** Entities whose deletes land in the 回收站; later features add theirs here. */
export const trashEntities = ['village', 'enterprise', 'gridWorker', 'attachment', 'idleSite', 'tank', 'chemical', 'filing', 'plan', 'planFiling', 'drill', 'inspection', 'hazard', 'boundarySet'] as const;
export const trashEntityLabels: Record<TrashEntity, string> = {
  village: '村/社区',
  enterprise: '企业',
  gridWorker: '网格员',
  attachment: '附件',
  idleSite: '四闲场所',
  tank: '储罐',
  chemical: '化学品',
  filing: '特殊作业报备',
  plan: '应急预案',
  planFiling: '预案备案',
  drill: '应急演练',
  inspection: '检查记录',
  hazard: '隐患',
  boundarySet: '村界数据',
};
export type TrashEntity = (typeof trashEntities)[number];

const trashRef = z.object({ entity: z.enum(trashEntities), id: idSchema });

export const trashItemSchema = z.object({
  entity: z.enum(trashEntities),
  id: z.number().int(),
  title: z.string(),
  deletedAt: timestampSchema,
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const trashApi = {
  'trash.list': method(z.object({ entity: z.enum(trashEntities).optional(), ...pagingInput }), pageOf(trashItemSchema), 'read'),
  'trash.restore': method(trashRef, z.object({ ok: z.literal(true) }), 'write'),
  /** Deletes one item for good: the only way data leaves the database. */
  'trash.purge': method(trashRef, z.object({ ok: z.literal(true) }), 'admin'),
  'trash.empty': method(z.object({ entity: z.enum(trashEntities).optional() }), z.object({ purged: z.number().int() }), 'admin'),
};
