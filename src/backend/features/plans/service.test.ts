import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import type { EnterpriseFields } from '../../../shared/api/enterprises';
import type { PlanFields } from '../../../shared/api/plans';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';

/** Every backend here stands at Tuesday 2026-10-20 09:00, after 国庆 2026 (10-01..10-07, 10-10 worked). */
const now = '2026-10-20T09:00:00.000Z';

const nextUscc = usccSeries(500);

interface Harness {
  backend: TestBackend;
  call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>>;
  fail(name: ApiName, input: unknown): Promise<{ code: string; message: string; fieldErrors?: Record<string, string> }>;
  village: number;
  otherVillage: number;
  /** 危化生产 in 东山村: listed (files in 20 working days, drills half-yearly, 评审意见 required). */
  chem: Out<'enterprises.create'>;
  /** 工贸-机械 in 西岭村: not listed. */
  trade: Out<'enterprises.create'>;
  enterprise(name: string, overrides?: Partial<EnterpriseFields>): Promise<Out<'enterprises.create'>>;
}

async function open(): Promise<Harness> {
  const backend = await makeTestBackend();
  backend.clock.set(now);
  const token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);
  const fail = async (name: ApiName, input: unknown) => {
    try {
      await backend.call(name, input as never, token);
    } catch (error) {
      return (error as { apiError: { code: string; message: string; fieldErrors?: Record<string, string> } }).apiError;
    }
    throw new Error(`${name} should have failed`);
  };
  const village = (await call('villages.create', { name: '东山村', kind: '村' })).id;
  const otherVillage = (await call('villages.create', { name: '西岭村', kind: '村' })).id;
  const enterprise = (name: string, overrides: Partial<EnterpriseFields> = {}) =>
    call('enterprises.create', { name, uscc: nextUscc(), villageId: village, industry: '化工', riskLevel: 'orange', ...overrides });
  const chem = await enterprise('预案测试危化公司', { industry: '危化生产' });
  const trade = await enterprise('预案测试机械厂', { industry: '工贸-机械', villageId: otherVillage });
  return { backend, call, fail, village, otherVillage, chem, trade, enterprise };
}

function planOf(enterpriseId: number, overrides: Partial<PlanFields> = {}): PlanFields {
  return { ownerType: 'enterprise', enterpriseId, kind: '综合预案', name: '生产安全事故综合应急预案', version: 'V1.0', issuedOn: '2026-09-28', ...overrides };
}

let h: Harness;
beforeAll(async () => {
  h = await open();
});
afterAll(() => h.backend.dispose());

describe('plan registry', () => {
  it('computes the filing deadline across 国庆, the evaluation and the half-yearly drill of a listed unit', async () => {
    const plan = await h.call('plans.create', planOf(h.chem.id, { docNo: '危化安〔2026〕3号', reviewKind: '评审', reviewOn: '2026-09-20', reviewExperts: 3, reviewResult: '通过' }));
    expect(plan.ownerName).toBe('预案测试危化公司');
    expect(plan.ownerVillageName).toBe('东山村');
    expect(plan.listedUnit).toBe(true);
    // Hand-counted: 09-29, 09-30, 10-08, 10-09, 10-10 (worked Saturday), 10-12 … → the 20th working day is 10-30.
    expect(plan.due.filing).toEqual({ date: '2026-10-30', approximate: false, state: 'due' });
    expect(plan.due.evaluation).toMatchObject({ date: '2029-09-28', state: 'ok' });
    expect(plan.due.drill).toMatchObject({ date: '2027-03-28', state: 'ok', intervalMonths: 6 });
    expect(plan.versions).toHaveLength(1);
    expect(plan.current).toMatchObject({ version: 'V1.0', reviewExperts: 3, revisionTrigger: null });
  });

  it('does not oblige a non-listed enterprise to file, and drills its 综合预案 yearly', async () => {
    const plan = await h.call('plans.create', planOf(h.trade.id, { issuedOn: '2026-01-15' }));
    expect(plan.listedUnit).toBe(false);
    expect(plan.due.filing).toBeNull();
    expect(plan.due.drill).toMatchObject({ date: '2027-01-15', intervalMonths: 12 });
    // A crowded place (人员密集场所) is listed whatever its industry.
    const mall = await h.enterprise('预案测试商场', { industry: '其他' });
    const crowded = await h.call('plans.create', planOf(mall.id, { crowdedPlace: true, issuedOn: '2026-09-28' }));
    expect(crowded.due.filing?.date).toBe('2026-10-30');
  });

  it('refuses bad input with messages under the fields', async () => {
    const wrongKind = await h.fail('plans.create', { ownerType: 'village', villageId: h.village, kind: '综合预案', name: '村预案', version: '1', issuedOn: '2026-01-01' });
    expect(wrongKind.fieldErrors?.kind).toBe('村（社区）的预案类别应为总体预案、专项预案');
    const noEnterprise = await h.fail('plans.create', { ownerType: 'enterprise', kind: '综合预案', name: 'x', version: '1', issuedOn: '2026-01-01' });
    expect(noEnterprise.fieldErrors?.enterpriseId).toBe('请选择企业');
    const future = await h.fail('plans.create', planOf(h.trade.id, { name: '未来预案', issuedOn: '2026-10-21' }));
    expect(future.fieldErrors?.issuedOn).toBe('发布日期不能晚于今天（2026-10-20）');
    const reviewAfter = await h.fail('plans.create', planOf(h.trade.id, { name: '评审在后', reviewKind: '评审', reviewOn: '2026-09-29' }));
    expect(reviewAfter.fieldErrors?.reviewOn).toContain('评审日期不能晚于发布日期');
    const badDate = await h.fail('plans.create', planOf(h.trade.id, { name: '坏日期', issuedOn: '2026-02-30' }));
    expect(badDate.fieldErrors?.issuedOn).toBe('发布日期不是存在的日期');
    const duplicate = await h.fail('plans.create', planOf(h.chem.id));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.fieldErrors?.name).toContain('已有名为「生产安全事故综合应急预案」的预案');
    const noDepartment = await h.fail('plans.create', { ownerType: 'department', kind: '部门预案', name: 'x', version: '1', issuedOn: '2026-01-01' });
    expect(noDepartment.fieldErrors?.department).toBe('请填写部门名称');
  });

  it('keeps the old version when a plan is revised, and refuses a revision that goes back in time', async () => {
    const plan = await h.call('plans.create', planOf(h.trade.id, { name: '火灾专项应急预案', kind: '专项预案', version: '2023版', issuedOn: '2023-04-10', signatory: '张厂长' }));
    const tooEarly = await h.fail('plans.revise', { id: plan.id, version: '2026版', issuedOn: '2023-04-10', revisionTrigger: '重要应急资源发生重大变化' });
    expect(tooEarly.fieldErrors?.issuedOn).toContain('应晚于现行版本（2023版，2023-04-10）');
    const sameLabel = await h.fail('plans.revise', { id: plan.id, version: '2023版', issuedOn: '2026-05-10', revisionTrigger: '重要应急资源发生重大变化' });
    expect(sameLabel.fieldErrors?.version).toContain('已使用');
    const noTrigger = await h.fail('plans.revise', { id: plan.id, version: '2026版', issuedOn: '2026-05-10' });
    expect(noTrigger.fieldErrors?.revisionTrigger).toBe('请选择修订原因（第三十六条）');

    const revised = await h.call('plans.revise', {
      id: plan.id,
      version: '2026版',
      issuedOn: '2026-05-10',
      signatory: '李厂长',
      revisionTrigger: '演练或应急救援中发现需要修订的重大问题',
      revisionNote: '消防泵房位置变更',
    });
    expect(revised.versions.map((version) => version.version)).toEqual(['2026版', '2023版']);
    expect(revised.versions[1]).toMatchObject({ issuedOn: '2023-04-10', signatory: '张厂长', revisionTrigger: null });
    expect(revised.current).toMatchObject({ issuedOn: '2026-05-10', signatory: '李厂长', revisionTrigger: '演练或应急救援中发现需要修订的重大问题' });
    // Due dates follow the new version.
    expect(revised.due.evaluation.date).toBe('2029-05-10');
    // Correcting the current version cannot move it before the previous one.
    const badEdit = await h.fail('plans.update', { id: plan.id, ...planOf(h.trade.id, { name: '火灾专项应急预案', kind: '专项预案', version: '2026版', issuedOn: '2023-01-01' }) });
    expect(badEdit.fieldErrors?.issuedOn).toBe('发布日期应晚于上一版本（2023版，2023-04-10）');
  });

  it('records an evaluation: 需要修订 puts the plan 修订中 until a revision makes it 现行 again', async () => {
    const plan = await h.call('plans.create', planOf(h.trade.id, { name: '触电现场处置方案', kind: '现场处置方案', issuedOn: '2023-03-01' }));
    expect(plan.due.evaluation).toMatchObject({ date: '2026-03-01', state: 'overdue' });
    const early = await h.fail('plans.evaluate', { id: plan.id, evaluatedOn: '2023-02-01', conclusion: '无需修订' });
    expect(early.fieldErrors?.evaluatedOn).toContain('不能早于现行版本的发布日期');
    const evaluated = await h.call('plans.evaluate', { id: plan.id, evaluatedOn: '2026-10-15', conclusion: '需要修订', note: '组织机构调整' });
    expect(evaluated.status).toBe('修订中');
    expect(evaluated.due.evaluation).toMatchObject({ date: '2029-10-15', state: 'ok' });
    const revised = await h.call('plans.revise', { id: plan.id, version: 'V2', issuedOn: '2026-10-19', revisionTrigger: '应急指挥机构及其职责发生调整' });
    expect(revised.status).toBe('现行');
  });

  it('lists with filters, search, due filter and sort', async () => {
    const town = await h.call('plans.create', { ownerType: 'town', kind: '总体预案', name: '突发事件总体应急预案', version: '2025版', issuedOn: '2025-03-01' });
    expect(town.ownerName).not.toBe('');
    await h.call('plans.create', { ownerType: 'village', villageId: h.village, kind: '专项预案', name: '东山村防汛应急预案', version: '1', issuedOn: '2025-05-01' });
    await h.call('plans.create', { ownerType: 'department', department: '镇城建办', kind: '部门预案', name: '城建办燃气事故应急预案', version: '1', issuedOn: '2025-06-01' });
    const village = await h.call('plans.list', { villageId: h.village, pageSize: 100 });
    // The village's own plan and the plans of the enterprises in it.
    expect(village.items.every((row) => row.ownerVillageName === '东山村')).toBe(true);
    expect(village.items.map((row) => row.name)).toContain('东山村防汛应急预案');
    expect(village.items.map((row) => row.ownerName)).toContain('预案测试危化公司');
    const search = await h.call('plans.list', { q: '城建办' });
    expect(search.items.map((row) => row.name)).toEqual(['城建办燃气事故应急预案']);
    const overdue = await h.call('plans.list', { due: 'overdue', pageSize: 100 });
    for (const row of overdue.items) expect([row.due.filing?.state, row.due.evaluation.state, row.due.drill.state]).toContain('overdue');
    // The town plan of 2025-03-01 has never been drilled: due 2026-03-01, overdue.
    expect(overdue.items.map((row) => row.name)).toContain('突发事件总体应急预案');
    const sorted = await h.call('plans.list', { sortField: 'nextDrill', sortOrder: 'ascend', pageSize: 100 });
    const dates = sorted.items.map((row) => row.due.drill.date);
    expect(dates).toEqual([...dates].sort());
    expect(await h.call('plans.departments', {})).toContain('镇城建办');
  });
});

describe('filing desk (第二十七条, 第二十八条)', () => {
  it('registers a filing, refuses to accept it while materials are missing, then accepts it with a number', async () => {
    const enterprise = await h.enterprise('备案测试燃气公司', { industry: '燃气' });
    const plan = await h.call('plans.create', planOf(enterprise.id, { issuedOn: '2026-09-25' }));
    const received = await h.call('planFilings.create', { planId: plan.id, receivedOn: '2026-10-09', submitter: '王经理', materials: ['应急预案备案申报表', '应急预案电子文档'] });
    // 5 working days after 10-09 (Fri): 10-10 (worked Saturday), 10-12, 10-13, 10-14, 10-15.
    expect(received.checkDeadline).toEqual({ date: '2026-10-15', approximate: false, state: 'overdue' });
    expect(received.missingMaterials).toEqual(['应急预案评审意见', '风险评估结果', '应急资源调查清单']);
    expect(received.receivedInTime).toBe(true);
    // Received, so the enterprise's own filing duty is met; the office's check is what is due now.
    expect((await h.call('plans.get', { id: plan.id })).due.filing?.state).toBe('done');
    const reminders = await h.call('plans.reminders', { enterpriseId: enterprise.id });
    expect(reminders.items.map((item) => item.kind)).toEqual(['filingCheck']);
    expect(reminders.items[0]).toMatchObject({ state: 'overdue', dueOn: '2026-10-15', daysLeft: -5, filingId: received.id });

    const twice = await h.fail('planFilings.create', { planId: plan.id, receivedOn: '2026-10-12', materials: [] });
    expect(twice.code).toBe('CONFLICT');
    const incomplete = await h.fail('planFilings.decide', { id: received.id, result: '已备案', checkedOn: '2026-10-14' });
    expect(incomplete.fieldErrors?.result).toContain('缺少：应急预案评审意见、风险评估结果、应急资源调查清单');
    const beforeReceipt = await h.fail('planFilings.decide', { id: received.id, result: '已备案', checkedOn: '2026-10-08' });
    expect(beforeReceipt.fieldErrors?.checkedOn).toContain('不能早于收到日期');

    await h.call('planFilings.update', { id: received.id, receivedOn: '2026-10-09', submitter: '王经理', materials: ['应急预案备案申报表', '应急预案评审意见', '应急预案电子文档', '风险评估结果', '应急资源调查清单'] });
    const accepted = await h.call('planFilings.decide', { id: received.id, result: '已备案', checkedOn: '2026-10-14' });
    expect(accepted).toMatchObject({ status: '已备案', number: '2026-001', checkedBy: '管理员' });
    expect(accepted.checkDeadline.state).toBe('done');
    const after = await h.call('plans.get', { id: plan.id });
    expect(after.current).toMatchObject({ filingOn: '2026-10-14', filingNumber: '2026-001' });
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id })).items).toEqual([]);
    const deleteAccepted = await h.fail('planFilings.delete', { id: accepted.id });
    expect(deleteAccepted.code).toBe('CONFLICT');
  });

  it('refuses filing once, naming what to bring, and numbers never repeat', async () => {
    const enterprise = await h.enterprise('备案测试建筑公司', { industry: '建筑施工' });
    const plan = await h.call('plans.create', planOf(enterprise.id, { issuedOn: '2026-09-01' }));
    const received = await h.call('planFilings.create', { planId: plan.id, receivedOn: '2026-10-19', materials: ['应急预案备案申报表'] });
    // 建筑施工 is listed for filing but not among the 第二十一条 units that need a 评审意见.
    expect(received.requiredMaterials).not.toContain('应急预案评审意见');
    const refused = await h.call('planFilings.decide', { id: received.id, result: '不予备案', checkedOn: '2026-10-20' });
    expect(refused.resultNote).toBe('需补齐：应急预案电子文档、风险评估结果、应急资源调查清单');
    // After a refusal the plan is unfiled again: 20 working days from 09-01 were 09-29, long past.
    const reminders = await h.call('plans.reminders', { enterpriseId: enterprise.id });
    expect(reminders.items[0]).toMatchObject({ kind: 'filing', state: 'overdue', dueOn: '2026-09-29' });
    const again = await h.call('planFilings.create', {
      planId: plan.id,
      receivedOn: '2026-10-20',
      materials: ['应急预案备案申报表', '应急预案电子文档', '风险评估结果', '应急资源调查清单'],
    });
    expect(again.receivedInTime).toBe(false);
    expect((await h.call('planFilings.decide', { id: again.id, result: '已备案', checkedOn: '2026-10-20' })).number).toBe('2026-002');
  });
});

describe('drills and reminders', () => {
  it('takes the owner from the plan drilled, and clears the plan’s drill reminder', async () => {
    const enterprise = await h.enterprise('演练测试烟花公司', { industry: '烟花爆竹' });
    const plan = await h.call('plans.create', planOf(enterprise.id, { issuedOn: '2026-03-10', filingDept: '区应急管理局', filingOn: '2026-03-20' }));
    const before = await h.call('plans.reminders', { enterpriseId: enterprise.id, days: 30 });
    // Half-yearly: due 2026-09-10, 40 days overdue on 10-20.
    expect(before.items.map((item) => [item.kind, item.state, item.dueOn, item.daysLeft])).toEqual([['drill', 'overdue', '2026-09-10', -40]]);
    const future = await h.fail('drills.create', { planId: plan.id, ownerType: 'town', name: '明天的演练', heldOn: '2026-10-21', scope: '综合演练', form: '实战演练', organiser: '公司', participants: 10 });
    expect(future.fieldErrors?.heldOn).toContain('不能晚于今天');
    const noPeople = await h.fail('drills.create', { planId: plan.id, ownerType: 'town', name: '演练', heldOn: '2026-10-10', scope: '综合演练', form: '实战演练', organiser: '公司', participants: 0 });
    expect(noPeople.fieldErrors?.participants).toBe('参与人数至少 1 人');
    const drill = await h.call('drills.create', {
      planId: plan.id,
      // The owner given is ignored: the plan's owner is the drill's.
      ownerType: 'town',
      name: '仓库火灾综合演练',
      heldOn: '2026-10-10',
      scope: '综合演练',
      form: '实战演练',
      organiser: '演练测试烟花公司',
      participants: 45,
      fireBrigade: true,
    });
    expect(drill).toMatchObject({ ownerType: 'enterprise', enterpriseId: enterprise.id, ownerName: '演练测试烟花公司', planName: plan.name });
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id })).items).toEqual([]);
    const refreshed = await h.call('plans.get', { id: plan.id });
    expect(refreshed.due.drill).toMatchObject({ date: '2027-04-10', state: 'ok' });
    expect(refreshed.due.lastDrillOn).toBe('2026-10-10');
    // A plan with drills cannot be deleted; its drills can.
    const blocked = await h.fail('plans.delete', { id: plan.id });
    expect(blocked.message).toContain('演练记录 1 条');
    await h.call('drills.delete', { id: drill.id });
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id })).items.map((item) => item.kind)).toEqual(['drill']);
  });

  it('leaves out 已废止 plans and closed enterprises, and widens with the look-ahead', async () => {
    const enterprise = await h.enterprise('提醒测试公司', { industry: '工贸-机械' });
    const plan = await h.call('plans.create', planOf(enterprise.id, { issuedOn: '2025-11-25' }));
    // Yearly drill due 2026-11-25: 36 days ahead, outside 30, inside 60.
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id, days: 30 })).items).toEqual([]);
    const within = await h.call('plans.reminders', { enterpriseId: enterprise.id, days: 60 });
    expect(within.items).toMatchObject([{ kind: 'drill', state: 'due', dueOn: '2026-11-25', daysLeft: 36 }]);
    const stale = await h.call('plans.create', planOf(enterprise.id, { name: '旧预案', issuedOn: '2022-01-01', status: '已废止' }));
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id, days: 60 })).items.map((item) => item.planId)).not.toContain(stale.id);
    const fields = await h.call('enterprises.get', { id: enterprise.id });
    await h.call('enterprises.update', { ...fields, status: '关闭' } as never);
    expect((await h.call('plans.reminders', { enterpriseId: enterprise.id, days: 60 })).items).toEqual([]);
    expect(plan.id).toBeGreaterThan(0);
  });

  it('sums a period in the seeds’ words, counting each unit once', async () => {
    const a = await h.enterprise('汇总测试甲厂', { industry: '工贸-轻工' });
    const b = await h.enterprise('汇总测试乙厂', { industry: '工贸-轻工', villageId: h.otherVillage });
    const drill = (fields: Partial<In<'drills.create'>>) =>
      h.call('drills.create', { ownerType: 'town', name: '演练', heldOn: '2026-04-15', scope: '综合演练', form: '实战演练', organiser: '镇应急办', participants: 10, ...fields } as In<'drills.create'>);
    // Inside April: a twice (once with the fire brigade), b once as 桌面推演, the village once, the town once, a department once.
    await drill({ ownerType: 'enterprise', enterpriseId: a.id, participants: 30, fireBrigade: true });
    await drill({ ownerType: 'enterprise', enterpriseId: a.id, heldOn: '2026-04-30', participants: 20, scope: '现场处置演练' });
    await drill({ ownerType: 'enterprise', enterpriseId: b.id, participants: 15, form: '桌面推演', evaluation: '达到预期' });
    await drill({ ownerType: 'village', villageId: h.village, heldOn: '2026-04-01', participants: 200 });
    await drill({ ownerType: 'town', participants: 500 });
    await drill({ ownerType: 'department', department: '镇城建办', participants: 35, scope: '专项演练' });
    // Outside: the day before and the day after.
    await drill({ ownerType: 'enterprise', enterpriseId: b.id, heldOn: '2026-03-31', participants: 999 });
    await drill({ ownerType: 'enterprise', enterpriseId: b.id, heldOn: '2026-05-01', participants: 999 });
    const summary = await h.call('drills.summary', { from: '2026-04-01', to: '2026-04-30' });
    expect(summary).toMatchObject({
      drills: 6,
      actual: 5,
      tabletop: 1,
      participants: 800,
      units: { town: 1, department: 1, village: 1, enterprise: 2 },
      byScope: { 综合演练: 4, 专项演练: 1, 现场处置演练: 1 },
      fireBrigadeDrills: 1,
      fireBrigadeEnterprises: 1,
      unevaluated: 5,
    });
    expect(summary.sentence).toBe(
      '2026-04-01 至 2026-04-30，2家企业、1个部门（行业领域单位）、1个村（社区）、镇（街道）开展应急演练6场（实战演练5场、桌面推演1场），其中1家企业引入消防救援队伍协同演练，参与人次800人。',
    );
    // The village filter keeps 东山村 itself and its enterprises (a), not b in 西岭村.
    const east = await h.call('drills.summary', { from: '2026-04-01', to: '2026-04-30', villageId: h.village });
    expect(east).toMatchObject({ drills: 3, participants: 250, units: { village: 1, enterprise: 1, town: 0, department: 0 } });
    const list = await h.call('drills.list', { from: '2026-04-01', to: '2026-04-30', form: '桌面推演' });
    expect(list.items.map((row) => row.ownerName)).toEqual(['汇总测试乙厂']);
  });

  it('keeps plans and drills in the 回收站 and blocks deleting an enterprise that has plans', async () => {
    const enterprise = await h.enterprise('回收站测试公司');
    const plan = await h.call('plans.create', planOf(enterprise.id));
    const blocked = await h.fail('enterprises.delete', { id: enterprise.id });
    expect(blocked.message).toContain('应急预案 1 条');
    await h.call('plans.delete', { id: plan.id });
    const trash = await h.call('trash.list', { entity: 'plan' } as never);
    expect((trash as { items: { title: string }[] }).items.map((item) => item.title)).toContain(plan.name);
    await h.call('trash.restore', { entity: 'plan', id: plan.id });
    expect((await h.call('plans.get', { id: plan.id })).name).toBe(plan.name);
    const audit = await h.call('audit.list', { entity: 'plan', entityId: plan.id } as never);
    expect((audit as { items: { action: string }[] }).items.map((item) => item.action)).toEqual(expect.arrayContaining(['create', 'delete', 'restore']));
  });
});
