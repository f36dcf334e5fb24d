import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
let eastId: number;
let westId: number;
beforeEach(async () => {
  backend = await makeTestBackend();
  eastId = (await backend.call('villages.create', { name: '东山村', kind: '村' })).id;
  westId = (await backend.call('villages.create', { name: '西岭村', kind: '村' })).id;
});
afterEach(() => backend.dispose());

describe('grid workers', () => {
  it('are assigned to villages, listed with them, and filter the enterprise list', async () => {
    const worker = await backend.call('gridWorkers.create', { name: '钟文斌', phone: '13912345678', villageIds: [eastId, westId] });
    expect(worker).toMatchObject({ villageNames: ['东山村', '西岭村'], enterpriseCount: 0, kind: '村（社区）网格员' });
    await backend.call('enterprises.create', {
      name: '东山五金厂',
      uscc: '91110108551385082Q',
      villageId: eastId,
      industry: '工贸-机械',
      riskLevel: 'blue',
      gridWorkerId: worker.id,
    });
    expect((await backend.call('gridWorkers.list', { villageId: westId })).items[0]).toMatchObject({ name: '钟文斌', enterpriseCount: 1 });
    expect((await backend.call('gridWorkers.options', { villageId: eastId })).map((w) => w.name)).toEqual(['钟文斌']);
    expect((await backend.call('enterprises.list', { gridWorkerId: worker.id })).items.map((e) => e.gridWorkerName)).toEqual(['钟文斌']);
    const blocked = await backend.dispatch('villages.delete', { id: westId });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('网格员 1 条') } });
  });

  it('need at least one village', async () => {
    const result = await backend.dispatch('gridWorkers.create', { name: '钟文斌', villageIds: [] });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { villageIds: '请至少选择一个负责的村/社区' } } });
  });

  it('cannot be deleted while responsible for enterprises', async () => {
    const worker = await backend.call('gridWorkers.create', { name: '钟文斌', villageIds: [eastId] });
    await backend.call('enterprises.create', {
      name: '东山五金厂',
      uscc: '91110108551385082Q',
      villageId: eastId,
      industry: '工贸-机械',
      riskLevel: 'blue',
      gridWorkerId: worker.id,
    });
    const result = await backend.dispatch('gridWorkers.delete', { id: worker.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('负责的企业 1 条') } });
  });

  it('re-assigns villages on update and records the change', async () => {
    const worker = await backend.call('gridWorkers.create', { name: '钟文斌', villageIds: [eastId] });
    const updated = await backend.call('gridWorkers.update', { id: worker.id, name: '钟文斌', villageIds: [westId] });
    expect(updated.villageNames).toEqual(['西岭村']);
    const history = await backend.call('audit.forRecord', { entity: 'gridWorker', entityId: worker.id });
    expect(history.items[0].changes).toEqual([{ field: 'villageNames', before: ['东山村'], after: ['西岭村'] }]);
  });
});
