import dayjs from 'dayjs';
import type { AuditAction, AuditEntity, AuditEntry, FieldChange } from '../../../shared/api/audit';
import { roleLabels, type Role } from '../../../shared/domain/roles';
import { chemicalFieldLabels } from '../chemicals/fieldLabels';
import { enterpriseFieldLabels, formatEnterpriseValue } from '../enterprises/fieldLabels';
import { idleSiteFieldLabels } from '../idleSites/fieldLabels';
import { tankFieldLabels } from '../tanks/fieldLabels';

/**
 * Chinese names of the fields the backend records in `changes`. The backend stores field keys as they are
 * in the records, so the log reads in the office's words only if this table knows them; an unknown key is
 * shown as-is rather than hidden, so nothing recorded ever disappears from the log.
 */
// Enterprise fields are named in pages/enterprises/fieldLabels.ts, the one table shared with the profile.
const commonLabels: Record<string, string> = {
  name: '名称',
  kind: '类型',
  code: '区划代码',
  population: '人口',
  households: '户数',
  areaKm2: '面积（km²）',
  contactName: '负责人',
  contactPhone: '联系电话',
  notes: '备注',
  phone: '联系电话',
  villageIds: '负责村/社区',
  villageNames: '负责村/社区',
  orgName: '填报单位',
  townName: '镇/街道名称',
  preparer: '填表人',
  reviewer: '审核人',
  principal: '负责人',
  fileName: '文件名',
  size: '大小',
  owner: '所属记录',
};

const entityLabels: Partial<Record<AuditEntity, Record<string, string>>> = {
  enterprise: { name: '企业名称' },
  chemical: chemicalFieldLabels,
  gridWorker: { name: '姓名', kind: '类别' },
  idleSite: idleSiteFieldLabels as Record<string, string>,
  tank: tankFieldLabels,
  boundarySet: { name: '边界名称', sourceDatum: '坐标系', nameProperty: '名称属性', featureCount: '要素数', matchedCount: '已匹配要素', isCurrent: '当前使用' },
  user: { username: '用户名', displayName: '姓名', role: '角色', disabled: '状态', password: '密码', lockedUntil: '锁定' },
};

export function fieldLabel(entity: AuditEntity, field: string): string {
  // Enterprises name their fields in one place, shared with the enterprise's own 变更记录.
  const own = entity === 'enterprise' ? (enterpriseFieldLabels as Record<string, string | undefined>)[field] : entityLabels[entity]?.[field];
  return own ?? commonLabels[field] ?? field;
}

/** How an empty value reads, as in each record's 变更记录. */
export const emptyValue = '空';

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as the office reads it: 是/否, role names, local times, lists joined with 、. */
export function formatValue(entity: AuditEntity, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return emptyValue;
  if (entity === 'enterprise') return formatEnterpriseValue(field, value);
  if (entity === 'user' && field === 'role' && typeof value === 'string' && value in roleLabels) return roleLabels[value as Role];
  if (entity === 'user' && field === 'disabled' && typeof value === 'boolean') return value ? '停用' : '启用';
  if (entity === 'attachment' && field === 'size' && typeof value === 'number') return formatBytes(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return isoTimestamp.test(value) ? dayjs(value).format('YYYY-MM-DD HH:mm') : value;
  if (Array.isArray(value)) return value.length === 0 ? emptyValue : value.map((item) => formatValue(entity, field, item)).join('、');
  return JSON.stringify(value);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A change ready to show: label, and the old value only where “old → new” says more than the new one alone. */
export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

/**
 * The changes of one entry as lines to show. Ids whose name also changed are dropped (villageId beside
 * villageName says the same thing twice, and only the name means anything to a reader).
 */
export function changeLines(entry: Pick<AuditEntry, 'entity' | 'action' | 'changes'>): ChangeLine[] {
  const fields = new Set(entry.changes.map((change) => change.field));
  return entry.changes
    .filter((change) => !(change.field.endsWith('Id') && fields.has(`${change.field.slice(0, -2)}Name`)))
    .filter((change) => !(change.field === 'villageIds' && fields.has('villageNames')))
    // A new record's empty fields say nothing.
    .filter((change) => !(entry.action === 'create' && (change.after === null || change.after === '')))
    .map((change) => toLine(entry.entity, entry.action, change));
}

function toLine(entity: AuditEntity, action: AuditAction, change: FieldChange): ChangeLine {
  const label = fieldLabel(entity, change.field);
  // A new record has no old values; a password change records only what happened (“管理员重置”), never a value.
  if (action === 'create' || (entity === 'user' && change.field === 'password')) {
    return { field: change.field, label, before: null, after: formatValue(entity, change.field, change.after) };
  }
  if (entity === 'user' && change.field === 'lockedUntil' && change.after === null) {
    return { field: change.field, label, before: null, after: '已解锁' };
  }
  return {
    field: change.field,
    label,
    before: formatValue(entity, change.field, change.before),
    after: formatValue(entity, change.field, change.after),
  };
}

/** Shortens a value for the one-line summary; the expanded row shows it whole. */
export function clip(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function lineText(line: ChangeLine, max?: number): string {
  const after = max ? clip(line.after, max) : line.after;
  if (line.before === null) return `${line.label}：${after}`;
  return `${line.label}：${max ? clip(line.before, max) : line.before} → ${after}`;
}

/** How many lines the table cell shows before “等 N 项”. */
export const summaryLimit = 3;

/**
 * The table cell's text: at most three changes, then “等 N 项” where N counts all of them (as in “张三、李四等
 * 5 人”), or null when nothing was left out.
 */
export function summarize(lines: ChangeLine[]): { shown: string[]; total: string | null } {
  return {
    shown: lines.slice(0, summaryLimit).map((line) => lineText(line, 24)),
    total: lines.length > summaryLimit ? `等 ${lines.length} 项` : null,
  };
}

/** Whether the expanded row would show more than the cell does (more lines, or values the cell clipped). */
export function hasMoreDetail(lines: ChangeLine[]): boolean {
  return lines.length > summaryLimit || lines.some((line) => lineText(line, 24) !== lineText(line));
}
