import type Database from 'better-sqlite3';
import type { DemoScale } from './service';
import { mobilePhone, personName } from './names';
import { intBetween, pick, seededRandom } from './random';

/**
 * Tanks and idle sites per scale. `small` and `town` reproduce seed 000: 危险化学品企业储罐103个, 一般化工企业储罐
 * 281个, 四闲场所储罐91个, and 342 idle sites swept, 31 with illegal findings (12 停业整顿, 16 取缔, 2 清理, 1 关闭),
 * 9 sampled. `large` has about 5,000 tanks and 1,000 idle sites.
 */
export const demoTankSizes: Record<DemoScale, { hazardous: number; chemical: number; idleSiteTanks: number; idleSites: number }> = {
  small: { hazardous: 103, chemical: 281, idleSiteTanks: 91, idleSites: 342 },
  town: { hazardous: 103, chemical: 281, idleSiteTanks: 91, idleSites: 342 },
  large: { hazardous: 1200, chemical: 3000, idleSiteTanks: 800, idleSites: 1000 },
};

/** Tanks 已拆除 before today, kept in history and left out of the counts above. */
const removedIdleSiteTanks = 5;

export interface DemoPlaceVillage {
  id: number;
  name: string;
  roads: string[];
  samplePoint: (random: () => number) => [number, number];
  villageWorkers: number[];
}

export interface DemoTankSummary {
  idleSites: number;
  tanks: number;
}

interface Medium {
  name: string;
  cas: string | null;
  type: string;
  pressureClass: string;
  density: number;
}

const hazardousMedia: Medium[] = [
  { name: '甲醇', cas: '67-56-1', type: '内浮顶', pressureClass: '常压', density: 0.79 },
  { name: '汽油', cas: '86290-81-5', type: '内浮顶', pressureClass: '常压', density: 0.73 },
  { name: '柴油', cas: null, type: '立式固定顶', pressureClass: '常压', density: 0.84 },
  { name: '液化石油气', cas: '68476-85-7', type: '球罐', pressureClass: '压力', density: 0.55 },
  { name: '液氨', cas: '7664-41-7', type: '卧式', pressureClass: '压力', density: 0.6 },
  { name: '盐酸', cas: '7647-01-0', type: '立式固定顶', pressureClass: '常压', density: 1.18 },
  { name: '硫酸', cas: '7664-93-9', type: '立式固定顶', pressureClass: '常压', density: 1.84 },
];
const chemicalMedia: Medium[] = [
  { name: '乙酸乙酯', cas: '141-78-6', type: '立式固定顶', pressureClass: '常压', density: 0.9 },
  { name: '甲苯', cas: '108-88-3', type: '内浮顶', pressureClass: '常压', density: 0.87 },
  { name: '丙酮', cas: '67-64-1', type: '立式固定顶', pressureClass: '常压', density: 0.79 },
  { name: '氢氧化钠溶液', cas: '1310-73-2', type: '立式固定顶', pressureClass: '常压', density: 1.5 },
  { name: '树脂', cas: null, type: '卧式', pressureClass: '常压', density: 1.1 },
  { name: '导热油', cas: null, type: '卧式', pressureClass: '常压', density: 0.9 },
];
const idleMedia: Medium[] = [
  { name: '柴油', cas: null, type: '卧式', pressureClass: '常压', density: 0.84 },
  { name: '沥青', cas: '8052-42-4', type: '卧式', pressureClass: '常压', density: 1.0 },
  { name: '机油', cas: null, type: '卧式', pressureClass: '常压', density: 0.88 },
  { name: '废机油', cas: null, type: '立式固定顶', pressureClass: '常压', density: 0.9 },
];

const siteKinds = ['厂房', '院落', '仓库', '场地'] as const;
const siteUses = ['闲置', '堆放杂物', '出租仓储', '停车', '闲置待拆'];

function isoDay(base: Date, daysBefore: number): string {
  const date = new Date(base.getTime() - daysBefore * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Splits `total` into chunks of `min`–`max` (the last may be smaller), deterministically. */
function chunks(random: () => number, total: number, min: number, max: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const size = Math.min(left, intBetween(random, min, max));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * Adds the idle sites (with their inspections) and the tanks (with their first status entry) of the demo town.
 * Its own random stream, so the villages, grid workers and enterprises stay exactly as before. Dates lie in the
 * months before `now`, so "as of today" counts see them all.
 */
export function insertTanksAndIdleSites(
  sqlite: Database.Database,
  villages: DemoPlaceVillage[],
  scale: DemoScale,
  now: string,
): DemoTankSummary {
  const random = seededRandom(23);
  const sizes = demoTankSizes[scale];
  const today = new Date(now);
  const chemicalIds = new Map(
    (sqlite.prepare('SELECT id, name FROM chemicals WHERE deleted_at IS NULL').all() as { id: number; name: string }[]).map((row) => [row.name, row.id]),
  );
  const insertSite = sqlite.prepare(
    `INSERT INTO idle_sites (name, kind, address, village_id, owner_name, owner_phone, current_use, finding, disposal, sealed, sampled,
       found_on, disposed_on, grid_worker_id, longitude, latitude, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertInspection = sqlite.prepare(
    `INSERT INTO idle_site_inspections (idle_site_id, inspected_on, inspectors, finding, disposal, sealed, sampled, remark, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '演示数据')`,
  );
  const insertTank = sqlite.prepare(
    `INSERT INTO tanks (code, enterprise_id, idle_site_id, tank_farm, medium, chemical_id, cas, design_capacity_m3, max_stored_t, type, material,
       pressure_class, status, public_label, responsible_name, responsible_phone, last_check_on, registered_on, longitude, latitude, notes,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertChange = sqlite.prepare(
    `INSERT INTO tank_status_changes (tank_id, changed_on, from_status, to_status, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, '演示数据')`,
  );

  // --- idle sites: the seed's findings first, the rest found in order --------------------------------------
  const scaleFactor = sizes.idleSites / 342;
  const findings: [finding: string, disposal: string, sealed: boolean, count: number][] = [
    ['违规作业', '停业整顿', true, Math.round(12 * scaleFactor)],
    ['非法储存', '取缔', false, Math.round(16 * scaleFactor)],
    ['非法生产', '清理完毕', false, Math.round(2 * scaleFactor)],
    ['非法储存', '关闭', true, Math.round(1 * scaleFactor)],
  ];
  const illegal = findings.reduce((sum, [, , , count]) => sum + count, 0);
  findings.push(['无违法', '无需处置', false, sizes.idleSites - illegal]);
  const sampledTarget = Math.round(9 * scaleFactor);
  const inspectorsOf = () => `${personName(random)}、${personName(random)}`;
  const sites: { id: number; village: DemoPlaceVillage; finding: string; foundOn: string; point: [number, number] }[] = [];
  let sampled = 0;
  const usedNames = new Set<string>();
  const uniqueName = (base: string) => {
    let name = base;
    for (let n = 2; usedNames.has(name); n += 1) name = `${base}${n}号`;
    usedNames.add(name);
    return name;
  };
  for (const [finding, disposal, sealed, count] of findings) {
    for (let i = 0; i < count; i += 1) {
      const village = pick(random, villages);
      const kind = pick(random, siteKinds);
      const owner = personName(random);
      const foundOn = isoDay(today, intBetween(random, 30, 240));
      const disposedOn = disposal === '无需处置' ? null : isoDay(new Date(`${foundOn}T12:00:00`), -intBetween(random, 3, 25));
      const isSampled = finding === '非法储存' && disposal === '取缔' && sampled < sampledTarget;
      if (isSampled) sampled += 1;
      const point = village.samplePoint(random);
      const address = `示例镇${village.name}${pick(random, village.roads)}${intBetween(random, 1, 388)}号`;
      const id = Number(
        insertSite.run(
          uniqueName(`${village.name}${owner}闲置${kind}`),
          kind,
          address,
          village.id,
          owner,
          mobilePhone(random),
          pick(random, siteUses),
          finding,
          disposal,
          sealed ? 1 : 0,
          isSampled ? 1 : 0,
          foundOn,
          disposedOn,
          village.villageWorkers.length > 0 ? pick(random, village.villageWorkers) : null,
          point[0],
          point[1],
          now,
          now,
        ).lastInsertRowid,
      );
      const firstDisposal = disposal === '无需处置' ? '无需处置' : '待处置';
      insertInspection.run(id, foundOn, inspectorsOf(), finding, firstDisposal, 0, 0, '全覆盖排查', now);
      if (disposedOn) insertInspection.run(id, disposedOn, inspectorsOf(), finding, disposal, sealed ? 1 : 0, isSampled ? 1 : 0, '复查处置', now);
      sites.push({ id, village, finding, foundOn, point });
    }
  }

  // --- tanks ------------------------------------------------------------------------------------------------
  let tankCount = 0;
  const addTank = (owner: { enterpriseId: number | null; idleSiteId: number | null }, code: string, tankFarm: string | null, medium: Medium, registeredOn: string, status: string, point: [number, number] | null) => {
    const capacity = pick(random, [20, 30, 50, 100, 200, 300, 500, 1000, 2000]);
    const stored = Math.round(capacity * medium.density * (0.6 + random() * 0.25) * 10) / 10;
    const labelled = random() < 0.96;
    const responsible = random() < 0.93 ? personName(random) : null;
    const id = Number(
      insertTank.run(
        code,
        owner.enterpriseId,
        owner.idleSiteId,
        tankFarm,
        medium.name,
        chemicalIds.get(medium.name) ?? (medium.name === '液氨' ? (chemicalIds.get('氨') ?? null) : null),
        medium.cas,
        capacity,
        stored,
        medium.type,
        medium.pressureClass === '压力' ? 'Q345R' : pick(random, ['Q235B', '不锈钢 304', '玻璃钢']),
        medium.pressureClass,
        status,
        labelled ? 1 : 0,
        responsible,
        responsible ? mobilePhone(random) : null,
        isoDay(today, intBetween(random, 1, 60)),
        registeredOn,
        point?.[0] ?? null,
        point?.[1] ?? null,
        now,
        now,
      ).lastInsertRowid,
    );
    insertChange.run(id, registeredOn, null, status, '登记', now);
    tankCount += 1;
    return id;
  };

  const enterprisesOf = (industries: string[]) =>
    sqlite
      .prepare(
        `SELECT id, longitude, latitude FROM enterprises WHERE deleted_at IS NULL AND status IN ('在产', '停产')
           AND industry IN (${industries.map(() => '?').join(', ')}) ORDER BY id`,
      )
      .all(...industries) as { id: number; longitude: number | null; latitude: number | null }[];
  const placeTanks = (owners: { id: number; longitude: number | null; latitude: number | null }[], total: number, media: Medium[], prefix: string) => {
    if (owners.length === 0) return;
    const groups = chunks(random, total, 2, 9);
    groups.forEach((size, index) => {
      const owner = owners[index % owners.length];
      const registeredOn = isoDay(today, intBetween(random, 20, 230));
      const farms = size > 5 ? ['一号罐区', '二号罐区'] : ['罐区'];
      for (let k = 0; k < size; k += 1) {
        const farm = farms[k % farms.length];
        const status = random() < 0.88 ? '在用' : pick(random, ['停用', '闲置', '已清空']);
        // An owner may get a second group: codes continue so they stay unique per owner.
        const code = `${prefix}${String(Math.floor(index / owners.length) * 20 + k + 1).padStart(2, '0')}`;
        addTank({ enterpriseId: owner.id, idleSiteId: null }, code, farm, pick(random, media), registeredOn, status, owner.longitude === null ? null : [owner.longitude, owner.latitude!]);
      }
    });
  };
  placeTanks(enterprisesOf(['危化生产', '危化经营(带储存)']), sizes.hazardous, hazardousMedia, 'T');
  placeTanks(enterprisesOf(['化工', '医药']), sizes.chemical, chemicalMedia, 'G');

  // Idle-site tanks sit where illegal storage was found, and a few in idle yards with nothing illegal.
  const storing = sites.filter((site) => site.finding === '非法储存');
  const quiet = sites.filter((site) => site.finding === '无违法');
  const idleGroups = chunks(random, sizes.idleSiteTanks, 1, 6);
  idleGroups.forEach((size, index) => {
    const site = index < storing.length ? storing[index] : quiet[index - storing.length];
    const registeredOn = site.foundOn;
    for (let k = 0; k < size; k += 1) {
      const status = site.finding === '非法储存' ? '已清空' : '闲置';
      addTank({ enterpriseId: null, idleSiteId: site.id }, `X${String(k + 1).padStart(2, '0')}`, null, pick(random, idleMedia), registeredOn, status, site.point);
    }
  });
  // Some idle-site tanks were cut up and removed: they stay in the register with their history.
  for (let i = 0; i < removedIdleSiteTanks; i += 1) {
    const site = storing[i % storing.length];
    const id = addTank({ enterpriseId: null, idleSiteId: site.id }, `R${String(i + 1).padStart(2, '0')}`, null, pick(random, idleMedia), site.foundOn, '闲置', site.point);
    const removedOn = isoDay(new Date(`${site.foundOn}T12:00:00`), -intBetween(random, 5, 20));
    sqlite.prepare(`UPDATE tanks SET status = '已拆除' WHERE id = ?`).run(id);
    insertChange.run(id, removedOn, '闲置', '已拆除', '报备后切割拆解', now);
  }
  return { idleSites: sites.length, tanks: tankCount };
}
