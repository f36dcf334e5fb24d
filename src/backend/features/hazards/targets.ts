import type { Industry } from '../../../shared/domain/enterprise';
import type { HandlerContext } from '../../api/context';
import { invalid } from '../../api/errors';

/** The columns a row read through `targetSql` carries. */
export interface TargetRow {
  enterpriseId: number | null;
  idleSiteId: number | null;
  targetName: string;
  villageId: number;
  villageName: string;
  industry: Industry | null;
}

/**
 * SELECT columns and JOINs naming what a row of table `alias` is about — an enterprise or an idle site — with its
 * village and (for an enterprise) industry.
 */
export function targetSql(alias: string): { columns: string; joins: string } {
  return {
    columns: `${alias}.enterprise_id AS enterpriseId, ${alias}.idle_site_id AS idleSiteId, coalesce(te.name, ts.name) AS targetName,
      tv.id AS villageId, tv.name AS villageName, te.industry AS industry`,
    joins: `LEFT JOIN enterprises te ON te.id = ${alias}.enterprise_id
      LEFT JOIN idle_sites ts ON ts.id = ${alias}.idle_site_id
      JOIN villages tv ON tv.id = coalesce(te.village_id, ts.village_id)`,
  };
}

/** WHERE part keeping targets in a village, as subqueries (no join needed to count). */
export function targetInVillageSql(alias: string): string {
  return `(${alias}.enterprise_id IN (SELECT id FROM enterprises WHERE village_id = @villageId) OR ${alias}.idle_site_id IN (SELECT id FROM idle_sites WHERE village_id = @villageId))`;
}

export function targetOfIndustrySql(alias: string): string {
  return `${alias}.enterprise_id IN (SELECT id FROM enterprises WHERE industry = @industry)`;
}

/**
 * `alias`'s own columns or its target's name contain `@q`: names through subqueries, so a search needs no join of
 * every row with its target. The caller binds `q` (a LIKE pattern).
 */
export function targetSearchSql(alias: string, ownColumns: readonly string[]): string {
  const own = ownColumns.map((column) => `${alias}.${column} LIKE @q ESCAPE '\\'`);
  return `(${[
    ...own,
    `${alias}.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE @q ESCAPE '\\')`,
    `${alias}.idle_site_id IN (SELECT id FROM idle_sites WHERE name LIKE @q ESCAPE '\\')`,
  ].join(' OR ')})`;
}

/** Refuses a deleted or missing enterprise or idle site, naming the field. */
export function assertTargetLive(ctx: HandlerContext, target: { enterpriseId: number | null; idleSiteId: number | null }): void {
  if (target.enterpriseId !== null) {
    if (!ctx.appDb.sqlite.prepare('SELECT 1 FROM enterprises WHERE id = ? AND deleted_at IS NULL').get(target.enterpriseId)) {
      throw invalid('所选企业不存在或已被删除', 'enterpriseId');
    }
  } else if (!ctx.appDb.sqlite.prepare('SELECT 1 FROM idle_sites WHERE id = ? AND deleted_at IS NULL').get(target.idleSiteId)) {
    throw invalid('所选四闲场所不存在或已被删除', 'idleSiteId');
  }
}
