import fs from 'node:fs';
import path from 'node:path';
import type { EnterpriseStatus, RiskLevel, StandardizationLevel } from '../../../shared/domain/enterprise';
import { nowIso, type HandlerContext } from '../../api/context';
import { conflict } from '../../api/errors';
import { insertFilings } from './filings';
import { pointSampler, type Point, type PolygonRings } from './geo';
import { insertHazardsAndInspections } from './hazards';
import { industryProfiles, type NameForm } from './industries';
import { brand, initialsOf, landlinePhone, mobilePhone, personName, uscc } from './names';
import { insertPlansAndDrills } from './plans';
import { intBetween, normal, pick, seededRandom, weightedPick } from './random';
import { insertTanksAndIdleSites } from './tanks';

/** small ≈ a small town (~500 enterprises), town ≈ a typical one, large ≈ 虎门 scale (50,000 enterprises). */
export const demoScales = ['small', 'town', 'large'] as const;
export type DemoScale = (typeof demoScales)[number];

/** Per scale: enterprises, village (社区) grid workers and enterprise grid workers (seed 000: 125 + 16 in a town). */
export const demoScaleSizes: Record<DemoScale, { enterprises: number; villageWorkers: number; enterpriseWorkers: number }> = {
  small: { enterprises: 500, villageWorkers: 32, enterpriseWorkers: 8 },
  town: { enterprises: 3000, villageWorkers: 125, enterpriseWorkers: 16 },
  large: { enterprises: 50_000, villageWorkers: 540, enterpriseWorkers: 60 },
};

export const demoMapFile = 'maps/demo-town.geojson';

export interface DemoVillageFeature {
  properties: { name: string; kind: '村' | '社区'; code: string; areaKm2: number; population: number; households: number };
  geometry: { type: 'Polygon'; coordinates: PolygonRings };
}

const surnames = '陈李张黄王林刘何吴梁郑罗谢钟叶邓蔡袁卢莫'.split('');
const givenNames = ['伟明', '志强', '国华', '建平', '丽芳', '少军', '惠玲', '永健', '海燕', '振华', '秀英', '家豪', '文斌', '美玲'];

/** Roads every village has besides the ones named after it. */
const commonRoads = ['工业路', '兴业路', '创业路', '环镇路', '振兴路', '建设路', '新兴街', '富民路', '商业街', '科技路'];

const statuses: [EnterpriseStatus, number][] = [
  ['在产', 0.88],
  ['停产', 0.07],
  ['关闭', 0.04],
  ['注销', 0.01],
];

export interface DemoSummary {
  scale: DemoScale;
  villages: number;
  gridWorkers: number;
  enterprises: number;
  idleSites: number;
  tanks: number;
  /** 特殊作业报备 over the year ending a few days after today. */
  filings: number;
  /** 应急预案 of the town, its departments, villages and enterprises. */
  plans: number;
  /** 演练 over the last 14 months. */
  drills: number;
  /** 检查 (of enterprises and idle sites) over the year ending today. */
  inspections: number;
  /** 隐患 found over the year ending today. */
  hazards: number;
  /** 责令限期整改指令书 over the year ending today. */
  orders: number;
}

interface DemoVillage {
  id: number;
  name: string;
  /** The name without 村/社区, used as a place-name part of enterprise names (东山鸿达五金制品有限公司). */
  stem: string;
  /** How many enterprises it attracts relative to the others. */
  weight: number;
  neighbours: DemoVillage[];
  roads: string[];
  samplePoint: (random: () => number) => Point;
  villageWorkers: number[];
  enterpriseWorkers: number[];
}

/**
 * Fills an empty database with the fictional 示例镇, deterministically (same scale and clock, same rows): its
 * villages from the shipped map, grid workers covering them, and enterprises placed inside their village's
 * polygon. Runs in one transaction; refuses to touch a database that already holds records. Writes through
 * prepared statements because drizzle's per-row query building is most of the cost at 50,000 rows.
 */
export function loadDemoData(ctx: HandlerContext, options: { scale: DemoScale }): DemoSummary {
  const { sqlite } = ctx.appDb;
  const existing = sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM villages WHERE deleted_at IS NULL)
            + (SELECT count(*) FROM grid_workers WHERE deleted_at IS NULL)
            + (SELECT count(*) FROM enterprises WHERE deleted_at IS NULL)`,
    )
    .pluck()
    .get() as number;
  if (existing > 0) throw conflict('数据库中已有村/社区、网格员或企业记录，不能再载入演示数据。');

  const features = readDemoMap(ctx.resourcesDir);
  const sizes = demoScaleSizes[options.scale];
  const now = nowIso(ctx);
  return sqlite.transaction(() => {
    const villages = insertVillages(ctx, features, now);
    const gridWorkers = insertGridWorkers(ctx, villages, sizes, now);
    insertEnterprises(ctx, villages, sizes.enterprises, now);
    const places = insertTanksAndIdleSites(sqlite, villages, options.scale, now);
    const filings = insertFilings(ctx, options.scale);
    const plans = insertPlansAndDrills(ctx, options.scale);
    const hazards = insertHazardsAndInspections(ctx, options.scale);
    return { scale: options.scale, villages: villages.length, gridWorkers, enterprises: sizes.enterprises, ...places, filings, ...plans, ...hazards };
  })();
}

function insertVillages(ctx: HandlerContext, features: DemoVillageFeature[], now: string): DemoVillage[] {
  // Seed and draw order as in the first release, so the villages' contacts stay what users have seen.
  const random = seededRandom(7);
  const insert = ctx.appDb.sqlite.prepare(
    `INSERT INTO villages (name, kind, code, population, households, area_km2, contact_name, contact_phone, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const villages = features.map(({ properties, geometry }): DemoVillage => {
    const contactName = `${pick(random, surnames)}${pick(random, givenNames)}`;
    const contactPhone = `13${intBetween(random, 0, 9)}${String(intBetween(random, 0, 99_999_999)).padStart(8, '0')}`;
    const { lastInsertRowid } = insert.run(
      properties.name,
      properties.kind,
      properties.code,
      properties.population,
      properties.households,
      properties.areaKm2,
      contactName,
      contactPhone,
      now,
      now,
    );
    const stem = properties.name.replace(/(村|社区)$/, '');
    // Enterprises follow land and people; the industrial-park community holds far more than its area suggests.
    const weight = (properties.areaKm2 + properties.population / 4000) * (stem === '工业园' ? 4 : 1);
    return {
      id: Number(lastInsertRowid),
      name: properties.name,
      stem,
      weight,
      neighbours: [],
      roads: [`${stem}路`, `${stem}大道`, `${stem}一路`, `${stem}二路`, ...commonRoads],
      samplePoint: pointSampler(geometry.coordinates),
      villageWorkers: [],
      enterpriseWorkers: [],
    };
  });
  // Neighbours share a boundary vertex (the map's cells come from one tessellation, so shared corners match).
  const corners = features.map(({ geometry }) => new Set(geometry.coordinates[0].map(([x, y]) => `${x},${y}`)));
  for (let i = 0; i < villages.length; i += 1) {
    for (let j = 0; j < villages.length; j += 1) {
      if (i !== j && [...corners[i]].some((corner) => corners[j].has(corner))) villages[i].neighbours.push(villages[j]);
    }
  }
  return villages;
}

/**
 * Village grid workers cover 1–3 adjacent villages (every village gets at least one); enterprise grid workers
 * sit in one village's large firms. Busier villages get more workers.
 */
function insertGridWorkers(
  ctx: HandlerContext,
  villages: DemoVillage[],
  sizes: { villageWorkers: number; enterpriseWorkers: number },
  now: string,
): number {
  const random = seededRandom(11);
  const { sqlite } = ctx.appDb;
  const insertWorker = sqlite.prepare(
    'INSERT INTO grid_workers (name, kind, phone, notes, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)',
  );
  const insertAssignment = sqlite.prepare('INSERT INTO grid_worker_villages (grid_worker_id, village_id) VALUES (?, ?)');
  const names = new Set<string>();
  const uniqueName = () => {
    // Same-name colleagues exist, but a demo reads better when each name is one person.
    for (let attempt = 0; ; attempt += 1) {
      const name = personName(random);
      if (!names.has(name) || attempt > 20) {
        names.add(name);
        return name;
      }
    }
  };
  const byWeight = (village: DemoVillage) => village.weight;

  for (let i = 0; i < sizes.villageWorkers; i += 1) {
    const home = i < villages.length ? villages[i] : weightedPick(random, villages, byWeight);
    const covered = [home];
    const extra = random() < 0.6 ? 0 : random() < 0.75 ? 1 : 2;
    for (let k = 0; k < extra; k += 1) {
      const candidates = home.neighbours.filter((village) => !covered.includes(village));
      if (candidates.length > 0) covered.push(pick(random, candidates));
    }
    const id = Number(insertWorker.run(uniqueName(), '村（社区）网格员', mobilePhone(random), now, now).lastInsertRowid);
    for (const village of covered) {
      insertAssignment.run(id, village.id);
      village.villageWorkers.push(id);
    }
  }
  for (let i = 0; i < sizes.enterpriseWorkers; i += 1) {
    const village = weightedPick(random, villages, byWeight);
    const id = Number(insertWorker.run(uniqueName(), '企业网格员', mobilePhone(random), now, now).lastInsertRowid);
    insertAssignment.run(id, village.id);
    village.enterpriseWorkers.push(id);
  }
  return sizes.villageWorkers + sizes.enterpriseWorkers;
}

function drawLevel<T>(random: () => number, levels: readonly T[], probabilities: readonly number[]): T {
  let target = random();
  for (let i = 0; i < probabilities.length; i += 1) {
    target -= probabilities[i];
    if (target < 0) return levels[i];
  }
  return levels[levels.length - 1];
}

const riskOrder = ['red', 'orange', 'yellow', 'blue'] as const satisfies readonly RiskLevel[];
const standardizationOrder = ['一级', '二级', '三级', '未定级'] as const satisfies readonly StandardizationLevel[];
/** Probability of key supervision (重点监管) by risk colour: most red and orange firms, few others. */
const keySupervisedChance: Record<RiskLevel, number> = { red: 0.95, orange: 0.75, yellow: 0.06, blue: 0.01 };

function insertEnterprises(ctx: HandlerContext, villages: DemoVillage[], count: number, now: string): void {
  const random = seededRandom(13);
  const insert = ctx.appDb.sqlite.prepare(
    `INSERT INTO enterprises (
       name, uscc, address, village_id, industry, supervising_dept, risk_level, key_supervised, standardization,
       major_hazard, principal_name, principal_phone, safety_manager_name, safety_manager_phone, employees, status,
       grid_worker_id, longitude, latitude, notes, name_initials, created_at, updated_at
     ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const profile = weightedPick(random, industryProfiles, (item) => item.share);
    const form = weightedPick(random, profile.forms, (item) => item.weight);
    const village = weightedPick(random, villages, (item) => item.weight);
    const { name, initials } = enterpriseName(random, village, form, usedNames);
    let code = uscc(random, form.kind);
    while (usedCodes.has(code)) code = uscc(random, form.kind);
    usedCodes.add(code);

    const majorHazard = random() < (form.majorHazard ?? 0);
    // A 重大危险源 is graded at least 较大 in practice; others draw from their industry's spread.
    const riskLevel = majorHazard ? drawLevel(random, riskOrder, [0.35, 0.6]) : drawLevel(random, riskOrder, profile.risk);
    const keySupervised = random() < keySupervisedChance[riskLevel];
    const standardization = drawLevel(random, standardizationOrder, profile.standardization);
    const status = weightedPick(random, statuses, ([, weight]) => weight)[0];
    const [median, sigma] = form.employees;
    const employees = Math.min(20_000, Math.max(1, Math.round(median * Math.exp(sigma * normal(random)))));

    const principalName = personName(random);
    const principalPhone = mobilePhone(random);
    // In a 个体工商户 the owner usually is the safety manager too.
    const ownerRunsSafety = form.kind === '92' && random() < 0.7;
    const safetyManagerName = ownerRunsSafety ? principalName : personName(random);
    const safetyManagerPhone = ownerRunsSafety ? principalPhone : random() < 0.3 ? landlinePhone(random) : mobilePhone(random);

    const address = `示例镇${village.name}${pick(random, village.roads)}${intBetween(random, 1, 388)}号`;
    const gridWorkerId =
      employees >= 300 && village.enterpriseWorkers.length > 0 && random() < 0.8
        ? pick(random, village.enterpriseWorkers)
        : pick(random, village.villageWorkers);
    const [longitude, latitude] = village.samplePoint(random);

    insert.run(
      name,
      code,
      address,
      village.id,
      profile.industry,
      profile.supervisingDept,
      riskLevel,
      keySupervised ? 1 : 0,
      standardization,
      majorHazard ? 1 : 0,
      principalName,
      principalPhone,
      safetyManagerName,
      safetyManagerPhone,
      employees,
      status,
      gridWorkerId,
      longitude,
      latitude,
      initials,
      now,
      now,
    );
  }
}

/**
 * 行政区划/字号/行业/组织形式, as names are registered: 示例镇鸿达五金制品有限公司, 东山华盛塑胶制品厂, 兴利加油站.
 * Unique within the town (registration forbids duplicates). Initials are joined from the parts' initials.
 */
function enterpriseName(
  random: () => number,
  village: DemoVillage,
  form: NameForm,
  used: Set<string>,
): { name: string; initials: string } {
  for (;;) {
    const place = random();
    const prefix = place < 0.35 ? '示例镇' : place < 0.7 ? village.stem : '';
    const trade = brand(random);
    const product = pick(random, form.products);
    const name = prefix + trade + product + form.suffix;
    if (used.has(name)) continue;
    used.add(name);
    return { name, initials: initialsOf(prefix) + initialsOf(trade) + initialsOf(product) + initialsOf(form.suffix) };
  }
}

export function readDemoMap(resourcesDir: string): DemoVillageFeature[] {
  const text = fs.readFileSync(path.join(resourcesDir, demoMapFile), 'utf8');
  return (JSON.parse(text) as { features: DemoVillageFeature[] }).features;
}
