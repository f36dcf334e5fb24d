import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import type { EnterpriseFields } from '../../../shared/api/enterprises';
import type { Filing } from '../../../shared/api/filings';
import type { FilingAction, FilingStatus } from '../../../shared/domain/specialWork';
import { makeTestBackend, testAdmin, type TestBackend } from '../../../../tests/fixtures/backend';
import { filing as completeFiling } from '../../../../tests/fixtures/registryHarness';
import { usccSeries } from '../../../../tests/fixtures/uscc';

/**
 * Every backend here starts at Monday 2026-03-16 08:00 (the machine's zone is UTC, so the clock's Z time is
 * the office's local time). March 2026 has no public holiday.
 */
const mondayMorning = '2026-03-16T08:00:00.000Z';
const today = '2026-03-16';
const tomorrow = '2026-03-17';

/** A real backend with the administrator's session kept fresh across clock moves, and a few enterprises and tanks. */
interface Harness {
  backend: TestBackend;
  call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>>;
  dispatch(name: ApiName, input: unknown, token?: string): Promise<unknown>;
  /** Moves the clock and logs in again (a jump of many hours ends the session). */
  at(iso: string): Promise<void>;
  villages: { east: number; west: number };
  /** 化工 in 东山村; its tanks T-01 (在用) and T-02 (已清空). */
  chem: Out<'enterprises.create'>;
  /** 危化生产 in 西岭村; its tank X-01 (在用). */
  chem2: Out<'enterprises.create'>;
  /** 工贸-机械 in 东山村: GB 30871 only 参照执行. */
  trade: Out<'enterprises.create'>;
  tanks: { t01: number; t02: number; x01: number };
  readonlyToken: string;
  /** Creates an enterprise (化工 in 东山村 unless told) and returns it with the fields it was created with. */
  enterprise(name: string, overrides?: Partial<EnterpriseFields>): Promise<{ enterprise: Out<'enterprises.create'>; fields: EnterpriseFields }>;
}

const nextUscc = usccSeries(0);

async function open(): Promise<Harness> {
  const backend = await makeTestBackend();
  let token = backend.adminToken;
  const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);
  const at = async (iso: string) => {
    backend.clock.set(iso);
    token = (await backend.call('auth.login', { username: testAdmin.username, password: testAdmin.password }, null)).token;
  };
  await at(mondayMorning);
  const east = (await call('villages.create', { name: '东山村', kind: '村' })).id;
  const west = (await call('villages.create', { name: '西岭村', kind: '村' })).id;
  const enterprise = async (name: string, overrides: Partial<EnterpriseFields> = {}) => {
    const fields: EnterpriseFields = { name, uscc: nextUscc(), villageId: east, industry: '化工', riskLevel: 'orange', ...overrides };
    return { enterprise: await call('enterprises.create', fields), fields };
  };
  const chem = (await enterprise('报备测试化工公司')).enterprise;
  const chem2 = (await enterprise('报备测试危化生产公司', { villageId: west, industry: '危化生产' })).enterprise;
  const trade = (await enterprise('报备测试机械厂', { industry: '工贸-机械' })).enterprise;
  const tank = async (code: string, enterpriseId: number, status: '在用' | '已清空') =>
    (await call('tanks.create', { code, enterpriseId, registeredOn: '2026-01-05', status })).id;
  const tanks = { t01: await tank('T-01', chem.id, '在用'), t02: await tank('T-02', chem.id, '已清空'), x01: await tank('X-01', chem2.id, '在用') };
  await call('users.create', { username: 'leader', displayName: '只读领导', role: 'readonly', password: 'Passw0rd123' });
  const readonlyToken = (await backend.call('auth.login', { username: 'leader', password: 'Passw0rd123' }, null)).token;
  return {
    backend,
    call,
    dispatch: (name, input, asToken) => backend.dispatch(name, input, asToken ?? token),
    at,
    villages: { east, west },
    chem,
    chem2,
    trade,
    tanks,
    readonlyToken,
    enterprise,
  };
}

/** A 受限空间 filing for today 09:00–12:00 with every document: it passes every rule on a working day. */
function fields(enterpriseId: number, overrides: Partial<In<'filings.create'>> = {}): In<'filings.create'> {
  return { ...completeFiling(enterpriseId, today), ...overrides };
}

const step = { remark: null, siteCheckOn: today, siteCheckInspectors: '王核查、陈核查', siteCheckPassed: true } as const;

/** Moves a filing along `actions` (each with what it needs), returning the filing after the last. */
async function advance(h: Harness, filing: Filing, actions: FilingAction[]): Promise<Filing> {
  let current = filing;
  for (const action of actions) {
    const remark = action === 'complete' || action === 'reject' || action === 'withdraw' ? `${action} 备注` : null;
    current = await h.call('filings.transition', { id: current.id, action, ...step, remark });
  }
  return current;
}

const failure = (code: string, fieldErrors?: Record<string, unknown>) => ({ ok: false, error: fieldErrors ? { code, fieldErrors } : { code } });

describe('numbers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.backend.dispose());

  it('are YYYY-NNNN in creation order and never reused, even after delete and purge', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) numbers.push((await h.call('filings.create', fields(h.chem.id))).number);
    expect(numbers).toEqual(['2026-0001', '2026-0002', '2026-0003']);

    // Deleting the newest does not give its number back.
    const third = (await h.call('filings.list', { q: '2026-0003' })).items[0];
    await h.call('filings.delete', { id: third.id });
    const fourth = await h.call('filings.create', fields(h.chem.id));
    expect(fourth.number).toBe('2026-0004');

    // Nor does purging it from the 回收站.
    await h.call('filings.delete', { id: fourth.id });
    expect((await h.call('trash.list', { entity: 'filing' })).items.map((item) => item.title).sort()).toEqual(['2026-0003 受限空间', '2026-0004 受限空间']);
    await h.call('trash.purge', { entity: 'filing', id: fourth.id });
    await h.call('trash.purge', { entity: 'filing', id: third.id });
    expect((await h.call('trash.list', { entity: 'filing' })).total).toBe(0);
    expect(await h.dispatch('filings.get', { id: fourth.id })).toMatchObject(failure('NOT_FOUND'));
    expect((await h.call('filings.create', fields(h.chem.id))).number).toBe('2026-0005');

    // Emptying the whole 回收站 does not either.
    const sixth = await h.call('filings.create', fields(h.chem.id));
    expect(sixth.number).toBe('2026-0006');
    await h.call('filings.delete', { id: sixth.id });
    await h.call('trash.empty', {});
    expect((await h.call('filings.create', fields(h.chem.id))).number).toBe('2026-0007');
  });

  it('a create refused by the rules uses up no number; an update keeps the number', async () => {
    expect(await h.dispatch('filings.create', fields(h.chem.id, { documents: [] }))).toMatchObject(failure('INVALID_INPUT'));
    const next = await h.call('filings.create', fields(h.chem.id));
    expect(next.number).toBe('2026-0008');
    const updated = await h.call('filings.update', { ...fields(h.chem.id, { content: '改为清理釜壁' }), id: next.id });
    expect(updated).toMatchObject({ number: '2026-0008', content: '改为清理釜壁' });
  });

  it('start again at 0001 in a new year', async () => {
    await h.at('2027-01-04T08:00:00.000Z');
    const first = await h.call('filings.create', fields(h.chem.id, { plannedStart: '2027-01-04 09:00', plannedEnd: '2027-01-04 12:00' }));
    expect(first.number).toBe('2027-0001');
    expect((await h.call('filings.create', fields(h.chem.id, { plannedStart: '2027-01-04 09:00', plannedEnd: '2027-01-04 12:00' }))).number).toBe('2027-0002');
  });

  it('past 9999 a year’s numbers grow a digit and still sort in order, years apart', async () => {
    h.backend.ctx.appDb.sqlite.prepare("UPDATE sequences SET last = 9998 WHERE series = 'filing' AND year = 2027").run();
    const window = { plannedStart: '2027-01-04 09:00', plannedEnd: '2027-01-04 12:00' };
    expect((await h.call('filings.create', fields(h.chem.id, window))).number).toBe('2027-9999');
    expect((await h.call('filings.create', fields(h.chem.id, window))).number).toBe('2027-10000');
    const ascending = (await h.call('filings.list', { sortField: 'number', sortOrder: 'ascend', pageSize: 100 })).items.map((item) => item.number);
    expect(ascending.slice(-5)).toEqual(['2026-0008', '2027-0001', '2027-0002', '2027-9999', '2027-10000']);
    const descending = (await h.call('filings.list', { sortField: 'number', sortOrder: 'descend', pageSize: 2 })).items.map((item) => item.number);
    expect(descending).toEqual(['2027-10000', '2027-9999']);
  });
});

describe('create, update and the rules', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.backend.dispose());

  it('stores the filing as sent, with the grade the rules determine and a first history row', async () => {
    const created = await h.call(
      'filings.create',
      fields(h.chem.id, { kind: '高处', grade: '特级', heightM: 12, heightClass: 'B', loadT: 50, tankIds: [h.tanks.t02], contractor: '宏达安装公司', warningReason: '无提醒也填了' }),
    );
    expect(created).toMatchObject({
      number: '2026-0001',
      enterpriseId: h.chem.id,
      enterpriseName: '报备测试化工公司',
      industry: '化工',
      villageId: h.villages.east,
      villageName: '东山村',
      kind: '高处',
      grade: 'Ⅲ级',
      heightM: 12,
      heightClass: 'B',
      loadT: null,
      status: '待审核',
      warnings: [],
      warningReason: null,
      workers: [{ name: '赵工', certificateNo: 'T-123' }],
      tanks: [{ id: h.tanks.t02, code: 'T-02', status: '已清空', ownerName: '报备测试化工公司' }],
      createdBy: '管理员',
      createdAt: mondayMorning,
    });
    expect(await h.call('filings.get', { id: created.id })).toEqual(created);
    expect(await h.call('filings.history', { id: created.id })).toEqual([
      { id: expect.any(Number), action: 'create', fromStatus: null, toStatus: '待审核', remark: null, createdAt: mondayMorning, createdBy: '管理员' },
    ]);
  });

  it('errors block create with INVALID_INPUT under the field each is about, and nothing is stored', async () => {
    const before = (await h.call('filings.list', {})).total;
    expect(await h.dispatch('filings.create', fields(h.chem.id, { kind: '动火', grade: '一级', plannedStart: `${today} 08:00`, plannedEnd: `${today} 16:01` }))).toMatchObject(
      failure('INVALID_INPUT', { plannedEnd: expect.stringContaining('8 小时') }),
    );
    expect(await h.dispatch('filings.create', fields(h.chem.id, { plannedEnd: `${today} 08:00` }))).toMatchObject(
      failure('INVALID_INPUT', { plannedEnd: '计划结束时间须晚于计划开始时间' }),
    );
    expect(await h.dispatch('filings.create', fields(h.chem.id, { kind: '高处', heightM: 1.5 }))).toMatchObject(failure('INVALID_INPUT', { heightM: expect.stringContaining('不足 2 m') }));
    expect(await h.dispatch('filings.create', fields(h.chem.id, { kind: '动火', grade: null }))).toMatchObject(failure('INVALID_INPUT', { grade: expect.any(String) }));
    expect(await h.dispatch('filings.create', fields(h.chem.id, { documents: ['施工方案'] }))).toMatchObject(
      failure('INVALID_INPUT', { documents: expect.stringContaining('施工资质') }),
    );
    // Two errors at once: each under its own field, the message naming both.
    const both = await h.dispatch('filings.create', fields(h.chem.id, { documents: [], plannedEnd: `${tomorrow} 09:01` }));
    expect(both).toMatchObject(failure('INVALID_INPUT', { documents: expect.any(String), plannedEnd: expect.any(String) }));
    expect((both as { error: { message: string } }).error.message).toMatch(/缺少材料.*；|；.*缺少材料/);
    // Input the schema refuses.
    expect(await h.dispatch('filings.create', fields(h.chem.id, { plannedStart: '2026-02-30 09:00' }))).toMatchObject(
      failure('INVALID_INPUT', { plannedStart: '计划开始时间不是存在的时间' }),
    );
    expect(await h.dispatch('filings.create', fields(h.chem.id, { place: '' }))).toMatchObject(failure('INVALID_INPUT', { place: expect.any(String) }));
    expect(await h.dispatch('filings.create', fields(999_999))).toMatchObject(failure('INVALID_INPUT', { enterpriseId: '所选企业不存在或已被删除' }));
    expect((await h.call('filings.list', {})).total).toBe(before);
  });

  it('a closed enterprise is refused; a 停产 one needs a reason', async () => {
    const { enterprise: closed } = await h.enterprise('已关闭的化工厂', { status: '关闭' });
    expect(await h.dispatch('filings.create', fields(closed.id))).toMatchObject(failure('INVALID_INPUT', { enterpriseId: expect.stringContaining('已关闭') }));
    const { enterprise: suspended } = await h.enterprise('停产检修的化工厂', { status: '停产' });
    expect(await h.dispatch('filings.create', fields(suspended.id))).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.stringContaining('停产') }));
    expect(await h.call('filings.create', fields(suspended.id, { warningReason: '停产检修' }))).toMatchObject({ warnings: [{ code: 'enterprise-suspended' }] });
  });

  it('warnings without a reason are refused; with one the filing is stored with its warnings and reason', async () => {
    const holiday = fields(h.chem.id, { plannedStart: '2026-04-04 09:00', plannedEnd: '2026-04-04 12:00', tankIds: [h.tanks.t01] });
    const refused = await h.dispatch('filings.create', holiday);
    expect(refused).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.stringContaining('有 2 条提醒') }));
    expect(await h.dispatch('filings.create', { ...holiday, warningReason: '   ' })).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.any(String) }));

    const created = await h.call('filings.create', { ...holiday, warningReason: '节日期间抢修，企业已安排值守' });
    expect(created.warnings.map((warning) => warning.code)).toEqual(['holiday-work', 'tank-in-use']);
    expect(created.warnings[0]).toMatchObject({ field: 'plannedStart', message: expect.stringContaining('清明节') });
    expect(created.warningReason).toBe('节日期间抢修，企业已安排值守');
    expect((await h.call('filings.get', { id: created.id })).warnings).toEqual(created.warnings);
    const [history] = await h.call('filings.history', { id: created.id });
    expect(history.remark).toBe('提醒 2 条，理由：节日期间抢修，企业已安排值守');
    const row = (await h.call('filings.list', { q: created.number })).items[0];
    expect(row.warningCount).toBe(2);
  });

  it('a 工贸 enterprise missing documents gets warnings, not errors', async () => {
    const draft = fields(h.trade.id, { documents: [] });
    expect(await h.call('filings.check', draft)).toMatchObject({
      errors: [],
      warnings: [{ code: 'gb30871-reference-only' }, { code: 'documents-missing', field: 'documents' }],
    });
    expect(await h.dispatch('filings.create', draft)).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.any(String) }));
    const created = await h.call('filings.create', { ...draft, warningReason: '参照执行，材料后补' });
    expect(created.warnings.map((warning) => warning.code)).toEqual(['gb30871-reference-only', 'documents-missing']);
  });

  it('hot work on a holiday is managed one grade up; the check says so and the 8 h limit applies', async () => {
    const draft = fields(h.chem.id, { kind: '动火', grade: '二级', plannedStart: '2026-10-02 10:00', plannedEnd: '2026-10-02 12:00' });
    expect(await h.call('filings.check', draft)).toMatchObject({ errors: [], warnings: [{ code: 'hot-work-upgraded' }], grade: '二级', managedGrade: '一级' });
    expect(await h.dispatch('filings.create', { ...draft, plannedStart: '2026-10-02 08:00', plannedEnd: '2026-10-02 18:00', warningReason: '理由' })).toMatchObject(
      failure('INVALID_INPUT', { plannedEnd: expect.stringContaining('升级后的一级') }),
    );
    const created = await h.call('filings.create', { ...draft, warningReason: '节日抢修' });
    // The grade stored is the one filed; the upgrade is in the warning.
    expect(created).toMatchObject({ grade: '二级', warnings: [{ code: 'hot-work-upgraded' }] });
  });

  it('overlapping hot work at the same enterprise is warned, naming the other filing; a filing never overlaps itself', async () => {
    const first = await h.call('filings.create', fields(h.chem2.id, { kind: '动火', grade: '一级', plannedStart: `${tomorrow} 09:00`, plannedEnd: `${tomorrow} 12:00` }));
    expect(first.warnings).toEqual([]);
    const second = fields(h.chem2.id, { kind: '切割', grade: '二级', plannedStart: `${tomorrow} 11:00`, plannedEnd: `${tomorrow} 14:00` });
    const refused = await h.dispatch('filings.create', second);
    expect(refused).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.stringContaining(first.number) }));
    const created = await h.call('filings.create', { ...second, warningReason: '两处动火相距 50 米' });
    expect(created.warnings).toEqual([expect.objectContaining({ code: 'overlapping-hot-work', message: expect.stringContaining(first.number) })]);
    // Checking a filing against itself (id given) does not count it; without the id it would.
    const own = fields(h.chem2.id, { kind: '动火', grade: '一级', plannedStart: `${tomorrow} 09:00`, plannedEnd: `${tomorrow} 12:00` });
    expect((await h.call('filings.check', { ...own, id: first.id })).warnings.map((warning) => warning.message).join()).not.toContain(first.number);
    expect((await h.call('filings.check', own)).warnings.map((warning) => warning.message).join()).toContain(first.number);
    // Windows that only touch (one ends as the other starts) do not overlap; other enterprises do not count.
    expect((await h.call('filings.check', { ...own, plannedStart: `${tomorrow} 14:00`, plannedEnd: `${tomorrow} 16:00` })).warnings).toEqual([]);
    expect((await h.call('filings.check', { ...own, plannedStart: `${tomorrow} 07:00`, plannedEnd: `${tomorrow} 09:00` })).warnings).toEqual([]);
    expect((await h.call('filings.check', { ...own, plannedStart: `${tomorrow} 07:00`, plannedEnd: `${tomorrow} 09:01` })).warnings).toEqual([
      expect.objectContaining({ code: 'overlapping-hot-work' }),
    ]);
    expect((await h.call('filings.check', { ...own, enterpriseId: h.chem.id, tankIds: [] })).warnings).toEqual([]);
    // Once the first is withdrawn it no longer clashes.
    await h.call('filings.transition', { id: first.id, action: 'withdraw', remark: '取消' });
    expect((await h.call('filings.check', { ...second, id: created.id })).warnings).toEqual([]);
  });

  it('tanks must be the enterprise’s own and exist', async () => {
    expect(await h.dispatch('filings.create', fields(h.chem.id, { tankIds: [h.tanks.x01] }))).toMatchObject(
      failure('INVALID_INPUT', { tankIds: '储罐 X-01 不属于该企业' }),
    );
    expect(await h.dispatch('filings.create', fields(h.chem.id, { tankIds: [h.tanks.t02, 999_999] }))).toMatchObject(
      failure('INVALID_INPUT', { tankIds: '所选储罐不存在或已被删除' }),
    );
    expect(await h.dispatch('filings.check', fields(h.chem.id, { tankIds: [h.tanks.x01] }))).toMatchObject(failure('INVALID_INPUT', { tankIds: expect.any(String) }));
    // The same tank twice is one link.
    const created = await h.call('filings.create', fields(h.chem.id, { tankIds: [h.tanks.t02, h.tanks.t02] }));
    expect(created.tanks.map((tank) => tank.code)).toEqual(['T-02']);
  });

  it('update re-runs the rules and is allowed only before approval', async () => {
    const created = await h.call('filings.create', fields(h.chem.id));
    expect(await h.dispatch('filings.update', { ...fields(h.chem.id, { tankIds: [h.tanks.t01] }), id: created.id })).toMatchObject(
      failure('INVALID_INPUT', { warningReason: expect.any(String) }),
    );
    expect(await h.dispatch('filings.update', { ...fields(h.chem.id, { documents: [] }), id: created.id })).toMatchObject(failure('INVALID_INPUT', { documents: expect.any(String) }));
    const updated = await h.call('filings.update', { ...fields(h.chem.id, { tankIds: [h.tanks.t01], warningReason: '已隔离' }), id: created.id });
    expect(updated).toMatchObject({ warnings: [{ code: 'tank-in-use' }], warningReason: '已隔离', tanks: [{ code: 'T-01' }] });
    // Removing the cause drops the warning and its reason.
    const cleared = await h.call('filings.update', { ...fields(h.chem.id, { warningReason: '已隔离' }), id: created.id });
    expect(cleared).toMatchObject({ warnings: [], warningReason: null, tanks: [] });

    await advance(h, created, ['passReview']);
    // Changed after its review passed, it goes back to 待审核, and the history says why.
    expect(await h.call('filings.update', { ...fields(h.chem.id, { place: '二号反应釜' }), id: created.id })).toMatchObject({ status: '待审核', place: '二号反应釜' });
    const history = await h.call('filings.history', { id: created.id });
    expect(history.at(-1)).toMatchObject({ action: 'update', fromStatus: '待现场核查', toStatus: '待审核', remark: expect.stringContaining('退回重新审核') });
    await advance(h, created, ['passReview', 'siteCheck']);
    const refused = await h.dispatch('filings.update', { ...fields(h.chem.id, { place: '三号反应釜' }), id: created.id });
    expect(refused).toMatchObject(failure('CONFLICT'));
    expect(await h.call('filings.get', { id: created.id })).toMatchObject({ status: '准予作业', place: '二号反应釜' });
  });

  it('a read-only user may read but not create, update, delete or move filings', async () => {
    const created = await h.call('filings.create', fields(h.chem.id));
    const token = h.readonlyToken;
    expect(await h.dispatch('filings.create', fields(h.chem.id), token)).toMatchObject(failure('FORBIDDEN'));
    expect(await h.dispatch('filings.update', { ...fields(h.chem.id), id: created.id }, token)).toMatchObject(failure('FORBIDDEN'));
    expect(await h.dispatch('filings.delete', { id: created.id }, token)).toMatchObject(failure('FORBIDDEN'));
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'passReview' }, token)).toMatchObject(failure('FORBIDDEN'));
    expect(await h.dispatch('filings.get', { id: created.id }, token)).toMatchObject({ ok: true, data: { status: '待审核' } });
    expect(await h.dispatch('filings.check', fields(h.chem.id), token)).toMatchObject({ ok: true });
    expect(await h.call('filings.history', { id: created.id })).toHaveLength(1);
  });
});

describe('workflow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.backend.dispose());

  const history = async (id: number) =>
    (await h.call('filings.history', { id })).map((row) => [row.action, row.fromStatus, row.toStatus, row.remark, row.createdBy, row.createdAt]);

  it('待审核 → 待现场核查 → 准予作业 → 作业中 → 已完工, each step in the history with who, when and why', async () => {
    await h.at('2026-03-16T07:00:00.000Z');
    const created = await h.call('filings.create', fields(h.chem.id, { plannedStart: `${today} 08:00`, plannedEnd: `${today} 12:00` }));
    const reviewed = await h.call('filings.transition', { id: created.id, action: 'passReview', remark: '材料齐全' });
    expect(reviewed.status).toBe('待现场核查');
    await h.at('2026-03-16T07:30:00.000Z');
    const checked = await h.call('filings.transition', { id: created.id, action: 'siteCheck', siteCheckOn: today, siteCheckInspectors: '王核查', siteCheckPassed: true, remark: '现场合格' });
    expect(checked).toMatchObject({ status: '准予作业', siteCheckOn: today, siteCheckInspectors: '王核查', siteCheckPassed: true, siteCheckRemark: '现场合格', closingReason: null });
    await h.at('2026-03-16T08:05:00.000Z');
    const started = await h.call('filings.transition', { id: created.id, action: 'start' });
    expect(started).toMatchObject({ status: '作业中', actualStart: `${today} 08:05`, actualEnd: null });
    await h.at('2026-03-16T11:30:00.000Z');
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'complete' })).toMatchObject(failure('INVALID_INPUT', { remark: '请填写完工复查意见' }));
    const done = await h.call('filings.transition', { id: created.id, action: 'complete', remark: '现场已清理' });
    expect(done).toMatchObject({ status: '已完工', actualStart: `${today} 08:05`, actualEnd: `${today} 11:30`, completionRemark: '现场已清理', updatedAt: '2026-03-16T11:30:00.000Z' });

    expect(await history(created.id)).toEqual([
      ['create', null, '待审核', null, '管理员', '2026-03-16T07:00:00.000Z'],
      ['passReview', '待审核', '待现场核查', '材料齐全', '管理员', '2026-03-16T07:00:00.000Z'],
      ['siteCheck', '待现场核查', '准予作业', '现场合格', '管理员', '2026-03-16T07:30:00.000Z'],
      ['start', '准予作业', '作业中', null, '管理员', '2026-03-16T08:05:00.000Z'],
      ['complete', '作业中', '已完工', '现场已清理', '管理员', '2026-03-16T11:30:00.000Z'],
    ]);
    await h.at(mondayMorning);
  });

  it('the history records the acting user’s display name', async () => {
    await h.call('users.create', { username: 'staff1', displayName: '刘办事员', role: 'staff', password: 'Passw0rd123' });
    const staffToken = (await h.backend.call('auth.login', { username: 'staff1', password: 'Passw0rd123' }, null)).token;
    const created = await h.call('filings.create', fields(h.chem.id));
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'passReview', remark: '已审' }, staffToken)).toMatchObject({ ok: true });
    expect((await history(created.id)).map((row) => row[4])).toEqual(['管理员', '刘办事员']);
  });

  /** Which actions each status allows, written out from DOMAIN.md's lifecycle. */
  const allowed: Record<FilingStatus, FilingAction[]> = {
    待审核: ['passReview', 'reject', 'withdraw'],
    待现场核查: ['siteCheck', 'reject', 'withdraw'],
    准予作业: ['start', 'withdraw', 'markOverdue'],
    作业中: ['complete', 'markOverdue'],
    已完工: [],
    驳回: [],
    撤销: [],
    逾期未完工: ['complete'],
  };
  const allActions: FilingAction[] = ['passReview', 'siteCheck', 'start', 'complete', 'reject', 'withdraw', 'markOverdue'];

  it('every illegal transition is refused with CONFLICT and changes nothing', async () => {
    // One filing in each status; windows started at 07:00 so 开始作业 is possible now.
    const make = async (actions: FilingAction[], window: [string, string] = [`${today} 07:00`, `${today} 12:00`]) =>
      advance(h, await h.call('filings.create', fields(h.chem.id, { plannedStart: window[0], plannedEnd: window[1], warningReason: '已开始' })), actions);
    const byStatus: Record<FilingStatus, Filing> = {
      待审核: await make([]),
      待现场核查: await make(['passReview']),
      准予作业: await make(['passReview', 'siteCheck']),
      作业中: await make(['passReview', 'siteCheck', 'start']),
      已完工: await make(['passReview', 'siteCheck', 'start', 'complete']),
      驳回: await make(['reject']),
      撤销: await make(['withdraw']),
      逾期未完工: await make(['passReview', 'siteCheck', 'markOverdue'], [`${today} 06:00`, `${today} 07:30`]),
    };
    let refusals = 0;
    for (const [status, filing] of Object.entries(byStatus) as [FilingStatus, Filing][]) {
      expect(filing.status).toBe(status);
      const before = await h.call('filings.get', { id: filing.id });
      const steps = await h.call('filings.history', { id: filing.id });
      for (const action of allActions.filter((candidate) => !allowed[status].includes(candidate))) {
        const result = await h.dispatch('filings.transition', { id: filing.id, action, ...step, remark: '试试', at: `${today} 08:00` });
        expect(result, `${status} × ${action}`).toMatchObject(failure('CONFLICT'));
        expect((result as { error: { message: string } }).error.message).toContain(`当前为「${status}」`);
        refusals += 1;
      }
      expect(await h.call('filings.get', { id: filing.id })).toEqual(before);
      expect(await h.call('filings.history', { id: filing.id })).toEqual(steps);
    }
    // 8 statuses × 7 actions, less the 12 allowed pairs.
    expect(refusals).toBe(8 * 7 - 12);
  });

  it('reject and withdraw need a remark, which becomes the closing reason', async () => {
    const created = await h.call('filings.create', fields(h.chem.id));
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'reject' })).toMatchObject(failure('INVALID_INPUT', { remark: '请填写驳回理由' }));
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'reject', remark: '  ' })).toMatchObject(failure('INVALID_INPUT', { remark: expect.any(String) }));
    expect(await h.dispatch('filings.transition', { id: created.id, action: 'withdraw' })).toMatchObject(failure('INVALID_INPUT', { remark: '请填写撤销原因' }));
    expect((await h.call('filings.get', { id: created.id })).status).toBe('待审核');
    expect(await history(created.id)).toHaveLength(1);

    expect(await h.call('filings.transition', { id: created.id, action: 'reject', remark: '施工方案不全' })).toMatchObject({ status: '驳回', closingReason: '施工方案不全' });
    const other = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview', 'siteCheck']);
    expect(await h.call('filings.transition', { id: other.id, action: 'withdraw', remark: '企业取消作业' })).toMatchObject({ status: '撤销', closingReason: '企业取消作业' });
    expect((await history(other.id)).at(-1)).toEqual(['withdraw', '准予作业', '撤销', '企业取消作业', '管理员', mondayMorning]);
  });

  it('a failed site check ends in 驳回 with the reason, and needs one', async () => {
    const created = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview']);
    const failing = { id: created.id, action: 'siteCheck', siteCheckOn: today, siteCheckInspectors: '王核查', siteCheckPassed: false } as const;
    expect(await h.dispatch('filings.transition', failing)).toMatchObject(failure('INVALID_INPUT', { remark: '请填写不合格的情况' }));
    expect((await h.call('filings.get', { id: created.id })).status).toBe('待现场核查');
    const rejected = await h.call('filings.transition', { ...failing, remark: '通风设施未到位' });
    expect(rejected).toMatchObject({ status: '驳回', siteCheckPassed: false, siteCheckOn: today, siteCheckRemark: '通风设施未到位', closingReason: '现场核查不合格：通风设施未到位' });
    expect((await history(created.id)).at(-1)).toEqual(['siteCheck', '待现场核查', '驳回', '通风设施未到位', '管理员', mondayMorning]);
  });

  it('a site check needs its result, date (not in the future) and inspectors; a refused one writes nothing', async () => {
    const created = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview']);
    const before = await h.call('filings.get', { id: created.id });
    const steps = await h.call('filings.history', { id: created.id });
    const base = { id: created.id, action: 'siteCheck', siteCheckOn: today, siteCheckInspectors: '王核查', siteCheckPassed: true } as const;
    expect(await h.dispatch('filings.transition', { ...base, siteCheckPassed: undefined })).toMatchObject(failure('INVALID_INPUT', { siteCheckPassed: '请选择核查结果' }));
    expect(await h.dispatch('filings.transition', { ...base, siteCheckOn: undefined })).toMatchObject(failure('INVALID_INPUT', { siteCheckOn: '请填写核查日期' }));
    expect(await h.dispatch('filings.transition', { ...base, siteCheckOn: tomorrow })).toMatchObject(failure('INVALID_INPUT', { siteCheckOn: expect.stringContaining('不能晚于今天') }));
    expect(await h.dispatch('filings.transition', { ...base, siteCheckInspectors: null })).toMatchObject(failure('INVALID_INPUT', { siteCheckInspectors: '请填写核查人员' }));
    expect(await h.call('filings.get', { id: created.id })).toEqual(before);
    expect(await h.call('filings.history', { id: created.id })).toEqual(steps);
  });

  it('approval re-checks the rules: new warnings need a reason, new errors block; a refused step writes nothing', async () => {
    const { enterprise, fields: enterpriseFields } = await h.enterprise('复核测试化工公司');
    const setStatus = (status: EnterpriseFields['status']) => h.call('enterprises.update', { ...enterpriseFields, status, id: enterprise.id });
    const reviewed = await advance(h, await h.call('filings.create', fields(enterprise.id)), ['passReview']);
    const pending = await h.call('filings.create', fields(enterprise.id));
    await setStatus('停产');

    const base = { id: reviewed.id, action: 'siteCheck', siteCheckOn: today, siteCheckInspectors: '王核查', siteCheckPassed: true, remark: '合格' } as const;
    const before = await h.call('filings.get', { id: reviewed.id });
    const steps = await h.call('filings.history', { id: reviewed.id });
    expect(await h.dispatch('filings.transition', base)).toMatchObject(failure('INVALID_INPUT', { warningReason: expect.stringContaining('停产') }));
    // Reason given but the step itself is incomplete: still nothing written, warnings included.
    expect(await h.dispatch('filings.transition', { ...base, warningReason: '停产检修', siteCheckInspectors: null })).toMatchObject(
      failure('INVALID_INPUT', { siteCheckInspectors: expect.any(String) }),
    );
    expect(await h.call('filings.get', { id: reviewed.id })).toEqual(before);
    expect(await h.call('filings.history', { id: reviewed.id })).toEqual(steps);

    const approved = await h.call('filings.transition', { ...base, warningReason: '停产检修' });
    expect(approved).toMatchObject({ status: '准予作业', warnings: [{ code: 'enterprise-suspended' }], warningReason: '停产检修' });
    expect((await history(reviewed.id)).at(-1)?.[3]).toBe('合格；新提醒理由：停产检修');

    // Closed since: approving is refused with the rule's error.
    await setStatus('关闭');
    expect(await h.dispatch('filings.transition', { id: pending.id, action: 'passReview' })).toMatchObject(
      failure('INVALID_INPUT', { enterpriseId: expect.stringContaining('关闭') }),
    );
    expect((await h.call('filings.get', { id: pending.id })).status).toBe('待审核');
    expect(await history(pending.id)).toHaveLength(1);
    // But it can still be rejected, or its site check fail.
    expect(await h.call('filings.transition', { id: pending.id, action: 'reject', remark: '企业已关闭' })).toMatchObject({ status: '驳回' });
  });

  it('a failed site check is recorded even when the rules now fail (enterprise closed since the review)', async () => {
    const { enterprise, fields: enterpriseFields } = await h.enterprise('核查不合格测试化工公司');
    const reviewed = await advance(h, await h.call('filings.create', fields(enterprise.id)), ['passReview']);
    await h.call('enterprises.update', { ...enterpriseFields, status: '关闭', id: enterprise.id });
    const base = { id: reviewed.id, action: 'siteCheck', siteCheckOn: today, siteCheckInspectors: '王核查', remark: '企业已关闭，现场无人' } as const;
    expect(await h.dispatch('filings.transition', { ...base, siteCheckPassed: true })).toMatchObject(failure('INVALID_INPUT', { enterpriseId: expect.any(String) }));
    expect(await h.call('filings.transition', { ...base, siteCheckPassed: false })).toMatchObject({
      status: '驳回',
      siteCheckPassed: false,
      closingReason: '现场核查不合格：企业已关闭，现场无人',
    });
  });

  it('start only inside the planned window, at a time not in the future', async () => {
    const later = await advance(h, await h.call('filings.create', fields(h.chem.id, { plannedStart: `${today} 09:00`, plannedEnd: `${today} 12:00` })), ['passReview', 'siteCheck']);
    expect(await h.dispatch('filings.transition', { id: later.id, action: 'start' })).toMatchObject(failure('INVALID_INPUT', { at: expect.stringContaining('未到计划开始时间') }));
    expect(await h.dispatch('filings.transition', { id: later.id, action: 'start', at: `${today} 09:00` })).toMatchObject(
      failure('INVALID_INPUT', { at: '开始时间不能晚于现在' }),
    );
    expect((await h.call('filings.get', { id: later.id })).status).toBe('准予作业');

    const past = await advance(h, await h.call('filings.create', fields(h.chem.id, { plannedStart: `${today} 06:00`, plannedEnd: `${today} 08:00`, warningReason: '补报' })), [
      'passReview',
      'siteCheck',
    ]);
    expect(await h.dispatch('filings.transition', { id: past.id, action: 'start' })).toMatchObject(failure('INVALID_INPUT', { at: expect.stringContaining('已过计划结束时间') }));
    expect(await h.dispatch('filings.transition', { id: past.id, action: 'start', at: `${today} 05:59` })).toMatchObject(failure('INVALID_INPUT', { at: expect.stringContaining('未到') }));
    expect((await h.call('filings.get', { id: past.id })).status).toBe('准予作业');
    // Recorded afterwards with the time it really started, inside the window: accepted.
    expect(await h.call('filings.transition', { id: past.id, action: 'start', at: `${today} 06:00` })).toMatchObject({ status: '作业中', actualStart: `${today} 06:00` });
    expect(await h.dispatch('filings.transition', { id: past.id, action: 'complete', remark: '完工', at: `${today} 05:00` })).toMatchObject(
      failure('INVALID_INPUT', { at: expect.stringContaining('不能早于开始时间') }),
    );
    expect(await h.dispatch('filings.transition', { id: past.id, action: 'complete', remark: '完工', at: `${today} 08:01` })).toMatchObject(
      failure('INVALID_INPUT', { at: '完工时间不能晚于现在' }),
    );
  });

  it('markOverdue only once the window has ended; an overdue work can still be completed', async () => {
    const running = await advance(h, await h.call('filings.create', fields(h.chem.id, { plannedStart: `${today} 07:00`, plannedEnd: `${today} 08:01`, warningReason: '已开始' })), [
      'passReview',
      'siteCheck',
      'start',
    ]);
    expect(await h.dispatch('filings.transition', { id: running.id, action: 'markOverdue' })).toMatchObject(failure('CONFLICT'));
    expect((await h.call('filings.get', { id: running.id })).status).toBe('作业中');
    await h.at('2026-03-16T08:01:00.000Z');
    expect(await h.call('filings.transition', { id: running.id, action: 'markOverdue' })).toMatchObject({ status: '逾期未完工' });
    expect(await h.call('filings.transition', { id: running.id, action: 'complete', remark: '延时完工' })).toMatchObject({ status: '已完工', actualEnd: `${today} 08:01` });
    expect((await history(running.id)).map((row) => row[0])).toEqual(['create', 'passReview', 'siteCheck', 'start', 'markOverdue', 'complete']);
    await h.at(mondayMorning);
  });

  it('delete only what nothing was approved for; deleted filings go to the 回收站', async () => {
    const pending = await h.call('filings.create', fields(h.chem.id));
    const rejected = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['reject']);
    const withdrawn = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview', 'withdraw']);
    const reviewed = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview']);
    const approved = await advance(h, await h.call('filings.create', fields(h.chem.id)), ['passReview', 'siteCheck']);

    expect(await h.dispatch('filings.delete', { id: approved.id })).toMatchObject(failure('CONFLICT'));
    expect(await h.dispatch('filings.delete', { id: reviewed.id })).toMatchObject(failure('CONFLICT'));
    expect((await h.call('filings.get', { id: approved.id })).status).toBe('准予作业');

    for (const filing of [pending, rejected, withdrawn]) {
      expect(await h.call('filings.delete', { id: filing.id })).toEqual({ ok: true });
      expect(await h.dispatch('filings.get', { id: filing.id })).toMatchObject(failure('NOT_FOUND'));
      expect(await h.dispatch('filings.transition', { id: filing.id, action: 'withdraw', remark: 'x' })).toMatchObject(failure('NOT_FOUND'));
    }
    const trash = await h.call('trash.list', { entity: 'filing' });
    expect(trash.items.map((item) => item.title).sort()).toEqual([pending, rejected, withdrawn].map((filing) => `${filing.number} 受限空间`).sort());
    await h.call('trash.restore', { entity: 'filing', id: pending.id });
    expect(await h.call('filings.get', { id: pending.id })).toMatchObject({ number: pending.number, status: '待审核' });
  });
});

describe('enterprise links', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.backend.dispose());

  it('an enterprise with live filings cannot be deleted, naming 特殊作业报备; once they are deleted it can', async () => {
    const { enterprise } = await h.enterprise('待删除的化工厂');
    const filing = await h.call('filings.create', fields(enterprise.id));
    const refused = await h.dispatch('enterprises.delete', { id: enterprise.id });
    expect(refused).toMatchObject(failure('CONFLICT'));
    expect((refused as { error: { message: string } }).error.message).toContain(`特殊作业报备 1 条（如 ${filing.number}）`);
    await h.call('filings.delete', { id: filing.id });
    expect(await h.call('enterprises.delete', { id: enterprise.id })).toEqual({ ok: true });
    // A filing of a deleted enterprise cannot come back on its own, and new ones are refused.
    expect(await h.dispatch('trash.restore', { entity: 'filing', id: filing.id })).toMatchObject(failure('CONFLICT'));
    expect(await h.dispatch('filings.create', fields(enterprise.id))).toMatchObject(failure('INVALID_INPUT', { enterpriseId: expect.any(String) }));
  });
});

describe('board, list and calendar', () => {
  let h: Harness;
  /** The filings by letter, as set up below. */
  const f: Record<string, Filing> = {};
  const numbers = (rows: { number: string }[]) => rows.map((row) => row.number);
  const of = (...letters: string[]) => letters.map((letter) => f[letter].number);

  beforeAll(async () => {
    h = await open();
    const create = (overrides: Partial<In<'filings.create'>>, enterpriseId = h.chem.id) =>
      h.call('filings.create', fields(enterpriseId, { warningReason: '测试', ...overrides }));
    const window = (start: string, end: string) => ({ plannedStart: start, plannedEnd: end });
    // Now is Monday 08:00.
    f.A = await create({ ...window(`${today} 09:00`, `${today} 12:00`), place: '甲车间' });
    f.B = await create(window(`${tomorrow} 09:00`, `${tomorrow} 12:00`));
    f.C = await create(window(`${today} 07:00`, `${today} 10:00`)); // started, not approved
    f.D = await advance(h, await create(window(`${today} 13:00`, `${today} 15:00`)), ['reject']);
    f.E = await advance(h, await create(window(`${tomorrow} 13:00`, `${tomorrow} 15:00`)), ['withdraw']);
    f.F = await advance(h, await create(window(`${today} 06:00`, `${today} 07:00`)), ['passReview', 'siteCheck']); // approved, past its window
    f.G = await create(window('2026-03-18 09:00', '2026-03-18 12:00'));
    f.H = await create(window(`${today} 20:00`, `${tomorrow} 02:00`)); // over midnight
    f.I = await advance(h, await create(window('2026-03-15 20:00', '2026-03-15 23:00')), ['passReview', 'siteCheck']); // yesterday, approved, past
    f.J = await create(
      { kind: '动火', grade: '二级', ...window(`${today} 09:00`, `${today} 11:00`), tankIds: [h.tanks.x01], contractor: '宏达安装公司', leaderName: '孙队长' },
      h.chem2.id,
    );
    f.K = await create(window(`${today} 09:00`, `${today} 10:00`));
    await h.call('filings.delete', { id: f.K.id });
  });
  afterAll(() => h.backend.dispose());

  it('the board: today’s and tomorrow’s works without rejected, withdrawn or deleted ones, with counts', async () => {
    const board = await h.call('filings.board', {});
    expect(board.now).toBe(`${today} 08:00`);
    expect(board.today.date).toBe(today);
    expect(board.today.dayNote).toBeNull();
    expect(numbers(board.today.items)).toEqual(of('F', 'C', 'A', 'J', 'H'));
    expect(board.today.byStatus).toEqual({ 待审核: 4, 准予作业: 1 });
    expect(board.today.byKind).toEqual({ 受限空间: 4, 动火: 1 });
    expect(board.tomorrow.date).toBe(tomorrow);
    expect(numbers(board.tomorrow.items)).toEqual(of('H', 'B'));
    expect(board.tomorrow.byStatus).toEqual({ 待审核: 2 });

    expect(numbers(board.pastWindow)).toEqual(of('I', 'F'));
    expect(board.pastWindow.every((row) => row.flags.includes('pastWindow'))).toBe(true);
    expect(numbers(board.unapprovedStarted)).toEqual(of('C'));
    expect(board.today.items.find((row) => row.id === f.C.id)?.flags).toEqual(['unapprovedStarted']);
    expect(board.today.items.find((row) => row.id === f.F.id)?.flags).toEqual(['pastWindow']);
    expect(board.today.items.find((row) => row.id === f.A.id)?.flags).toEqual([]);
    expect(board.today.items.find((row) => row.id === f.J.id)).toMatchObject({ enterpriseName: '报备测试危化生产公司', villageName: '西岭村', warningCount: 1 });
  });

  it('the board follows the clock: a window starting makes it flagged, an approved one ending puts it past its window', async () => {
    // F (approved) ends at 07:00 and C (not approved) starts then: both flagged from that very minute.
    await h.at('2026-03-16T06:59:00.000Z');
    const before = await h.call('filings.board', {});
    expect(numbers(before.pastWindow)).toEqual(of('I'));
    expect(before.unapprovedStarted).toEqual([]);
    await h.at('2026-03-16T07:00:00.000Z');
    const at7 = await h.call('filings.board', {});
    expect(numbers(at7.pastWindow)).toEqual(of('I', 'F'));
    expect(numbers(at7.unapprovedStarted)).toEqual(of('C'));
    await h.at('2026-03-16T09:00:00.000Z');
    const board = await h.call('filings.board', {});
    expect(numbers(board.unapprovedStarted)).toEqual(of('C', 'J', 'A'));
    await h.at('2026-03-16T10:00:00.000Z');
    // C's window has ended (10:00 excluded): no longer "started", and never approved, so not past its window either.
    const later = await h.call('filings.board', {});
    expect(numbers(later.unapprovedStarted)).toEqual(of('J', 'A'));
    expect(numbers(later.pastWindow)).toEqual(of('I', 'F'));
    await h.at(mondayMorning);
  });

  it('the board for a given date, with the day’s note', async () => {
    const board = await h.call('filings.board', { date: tomorrow });
    expect(board.today.date).toBe(tomorrow);
    expect(numbers(board.today.items)).toEqual(of('H', 'B'));
    expect(numbers(board.tomorrow.items)).toEqual(of('G'));
    // The flagged lists are as of now, whatever the date shown.
    expect(numbers(board.pastWindow)).toEqual(of('I', 'F'));
    expect((await h.call('filings.board', { date: '2026-04-04' })).today.dayNote).toBe('清明节');
    expect((await h.call('filings.board', { date: '2026-03-14' })).tomorrow).toMatchObject({ date: '2026-03-15', dayNote: '休息日' });
  });

  it('list filters: kind, status, enterprise, village, tank, date range, search and flagged', async () => {
    const list = async (filters: In<'filings.list'>) => (await h.call('filings.list', { pageSize: 100, sortField: 'number', sortOrder: 'ascend', ...filters })).items.map((row) => row.number);
    expect(await list({})).toEqual(of('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'));
    expect(await list({ kind: '动火' })).toEqual(of('J'));
    expect(await list({ kind: '高处' })).toEqual([]);
    expect(await list({ status: '驳回' })).toEqual(of('D'));
    expect(await list({ status: '撤销' })).toEqual(of('E'));
    expect(await list({ status: '准予作业' })).toEqual(of('F', 'I'));
    expect(await list({ enterpriseId: h.chem2.id })).toEqual(of('J'));
    expect(await list({ enterpriseId: h.trade.id })).toEqual([]);
    expect(await list({ villageId: h.villages.west })).toEqual(of('J'));
    expect(await list({ villageId: h.villages.east })).toEqual(of('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'));
    expect(await list({ tankId: h.tanks.x01 })).toEqual(of('J'));
    expect(await list({ tankId: h.tanks.t01 })).toEqual([]);
    // A range keeps the windows that touch it.
    expect(await list({ from: tomorrow, to: tomorrow })).toEqual(of('B', 'E', 'H'));
    expect(await list({ from: '2026-03-18' })).toEqual(of('G'));
    expect(await list({ to: '2026-03-15' })).toEqual(of('I'));
    expect(await list({ from: '2026-03-15', to: '2026-03-15' })).toEqual(of('I'));
    expect(await list({ from: '2026-03-19' })).toEqual([]);
    // Search: number, enterprise, place, contractor, leader.
    expect(await list({ q: f.B.number })).toEqual(of('B'));
    expect(await list({ q: '宏达' })).toEqual(of('J'));
    expect(await list({ q: '孙队长' })).toEqual(of('J'));
    expect(await list({ q: '甲车间' })).toEqual(of('A'));
    expect(await list({ q: '危化生产公司' })).toEqual(of('J'));
    expect(await list({ flagged: true })).toEqual(of('C', 'F', 'I'));
    expect(await list({ flagged: true, status: '待审核' })).toEqual(of('C'));
    expect(await list({ kind: '受限空间', status: '待审核', from: today, to: today })).toEqual(of('A', 'C', 'H'));

    const page = await h.call('filings.list', { pageSize: 3, page: 2, sortField: 'number', sortOrder: 'ascend' });
    expect(page.total).toBe(10);
    expect(numbers(page.items)).toEqual(of('D', 'E', 'F'));
    expect((await h.call('filings.list', { status: '待审核', pageSize: 2 })).total).toBe(6);
    // Default order: latest planned start first.
    expect(numbers((await h.call('filings.list', { pageSize: 2 })).items)).toEqual(of('G', 'E'));
  });

  it('calendar: windows touching the range, filtered by kind and village; at most 62 days', async () => {
    const calendar = async (input: In<'filings.calendar'>) => numbers(await h.call('filings.calendar', input));
    const days = await calendar({ from: today, to: tomorrow });
    expect(days).toEqual(expect.arrayContaining(of('A', 'B', 'C', 'F', 'H', 'J')));
    for (const absent of of('G', 'I', 'K')) expect(days).not.toContain(absent);
    expect(await calendar({ from: '2026-03-18', to: '2026-03-18' })).toEqual(of('G'));
    expect(await calendar({ from: today, to: tomorrow, kind: '动火' })).toEqual(of('J'));
    expect(await calendar({ from: today, to: tomorrow, villageId: h.villages.west })).toEqual(of('J'));

    // 2026-03-01 … 2026-05-01 is 62 days; one more is refused, as is an end before the start.
    expect(await h.dispatch('filings.calendar', { from: '2026-03-01', to: '2026-05-01' })).toMatchObject({ ok: true });
    expect(await h.dispatch('filings.calendar', { from: '2026-03-01', to: '2026-05-02' })).toMatchObject(failure('INVALID_INPUT', { to: '日历一次最多查看 62 天' }));
    expect(await h.dispatch('filings.calendar', { from: '2026-03-01', to: '2026-12-31' })).toMatchObject(failure('INVALID_INPUT', { to: expect.any(String) }));
    expect(await h.dispatch('filings.calendar', { from: tomorrow, to: today })).toMatchObject(failure('INVALID_INPUT', { to: '结束日期不能早于开始日期' }));
  });
});
