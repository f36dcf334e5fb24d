import type { AuditEntity } from '../../../shared/api/audit';
import type { TrashEntity } from '../../../shared/api/trash';
import type { HandlerContext } from '../../api/context';
import { conflict } from '../../api/errors';
import { removeUnreferencedFile } from '../attachments/store';

/**
 * How one soft-deletable table takes part in the 回收站. Table and column names are constants written here,
 * never user input, so they may be spliced into SQL.
 */
export interface TrashAdapter {
  entity: TrashEntity & AuditEntity;
  table: string;
  /** SQL expression giving the row's human title. */
  titleSql: string;
  /** Shown when restoring clashes with a live row (e.g. the same name was reused meanwhile). */
  restoreConflictMessage: (title: string) => string;
  /** The table keeps no updated_at (a boundary set is never edited, only switched to). */
  withoutUpdatedAt?: true;
  /** Refuses a restore that would bring back a record pointing at something deleted. */
  beforeRestore?: (ctx: HandlerContext, id: number) => void;
  /** Cleans up after the row is gone for good (e.g. the stored file). */
  afterPurge?: (ctx: HandlerContext, row: Record<string, unknown>) => void;
}

function parentMustBeLive(table: string, column: string, parentTable: string, label: string) {
  return (ctx: HandlerContext, id: number) => {
    const parent = ctx.appDb.sqlite
      .prepare(`SELECT p.deleted_at AS deletedAt FROM ${table} t JOIN ${parentTable} p ON p.id = t.${column} WHERE t.id = ?`)
      .get(id) as { deletedAt: string | null } | undefined;
    if (parent?.deletedAt) throw conflict(`无法恢复：所属${label}已被删除，请先在回收站中恢复该${label}。`);
  };
}

/** The same for a row with several parents (an owner that is one of several kinds, a plan and its owner…). */
function parentsMustBeLive(table: string, parents: [column: string, parentTable: string, label: string][]) {
  return (ctx: HandlerContext, id: number) => {
    for (const [column, parentTable, label] of parents) parentMustBeLive(table, column, parentTable, label)(ctx, id);
  };
}

export const trashAdapters: Record<TrashEntity, TrashAdapter> = {
  village: {
    entity: 'village',
    table: 'villages',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复：已有同名或同区划代码的村/社区「${title}」，请先修改或删除现有记录。`,
  },
  enterprise: {
    entity: 'enterprise',
    table: 'enterprises',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复「${title}」：已有企业使用相同的统一社会信用代码。`,
    beforeRestore: parentMustBeLive('enterprises', 'village_id', 'villages', '村/社区'),
  },
  gridWorker: {
    entity: 'gridWorker',
    table: 'grid_workers',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复网格员「${title}」。`,
  },
  attachment: {
    entity: 'attachment',
    table: 'attachments',
    titleSql: 'file_name',
    restoreConflictMessage: (title) => `无法恢复附件「${title}」。`,
    afterPurge: (ctx, row) => removeUnreferencedFile(ctx, String(row.sha256)),
  },
  idleSite: {
    entity: 'idleSite',
    table: 'idle_sites',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复四闲场所「${title}」。`,
    beforeRestore: parentMustBeLive('idle_sites', 'village_id', 'villages', '村/社区'),
  },
  tank: {
    entity: 'tank',
    table: 'tanks',
    titleSql: 'code',
    restoreConflictMessage: (title) => `无法恢复储罐「${title}」：同一所属单位下已有相同罐号的储罐。`,
    beforeRestore: parentsMustBeLive('tanks', [['enterprise_id', 'enterprises', '企业'], ['idle_site_id', 'idle_sites', '四闲场所']]),
  },
  chemical: {
    entity: 'chemical',
    table: 'chemicals',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复化学品「${title}」：目录中已有同名化学品。`,
  },
  filing: {
    entity: 'filing',
    table: 'filings',
    titleSql: "number || ' ' || kind",
    restoreConflictMessage: (title) => `无法恢复报备「${title}」。`,
    beforeRestore: parentMustBeLive('filings', 'enterprise_id', 'enterprises', '企业'),
  },
  plan: {
    entity: 'plan',
    table: 'emergency_plans',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复预案「${title}」。`,
    beforeRestore: parentsMustBeLive('emergency_plans', [['enterprise_id', 'enterprises', '企业'], ['village_id', 'villages', '村/社区']]),
  },
  planFiling: {
    entity: 'planFiling',
    table: 'plan_filings',
    titleSql: "'备案登记 ' || received_on",
    restoreConflictMessage: (title) => `无法恢复「${title}」。`,
    beforeRestore: parentMustBeLive('plan_filings', 'plan_id', 'emergency_plans', '预案'),
  },
  drill: {
    entity: 'drill',
    table: 'drills',
    titleSql: "held_on || ' ' || name",
    restoreConflictMessage: (title) => `无法恢复演练「${title}」。`,
    beforeRestore: parentsMustBeLive('drills', [['plan_id', 'emergency_plans', '预案'], ['enterprise_id', 'enterprises', '企业'], ['village_id', 'villages', '村/社区']]),
  },
  inspection: {
    entity: 'inspection',
    table: 'inspections',
    titleSql: "'检查 ' || inspected_on",
    restoreConflictMessage: (title) => `无法恢复「${title}」。`,
    beforeRestore: parentsMustBeLive('inspections', [['enterprise_id', 'enterprises', '企业'], ['idle_site_id', 'idle_sites', '四闲场所']]),
  },
  hazard: {
    entity: 'hazard',
    table: 'hazards',
    titleSql: "number || ' ' || description",
    restoreConflictMessage: (title) => `无法恢复隐患「${title}」。`,
    beforeRestore: parentsMustBeLive('hazards', [['inspection_id', 'inspections', '检查记录'], ['enterprise_id', 'enterprises', '企业'], ['idle_site_id', 'idle_sites', '四闲场所']]),
  },
  // A set is deleted only when not current, so it comes back as one more set to switch to; its features go with it
  // when purged (ON DELETE CASCADE).
  boundarySet: {
    entity: 'boundarySet',
    table: 'boundary_sets',
    titleSql: "'村界 ' || name",
    withoutUpdatedAt: true,
    restoreConflictMessage: (title) => `无法恢复「${title}」。`,
  },
};
