import { isNull } from 'drizzle-orm';
import type { HandlerContext } from '../../api/context';
import { gridWorkers, gridWorkerVillages, villages } from '../../db/schema';
import { roundCoordinate, toWgs84, type Datum } from '../../../shared/domain/geo/datum';
import { cellText, readNumber, type CellReading, type RawCell } from './cells';
import type { RowProblems } from './importer';
import { normalizeLabel } from './readers';

/** Villages and grid workers by name, for importers whose rows name them (企业, 四闲场所). */
export interface PlaceLookups {
  villageIds: Map<string, number>;
  gridWorkers: Map<string, { id: number; villageIds: Set<number> }[]>;
}

export function loadPlaces(ctx: HandlerContext): PlaceLookups {
  const { db } = ctx.appDb;
  const villageIds = new Map<string, number>();
  for (const village of db.select({ id: villages.id, name: villages.name }).from(villages).where(isNull(villages.deletedAt)).all()) {
    villageIds.set(normalizeLabel(village.name), village.id);
  }
  const workers = new Map<string, { id: number; villageIds: Set<number> }[]>();
  const byId = new Map<number, { id: number; villageIds: Set<number> }>();
  for (const worker of db.select({ id: gridWorkers.id, name: gridWorkers.name }).from(gridWorkers).where(isNull(gridWorkers.deletedAt)).all()) {
    const entry = { id: worker.id, villageIds: new Set<number>() };
    byId.set(worker.id, entry);
    const key = normalizeLabel(worker.name);
    workers.set(key, [...(workers.get(key) ?? []), entry]);
  }
  for (const link of db.select().from(gridWorkerVillages).all()) byId.get(link.gridWorkerId)?.villageIds.add(link.villageId);
  return { villageIds, gridWorkers: workers };
}

/** The village a cell names (村委会/居委会 spellings too); empty stays empty for the schema to require. */
export function readVillage(places: PlaceLookups, cell: RawCell): CellReading<number | undefined> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: undefined };
  const name = normalizeLabel(text);
  for (const candidate of [name, name.replace(/(村民委员会|村委会)$/, '村'), name.replace(/(居民委员会|居委会)$/, '')]) {
    const id = places.villageIds.get(candidate);
    if (id !== undefined) return { ok: true, value: id };
  }
  return { ok: false, message: `村/社区「${text}」不存在，请先在“村/社区”中添加或改正名称` };
}

/** The grid worker a cell names; of several with that name, the one covering the row's village. */
export function readGridWorker(places: PlaceLookups, cell: RawCell, villageId: number | undefined): CellReading<number | null> {
  const name = cellText(cell);
  if (name === '') return { ok: true, value: null };
  const candidates = places.gridWorkers.get(normalizeLabel(name)) ?? [];
  const inVillage = candidates.filter((worker) => villageId !== undefined && worker.villageIds.has(villageId));
  const chosen = inVillage.length === 1 ? inVillage[0] : candidates.length === 1 ? candidates[0] : undefined;
  if (chosen) return { ok: true, value: chosen.id };
  return { ok: false, message: candidates.length === 0 ? `网格员「${name}」不存在` : `有 ${candidates.length} 名网格员叫「${name}」，无法确定是哪一位` };
}

/**
 * The 经度/纬度 cells into `input`, moved from the file's coordinate system to WGS84 (what the app stores) when
 * both are numbers: a ledger whose points were read off AMap (GCJ-02) or Baidu (BD-09) would otherwise sit ~500 m
 * off — across a village border. Out-of-range values are left as read, for the record's schema to refuse.
 */
export function readLocation(cells: ReadonlyMap<string, RawCell>, problems: RowProblems, input: Record<string, unknown>, datum: Datum): void {
  for (const key of ['longitude', 'latitude']) {
    if (cells.has(key)) problems.take(key, readNumber(cells.get(key)!), (value) => (input[key] = value));
  }
  const { longitude, latitude } = input;
  if (datum === 'WGS84' || typeof longitude !== 'number' || typeof latitude !== 'number') return;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) return;
  const [lng, lat] = toWgs84([longitude, latitude], datum);
  input.longitude = roundCoordinate(lng);
  input.latitude = roundCoordinate(lat);
}
