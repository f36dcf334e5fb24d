import fs from 'node:fs';
import path from 'node:path';
import { isNull, sql } from 'drizzle-orm';
import { nowIso, type HandlerContext } from '../../api/context';
import { conflict } from '../../api/errors';
import { villages } from '../../db/schema';
import { intBetween, pick, seededRandom } from './random';

/** small ≈ a small town (~500 enterprises), town ≈ a typical one, large ≈ 虎门 scale (50,000 enterprises). */
export const demoScales = ['small', 'town', 'large'] as const;
export type DemoScale = (typeof demoScales)[number];

export const demoMapFile = 'maps/demo-town.geojson';

interface DemoVillageFeature {
  properties: { name: string; kind: '村' | '社区'; code: string; areaKm2: number; population: number; households: number };
}

const surnames = '陈李张黄王林刘何吴梁郑罗谢钟叶邓蔡袁卢莫'.split('');
const givenNames = ['伟明', '志强', '国华', '建平', '丽芳', '少军', '惠玲', '永健', '海燕', '振华', '秀英', '家豪', '文斌', '美玲'];

export interface DemoSummary {
  scale: DemoScale;
  villages: number;
}

/**
 * Fills an empty database with the fictional 示例镇, deterministically (same seed, same rows). Runs in one
 * transaction; refuses to touch a database that already holds records.
 */
export function loadDemoData(ctx: HandlerContext, options: { scale: DemoScale }): DemoSummary {
  const { db, sqlite } = ctx.appDb;
  const existing = db.select({ count: sql<number>`count(*)` }).from(villages).where(isNull(villages.deletedAt)).get();
  if ((existing?.count ?? 0) > 0) throw conflict('数据库中已有村/社区记录，不能再载入演示数据。');

  const features = readDemoMap(ctx.resourcesDir);
  const random = seededRandom(7);
  const now = nowIso(ctx);
  return sqlite.transaction(() => {
    for (const { properties } of features) {
      db.insert(villages)
        .values({
          name: properties.name,
          kind: properties.kind,
          code: properties.code,
          population: properties.population,
          households: properties.households,
          areaKm2: properties.areaKm2,
          contactName: `${pick(random, surnames)}${pick(random, givenNames)}`,
          contactPhone: `13${intBetween(random, 0, 9)}${String(intBetween(random, 0, 99_999_999)).padStart(8, '0')}`,
          notes: null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    return { scale: options.scale, villages: features.length };
  })();
}

export function readDemoMap(resourcesDir: string): DemoVillageFeature[] {
  const text = fs.readFileSync(path.join(resourcesDir, demoMapFile), 'utf8');
  return (JSON.parse(text) as { features: DemoVillageFeature[] }).features;
}
