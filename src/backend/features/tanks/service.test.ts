import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { In } from '../../../shared/api';
import type { Enterprise } from '../../../shared/api/enterprises';
import { tankCategoryOf } from '../../../shared/domain/tank';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { chemicals, idleSites } from '../../db/schema';

let backend: TestBackend;
let hazardous: Enterprise; // 危化经营(带储存)
let chemical: Enterprise; // 化工
let villageId: number;
let otherVillageId: number;
let idleSiteId: number;
let ammoniaId: number;

/** An idle site and a catalogue entry written straight to the tables (their own features test their APIs). */
function insertIdleSite(name: string, village: number): number {
  const now = '2026-01-01T00:00:00.000Z';
  return backend.ctx.appDb.db
    .insert(idleSites)
    .values({ name, kind: '院落', villageId: village, finding: '非法储存', disposal: '待处置', foundOn: '2026-01-05', createdAt: now, updatedAt: now })
    .returning({ id: idleSites.id })
    .get().id;
}

const tank = (fields: Partial<In<'tanks.create'>> & Pick<In<'tanks.create'>, 'code'>): In<'tanks.create'> => ({
  enterpriseId: hazardous.id,
  registeredOn: '2026-02-01',
  ...fields,
});

beforeAll(async () => {
  // No demo data: the counts below are all this file's own tanks.
  backend = await makeTestBackend();
  villageId = (await backend.call('villages.create', { name: '东山村', kind: '村' })).id;
  otherVillageId = (await backend.call('villages.create', { name: '新围社区', kind: '社区' })).id;
  const base = { villageId, riskLevel: 'orange' as const };
  hazardous = await backend.call('enterprises.create', { ...base, name: '储罐测试危化经营公司', uscc: '914419000000002018', industry: '危化经营(带储存)' });
  chemical = await backend.call('enterprises.create', { ...base, villageId: otherVillageId, name: '储罐测试化工公司', uscc: '91441900000000202B', industry: '化工' });
  idleSiteId = insertIdleSite('储罐测试闲置院落', villageId);
  const now = '2026-01-01T00:00:00.000Z';
  ammoniaId = backend.ctx.appDb.db
    .insert(chemicals)
    .values({ name: '储罐测试氨', cas: '7664-41-7', criticalQuantity: 10, criticalQuantityRef: 'GB 18218-2018 表1', beta: 2, betaRef: 'GB 18218-2018 表3', createdAt: now, updatedAt: now })
    .returning({ id: chemicals.id })
    .get().id;
});
afterAll(() => backend.dispose());

describe('tank category', () => {
  it('follows the owner: idle site, or the enterprise industry', () => {
    expect(tankCategoryOf({ kind: 'idleSite' })).toBe('四闲场所储罐');
    expect(tankCategoryOf({ kind: 'enterprise', industry: '危化生产' })).toBe('危化品企业储罐');
    expect(tankCategoryOf({ kind: 'enterprise', industry: '危化经营(带储存)' })).toBe('危化品企业储罐');
    expect(tankCategoryOf({ kind: 'enterprise', industry: '化工' })).toBe('一般化工企业储罐');
    expect(tankCategoryOf({ kind: 'enterprise', industry: '工贸-轻工' })).toBe('一般化工企业储罐');
  });
});

describe('tanks', () => {
  it('registers tanks for an enterprise or an idle site, with the category derived from the owner', async () => {
    const a = await backend.call('tanks.create', tank({ code: 'T-01', tankFarm: '一号罐区', medium: '液氨', chemicalId: ammoniaId, maxStoredT: 20 }));
    expect(a).toMatchObject({ ownerKind: 'enterprise', ownerName: hazardous.name, category: '危化品企业储罐', status: '在用', chemicalName: '储罐测试氨', villageId });
    const b = await backend.call('tanks.create', tank({ code: 'C-01', enterpriseId: chemical.id }));
    expect(b).toMatchObject({ category: '一般化工企业储罐', villageId: otherVillageId });
    const c = await backend.call('tanks.create', tank({ code: 'X-01', enterpriseId: null, idleSiteId, medium: '柴油' }));
    expect(c).toMatchObject({ ownerKind: 'idleSite', ownerName: '储罐测试闲置院落', category: '四闲场所储罐' });
    expect(await backend.call('tanks.statusHistory', { id: a.id })).toMatchObject([{ changedOn: '2026-02-01', fromStatus: null, toStatus: '在用', reason: '登记' }]);
  });

  it('refuses bad input: no owner or two owners, a wrong CAS, a duplicate code for the same owner, an owner in the 回收站', async () => {
    expect(await backend.dispatch('tanks.create', tank({ code: 'T-99', enterpriseId: null }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { enterpriseId: '请选择所属企业或所属四闲场所（只能选其一）' } },
    });
    expect(await backend.dispatch('tanks.create', tank({ code: 'T-99', idleSiteId }))).toMatchObject({ ok: false, error: { fieldErrors: { enterpriseId: expect.any(String) } } });
    expect(await backend.dispatch('tanks.create', tank({ code: 'T-99', cas: '7664-41-8' }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { cas: 'CAS 号校验位应为“7”，当前为“8”，请核对前面的数字' } },
    });
    expect(await backend.dispatch('tanks.create', tank({ code: 'T-99', registeredOn: '2026-02-30' }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { registeredOn: '登记日期不是存在的日期' } },
    });
    expect(await backend.dispatch('tanks.create', tank({ code: 'T-01' }))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fieldErrors: { code: '该单位已有罐号为「T-01」的储罐，同一单位内罐号不能重复' } },
    });
    // The same code under another owner is fine.
    await backend.call('tanks.create', tank({ code: 'T-01', enterpriseId: chemical.id }));
    const other = await backend.call('enterprises.create', { villageId, riskLevel: 'blue', name: '将被删除的企业', uscc: '91441900000000203E', industry: '化工' });
    await backend.call('enterprises.delete', { id: other.id });
    expect(await backend.dispatch('tanks.create', tank({ code: 'D-01', enterpriseId: other.id }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { enterpriseId: '所选企业不存在或已被删除' } },
    });
  });

  it('an enterprise with tanks cannot be deleted, and says which tanks hold it', async () => {
    expect(await backend.dispatch('enterprises.delete', { id: hazardous.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('储罐 1 条（如 T-01）') },
    });
  });

  it('filters by category, village, labelling and responsible person; searches code, medium and owner', async () => {
    const list = (filters: In<'tanks.list'>) => backend.call('tanks.list', { pageSize: 100, ...filters });
    expect((await list({ category: '四闲场所储罐' })).items.map((t) => t.code)).toEqual(['X-01']);
    expect((await list({ villageId: otherVillageId })).items.map((t) => t.code).sort()).toEqual(['C-01', 'T-01']);
    expect((await list({ q: '液氨' })).items.map((t) => t.code)).toEqual(['T-01']);
    expect((await list({ q: '闲置院落' })).total).toBe(1);
    expect((await list({ publicLabel: false })).total).toBe(4);
    expect((await list({ hasResponsible: false })).total).toBe(4);
  });

  it('bulk actions: status changes with date and reason are kept in the history; responsible person assigned to several', async () => {
    const all = (await backend.call('tanks.list', { pageSize: 100 })).items;
    const ids = all.filter((t) => t.enterpriseId === chemical.id).map((t) => t.id);
    expect(await backend.call('tanks.assignResponsible', { ids, responsibleName: '王盯靠', responsiblePhone: '13800001111' })).toEqual({ changed: 2 });
    expect((await backend.call('tanks.list', { hasResponsible: false, pageSize: 100 })).total).toBe(2);

    const x = all.find((t) => t.code === 'X-01')!;
    expect(await backend.call('tanks.changeStatus', { ids: [x.id], status: '已清空', changedOn: '2026-03-01', reason: '清空残液' })).toEqual({ changed: 1, unchanged: 0 });
    expect(await backend.call('tanks.changeStatus', { ids: [x.id], status: '已拆除', changedOn: '2026-03-10', reason: '切割拆除' })).toEqual({ changed: 1, unchanged: 0 });
    expect(await backend.dispatch('tanks.changeStatus', { ids: [x.id], status: '在用', changedOn: '2026-03-05', reason: '补录' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('变更日期不能早于它') },
    });
    expect(await backend.dispatch('tanks.changeStatus', { ids: [x.id], status: '在用', changedOn: '2026-03-20', reason: '' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: '请填写变更原因' } },
    });
    expect((await backend.call('tanks.statusHistory', { id: x.id })).map((c) => [c.changedOn, c.fromStatus, c.toStatus, c.reason])).toEqual([
      ['2026-03-10', '已清空', '已拆除', '切割拆除'],
      ['2026-03-01', '在用', '已清空', '清空残液'],
      ['2026-02-01', null, '在用', '登记'],
    ]);
    // A removed tank stays in the register (and its history), marked 已拆除.
    expect(await backend.call('tanks.get', { id: x.id })).toMatchObject({ status: '已拆除' });
  });

  it('summary in the seed’s words, as of any date: 已拆除 tanks counted apart, later registrations left out', async () => {
    const at = (asOf: string, filters: Partial<In<'tanks.summary'>> = {}) => backend.call('tanks.summary', { asOf, ...filters });
    const march5 = await at('2026-03-05');
    expect(march5).toMatchObject({
      total: 4,
      byCategory: { 危化品企业储罐: 1, 一般化工企业储罐: 2, 四闲场所储罐: 1 },
      byStatus: { 在用: 3, 已清空: 1, 停用: 0, 闲置: 0, 已拆除: 0 },
      removed: 0,
      unlabelled: 4,
      noResponsible: 2,
      sentence: '共摸排危险化学品企业储罐1个,一般化工企业储罐2个,四闲场所储罐1个',
    });
    expect(await at('2026-03-15')).toMatchObject({ total: 3, removed: 1, byCategory: { 四闲场所储罐: 0 } });
    expect(await at('2026-01-31')).toMatchObject({ total: 0, sentence: '共摸排危险化学品企业储罐0个,一般化工企业储罐0个,四闲场所储罐0个' });
    const byVillage = (await at('2026-03-05')).byVillage;
    expect(new Map(byVillage.map((v) => [v.villageId, v.byCategory]))).toEqual(
      new Map([
        [villageId, { 危化品企业储罐: 1, 一般化工企业储罐: 0, 四闲场所储罐: 1 }],
        [otherVillageId, { 危化品企业储罐: 0, 一般化工企业储罐: 2, 四闲场所储罐: 0 }],
      ]),
    );
    expect(await at('2026-03-05', { villageId })).toMatchObject({ total: 2, byCategory: { 危化品企业储罐: 1, 四闲场所储罐: 1 } });
    expect(await at('2026-03-05', { status: '已清空' })).toMatchObject({ total: 1 });
  });

  it('identifies major hazard sources per tank farm from stored quantities and the catalogue; grades with the people nearby', async () => {
    const units = await backend.call('tanks.majorHazards', { enterpriseId: hazardous.id });
    expect(units).toEqual([
      expect.objectContaining({ tankFarm: '一号罐区', tankCount: 1, tanksWithoutQ: 0, ratioSum: 2, isMajorHazard: true, markedMajorHazard: false, grade: null }),
    ]);
    expect(await backend.call('tanks.majorHazards', { enterpriseId: hazardous.id, peopleWithin500m: 120 })).toEqual([
      expect.objectContaining({ alpha: 2, risk: 8, grade: '四级' }),
    ]);
    // Tanks whose medium has no Q are named, not counted.
    expect(await backend.call('tanks.majorHazards', { enterpriseId: chemical.id })).toEqual([
      expect.objectContaining({ tankFarm: '未分罐区', tankCount: 2, tanksWithoutQ: 2, ratioSum: 0, isMajorHazard: false }),
    ]);
  });

  it('delete puts a tank in the 回收站; restore is refused while its owner is deleted', async () => {
    const site = insertIdleSite('将被删除的场所', villageId);
    const t = await backend.call('tanks.create', tank({ code: 'R-01', enterpriseId: null, idleSiteId: site }));
    await backend.call('tanks.delete', { id: t.id });
    expect(await backend.dispatch('tanks.get', { id: t.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    backend.ctx.appDb.sqlite.prepare(`UPDATE idle_sites SET deleted_at = '2026-03-01T00:00:00.000Z' WHERE id = ?`).run(site);
    expect(await backend.dispatch('trash.restore', { entity: 'tank', id: t.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '无法恢复：所属四闲场所已被删除，请先在回收站中恢复该四闲场所。' },
    });
  });

  it('an idle site with tanks cannot be deleted; emptying the 回收站 purges tanks before their owner', async () => {
    const site = insertIdleSite('有储罐的场所', villageId);
    const held = await backend.call('tanks.create', tank({ code: 'H-01', enterpriseId: null, idleSiteId: site }));
    expect(await backend.dispatch('idleSites.delete', { id: site })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('储罐 1 条（如 H-01）') },
    });
    await backend.call('tanks.delete', { id: held.id });
    await backend.call('idleSites.delete', { id: site });
    const purged = await backend.call('trash.empty', {});
    expect(purged.purged).toBeGreaterThanOrEqual(2);
    expect(backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM tanks WHERE id = ?').pluck().get(held.id)).toBe(0);
  });

  it('only 管理员/工作人员 write', async () => {
    const readonly = await backend.loginAs('readonly', 'leader-tanks');
    expect(await backend.dispatch('tanks.create', tank({ code: 'Z-01' }), readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await backend.call('tanks.summary', {}, readonly)).sentence).toMatch(/^共摸排危险化学品企业储罐/);
  });
});

describe('demo town', () => {
  it('reproduces seed 000: 危险化学品企业储罐103个,一般化工企业储罐281个,四闲场所储罐91个', async () => {
    const demo = await makeTestBackend({ loadDemo: true });
    try {
      const summary = await demo.call('tanks.summary', {});
      expect(summary.sentence).toBe('共摸排危险化学品企业储罐103个,一般化工企业储罐281个,四闲场所储罐91个');
      expect(summary).toMatchObject({ total: 475, removed: 5 });
      expect(summary.unlabelled).toBeGreaterThan(0);
      expect(summary.noResponsible).toBeGreaterThan(0);
      // Every removed tank keeps its history: registered, then 已拆除 with the reason.
      const removed = (await demo.call('tanks.list', { status: '已拆除', pageSize: 10 })).items;
      expect(removed).toHaveLength(5);
      const history = await demo.call('tanks.statusHistory', { id: removed[0].id });
      expect(history.map((change) => change.toStatus)).toEqual(['已拆除', '闲置']);
    } finally {
      demo.dispose();
    }
  });
});
