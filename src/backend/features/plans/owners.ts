import type { PlanOwnerType } from '../../../shared/domain/emergencyPlan';
import type { Industry } from '../../../shared/domain/enterprise';
import type { HandlerContext } from '../../api/context';
import { invalid } from '../../api/errors';
import { getOfficeSettings } from '../settings/service';

/** The owner columns as plans and drills store them. */
export interface StoredOwner {
  ownerType: PlanOwnerType;
  enterpriseId: number | null;
  villageId: number | null;
  department: string | null;
}

/** The owner columns a row read with `ownerSelect` carries. */
export interface OwnerRow extends StoredOwner {
  enterpriseName: string | null;
  industry: Industry | null;
  enterpriseStatus: string | null;
  ownerVillageId: number | null;
  ownerVillageName: string | null;
}

/**
 * SELECT columns and JOINs naming an owner for a table aliased `alias` that has the owner columns: the
 * enterprise (name, industry, status) and the village the owner sits in (its own, or the enterprise's).
 */
export function ownerSql(alias: string): { columns: string; joins: string } {
  return {
    columns: `${alias}.owner_type AS ownerType, ${alias}.enterprise_id AS enterpriseId, ${alias}.village_id AS villageId,
      ${alias}.department AS department, oe.name AS enterpriseName, oe.industry AS industry, oe.status AS enterpriseStatus,
      ov.id AS ownerVillageId, ov.name AS ownerVillageName`,
    joins: `LEFT JOIN enterprises oe ON oe.id = ${alias}.enterprise_id
      LEFT JOIN villages ov ON ov.id = coalesce(${alias}.village_id, oe.village_id)`,
  };
}

/** WHERE part keeping the owners in a village: the village itself and the enterprises in it. */
export function inVillageSql(alias: string): string {
  return `(${alias}.village_id = @villageId OR ${alias}.enterprise_id IN (SELECT id FROM enterprises WHERE village_id = @villageId))`;
}

/** How the owner is named on screen and paper. */
export function ownerNameOf(row: OwnerRow, townName: string): string {
  switch (row.ownerType) {
    case 'town':
      return townName || '本镇（街道）';
    case 'department':
      return row.department ?? '';
    case 'village':
      return row.ownerVillageName ?? '';
    case 'enterprise':
      return row.enterpriseName ?? '';
  }
}

/** The owner fields of the API output. */
export function ownerOut(row: OwnerRow, townName: string) {
  return {
    ownerType: row.ownerType,
    ownerName: ownerNameOf(row, townName),
    enterpriseId: row.enterpriseId,
    villageId: row.villageId,
    department: row.department,
    ownerVillageId: row.ownerVillageId,
    ownerVillageName: row.ownerVillageName,
  };
}

export function townNameOf(ctx: HandlerContext): string {
  return getOfficeSettings(ctx).townName;
}

/** Refuses an owner that points at a deleted or missing enterprise or village; returns the enterprise's industry. */
export function assertOwnerLive(ctx: HandlerContext, owner: StoredOwner): { industry: Industry | null } {
  if (owner.ownerType === 'enterprise') {
    const row = ctx.appDb.sqlite.prepare('SELECT industry FROM enterprises WHERE id = ? AND deleted_at IS NULL').get(owner.enterpriseId) as { industry: Industry } | undefined;
    if (!row) throw invalid('所选企业不存在或已被删除', 'enterpriseId');
    return { industry: row.industry };
  }
  if (owner.ownerType === 'village') {
    const row = ctx.appDb.sqlite.prepare('SELECT id FROM villages WHERE id = ? AND deleted_at IS NULL').get(owner.villageId);
    if (!row) throw invalid('所选村（社区）不存在或已被删除', 'villageId');
  }
  return { industry: null };
}
