import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { BoundaryFeatureRow, BoundaryMatchRow, BoundaryPreview, BoundarySet, CurrentBoundary } from '../../../shared/api/maps';
import type { BoundaryFeature, BoundaryProblem } from '../../../shared/domain/geo/geojson';
import { parseBoundaryFile } from '../../../shared/domain/geo/geojson';
import { matchBoundaryNames } from '../../../shared/domain/geo/matching';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { invalid, notFound } from '../../api/errors';
import { boundaryFeatures, boundarySets, villages } from '../../db/schema';
import { recordAudit } from '../audit/service';

/** The demo town's village boundaries, shipped with the app and drawn while no set is stored. */
export const bundledBoundaryFile = path.join('maps', 'demo-town.geojson');

// How many problems an error message names before “等 N 个问题”: the rest are for the preview's list.
const problemsInMessage = 3;

interface VillageRef {
  id: number;
  name: string;
}

function liveVillages(ctx: HandlerContext): VillageRef[] {
  return ctx.appDb.db
    .select({ id: villages.id, name: villages.name })
    .from(villages)
    .where(isNull(villages.deletedAt))
    .orderBy(asc(villages.name), asc(villages.id))
    .all();
}

/** One row per feature, in file order: its automatic match, or why there is none. */
function matchRows(features: readonly BoundaryFeature[], villageList: readonly VillageRef[]) {
  const result = matchBoundaryNames(
    features.map((feature) => feature.name),
    villageList,
  );
  const rows: BoundaryMatchRow[] = features.map((feature, featureIndex) => ({
    featureIndex,
    featureName: feature.name,
    villageId: null,
    villageName: null,
    method: null,
    reason: 'no-village',
    suggestions: [],
    geometry: feature.geometry,
    bbox: feature.bbox,
  }));
  for (const match of result.matched) {
    Object.assign(rows[match.featureIndex], { villageId: match.village.id, villageName: match.village.name, method: match.method, reason: null });
  }
  for (const unmatched of result.unmatchedFeatures) {
    Object.assign(rows[unmatched.featureIndex], {
      reason: unmatched.reason,
      suggestions: unmatched.suggestions.map(({ id, name }) => ({ id, name })),
    });
  }
  return { rows, villagesWithoutFeature: result.villagesWithoutFeature.map(({ id, name }) => ({ id, name })) };
}

/** The problems as the contract carries them (plain objects, position as a pair). */
function toProblems(problems: readonly BoundaryProblem[]) {
  return problems.map((problem) => ({ ...problem, ...(problem.position ? { position: [problem.position[0], problem.position[1]] as [number, number] } : {}) }));
}

/**
 * Validates a boundary file, converts it to WGS84 and matches its features to the live villages. A file with
 * problems is returned as `{ ok: false, errors }` (every problem, not the first) rather than thrown, so the
 * import form can list them all.
 */
export function previewBoundary(ctx: HandlerContext, input: Parsed<'maps.previewBoundary'>): BoundaryPreview {
  const parsed = parseBoundaryFile(input.text, { source: input.source, nameProperty: input.nameProperty });
  if (!parsed.ok) return { ok: false, errors: toProblems(parsed.errors), properties: parsed.properties };
  const { rows, villagesWithoutFeature } = matchRows(parsed.features, liveVillages(ctx));
  return {
    ok: true,
    nameProperty: parsed.nameProperty,
    properties: parsed.properties,
    featureCount: parsed.features.length,
    warnings: toProblems(parsed.warnings),
    matches: rows,
    villagesWithoutFeature,
  };
}

/** “第 1 个要素…；第 2 个要素…；等 12 个问题” — for an error message when a save meets a broken file. */
function summarizeProblems(problems: readonly BoundaryProblem[]): string {
  const shown = problems.slice(0, problemsInMessage).map((problem) => problem.message.replace(/[。.]$/, ''));
  const more = problems.length > problemsInMessage ? `；等共 ${problems.length} 个问题` : '';
  return `${shown.join('；')}${more}`;
}

/** The village chosen for each feature, checked: features without an assignment stay unmatched (null). */
function resolveAssignments(ctx: HandlerContext, features: readonly BoundaryFeature[], assignments: Parsed<'maps.saveBoundarySet'>['assignments']): (number | null)[] {
  const chosen: (number | null)[] = features.map(() => null);
  const indexesByName = new Map<string, number[]>();
  features.forEach((feature, index) => indexesByName.set(feature.name, [...(indexesByName.get(feature.name) ?? []), index]));
  const stale = () => invalid('边界文件与预览时不一致（要素名称或顺序不同），请重新预览后再保存。', 'assignments');

  for (const assignment of assignments) {
    const name = assignment.featureName.trim();
    let index: number;
    if (assignment.featureIndex !== undefined) {
      // The index must still name the same feature: otherwise the file changed since the preview.
      if (features[assignment.featureIndex]?.name !== name) throw stale();
      index = assignment.featureIndex;
    } else {
      const indexes = indexesByName.get(name);
      if (!indexes) throw stale();
      if (indexes.length > 1) {
        throw invalid(`文件中有 ${indexes.length} 个名为「${name}」的要素，请逐个指定对应的村（社区）后再保存。`, 'assignments');
      }
      index = indexes[0];
    }
    chosen[index] = assignment.villageId;
  }

  const wanted = [...new Set(chosen.filter((id): id is number => id !== null))];
  if (wanted.length > 0) {
    const live = new Set(liveVillages(ctx).map((village) => village.id));
    const missing = wanted.filter((id) => !live.has(id));
    if (missing.length > 0) throw invalid('所选的村（社区）有的已不存在或已被删除，请重新预览后再保存。', 'assignments');
  }
  return chosen;
}

const setColumns = {
  id: boundarySets.id,
  name: boundarySets.name,
  sourceDatum: boundarySets.sourceDatum,
  nameProperty: boundarySets.nameProperty,
  featureCount: boundarySets.featureCount,
  isCurrent: boundarySets.isCurrent,
  createdAt: boundarySets.createdAt,
  createdBy: boundarySets.createdBy,
  // A feature counts as matched only while its village is live: deleting a village unmatches its polygon. The
  // outer table is named in full because drizzle renders a column inside sql`` unqualified (ambiguous here).
  matchedCount: sql<number>`(SELECT count(*) FROM boundary_features f JOIN villages v ON v.id = f.village_id AND v.deleted_at IS NULL WHERE f.set_id = boundary_sets.id)`,
};

function toSet(row: Omit<BoundarySet, 'unmatchedCount'>): BoundarySet {
  return { ...row, matchedCount: Number(row.matchedCount), unmatchedCount: row.featureCount - Number(row.matchedCount) };
}

/** Live boundary sets, newest first. */
export function listBoundarySets(ctx: HandlerContext): BoundarySet[] {
  return ctx.appDb.db
    .select(setColumns)
    .from(boundarySets)
    .where(isNull(boundarySets.deletedAt))
    .orderBy(desc(boundarySets.createdAt), desc(boundarySets.id))
    .all()
    .map(toSet);
}

function getBoundarySet(ctx: HandlerContext, id: number): BoundarySet {
  const row = ctx.appDb.db
    .select(setColumns)
    .from(boundarySets)
    .where(and(eq(boundarySets.id, id), isNull(boundarySets.deletedAt)))
    .get();
  if (!row) throw notFound('该村界数据');
  return toSet(row);
}

/** What the audit trail keeps of a set: its description, not its geometry. */
function auditView(set: BoundarySet) {
  const { id: _id, createdAt: _createdAt, unmatchedCount: _unmatched, ...rest } = set;
  return rest;
}

/** Makes `id` the one current set (the partial unique index allows no second), clearing the previous one. */
function makeCurrent(ctx: HandlerContext, id: number): void {
  const { db } = ctx.appDb;
  db.update(boundarySets).set({ isCurrent: false }).where(eq(boundarySets.isCurrent, true)).run();
  db.update(boundarySets).set({ isCurrent: true }).where(eq(boundarySets.id, id)).run();
}

/**
 * Stores a reviewed boundary file as a set. The file is parsed again here — geometry from the client is never
 * trusted — and must still be valid; runs inside dispatch's transaction, so the set, its features and the
 * audit row land together.
 */
export function saveBoundarySet(ctx: RequestContext, input: Parsed<'maps.saveBoundarySet'>): BoundarySet {
  const parsed = parseBoundaryFile(input.text, { source: input.source, nameProperty: input.nameProperty });
  if (!parsed.ok) throw invalid(`边界文件有问题，未保存：${summarizeProblems(parsed.errors)}。`, 'text');
  const villageIds = resolveAssignments(ctx, parsed.features, input.assignments);
  const { db } = ctx.appDb;
  const created = db
    .insert(boundarySets)
    .values({
      name: input.name,
      sourceDatum: input.source,
      nameProperty: parsed.nameProperty,
      featureCount: parsed.features.length,
      isCurrent: false,
      createdAt: nowIso(ctx),
      createdBy: ctx.user?.displayName ?? '系统',
    })
    .returning({ id: boundarySets.id })
    .get();
  const insert = db
    .insert(boundaryFeatures)
    .values({
      setId: sql.placeholder('setId'),
      villageId: sql.placeholder('villageId'),
      featureName: sql.placeholder('featureName'),
      geometryJson: sql.placeholder('geometryJson'),
      minLng: sql.placeholder('minLng'),
      minLat: sql.placeholder('minLat'),
      maxLng: sql.placeholder('maxLng'),
      maxLat: sql.placeholder('maxLat'),
    } as unknown as typeof boundaryFeatures.$inferInsert)
    .prepare();
  parsed.features.forEach((feature, index) => {
    const [minLng, minLat, maxLng, maxLat] = feature.bbox;
    insert.run({
      setId: created.id,
      villageId: villageIds[index],
      featureName: feature.name,
      geometryJson: JSON.stringify(feature.geometry),
      minLng,
      minLat,
      maxLng,
      maxLat,
    });
  });
  if (input.makeCurrent) makeCurrent(ctx, created.id);
  const set = getBoundarySet(ctx, created.id);
  recordAudit(ctx, { action: 'create', entity: 'boundarySet', entityId: set.id, entityTitle: set.name, after: auditView(set) });
  return set;
}

/** Chooses which stored set the map draws. */
export function setCurrentBoundarySet(ctx: RequestContext, id: number): BoundarySet {
  const before = getBoundarySet(ctx, id);
  if (before.isCurrent) return before;
  makeCurrent(ctx, id);
  const after = getBoundarySet(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'boundarySet', entityId: id, entityTitle: after.name, before: auditView(before), after: auditView(after) });
  return after;
}

/** Soft-deletes a set; the current one is refused, so the map never loses its boundary by accident. */
export function deleteBoundarySet(ctx: RequestContext, id: number): void {
  const set = getBoundarySet(ctx, id);
  if (set.isCurrent) {
    throw invalid(`「${set.name}」是当前地图使用的村界，不能删除。请先将另一套村界设为当前使用，再删除它。`);
  }
  ctx.appDb.db.update(boundarySets).set({ deletedAt: nowIso(ctx) }).where(eq(boundarySets.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'boundarySet', entityId: id, entityTitle: set.name, changes: [] });
}

function storedFeatures(ctx: HandlerContext, setId: number): BoundaryFeatureRow[] {
  return ctx.appDb.db
    .select({
      id: boundaryFeatures.id,
      villageId: villages.id,
      villageName: villages.name,
      featureName: boundaryFeatures.featureName,
      geometryJson: boundaryFeatures.geometryJson,
      minLng: boundaryFeatures.minLng,
      minLat: boundaryFeatures.minLat,
      maxLng: boundaryFeatures.maxLng,
      maxLat: boundaryFeatures.maxLat,
    })
    .from(boundaryFeatures)
    // A village deleted since the import no longer names its polygon; the polygon itself is still drawn.
    .leftJoin(villages, and(eq(villages.id, boundaryFeatures.villageId), isNull(villages.deletedAt)))
    .where(eq(boundaryFeatures.setId, setId))
    .orderBy(asc(boundaryFeatures.id))
    .all()
    .map((row) => ({
      id: row.id,
      villageId: row.villageId,
      villageName: row.villageName,
      featureName: row.featureName,
      geometry: JSON.parse(row.geometryJson) as BoundaryFeatureRow['geometry'],
      bbox: [row.minLng, row.minLat, row.maxLng, row.maxLat],
    }));
}

/** The shipped demo file, read as WGS84 and matched to the villages by name; null when the app ships none. */
function bundledFeatures(ctx: HandlerContext): BoundaryFeatureRow[] | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(ctx.resourcesDir, bundledBoundaryFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = parseBoundaryFile(text, { source: 'WGS84' });
  // The file ships with the app: if it does not parse, the build is broken, not the user's data.
  if (!parsed.ok) throw new Error(`Bundled boundary file is invalid: ${parsed.errors[0]?.message ?? ''}`);
  const { rows } = matchRows(parsed.features, liveVillages(ctx));
  return parsed.features.map((feature, index) => ({
    id: null,
    villageId: rows[index].villageId,
    villageName: rows[index].villageName,
    featureName: feature.name,
    geometry: feature.geometry,
    bbox: feature.bbox,
  }));
}

/** The boundary the map draws: the current stored set, else the shipped demo file, else none. */
export function currentBoundary(ctx: HandlerContext): CurrentBoundary {
  const current = ctx.appDb.db
    .select({ id: boundarySets.id, name: boundarySets.name })
    .from(boundarySets)
    .where(and(eq(boundarySets.isCurrent, true), isNull(boundarySets.deletedAt)))
    .get();
  if (current) return { source: 'stored', setId: current.id, name: current.name, features: storedFeatures(ctx, current.id) };
  const bundled = bundledFeatures(ctx);
  return bundled ? { source: 'bundled', features: bundled } : { source: 'none', features: [] };
}
