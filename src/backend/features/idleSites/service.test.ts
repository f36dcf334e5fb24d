import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdleSiteFields, IdleSiteInspectionFields } from '../../../shared/api/idleSites';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

// One demo town for the whole file (building it is the slow part); every test works in villages of its own,
// so counts never depend on what the demo holds or on the other tests.
let backend: TestBackend;
let villageSeq = 0;

beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
});
afterAll(() => backend.dispose());

async function newVillage(name = '测试村') {
  villageSeq += 1;
  return (await backend.call('villages.create', { name: `${name}${villageSeq}`, kind: '村' })).id;
}

let villageId: number;
beforeEach(async () => {
  villageId = await newVillage();
});

function site(overrides: Partial<IdleSiteFields> = {}): IdleSiteFields {
  return {
    name: '东山村闲置厂房（原五金厂）',
    kind: '厂房',
    address: '东山村工业路 12 号',
    villageId,
    ownerName: '陈伟明',
    ownerPhone: '13800138000',
    currentUse: '堆放杂物',
    foundOn: '2026-02-10',
    ...overrides,
  };
}

function inspection(idleSiteId: number, overrides: Partial<IdleSiteInspectionFields> = {}): IdleSiteInspectionFields {
  return {
    idleSiteId,
    inspectedOn: '2026-03-01',
    inspectors: '王强、李明',
    finding: '非法储存',
    disposal: '取缔',
    sealed: true,
    ...overrides,
  };
}

// First in the file, before the other tests add sites of their own: the whole demo town, as seed 000 reports it.
describe('idle sites: the demo town', () => {
  it('reads seed 000: 342 sites, 31 violations (12 停业整顿, 16 取缔, 2 清理, 1 关闭), 9 sampled', async () => {
    const summary = await backend.call('idleSites.summary', {});
    expect(summary).toMatchObject({ total: 342, illegal: 31, byDisposal: { 停业整顿: 12, 取缔: 16, 清理完毕: 2, 关闭: 1, 待处置: 0 }, sampled: 9 });
    expect(summary.sentence).toBe(
      `截至目前，共排查“四闲”场所342处，发现非法违法行为31起，其中12起停业整顿，16处取缔，2处清理完毕，1处关闭；张贴封条${summary.sealed}处，抽样化验9处。`,
    );
  });
});

describe('idle sites: create and validate', () => {
  it('creates a site with the defaults, its village and no inspections or tanks yet', async () => {
    const created = await backend.call('idleSites.create', site({ ownerPhone: '138 0013 8000' }));
    expect(created).toMatchObject({
      name: '东山村闲置厂房（原五金厂）',
      finding: '无违法',
      disposal: '无需处置',
      sealed: false,
      sampled: false,
      disposedOn: null,
      ownerPhone: '13800138000',
      villageName: `测试村${villageSeq}`,
      gridWorkerName: null,
      inspectionCount: 0,
      lastInspectedOn: null,
      tankCount: 0,
    });
    const history = await backend.call('audit.forRecord', { entity: 'idleSite', entityId: created.id });
    expect(history.items.map((entry) => entry.action)).toEqual(['create']);
  });

  it('names each bad field in Chinese', async () => {
    const result = await backend.dispatch('idleSites.create', {
      ...site({ name: '  ', ownerPhone: '1234', foundOn: '2026-02-30', longitude: 200 }),
      kind: undefined,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fieldErrors: {
          name: '请填写场所名称',
          kind: '请选择场所类型',
          ownerPhone: expect.stringContaining('手机号'),
          foundOn: '排查日期不是存在的日期',
          longitude: '经度应在 73–136 之间（中国境内）',
        },
      },
    });
    const noDate = await backend.dispatch('idleSites.create', { ...site(), foundOn: undefined });
    expect(noDate).toMatchObject({ ok: false, error: { fieldErrors: { foundOn: '请填写排查日期' } } });
  });

  it('keeps finding, disposal and 处置日期 consistent, each message under its field', async () => {
    const errors = async (fields: Partial<IdleSiteFields>) => {
      const result = await backend.dispatch('idleSites.create', site(fields));
      return result.ok ? null : result.error.fieldErrors;
    };
    expect(await errors({ finding: '无违法', disposal: '取缔', disposedOn: '2026-02-11' })).toEqual({
      disposal: '未发现违法行为时，处置情况应为“无需处置”',
    });
    expect(await errors({ finding: '非法储存' })).toEqual({ disposal: '发现违法行为须选择处置情况（尚未处置请选“待处置”）' });
    expect(await errors({ finding: '非法储存', disposal: '取缔' })).toEqual({ disposedOn: '处置情况为“取缔”时请填写处置日期' });
    expect(await errors({ finding: '非法储存', disposal: '待处置', disposedOn: '2026-02-11' })).toEqual({
      disposedOn: '处置情况为“待处置”时不填处置日期',
    });
    expect(await errors({ finding: '非法储存', disposal: '关闭', disposedOn: '2026-02-01' })).toEqual({ disposedOn: '处置日期不能早于排查日期' });
    expect(await errors({ longitude: 113.6 })).toEqual({ latitude: '经度和纬度须同时填写或同时留空' });
    // The clock of the test backend says 2026-03-15.
    expect(await errors({ foundOn: '2062-02-10' })).toEqual({ foundOn: '排查日期不能晚于今天（2026-03-15）' });
  });

  it('treats 贴封条 as seals on, and refuses a village or grid worker that is gone', async () => {
    const sealed = await backend.call('idleSites.create', site({ finding: '违规作业', disposal: '贴封条', disposedOn: '2026-02-12', sealed: false }));
    expect(sealed).toMatchObject({ sealed: true, disposedOn: '2026-02-12' });
    const noVillage = await backend.dispatch('idleSites.create', site({ villageId: 999_999 }));
    expect(noVillage).toMatchObject({ ok: false, error: { fieldErrors: { villageId: '所选村/社区不存在或已被删除' } } });
    const noWorker = await backend.dispatch('idleSites.create', site({ gridWorkerId: 999_999 }));
    expect(noWorker).toMatchObject({ ok: false, error: { fieldErrors: { gridWorkerId: '所选网格员不存在或已被删除' } } });
  });

  it('updates with an audit row of the changed fields only', async () => {
    const worker = await backend.call('gridWorkers.create', { name: '黄海燕', phone: '13912345678', villageIds: [villageId] });
    const created = await backend.call('idleSites.create', site());
    backend.clock.advance(60_000);
    const updated = await backend.call('idleSites.update', { ...site({ currentUse: '空置', gridWorkerId: worker.id }), id: created.id });
    expect(updated).toMatchObject({ currentUse: '空置', gridWorkerName: '黄海燕' });
    const history = await backend.call('audit.forRecord', { entity: 'idleSite', entityId: created.id });
    expect(history.items[0].changes).toEqual([
      { field: 'currentUse', before: '堆放杂物', after: '空置' },
      { field: 'gridWorkerId', before: null, after: worker.id },
      { field: 'gridWorkerName', before: null, after: '黄海燕' },
    ]);
  });
});

describe('idle sites: list', () => {
  beforeEach(async () => {
    await backend.call('idleSites.create', site());
    await backend.call('idleSites.create', site({ name: '李家院落', kind: '院落', address: '东山村后街 3 号', ownerName: '李国栋', foundOn: '2026-01-05', finding: '非法储存', disposal: '待处置' }));
    await backend.call('idleSites.create', site({ name: '老粮站仓库', kind: '仓库', address: '东山村粮站路 1 号', ownerName: '东山村股份经济合作社', foundOn: '2026-03-02', finding: '非法生产', disposal: '停业整顿', disposedOn: '2026-03-03' }));
  });

  const names = async (input: Omit<Parameters<typeof backend.call<'idleSites.list'>>[1], 'villageId'> = {}) =>
    (await backend.call('idleSites.list', { ...input, villageId })).items.map((row) => row.name);

  it('searches name, address and owner, with LIKE wildcards taken literally', async () => {
    expect(await names({ q: '粮站' })).toEqual(['老粮站仓库']);
    expect(await names({ q: '后街' })).toEqual(['李家院落']);
    expect(await names({ q: '李国栋' })).toEqual(['李家院落']);
    expect(await names({ q: '合作社' })).toEqual(['老粮站仓库']);
    expect(await names({ q: '%' })).toEqual([]);
  });

  it('filters by village, kind, finding and disposal', async () => {
    expect((await backend.call('idleSites.list', { villageId })).total).toBe(3);
    expect(await names({ kind: '院落' })).toEqual(['李家院落']);
    expect(await names({ finding: '非法生产' })).toEqual(['老粮站仓库']);
    expect(await names({ disposal: '待处置' })).toEqual(['李家院落']);
    expect(await names({ finding: '无违法', kind: '仓库' })).toEqual([]);
    expect(await names({ foundFrom: '2026-02-10', foundTo: '2026-03-01' })).toEqual(['东山村闲置厂房（原五金厂）']);
    const other = await newVillage('其他村');
    expect((await backend.call('idleSites.list', { villageId: other })).total).toBe(0);
  });

  it('sorts by 排查日期 or name and pages with a stable order', async () => {
    expect(await names({ sortField: 'foundOn', sortOrder: 'ascend' })).toEqual(['李家院落', '东山村闲置厂房（原五金厂）', '老粮站仓库']);
    expect(await names({ sortField: 'foundOn', sortOrder: 'descend' })).toEqual(['老粮站仓库', '东山村闲置厂房（原五金厂）', '李家院落']);
    const page2 = await backend.call('idleSites.list', { villageId, sortField: 'foundOn', sortOrder: 'ascend', page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, items: [{ name: '老粮站仓库' }] });
    // Newest change first by default.
    expect((await names())[0]).toBe('老粮站仓库');
  });

  it('offers live sites for pickers with their village', async () => {
    const name = `供销社旧仓库${villageSeq}`;
    await backend.call('idleSites.create', site({ name, kind: '仓库' }));
    const options = await backend.call('idleSites.options', { q: name });
    expect(options).toEqual([{ id: expect.any(Number), name, villageName: `测试村${villageSeq}` }]);
    await backend.call('idleSites.delete', { id: options[0].id });
    expect(await backend.call('idleSites.options', { q: name })).toEqual([]);
  });
});

describe('idle sites: inspections', () => {
  it('appends an inspection, moves the site to its finding and disposal, and keeps the history newest first', async () => {
    const created = await backend.call('idleSites.create', site());
    backend.clock.advance(60_000);
    const first = await backend.call('idleSites.addInspection', inspection(created.id, { remark: '院内存放柴油桶 20 只' }));
    expect(first.current).toBe(true);
    expect(first.site).toMatchObject({ finding: '非法储存', disposal: '取缔', sealed: true, disposedOn: '2026-03-01', inspectionCount: 1, lastInspectedOn: '2026-03-01' });
    expect(first.inspection).toMatchObject({ inspectors: '王强、李明', remark: '院内存放柴油桶 20 只', createdBy: '管理员' });

    // A follow-up visit takes samples; the disposal it keeps keeps its first date.
    const second = await backend.call('idleSites.addInspection', inspection(created.id, { inspectedOn: '2026-03-10', sampled: true, inspectors: '王强' }));
    expect(second.site).toMatchObject({ disposal: '取缔', disposedOn: '2026-03-01', sampled: true, inspectionCount: 2, lastInspectedOn: '2026-03-10' });
    // A later visit without sampling does not undo it; a cleared site has no seals and a new 处置日期.
    const third = await backend.call('idleSites.addInspection', inspection(created.id, { inspectedOn: '2026-03-12', disposal: '清理完毕', sealed: false }));
    expect(third.site).toMatchObject({ disposal: '清理完毕', disposedOn: '2026-03-12', sealed: false, sampled: true });

    // Filling in an older visit keeps it in the history but leaves the current state alone.
    const older = await backend.call('idleSites.addInspection', inspection(created.id, { inspectedOn: '2026-02-20', disposal: '待处置', sealed: false }));
    expect(older.current).toBe(false);
    expect(older.site).toMatchObject({ disposal: '清理完毕', lastInspectedOn: '2026-03-12', inspectionCount: 4 });

    const history = await backend.call('idleSites.inspections', { idleSiteId: created.id });
    expect(history.map((row) => [row.inspectedOn, row.disposal])).toEqual([
      ['2026-03-12', '清理完毕'],
      ['2026-03-10', '取缔'],
      ['2026-03-01', '取缔'],
      ['2026-02-20', '待处置'],
    ]);

    const audit = await backend.call('audit.forRecord', { entity: 'idleSite', entityId: created.id });
    expect(audit.items.map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
    expect(audit.items[3].changes).toEqual([
      { field: 'inspection', before: null, after: '2026-03-01（王强、李明）：非法储存，取缔，已贴封条。院内存放柴油桶 20 只' },
      { field: 'finding', before: '无违法', after: '非法储存' },
      { field: 'disposal', before: '无需处置', after: '取缔' },
      { field: 'sealed', before: false, after: true },
      { field: 'disposedOn', before: null, after: '2026-03-01' },
    ]);
    // The back-dated visit changed nothing on the site but is still recorded.
    expect(audit.items[0].changes).toEqual([{ field: 'inspection', before: null, after: '2026-02-20（王强、李明）：非法储存，待处置' }]);
  });

  it('refuses an inspection before the site was found, in the future, inconsistent, or for a deleted site', async () => {
    const created = await backend.call('idleSites.create', site());
    const early = await backend.dispatch('idleSites.addInspection', inspection(created.id, { inspectedOn: '2026-01-01' }));
    expect(early).toMatchObject({ ok: false, error: { fieldErrors: { inspectedOn: '排查日期不能早于该场所的首次排查日期（2026-02-10）' } } });
    const future = await backend.dispatch('idleSites.addInspection', inspection(created.id, { inspectedOn: '2026-03-16' }));
    expect(future).toMatchObject({ ok: false, error: { fieldErrors: { inspectedOn: '排查日期不能晚于今天（2026-03-15）' } } });
    const mismatch = await backend.dispatch('idleSites.addInspection', inspection(created.id, { finding: '无违法' }));
    expect(mismatch).toMatchObject({ ok: false, error: { fieldErrors: { disposal: '未发现违法行为时，处置情况应为“无需处置”' } } });
    const noInspectors = await backend.dispatch('idleSites.addInspection', inspection(created.id, { inspectors: '' }));
    expect(noInspectors).toMatchObject({ ok: false, error: { fieldErrors: { inspectors: '请填写排查人员' } } });
    await backend.call('idleSites.delete', { id: created.id });
    const gone = await backend.dispatch('idleSites.addInspection', inspection(created.id));
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('writes the inspection and the site together or not at all', async () => {
    const created = await backend.call('idleSites.create', site());
    backend.ctx.appDb.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      const failed = await backend.dispatch('idleSites.addInspection', inspection(created.id));
      expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      backend.ctx.appDb.sqlite.exec('DROP TRIGGER fail_audit');
    }
    expect(await backend.call('idleSites.inspections', { idleSiteId: created.id })).toEqual([]);
    expect(await backend.call('idleSites.get', { id: created.id })).toMatchObject({ finding: '无违法', disposal: '无需处置' });
  });
});

describe('idle sites: summary', () => {
  /**
   * A hand-counted sweep in the seed's shape: 9 sites found from 2026-01-01, of which 6 violations —
   * 2 停业整顿 (both sealed), 1 取缔 (sealed), 1 清理完毕, 1 关闭, 1 待处置 — and 2 sampled; plus one site
   * found in December (outside the period) and one deleted site, which the period's counts leave out.
   */
  beforeEach(async () => {
    const add = (fields: Partial<IdleSiteFields>) => backend.call('idleSites.create', site(fields));
    await add({ name: 'A', foundOn: '2026-01-03' });
    await add({ name: 'B', foundOn: '2026-01-04' });
    await add({ name: 'C', foundOn: '2026-01-05', sampled: true });
    await add({ name: 'D', foundOn: '2026-01-06', finding: '其他违法', disposal: '停业整顿', disposedOn: '2026-01-07', sealed: true });
    await add({ name: 'E', foundOn: '2026-01-06', finding: '其他违法', disposal: '停业整顿', disposedOn: '2026-01-07', sealed: true });
    await add({ name: 'F', foundOn: '2026-01-08', finding: '非法储存', disposal: '取缔', disposedOn: '2026-01-09', sealed: true, sampled: true });
    await add({ name: 'G', foundOn: '2026-01-10', finding: '非法生产', disposal: '清理完毕', disposedOn: '2026-01-20' });
    await add({ name: 'H', foundOn: '2026-02-01', finding: '非法储存', disposal: '关闭', disposedOn: '2026-02-02' });
    await add({ name: 'I', foundOn: '2026-03-01', finding: '违规作业', disposal: '待处置' });
    await add({ name: 'December', foundOn: '2025-12-20', finding: '非法储存', disposal: '取缔', disposedOn: '2025-12-21', sampled: true });
    const deleted = await add({ name: 'Deleted', foundOn: '2026-01-15', finding: '非法储存', disposal: '取缔', disposedOn: '2026-01-16' });
    await backend.call('idleSites.delete', { id: deleted.id });
  });

  it('counts the period in the seed words, leaving out sites found before it and deleted ones', async () => {
    const summary = await backend.call('idleSites.summary', { from: '2026-01-01', to: '2026-03-15', villageId });
    expect(summary).toMatchObject({
      total: 9,
      illegal: 6,
      byDisposal: { 无需处置: 0, 待处置: 1, 停业整顿: 2, 取缔: 1, 关闭: 1, 清理完毕: 1, 贴封条: 0 },
      sealed: 3,
      sampled: 2,
      villageName: `测试村${villageSeq}`,
    });
    expect(summary.sentence).toBe(
      `2026年1月1日至2026年3月15日，测试村${villageSeq}共排查“四闲”场所9处，发现非法违法行为6起，` +
        '其中2起停业整顿，1处取缔，1处清理完毕，1处关闭，1起待处置；张贴封条3处，抽样化验2处。',
    );
  });

  it('counts everything up to a date without a start, and follows an inspection', async () => {
    const all = await backend.call('idleSites.summary', { villageId });
    expect(all).toMatchObject({ total: 10, illegal: 7, byDisposal: { 取缔: 2 }, sampled: 3 });
    expect(all.sentence.startsWith(`截至目前，测试村${villageSeq}共排查“四闲”场所10处，发现非法违法行为7起，其中2起停业整顿，2处取缔，`)).toBe(true);

    // I (待处置) is visited and banned with seals: the counts move with it.
    const i = (await backend.call('idleSites.list', { villageId, q: 'I' })).items.find((row) => row.name === 'I')!;
    await backend.call('idleSites.addInspection', inspection(i.id, { inspectedOn: '2026-03-05', finding: '违规作业', disposal: '取缔', sealed: true }));
    const after = await backend.call('idleSites.summary', { to: '2026-03-15', villageId });
    expect(after).toMatchObject({ total: 10, illegal: 7, byDisposal: { 取缔: 3, 待处置: 0 }, sealed: 4 });
    expect(after.sentence).toBe(
      `截至2026年3月15日，测试村${villageSeq}共排查“四闲”场所10处，发现非法违法行为7起，` +
        '其中2起停业整顿，3处取缔，1处清理完毕，1处关闭；张贴封条4处，抽样化验3处。',
    );
  });

  it('narrows to a period, and refuses a period that ends before it starts', async () => {
    const january = await backend.call('idleSites.summary', { from: '2026-01-05', to: '2026-01-06', villageId });
    expect(january).toMatchObject({ total: 3, illegal: 2, byDisposal: { 停业整顿: 2 }, sealed: 2, sampled: 1 });
    const backwards = await backend.dispatch('idleSites.summary', { from: '2026-02-01', to: '2026-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { fieldErrors: { to: '截止日期不能早于起始日期' } } });
  });
});

describe('idle sites: delete, trash and roles', () => {
  it('deletes to the 回收站 and restores with the inspections; a deleted village blocks the restore', async () => {
    const created = await backend.call('idleSites.create', site());
    await backend.call('idleSites.addInspection', inspection(created.id));
    // A village with a live site cannot be deleted.
    const blocked = await backend.dispatch('villages.delete', { id: villageId });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('四闲场所 1 条') } });

    await backend.call('idleSites.delete', { id: created.id });
    expect((await backend.call('idleSites.list', { villageId })).total).toBe(0);
    expect(await backend.dispatch('idleSites.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const trash = await backend.call('trash.list', { entity: 'idleSite' });
    expect(trash.items.map((item) => item.title)).toContain('东山村闲置厂房（原五金厂）');

    await backend.call('villages.delete', { id: villageId });
    const refused = await backend.dispatch('trash.restore', { entity: 'idleSite', id: created.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('所属村/社区已被删除') } });
    await backend.call('trash.restore', { entity: 'village', id: villageId });
    await backend.call('trash.restore', { entity: 'idleSite', id: created.id });
    const restored = await backend.call('idleSites.get', { id: created.id });
    expect(restored).toMatchObject({ inspectionCount: 1, disposal: '取缔' });
    const audit = await backend.call('audit.forRecord', { entity: 'idleSite', entityId: created.id });
    expect(audit.items.map((entry) => entry.action)).toEqual(['restore', 'delete', 'update', 'create']);
  });

  it('blocks deleting a grid worker who looks after a site', async () => {
    const worker = await backend.call('gridWorkers.create', { name: '林振华', phone: '13912345670', villageIds: [villageId] });
    await backend.call('idleSites.create', site({ gridWorkerId: worker.id }));
    const result = await backend.dispatch('gridWorkers.delete', { id: worker.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('负责的四闲场所 1 条') } });
  });

  it('lets 只读 read but not write', async () => {
    const created = await backend.call('idleSites.create', site());
    const readonly = await backend.loginAs('readonly', `reader${villageSeq}`);
    expect((await backend.call('idleSites.list', { villageId }, readonly)).total).toBe(1);
    expect(await backend.call('idleSites.summary', { villageId }, readonly)).toMatchObject({ total: 1 });
    for (const [name, input] of [
      ['idleSites.create', site({ name: '另一处' })],
      ['idleSites.update', { ...site(), id: created.id }],
      ['idleSites.delete', { id: created.id }],
      ['idleSites.addInspection', inspection(created.id)],
    ] as const) {
      expect(await backend.dispatch(name, input, readonly)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '当前账户（只读）无权执行此操作' },
      });
    }
    expect((await backend.call('idleSites.inspections', { idleSiteId: created.id })).length).toBe(0);
  });
});
