import { z } from 'zod';
import { method } from './contract';
import { idSchema, pageOf, pagingInput } from './common';

/** Entities whose changes the audit trail records. */
export const auditEntities = ['village', 'enterprise', 'gridWorker', 'user', 'settings', 'attachment', 'idleSite', 'tank', 'chemical', 'filing', 'plan', 'planFiling', 'drill', 'inspection', 'hazard', 'order', 'boundarySet'] as const;
export type AuditEntity = (typeof auditEntities)[number];
export const auditEntityLabels: Record<AuditEntity, string> = {
  village: '村/社区',
  enterprise: '企业',
  gridWorker: '网格员',
  user: '账户',
  settings: '设置',
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
  order: '整改指令书',
  boundarySet: '村界数据',
};

export const auditActions = ['create', 'update', 'delete', 'restore', 'purge'] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionLabels: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  purge: '彻底删除',
};

/** One field's value before and after a change (null when absent). */
export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string(),
  action: z.enum(auditActions),
  entity: z.enum(auditEntities),
  entityId: z.number().int(),
  entityTitle: z.string(),
  changes: z.array(fieldChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditApi = {
  'audit.forRecord': method(
    z.object({ entity: z.enum(auditEntities), entityId: idSchema, ...pagingInput }),
    pageOf(auditEntrySchema),
    'read',
  ),
  /** The searchable log for administrators. There is no method that edits or deletes audit entries. */
  'audit.list': method(
    z.object({
      q: z.string().trim().max(50).optional(),
      entity: z.enum(auditEntities).optional(),
      action: z.enum(auditActions).optional(),
      userId: idSchema.optional(),
      /** Full ISO timestamps (a bare date would compare as text and drop the whole last day). */
      from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
      to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
      ...pagingInput,
    }),
    pageOf(auditEntrySchema),
    'admin',
  ),
};
