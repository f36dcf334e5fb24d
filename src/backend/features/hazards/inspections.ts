import type { Parsed } from '../../../shared/api';
import type { SortOrder } from '../../../shared/api/common';
import type { Hazard, Inspection, InspectionFilters } from '../../../shared/api/hazards';
import type { InspectionKind } from '../../../shared/domain/hazard';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { ErrorCode } from '../../../shared/api/errors';
import { escapeLike } from '../../db/like';
import { SqlWhere } from '../../db/sqlWhere';
import { recordAudit } from '../audit/service';
import { allHazards, foundHazardProblems, insertHazard } from './service';
import { assertTargetLive, targetInVillageSql, targetSearchSql, targetSql, type TargetRow } from './targets';

const target = targetSql('i');

const inspectionSelect = `
  SELECT i.id, i.inspected_on AS inspectedOn, i.kind, i.inspectors, i.items, i.notes, i.created_by AS createdBy, i.created_at AS createdAt,
    i.updated_at AS updatedAt,
    (SELECT count(*) FROM hazards h WHERE h.inspection_id = i.id AND h.deleted_at IS NULL) AS hazardCount,
    (SELECT count(*) FROM hazards h WHERE h.inspection_id = i.id AND h.deleted_at IS NULL AND h.level = '重大') AS majorCount,
    (SELECT count(*) FROM hazards h WHERE h.inspection_id = i.id AND h.deleted_at IS NULL AND h.status = '已销号') AS closedCount,
    ${target.columns}
  FROM inspections i
  ${target.joins}`;

type RawInspection = Omit<Inspection, 'kind'> & TargetRow & { kind: InspectionKind };

function inspectionWhere(filters: InspectionFilters): SqlWhere {
  const where = new SqlWhere('i.deleted_at IS NULL')
    .equal('i.kind', 'kind', filters.kind)
    .equal('i.enterprise_id', 'enterpriseId', filters.enterpriseId)
    .equal('i.idle_site_id', 'idleSiteId', filters.idleSiteId)
    .between('i.inspected_on', filters.from, filters.to);
  if (filters.villageId) where.add(targetInVillageSql('i'), { villageId: filters.villageId });
  if (filters.q) {
    where.add(targetSearchSql('i', ['inspectors', 'items']), { q: `%${escapeLike(filters.q)}%` });
  }
  return where;
}

/** By inspection date (ties by entry), newest first unless `ascend`. */
function inspectionOrderBy(sortOrder: SortOrder | undefined): string {
  const direction = sortOrder === 'ascend' ? 'ASC' : 'DESC';
  return `ORDER BY i.inspected_on ${direction}, i.id ${direction}`;
}

export function listInspections(ctx: HandlerContext, input: Parsed<'inspections.list'>) {
  const { where, params } = inspectionWhere(input);
  const items = ctx.appDb.sqlite
    .prepare(`${inspectionSelect} WHERE ${where} ${inspectionOrderBy(input.sortOrder)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as RawInspection[];
  const total = ctx.appDb.sqlite.prepare(`SELECT count(*) FROM inspections i WHERE ${where}`).pluck().get(params) as number;
  return { items, total };
}

/** Every inspection the list's filters keep, in the list's order (for the 检查记录台账's print and export). */
export function allInspections(ctx: HandlerContext, filters: InspectionFilters, sortOrder?: SortOrder): Inspection[] {
  const { where, params } = inspectionWhere(filters);
  return ctx.appDb.sqlite.prepare(`${inspectionSelect} WHERE ${where} ${inspectionOrderBy(sortOrder)}`).all(params) as RawInspection[];
}

export function getInspection(ctx: HandlerContext, id: number): Inspection & { hazards: Hazard[] } {
  const row = ctx.appDb.sqlite.prepare(`${inspectionSelect} WHERE i.id = ? AND i.deleted_at IS NULL`).get(id) as RawInspection | undefined;
  if (!row) throw notFound('该检查记录');
  return { ...row, hazards: allHazards(ctx, { inspectionId: id }, { sortField: 'number', sortOrder: 'ascend' }) };
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

/**
 * Records an inspection and every hazard it found (fast entry: several in one form). All or nothing: a bad
 * hazard row refuses the whole save, its problems under its own fields (`hazards.2.deadline`).
 */
export function createInspection(ctx: RequestContext, input: Parsed<'inspections.create'>): Inspection {
  assertTargetLive(ctx, input);
  const today = localToday(ctx);
  if (input.inspectedOn > today) throw invalid(`检查日期不能晚于今天（${today}）`, 'inspectedOn');
  const problems: Record<string, string> = {};
  input.hazards.forEach((hazard, index) => Object.assign(problems, foundHazardProblems({ foundOn: input.inspectedOn, deadline: hazard.deadline }, today, `hazards.${index}.`)));
  const messages = Object.values(problems);
  if (messages.length) throw new AppError(ErrorCode.InvalidInput, messages.join('；'), problems);
  const now = nowIso(ctx);
  const id = Number(
    ctx.appDb.sqlite
      .prepare(
        `INSERT INTO inspections (enterprise_id, idle_site_id, inspected_on, kind, inspectors, items, notes, created_by, created_at, updated_at)
         VALUES (@enterpriseId, @idleSiteId, @inspectedOn, @kind, @inspectors, @items, @notes, @createdBy, @now, @now)`,
      )
      .run({ ...input, createdBy: userName(ctx), now }).lastInsertRowid,
  );
  for (const hazard of input.hazards) {
    insertHazard(ctx, { ...hazard, enterpriseId: input.enterpriseId, idleSiteId: input.idleSiteId, inspectionId: id, source: '检查', foundOn: input.inspectedOn });
  }
  const created = getInspection(ctx, id);
  const { hazards, ...facts } = created;
  recordAudit(ctx, {
    action: 'create',
    entity: 'inspection',
    entityId: id,
    entityTitle: `${created.inspectedOn} ${created.targetName}`,
    after: { targetName: facts.targetName, inspectedOn: facts.inspectedOn, kind: facts.kind, inspectors: facts.inspectors, items: facts.items, hazards: hazards.map((hazard) => hazard.number).join('、') },
  });
  return facts;
}

export function softDeleteInspection(ctx: RequestContext, id: number): void {
  const inspection = getInspection(ctx, id);
  if (inspection.hazards.length) throw conflict(`该检查记录下有隐患 ${inspection.hazards.length} 条，请先删除这些隐患`);
  const now = nowIso(ctx);
  ctx.appDb.sqlite.prepare('UPDATE inspections SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  recordAudit(ctx, { action: 'delete', entity: 'inspection', entityId: id, entityTitle: `${inspection.inspectedOn} ${inspection.targetName}`, changes: [] });
}
