import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';

/** Every backend here stands at Monday 2026-06-15 09:00. */
const now = '2026-06-15T09:00:00.000Z';
const nextUscc = usccSeries(900);

interface Harness {
  backend: TestBackend;
  call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>>;
  fail(name: ApiName, input: unknown): Promise<{ code: string; message: string; fieldErrors?: Record<string, string> }>;
  village: number;
  otherVillage: number;
  plant: Out<'enterprises.create'>;
  mill: Out<'enterprises.create'>;
  site: Out<'idleSites.create'>;
}

async function open(): Promise<Harness> {
  const backend = await makeTestBackend();
  backend.clock.set(now);
  const token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);
  const fail = async (name: ApiName, input: unknown) => {
    const result = await backend.dispatch(name, input, token);
    if (result.ok) throw new Error(`${name} should have failed`);
    return result.error;
  };
  const village = (await call('villages.create', { name: '东山村', kind: '村' })).id;
  const otherVillage = (await call('villages.create', { name: '西岭村', kind: '村' })).id;
  const plant = await call('enterprises.create', { name: '东山精细化工有限公司', uscc: nextUscc(), villageId: village, industry: '化工', riskLevel: 'orange' });
  const mill = await call('enterprises.create', { name: '西岭五金厂', uscc: nextUscc(), villageId: otherVillage, industry: '工贸-机械', riskLevel: 'yellow' });
  const site = await call('idleSites.create', { name: '东山村旧砖厂', villageId: village, kind: '厂房', foundOn: '2026-05-01', finding: '无违法', disposal: '无需处置' });
  return { backend, call, fail, village, otherVillage, plant, mill, site };
}

const hazard = (overrides: Partial<In<'inspections.create'>['hazards'] extends (infer H)[] | undefined ? H : never> = {}) => ({
  place: '二号罐区',
  description: '储罐区可燃气体报警器未定期检定',
  level: '一般' as const,
  basis: 'GB 50493-2019 第3.0.1条',
  deadline: '2026-06-30',
  ...overrides,
});

let h: Harness;
beforeAll(async () => {
  h = await open();
});
afterAll(() => h.backend.dispose());

describe('inspections', () => {
  it('records an inspection with three hazards at once, numbered in order, all 待整改', async () => {
    const inspection = await h.call('inspections.create', {
      enterpriseId: h.plant.id,
      inspectedOn: '2026-06-10',
      kind: '执法',
      inspectors: '王强、李明',
      items: '危化品储存、动火作业管理、消防设施',
      hazards: [hazard(), hazard({ place: '仓库', description: '仓库内堆放物料堵塞安全出口' }), hazard({ place: '配电房', description: '配电箱未接地', level: '重大' })],
    });
    expect(inspection).toMatchObject({ hazardCount: 3, majorCount: 1, targetName: '东山精细化工有限公司', villageName: '东山村' });
    const detail = await h.call('inspections.get', { id: inspection.id });
    expect(detail.hazards.map((row) => [row.number, row.status, row.source, row.foundOn])).toEqual([
      ['2026-00001', '待整改', '检查', '2026-06-10'],
      ['2026-00002', '待整改', '检查', '2026-06-10'],
      ['2026-00003', '待整改', '检查', '2026-06-10'],
    ]);
  });

  it('refuses the whole inspection when one hazard is wrong, naming its row and field', async () => {
    const before = (await h.call('hazards.list', {})).total;
    const error = await h.fail('inspections.create', {
      enterpriseId: h.plant.id,
      inspectedOn: '2026-06-12',
      kind: '日常',
      inspectors: '王强',
      hazards: [hazard(), hazard({ deadline: '2026-06-01' })],
    });
    expect(error.fieldErrors?.['hazards.1.deadline']).toBe('整改期限不能早于发现日期（2026-06-12）');
    const blank = await h.fail('inspections.create', { enterpriseId: h.plant.id, inspectedOn: '2026-06-12', kind: '日常', inspectors: '王强', hazards: [hazard({ description: '' })] });
    expect(blank.fieldErrors?.['hazards.0.description']).toBe('请填写隐患描述');
    const noTarget = await h.fail('inspections.create', { inspectedOn: '2026-06-12', kind: '日常', inspectors: '王强' });
    expect(noTarget.fieldErrors?.enterpriseId).toBe('请选择被检查的企业或四闲场所（二选一）');
    const future = await h.fail('inspections.create', { enterpriseId: h.plant.id, inspectedOn: '2026-06-16', kind: '日常', inspectors: '王强' });
    expect(future.fieldErrors?.inspectedOn).toBe('检查日期不能晚于今天（2026-06-15）');
    expect((await h.call('hazards.list', {})).total).toBe(before);
  });
});

describe('hazard lifecycle', () => {
  async function fresh(deadline = '2026-06-30') {
    const inspection = await h.call('inspections.create', { enterpriseId: h.mill.id, inspectedOn: '2026-06-01', kind: '日常', inspectors: '周敏', hazards: [hazard({ deadline })] });
    return (await h.call('inspections.get', { id: inspection.id })).hazards[0];
  }

  it('closes only through a passed re-inspection; a failed one sends it back to 整改中', async () => {
    const found = await fresh();
    const early = await h.fail('hazards.transition', { id: found.id, action: 'reinspect', passed: true, reinspector: '周敏' });
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('不能执行「复查」；须先整改完成、申请复查');
    await h.call('hazards.transition', { id: found.id, action: 'startRectification', measures: '送检报警器', responsibleName: '陈工' });
    const submitted = await h.call('hazards.transition', { id: found.id, action: 'submitForReview', on: '2026-06-08', remark: '已送检并取得检定证书' });
    expect(submitted).toMatchObject({ status: '待复查', rectifiedOn: '2026-06-08', measures: '送检报警器' });
    const noRemark = await h.fail('hazards.transition', { id: found.id, action: 'reinspect', passed: false, reinspector: '周敏', on: '2026-06-09' });
    expect(noRemark.fieldErrors?.remark).toBe('复查不合格，请写明问题');
    const beforeRectified = await h.fail('hazards.transition', { id: found.id, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-06-07' });
    expect(beforeRectified.fieldErrors?.on).toContain('不能早于整改完成日期');
    const failed = await h.call('hazards.transition', { id: found.id, action: 'reinspect', passed: false, reinspector: '周敏', on: '2026-06-09', remark: '检定证书过期' });
    expect(failed).toMatchObject({ status: '整改中', reinspectionPassed: false, closedOn: null });
    await h.call('hazards.transition', { id: found.id, action: 'submitForReview', on: '2026-06-11' });
    const closed = await h.call('hazards.transition', { id: found.id, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-06-12' });
    expect(closed).toMatchObject({ status: '已销号', closedOn: '2026-06-12', reinspectionPassed: true, overdue: false });
    const again = await h.fail('hazards.transition', { id: found.id, action: 'extend', newDeadline: '2026-07-30', remark: 'x' });
    expect(again.code).toBe('CONFLICT');
    const history = await h.call('hazards.history', { id: found.id });
    expect(history.map((step) => step.toStatus)).toEqual(['待整改', '整改中', '待复查', '整改中', '待复查', '已销号']);
    const deleteClosed = await h.fail('hazards.delete', { id: found.id });
    expect(deleteClosed.message).toContain('整改记录须保留');
  });

  it('computes 逾期 from the deadline; 延期 needs a later deadline and a reason', async () => {
    const late = await fresh('2026-06-14');
    expect(late.overdue).toBe(true);
    const dueToday = await fresh('2026-06-15');
    expect(dueToday.overdue).toBe(false);
    const overdue = await h.call('hazards.list', { overdue: true, pageSize: 100 });
    expect(overdue.items.map((row) => row.id)).toContain(late.id);
    expect(overdue.items.map((row) => row.id)).not.toContain(dueToday.id);
    const earlier = await h.fail('hazards.transition', { id: late.id, action: 'extend', newDeadline: '2026-06-10', remark: '设备到货延迟' });
    expect(earlier.fieldErrors?.newDeadline).toBe('新的整改期限应晚于原期限（2026-06-14）');
    const noReason = await h.fail('hazards.transition', { id: late.id, action: 'extend', newDeadline: '2026-07-15' });
    expect(noReason.fieldErrors?.remark).toBe('请写明延期理由');
    const extended = await h.call('hazards.transition', { id: late.id, action: 'extend', newDeadline: '2026-07-15', remark: '设备到货延迟' });
    expect(extended).toMatchObject({ deadline: '2026-07-15', extensions: 1, overdue: false, status: '待整改' });
    expect((await h.call('hazards.history', { id: late.id })).at(-1)?.remark).toBe('延期：2026-06-14 → 2026-07-15，理由：设备到货延迟');
  });

  it('sorts numbers past 99,999 after the shorter ones of the same year', async () => {
    const [early, late] = [await fresh(), await fresh()];
    // A 虎门-sized year: the 100,000th hazard's number is one digit longer (as text it would sort before 2026-20000).
    const renumber = h.backend.ctx.appDb.sqlite.prepare('UPDATE hazards SET number = ? WHERE id = ?');
    renumber.run('2026-20000', early.id);
    renumber.run('2026-100000', late.id);
    const numbers = (await h.call('hazards.list', { sortField: 'number', sortOrder: 'descend', pageSize: 2 })).items.map((row) => row.number);
    expect(numbers).toEqual(['2026-100000', '2026-20000']);
  });

  it('keeps 治理方案 and 挂牌督办 for 重大 hazards only', async () => {
    const found = await fresh();
    const fields = { id: found.id, place: found.place, description: found.description, basis: found.basis, deadline: found.deadline, planTargets: '一个月内完成整改', listedAuthority: '区安委办' };
    const major = await h.call('hazards.update', { ...fields, level: '重大' });
    expect(major).toMatchObject({ level: '重大', planTargets: '一个月内完成整改', listedAuthority: '区安委办' });
    const general = await h.call('hazards.update', { ...fields, level: '一般' });
    expect(general).toMatchObject({ level: '一般', planTargets: null, listedAuthority: null });
  });
});

describe('rectification orders', () => {
  async function openHazards(enterpriseId: number, count: number) {
    const inspection = await h.call('inspections.create', {
      enterpriseId,
      inspectedOn: '2026-06-02',
      kind: '执法',
      inspectors: '王强',
      hazards: Array.from({ length: count }, (_, index) => hazard({ description: `问题 ${index + 1}` })),
    });
    return (await h.call('inspections.get', { id: inspection.id })).hazards.map((row) => row.id);
  }
  const order = (hazardIds: number[]) => ({ hazardIds, issuedOn: '2026-06-03', deadline: '2026-06-30', officers: '王强（执法证号 44190001）、李明' });

  it('numbers orders per year from the settings prefix, never repeating, even after a deletion or under concurrent issue', async () => {
    const first = await h.call('orders.create', order(await openHazards(h.plant.id, 2)));
    expect(first).toMatchObject({ number: '示例镇应急责改〔2026〕第1号', seq: 1, hazardCount: 2 });
    const second = await h.call('orders.create', order(await openHazards(h.plant.id, 1)));
    expect(second.number).toBe('示例镇应急责改〔2026〕第2号');
    await h.call('orders.delete', { id: second.id });
    // Its hazard is free again and its number is gone for good.
    const freed = await h.call('hazards.list', { orderId: second.id });
    expect(freed.total).toBe(0);
    const third = await h.call('orders.create', order(await openHazards(h.plant.id, 1)));
    expect(third.number).toBe('示例镇应急责改〔2026〕第3号');
    const [a, b, c] = await Promise.all([0, 1, 2].map(async () => h.call('orders.create', order(await openHazards(h.mill.id, 1)))));
    expect(new Set([a.seq, b.seq, c.seq])).toEqual(new Set([4, 5, 6]));
    const later = await h.call('orders.create', order(await openHazards(h.plant.id, 1)));
    expect(later.number).toBe('示例镇应急责改〔2026〕第7号');
  });

  it('lists as 逾期 the orders past their deadline with hazards still open, and no others', async () => {
    // Today is 2026-06-15: a deadline of 06-10 has passed, one of 06-15 has not.
    const late = await h.call('orders.create', { ...order(await openHazards(h.plant.id, 2)), deadline: '2026-06-10' });
    const dueToday = await h.call('orders.create', { ...order(await openHazards(h.plant.id, 1)), deadline: '2026-06-15' });
    const [closedId] = await openHazards(h.mill.id, 1);
    const lateButDone = await h.call('orders.create', { ...order([closedId]), deadline: '2026-06-10' });
    await h.call('hazards.transition', { id: closedId, action: 'submitForReview', on: '2026-06-08', remark: '已整改' });
    await h.call('hazards.transition', { id: closedId, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-06-09' });

    const overdue = await h.call('orders.list', { overdue: true, pageSize: 100 });
    const ids = overdue.items.map((row) => row.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(dueToday.id);
    expect(ids).not.toContain(lateButDone.id);
    expect(overdue.items.every((row) => row.deadline < '2026-06-15' && row.closedCount < row.hazardCount)).toBe(true);
    // Still open, so under 隐患未全部销号 too.
    expect((await h.call('orders.list', { open: true, pageSize: 100 })).items.map((row) => row.id)).toEqual(expect.arrayContaining([late.id, dueToday.id]));
  });

  it('refuses hazards of two units, closed hazards and hazards already on an order', async () => {
    const [plantHazard] = await openHazards(h.plant.id, 1);
    const [millHazard] = await openHazards(h.mill.id, 1);
    const mixed = await h.fail('orders.create', order([plantHazard, millHazard]));
    expect(mixed.fieldErrors?.hazardIds).toBe('一份指令书只能列同一单位的隐患');
    const issued = await h.call('orders.create', order([plantHazard]));
    const twice = await h.fail('orders.create', order([plantHazard]));
    expect(twice.fieldErrors?.hazardIds).toContain('已列入其他指令书');
    const detail = await h.call('orders.get', { id: issued.id });
    expect(detail.hazards.map((row) => row.orderNumber)).toEqual([issued.number]);
    // Search reaches the unit's name through the order's target.
    const byName = await h.call('orders.list', { q: '西岭五金' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((row) => row.targetName === '西岭五金厂')).toBe(true);
    const byInspector = await h.call('inspections.list', { q: '周敏' });
    expect(byInspector.total).toBeGreaterThan(0);
    expect(byInspector.items.every((row) => row.inspectors.includes('周敏'))).toBe(true);
    const reviewed = await h.call('orders.review', { id: issued.id, reviewedOn: '2026-06-14', opinion: '经复查，所列隐患已整改完毕。' });
    expect(reviewed).toMatchObject({ reviewedOn: '2026-06-14', reviewNumber: `${issued.number.replace(/号$/, '')}号（复查）` });
  });
});

describe('search', () => {
  it('finds hazards by description, place, number and unit name, 2+ characters through the pair index and 1 by scan', async () => {
    const inspection = await h.call('inspections.create', {
      enterpriseId: h.mill.id,
      inspectedOn: '2026-06-05',
      kind: '日常',
      inspectors: '周敏',
      hazards: [hazard({ place: '喷涂车间', description: '喷漆房防爆风机损坏' })],
    });
    const [found] = (await h.call('inspections.get', { id: inspection.id })).hazards;
    const ids = async (q: string) => (await h.call('hazards.list', { q, pageSize: 500 })).items.map((row) => row.id);
    expect(await ids('防爆风机')).toEqual([found.id]);
    expect(await ids('喷涂车间')).toEqual([found.id]);
    expect(await ids(found.number)).toEqual([found.id]);
    expect(await ids('西岭五金')).toContain(found.id);
    expect(await ids('风机')).toEqual([found.id]);
    // A correction is searchable at once (the index follows the row), the old words no longer find it.
    await h.call('hazards.update', { id: found.id, place: '喷涂车间', description: '喷漆房排风机皮带断裂', level: '一般', deadline: found.deadline });
    expect(await ids('防爆风机')).toEqual([]);
    expect(await ids('排风机皮带')).toEqual([found.id]);
    // Quotes in the text are taken literally, not as search syntax.
    expect(await ids('"风机"')).toEqual([]);
  });
});

describe('search through the pair index', () => {
  it('matches within a field only, ignores Latin case, leaves deleted hazards out of the list and its total, and finds them again once restored', async () => {
    const inspection = await h.call('inspections.create', {
      enterpriseId: h.mill.id,
      inspectedOn: '2026-06-06',
      kind: '日常',
      inspectors: '周敏',
      hazards: [hazard({ place: '总装车间', description: 'PLC控制柜未接地' }), hazard({ place: '仓库', description: '灭火器压力不足' })],
    });
    const [panel, extinguisher] = (await h.call('inspections.get', { id: inspection.id })).hazards;
    const list = (q: string, filters: Partial<In<'hazards.list'>> = {}) => h.call('hazards.list', { q, pageSize: 500, ...filters });
    expect((await list('plc控制')).items.map((row) => row.id)).toEqual([panel.id]);
    // 车间 ends the place and PLC begins the description: the two fields are not one text.
    expect((await list('车间PLC')).total).toBe(0);
    const before = await list('灭火');
    expect(before.items.map((row) => row.id)).toContain(extinguisher.id);
    expect(before.total).toBe(before.items.length);
    // Combined with a filter the total is counted on the rows, and agrees.
    const inVillage = await list('灭火', { villageId: h.otherVillage });
    expect(inVillage.items.map((row) => row.id)).toEqual([extinguisher.id]);
    expect(inVillage.total).toBe(1);

    await h.call('hazards.delete', { id: extinguisher.id });
    const after = await list('灭火');
    expect(after.items.map((row) => row.id)).not.toContain(extinguisher.id);
    expect(after.total).toBe(before.total - 1);
    await h.call('trash.restore', { entity: 'hazard', id: extinguisher.id });
    expect((await list('灭火')).items.map((row) => row.id)).toContain(extinguisher.id);
  });

  it('pages thousands of matches newest first exactly as a full scan orders them', async () => {
    // 2,400 matches (above the point where a page walks the found_on index instead of fetching every match).
    const sqlite = h.backend.ctx.appDb.sqlite;
    const template = (await h.call('hazards.list', { q: '灭火器压力', pageSize: 1 })).items[0];
    sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2400)
         INSERT INTO hazards (number, inspection_id, enterprise_id, source, found_on, place, description, level, deadline, status, created_by, created_at, updated_at)
         SELECT '2025-' || printf('%05d', i), NULL, @enterpriseId, '自查', date('2025-01-01', '+' || (i % 300) || ' days'), '料场', '消防通道堆放杂物' || i, '一般', '2026-12-31', '待整改', '测试', @now, @now FROM n`,
      )
      .run({ enterpriseId: template.enterpriseId, now });
    const expected = sqlite
      .prepare("SELECT id FROM hazards WHERE deleted_at IS NULL AND (place LIKE '%通道堆%' OR description LIKE '%通道堆%' OR number LIKE '%通道堆%') ORDER BY found_on DESC, id DESC")
      .pluck()
      .all() as number[];
    expect(expected).toHaveLength(2400);
    const pages = [];
    for (const page of [1, 2, 48]) {
      const result = await h.call('hazards.list', { q: '通道堆', page, pageSize: 50 });
      expect(result.total).toBe(2400);
      pages.push(...result.items.map((row) => row.id));
    }
    expect(pages).toEqual([...expected.slice(0, 100), ...expected.slice(2350, 2400)]);
    // The other order fetches every match and sorts: the same rows, deadline first.
    const byDeadline = await h.call('hazards.list', { q: '通道堆', pageSize: 50, sortField: 'deadline', sortOrder: 'ascend' });
    expect(byDeadline.total).toBe(2400);
  });
});

describe('回收站 and links', () => {
  it('keeps a deleted hazard and inspection restorable in order, and blocks deleting a unit with inspections', async () => {
    const inspection = await h.call('inspections.create', { idleSiteId: h.site.id, inspectedOn: '2026-06-05', kind: '专项', inspectors: '网格员', hazards: [hazard()] });
    const [found] = (await h.call('inspections.get', { id: inspection.id })).hazards;
    const blockedSite = await h.fail('idleSites.delete', { id: h.site.id });
    expect(blockedSite.message).toContain('检查记录');
    const withHazards = await h.fail('inspections.delete', { id: inspection.id });
    expect(withHazards.message).toContain('请先删除这些隐患');
    await h.call('hazards.delete', { id: found.id });
    await h.call('inspections.delete', { id: inspection.id });
    // The hazard cannot come back before its inspection does.
    const early = await h.fail('trash.restore', { entity: 'hazard', id: found.id });
    expect(early.message).toContain('所属检查记录已被删除');
    await h.call('trash.restore', { entity: 'inspection', id: inspection.id });
    await h.call('trash.restore', { entity: 'hazard', id: found.id });
    expect((await h.call('hazards.get', { id: found.id })).number).toBe(found.number);
    const blockedPlant = await h.fail('enterprises.delete', { id: h.plant.id });
    expect(blockedPlant.message).toContain('隐患');
  });
});

describe('statistics', () => {
  it('counts a period in the seeds’ words against a hand-counted fixture', async () => {
    const backend = await open();
    try {
      const { call } = backend;
      // May 2026 (hand count): the plant inspected twice (2 + 1 hazards), the mill once (1 major), the idle site
      // once (1); one order; of the 5 hazards, 2 closed (one of them the major one); one open past its deadline.
      const first = await call('inspections.create', {
        enterpriseId: backend.plant.id,
        inspectedOn: '2026-05-04',
        kind: '执法',
        inspectors: '王强',
        hazards: [hazard({ deadline: '2026-05-20' }), hazard({ deadline: '2026-06-30' })],
      });
      await call('inspections.create', { enterpriseId: backend.plant.id, inspectedOn: '2026-05-31', kind: '日常', inspectors: '王强', hazards: [hazard({ deadline: '2026-06-30' })] });
      const mill = await call('inspections.create', { enterpriseId: backend.mill.id, inspectedOn: '2026-05-15', kind: '专家', inspectors: '专家组', hazards: [hazard({ level: '重大', deadline: '2026-06-20' })] });
      await call('inspections.create', { idleSiteId: backend.site.id, inspectedOn: '2026-05-20', kind: '专项', inspectors: '网格员', hazards: [hazard({ deadline: '2026-06-30' })] });
      // Outside the period: the day before and the day after.
      await call('inspections.create', { enterpriseId: backend.mill.id, inspectedOn: '2026-04-30', kind: '日常', inspectors: '王强', hazards: [hazard({ deadline: '2026-05-10' })] });
      await call('inspections.create', { enterpriseId: backend.mill.id, inspectedOn: '2026-06-01', kind: '日常', inspectors: '王强', hazards: [hazard()] });
      const firstHazards = (await call('inspections.get', { id: first.id })).hazards;
      const millHazard = (await call('inspections.get', { id: mill.id })).hazards[0];
      await call('orders.create', { hazardIds: firstHazards.map((row) => row.id), issuedOn: '2026-05-05', deadline: '2026-06-30', officers: '王强' });
      for (const id of [firstHazards[1].id, millHazard.id]) {
        await call('hazards.transition', { id, action: 'submitForReview', on: '2026-06-05' });
        await call('hazards.transition', { id, action: 'reinspect', passed: true, reinspector: '王强', on: '2026-06-06' });
      }
      const stats = await call('hazards.statistics', { from: '2026-05-01', to: '2026-05-31' });
      expect(stats).toMatchObject({ inspections: 3, enterprisesChecked: 2, idleSitesChecked: 1, orders: 1, found: 5, rectified: 2, rate: 40, majorFound: 1, majorClosed: 1, overdue: 1 });
      expect(stats.sentence).toBe(
        '2026-05-01 至 2026-05-31，共检查企业3家次（2家）、“四闲”场所1处，下达责令限期整改指令书1份，查出问题隐患5条，已整改2条，整改率40%；其中重大隐患1条，已销号1条；逾期未整改1条。',
      );
      const east = await call('hazards.statistics', { from: '2026-05-01', to: '2026-05-31', villageId: backend.village });
      expect(east).toMatchObject({ inspections: 2, found: 4, idleSitesChecked: 1, majorFound: 0 });
      const none = await call('hazards.statistics', { from: '2025-01-01', to: '2025-01-31' });
      expect(none).toMatchObject({ found: 0, rate: null });
    } finally {
      backend.backend.dispose();
    }
  });
});
