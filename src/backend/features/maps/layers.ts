import type { MapLayers, MisplacedRecord, VillageRiskRow } from '../../../shared/api/maps';
import type { RiskLevel } from '../../../shared/domain/enterprise';
import { findContainingFeature } from '../../../shared/domain/geo/pointInPolygon';
import { villageRiskLevel, villageRiskScore } from '../../../shared/domain/geo/villageRisk';
import type { HazardLevel } from '../../../shared/domain/hazard';
import { hazardousChemicalIndustries, type TankCategory } from '../../../shared/domain/tank';
import { localToday, type HandlerContext } from '../../api/context';
import { filingBoard } from '../filings/service';
import { currentBoundary } from './service';

const hazardousList = hazardousChemicalIndustries.map((industry) => `'${industry}'`).join(', ');

type Layer<K extends keyof MapLayers> = MapLayers[K];

function enterpriseLayer(ctx: HandlerContext): { rows: Layer<'enterprises'>; unlocated: number } {
  const rows = ctx.appDb.sqlite
    .prepare(
      `SELECT id, longitude, latitude, name, village_id, industry, risk_level, key_supervised, status
         FROM enterprises WHERE deleted_at IS NULL AND longitude IS NOT NULL AND latitude IS NOT NULL`,
    )
    .raw()
    .all() as [number, number, number, string, number, string, RiskLevel, number, string][];
  const total = ctx.appDb.sqlite.prepare('SELECT count(*) FROM enterprises WHERE deleted_at IS NULL').pluck().get() as number;
  return { rows: rows.map((row) => [row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] === 1, row[8]]), unlocated: total - rows.length };
}

function tankLayer(ctx: HandlerContext): { rows: Layer<'tanks'>; unlocated: number } {
  // A tank without its own coordinates stands at its owner's; 已拆除 tanks are history, not on the map.
  const rows = ctx.appDb.sqlite
    .prepare(
      `SELECT t.id, coalesce(t.longitude, e.longitude, s.longitude), coalesce(t.latitude, e.latitude, s.latitude), t.code,
              CASE WHEN t.idle_site_id IS NOT NULL THEN '四闲场所储罐' WHEN e.industry IN (${hazardousList}) THEN '危化品企业储罐' ELSE '一般化工企业储罐' END,
              t.status, coalesce(e.name, s.name), coalesce(e.village_id, s.village_id)
         FROM tanks t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN idle_sites s ON s.id = t.idle_site_id
        WHERE t.deleted_at IS NULL AND t.status <> '已拆除'`,
    )
    .raw()
    .all() as [number, number | null, number | null, string, TankCategory, string, string, number][];
  const located = rows.filter((row): row is Layer<'tanks'>[number] => row[1] !== null && row[2] !== null);
  return { rows: located, unlocated: rows.length - located.length };
}

function idleSiteLayer(ctx: HandlerContext): { rows: Layer<'idleSites'>; unlocated: number } {
  const rows = ctx.appDb.sqlite
    .prepare(`SELECT id, longitude, latitude, name, village_id, finding, disposal FROM idle_sites WHERE deleted_at IS NULL`)
    .raw()
    .all() as [number, number | null, number | null, string, number, string, string][];
  const located = rows.filter((row): row is Layer<'idleSites'>[number] => row[1] !== null && row[2] !== null);
  return { rows: located, unlocated: rows.length - located.length };
}

/** The points of located enterprises and idle sites, for layers placed at their target. */
function targetPoints(ctx: HandlerContext, table: 'enterprises' | 'idle_sites', ids: readonly number[]): Map<number, [number, number]> {
  const points = new Map<number, [number, number]>();
  if (ids.length === 0) return points;
  const statement = ctx.appDb.sqlite.prepare(`SELECT id, longitude, latitude FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND longitude IS NOT NULL`).raw();
  for (const [id, longitude, latitude] of statement.all(JSON.stringify([...new Set(ids)])) as [number, number, number][]) points.set(id, [longitude, latitude]);
  return points;
}

function workLayer(ctx: HandlerContext, date: string | undefined): { rows: Layer<'works'>; unlocated: number; today: string } {
  const board = filingBoard(ctx, { date });
  // Today's works plus the flagged ones of any day (past their window, started unapproved), each once.
  const byId = new Map<number, { row: (typeof board.today.items)[number]; flagged: boolean }>();
  for (const row of board.today.items) byId.set(row.id, { row, flagged: row.flags.length > 0 });
  for (const row of [...board.pastWindow, ...board.unapprovedStarted]) byId.set(row.id, { row, flagged: true });
  const points = targetPoints(
    ctx,
    'enterprises',
    [...byId.values()].map(({ row }) => row.enterpriseId),
  );
  const rows: Layer<'works'> = [];
  for (const { row, flagged } of byId.values()) {
    const point = points.get(row.enterpriseId);
    if (point) rows.push([row.id, point[0], point[1], row.number, row.kind, row.enterpriseName, row.status, flagged, row.villageId]);
  }
  return { rows, unlocated: byId.size - rows.length, today: board.today.date };
}

function hazardLayer(ctx: HandlerContext, today: string): { rows: Layer<'hazards'>; unlocated: number } {
  const rows = ctx.appDb.sqlite
    .prepare(
      `SELECT h.id, coalesce(e.longitude, s.longitude), coalesce(e.latitude, s.latitude), h.number, h.level, h.status,
              h.deadline < ?, coalesce(e.name, s.name), coalesce(e.village_id, s.village_id), h.description
         FROM hazards h LEFT JOIN enterprises e ON e.id = h.enterprise_id LEFT JOIN idle_sites s ON s.id = h.idle_site_id
        WHERE h.deleted_at IS NULL AND h.status <> '已销号'`,
    )
    .raw()
    .all(today) as [number, number | null, number | null, string, HazardLevel, string, number, string, number, string][];
  const located: Layer<'hazards'> = [];
  for (const row of rows) {
    if (row[1] === null || row[2] === null) continue;
    located.push([row[0], row[1], row[2], row[3], row[4], row[5], row[6] === 1, row[7], row[8], row[9]]);
  }
  return { rows: located, unlocated: rows.length - located.length };
}

/** Every point layer of the map, as of `date` (default today) for today's works and 逾期. */
export function mapLayers(ctx: HandlerContext, input: { date?: string }): MapLayers {
  const works = workLayer(ctx, input.date);
  const enterprises = enterpriseLayer(ctx);
  const tanks = tankLayer(ctx);
  const idleSites = idleSiteLayer(ctx);
  const hazards = hazardLayer(ctx, input.date ?? localToday(ctx));
  return {
    enterprises: enterprises.rows,
    tanks: tanks.rows,
    idleSites: idleSites.rows,
    works: works.rows,
    hazards: hazards.rows,
    unlocated: { enterprises: enterprises.unlocated, tanks: tanks.unlocated, idleSites: idleSites.unlocated, works: works.unlocated, hazards: hazards.unlocated },
    today: works.today,
  };
}

/** The counts behind each village's risk score, its score and level; highest score first, then by name. */
export function villageRisk(ctx: HandlerContext): { rows: VillageRiskRow[]; highest: number } {
  const counts = ctx.appDb.sqlite
    .prepare(
      `SELECT v.id, v.name,
              (SELECT count(*) FROM enterprises e WHERE e.village_id = v.id AND e.deleted_at IS NULL AND e.status IN ('在产', '停产') AND e.risk_level = 'red'),
              (SELECT count(*) FROM enterprises e WHERE e.village_id = v.id AND e.deleted_at IS NULL AND e.status IN ('在产', '停产') AND e.risk_level = 'orange'),
              (SELECT count(*) FROM enterprises e WHERE e.village_id = v.id AND e.deleted_at IS NULL AND e.status IN ('在产', '停产') AND e.risk_level = 'yellow'),
              (SELECT count(*) FROM enterprises e WHERE e.village_id = v.id AND e.deleted_at IS NULL AND e.status IN ('在产', '停产') AND e.risk_level = 'blue')
         FROM villages v WHERE v.deleted_at IS NULL`,
    )
    .raw()
    .all() as [number, string, number, number, number, number][];
  // Hazards and tanks belong to a village through their enterprise or idle site.
  const hazardCounts = new Map<number, { major: number; general: number }>();
  const hazardRows = ctx.appDb.sqlite
    .prepare(
      `SELECT coalesce(e.village_id, s.village_id) AS village, h.level, count(*)
         FROM hazards h LEFT JOIN enterprises e ON e.id = h.enterprise_id LEFT JOIN idle_sites s ON s.id = h.idle_site_id
        WHERE h.deleted_at IS NULL AND h.status <> '已销号' GROUP BY village, h.level`,
    )
    .raw()
    .all() as [number, HazardLevel, number][];
  for (const [village, level, count] of hazardRows) {
    const entry = hazardCounts.get(village) ?? { major: 0, general: 0 };
    if (level === '重大') entry.major += count;
    else entry.general += count;
    hazardCounts.set(village, entry);
  }
  const tankCounts = new Map(
    ctx.appDb.sqlite
      .prepare(
        `SELECT coalesce(e.village_id, s.village_id) AS village, count(*)
           FROM tanks t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN idle_sites s ON s.id = t.idle_site_id
          WHERE t.deleted_at IS NULL AND t.status = '在用' GROUP BY village`,
      )
      .raw()
      .all() as [number, number][],
  );
  const mapped = new Set(currentBoundary(ctx).features.map((feature) => feature.villageId));
  const scored = counts.map(([villageId, villageName, redEnterprises, orangeEnterprises, yellowEnterprises, blueEnterprises]) => {
    const hazards = hazardCounts.get(villageId) ?? { major: 0, general: 0 };
    const factors = {
      redEnterprises,
      orangeEnterprises,
      yellowEnterprises,
      blueEnterprises,
      openMajorHazards: hazards.major,
      openGeneralHazards: hazards.general,
      tanksInUse: tankCounts.get(villageId) ?? 0,
    };
    return { villageId, villageName, ...factors, score: villageRiskScore(factors), onMap: mapped.has(villageId) };
  });
  const highest = Math.max(0, ...scored.map((row) => row.score));
  const rows = scored
    .map((row) => ({ ...row, level: villageRiskLevel(row.score, highest) }))
    .sort((a, b) => b.score - a.score || a.villageName.localeCompare(b.villageName, 'zh-CN'));
  return { rows, highest };
}

/**
 * Records whose own coordinates lie outside every polygon of the current boundary, or in another village's
 * polygon than their 所属村. Tanks placed at their owner (no coordinates of their own) are the owner's concern.
 */
export function misplacedRecords(ctx: HandlerContext): { rows: MisplacedRecord[]; checked: number } {
  const features = currentBoundary(ctx).features;
  if (features.length === 0) return { rows: [], checked: 0 };
  const candidates = ctx.appDb.sqlite
    .prepare(
      `SELECT 'enterprise', e.id, e.name, e.village_id, v.name, e.longitude, e.latitude FROM enterprises e JOIN villages v ON v.id = e.village_id
        WHERE e.deleted_at IS NULL AND e.longitude IS NOT NULL AND e.latitude IS NOT NULL
       UNION ALL
       SELECT 'idleSite', s.id, s.name, s.village_id, v.name, s.longitude, s.latitude FROM idle_sites s JOIN villages v ON v.id = s.village_id
        WHERE s.deleted_at IS NULL AND s.longitude IS NOT NULL AND s.latitude IS NOT NULL
       UNION ALL
       SELECT 'tank', t.id, t.code || '（' || coalesce(e.name, s.name) || '）', coalesce(e.village_id, s.village_id), v.name, t.longitude, t.latitude
         FROM tanks t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN idle_sites s ON s.id = t.idle_site_id
         JOIN villages v ON v.id = coalesce(e.village_id, s.village_id)
        WHERE t.deleted_at IS NULL AND t.status <> '已拆除' AND t.longitude IS NOT NULL AND t.latitude IS NOT NULL`,
    )
    .raw()
    .all() as [MisplacedRecord['kind'], number, string, number, string, number, number][];
  // Only judge "another village" when the record's own village has a polygon; otherwise the set is partial.
  const villagesWithPolygon = new Set(features.map((feature) => feature.villageId));
  const rows: MisplacedRecord[] = [];
  for (const [kind, id, name, villageId, villageName, longitude, latitude] of candidates) {
    const found = findContainingFeature([longitude, latitude], features);
    if (!found) rows.push({ kind, id, name, villageName, longitude, latitude, problem: 'outside', foundInVillageName: null });
    else if (found.villageId !== null && found.villageId !== villageId && villagesWithPolygon.has(villageId)) {
      rows.push({ kind, id, name, villageName, longitude, latitude, problem: 'otherVillage', foundInVillageName: found.villageName });
    }
  }
  return { rows, checked: candidates.length };
}
