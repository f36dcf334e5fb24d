import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnterpriseFields } from '../../../shared/api/enterprises';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { nameInitials } from './initials';

let backend: TestBackend;
let eastId: number;
let westId: number;

beforeEach(async () => {
  backend = await makeTestBackend();
  eastId = (await backend.call('villages.create', { name: '东山村', kind: '村' })).id;
  westId = (await backend.call('villages.create', { name: '西岭村', kind: '村' })).id;
});
afterEach(() => backend.dispose());

function fields(overrides: Partial<EnterpriseFields> = {}): EnterpriseFields {
  return {
    name: '虎门制鞋有限公司',
    uscc: '91110108551385082Q',
    villageId: eastId,
    industry: '工贸-轻工',
    riskLevel: 'blue',
    address: '示例镇东山村工业路 8 号',
    principalName: '陈志强',
    principalPhone: '13800138000',
    ...overrides,
  };
}

describe('enterprises', () => {
  it('creates an enterprise with defaults, normalized USCC and its village name', async () => {
    const created = await backend.call('enterprises.create', fields({ uscc: ' 91110108551385082q ' }));
    expect(created).toMatchObject({
      uscc: '91110108551385082Q',
      villageName: '东山村',
      status: '在产',
      standardization: '未定级',
      keySupervised: false,
      majorHazard: false,
      gridWorkerName: null,
    });
  });

  it('names the wrong USCC character or check digit under the field', async () => {
    const bad = await backend.dispatch('enterprises.create', fields({ uscc: '91110108551385082R' }));
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { uscc: expect.stringContaining('应为“Q”') } },
    });
    const badChar = await backend.dispatch('enterprises.create', fields({ uscc: '9111010855138508IQ' }));
    expect(badChar).toMatchObject({ ok: false, error: { fieldErrors: { uscc: expect.stringContaining('第 17 位“I”') } } });
  });

  it('checks phones, coordinates (range and pairing) and required choices', async () => {
    const result = await backend.dispatch('enterprises.create', {
      ...fields({ principalPhone: '1234', longitude: 200 }),
      industry: undefined,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          principalPhone: expect.stringContaining('手机号'),
          longitude: '经度应在 73–136 之间（中国境内）',
          industry: '请选择行业领域',
        },
      },
    });
    const unpaired = await backend.dispatch('enterprises.create', fields({ longitude: 113.6 }));
    expect(unpaired).toMatchObject({ ok: false, error: { fieldErrors: { latitude: '经度和纬度须同时填写或同时留空' } } });
  });

  it('refuses a second enterprise with the same USCC, naming the first; a deleted one points to the 回收站', async () => {
    const first = await backend.call('enterprises.create', fields());
    const dup = await backend.dispatch('enterprises.create', fields({ name: '另一家公司' }));
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fieldErrors: { uscc: '统一社会信用代码 91110108551385082Q 已登记为「虎门制鞋有限公司」，同一代码只能登记一家企业' } },
    });
    await backend.call('enterprises.delete', { id: first.id });
    const again = await backend.dispatch('enterprises.create', fields({ name: '另一家公司' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('回收站') } });
  });

  it('refuses a village or grid worker that is deleted or missing', async () => {
    const noVillage = await backend.dispatch('enterprises.create', fields({ villageId: 9999 }));
    expect(noVillage).toMatchObject({ ok: false, error: { fieldErrors: { villageId: '所选村/社区不存在或已被删除' } } });
    const noWorker = await backend.dispatch('enterprises.create', fields({ gridWorkerId: 42 }));
    expect(noWorker).toMatchObject({ ok: false, error: { fieldErrors: { gridWorkerId: '所选网格员不存在或已被删除' } } });
  });

  describe('list', () => {
    beforeEach(async () => {
      await backend.call('enterprises.create', fields());
      await backend.call('enterprises.create', fields({ name: '示例镇东山五金制品厂', uscc: '91110000600037341L', riskLevel: 'red', industry: '工贸-机械', keySupervised: true }));
      await backend.call('enterprises.create', fields({ name: '西岭加油站', uscc: '11441900MB2C90135G', villageId: westId, riskLevel: 'orange', industry: '危化经营(带储存)', status: '停产', principalName: '黄海燕' }));
    });

    it('searches by 3+ characters (FTS), 1–2 characters (LIKE), USCC fragment, principal and pinyin initials', async () => {
      const names = async (q: string) => (await backend.call('enterprises.list', { q })).items.map((e) => e.name).sort();
      expect(await names('五金制品')).toEqual(['示例镇东山五金制品厂']);
      expect(await names('加油')).toEqual(['西岭加油站']);
      expect(await names('站')).toEqual(['西岭加油站']);
      expect(await names('MB2C9')).toEqual(['西岭加油站']);
      expect(await names('mb2c9')).toEqual(['西岭加油站']);
      expect(await names('黄海燕')).toEqual(['西岭加油站']);
      expect(await names('hmzx')).toEqual(['虎门制鞋有限公司']);
      expect(await names('xljyz')).toEqual(['西岭加油站']);
      expect(await names('工业路')).toEqual(['示例镇东山五金制品厂', '虎门制鞋有限公司', '西岭加油站']);
      expect(await names('"; DROP')).toEqual([]);
    });

    it('filters in SQL and counts risk colours under every filter but the colour', async () => {
      const east = await backend.call('enterprises.list', { villageId: eastId });
      expect(east.total).toBe(2);
      expect(east.riskCounts).toEqual({ red: 1, orange: 0, yellow: 0, blue: 1 });
      const red = await backend.call('enterprises.list', { riskLevel: 'red' });
      expect(red.items.map((e) => e.name)).toEqual(['示例镇东山五金制品厂']);
      expect(red.riskCounts).toEqual({ red: 1, orange: 1, yellow: 0, blue: 1 });
      expect((await backend.call('enterprises.list', { keySupervised: true })).total).toBe(1);
      expect((await backend.call('enterprises.list', { status: '停产' })).items[0].name).toBe('西岭加油站');
      expect((await backend.call('enterprises.list', { industry: '危化经营(带储存)' })).total).toBe(1);
    });

    it('sorts by risk severity and pages with a stable order', async () => {
      const byRisk = await backend.call('enterprises.list', { sortField: 'riskLevel', sortOrder: 'ascend' });
      expect(byRisk.items.map((e) => e.riskLevel)).toEqual(['red', 'orange', 'blue']);
      const page2 = await backend.call('enterprises.list', { sortField: 'riskLevel', sortOrder: 'ascend', page: 2, pageSize: 2 });
      expect(page2).toMatchObject({ total: 3, items: [{ riskLevel: 'blue' }] });
    });
  });

  it('records create, update (changed fields only) and delete in the audit trail', async () => {
    const created = await backend.call('enterprises.create', fields());
    backend.clock.advance(60_000);
    await backend.call('enterprises.update', { ...fields({ riskLevel: 'yellow', employees: 120 }), id: created.id });
    await backend.call('enterprises.delete', { id: created.id });
    await backend.call('trash.restore', { entity: 'enterprise', id: created.id });
    const history = await backend.call('audit.forRecord', { entity: 'enterprise', entityId: created.id });
    expect(history.items.map((entry) => entry.action)).toEqual(['restore', 'delete', 'update', 'create']);
    const update = history.items[2];
    expect(update).toMatchObject({ userName: '管理员', entityTitle: '虎门制鞋有限公司' });
    expect(update.changes).toEqual([
      { field: 'riskLevel', before: 'blue', after: 'yellow' },
      { field: 'employees', before: null, after: 120 },
    ]);
  });

  it('writes no audit row when the change fails, and no change without its audit row', async () => {
    const created = await backend.call('enterprises.create', fields());
    const auditCount = () => backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = auditCount();
    const failed = await backend.dispatch('enterprises.update', { ...fields({ villageId: 9999 }), id: created.id });
    expect(failed.ok).toBe(false);
    expect(auditCount()).toBe(before);
    // If the audit insert fails, the enterprise update is rolled back with it.
    backend.ctx.appDb.sqlite.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const rolledBack = await backend.dispatch('enterprises.update', { ...fields({ name: '改名公司' }), id: created.id });
    expect(rolledBack).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await backend.call('enterprises.get', { id: created.id })).name).toBe('虎门制鞋有限公司');
  });

  it('keeps the audit trail append-only even for direct SQL', () => {
    backend.ctx.appDb.sqlite.prepare("INSERT INTO audit_log (at, user_name, action, entity, entity_id, entity_title, changes) VALUES ('x','y','create','village',1,'t','[]')").run();
    expect(() => backend.ctx.appDb.sqlite.exec("UPDATE audit_log SET user_name = 'forged'")).toThrow(/append-only/);
    expect(() => backend.ctx.appDb.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('blocks deleting a village that still has enterprises, naming them', async () => {
    await backend.call('enterprises.create', fields());
    const result = await backend.dispatch('villages.delete', { id: eastId });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/企业 1 条（如 虎门制鞋有限公司）/) },
    });
  });

  it('will not restore an enterprise whose village is in the 回收站', async () => {
    const created = await backend.call('enterprises.create', fields({ villageId: westId }));
    await backend.call('enterprises.delete', { id: created.id });
    await backend.call('villages.delete', { id: westId });
    const result = await backend.dispatch('trash.restore', { entity: 'enterprise', id: created.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('所属村/社区已被删除') } });
    expect(await backend.call('enterprises.links', { id: created.id }).catch((error: Error) => error.message)).toMatch(/不存在/);
  });

  it('computes pinyin initials of names', () => {
    expect(nameInitials('虎门制鞋有限公司')).toBe('hmzxyxgs');
    expect(nameInitials('ABC化工（东莞）有限公司')).toBe('abchgdgyxgs');
  });
});
