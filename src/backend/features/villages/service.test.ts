import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
beforeEach(async () => {
  backend = await makeTestBackend();
});
afterEach(() => backend.dispose());

async function seedThree() {
  const a = await backend.call('villages.create', { name: '东山村', kind: '村', code: '441900117001', population: 3200 });
  backend.clock.advance(1000);
  const b = await backend.call('villages.create', { name: '镇中社区', kind: '社区', population: 12000, contactName: '陈伟明' });
  backend.clock.advance(1000);
  const c = await backend.call('villages.create', { name: '西岭村', kind: '村', population: 800 });
  return { a, b, c };
}

describe('villages', () => {
  it('creates a village with trimmed text, normalized phone and timestamps from the clock', async () => {
    const village = await backend.call('villages.create', {
      name: '  东山村 ',
      kind: '村',
      contactPhone: '0769-8512 3456',
      notes: '',
    });
    expect(village).toMatchObject({
      name: '东山村',
      contactPhone: '0769-85123456',
      notes: null,
      createdAt: '2026-03-15T08:00:00.000Z',
      updatedAt: '2026-03-15T08:00:00.000Z',
    });
  });

  it('rejects a malformed phone number under its field', async () => {
    const result = await backend.dispatch('villages.create', { name: '东山村', kind: '村', contactPhone: '12345' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { contactPhone: expect.stringContaining('手机号') } } });
  });

  it('lists with paging, filters, search and sort done in SQL', async () => {
    await seedThree();
    const all = await backend.call('villages.list', {});
    expect(all.total).toBe(3);
    const byPopulation = await backend.call('villages.list', { sortField: 'population', sortOrder: 'descend' });
    expect(byPopulation.items.map((v) => v.name)).toEqual(['镇中社区', '东山村', '西岭村']);
    const communities = await backend.call('villages.list', { kind: '社区' });
    expect(communities.items.map((v) => v.name)).toEqual(['镇中社区']);
    const page2 = await backend.call('villages.list', { page: 2, pageSize: 2, sortField: 'population', sortOrder: 'ascend' });
    expect(page2).toMatchObject({ total: 3, items: [{ name: '镇中社区' }] });
    expect((await backend.call('villages.list', { q: '陈伟' })).items.map((v) => v.name)).toEqual(['镇中社区']);
    expect((await backend.call('villages.list', { q: '117001' })).items.map((v) => v.name)).toEqual(['东山村']);
    expect((await backend.call('villages.list', { q: '%' })).total).toBe(0);
  });

  it('updates, and refuses a name or code another live village holds', async () => {
    const { a, b } = await seedThree();
    backend.clock.advance(60_000);
    const renamed = await backend.call('villages.update', { id: a.id, name: '东山新村', kind: '村', code: '441900117001' });
    expect(renamed.name).toBe('东山新村');
    expect(renamed.updatedAt).not.toBe(renamed.createdAt);
    const clash = await backend.dispatch('villages.update', { id: b.id, name: '东山新村', kind: '社区' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { name: '已存在名为「东山新村」的村/社区' } } });
    const codeClash = await backend.dispatch('villages.update', { id: b.id, name: '镇中社区', kind: '社区', code: '441900117001' });
    expect(codeClash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { code: '区划代码 441900117001 已被「东山新村」使用' } } });
    expect((await backend.call('villages.get', { id: b.id })).name).toBe('镇中社区');
  });

  it('soft-deletes into the 回收站 and restores', async () => {
    const { a } = await seedThree();
    await backend.call('villages.delete', { id: a.id });
    expect((await backend.call('villages.list', {})).total).toBe(2);
    expect(await backend.dispatch('villages.get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const trash = await backend.call('trash.list', {});
    expect(trash).toEqual({ total: 1, items: [{ entity: 'village', id: a.id, title: '东山村', deletedAt: '2026-03-15T08:00:02.000Z' }] });
    await backend.call('trash.restore', { entity: 'village', id: a.id });
    expect((await backend.call('villages.list', {})).total).toBe(3);
    expect((await backend.call('trash.list', {})).total).toBe(0);
  });

  it('lets a deleted name be reused, then refuses to restore the clashing original', async () => {
    const { a } = await seedThree();
    await backend.call('villages.delete', { id: a.id });
    await backend.call('villages.create', { name: '东山村', kind: '村' });
    const result = await backend.dispatch('trash.restore', { entity: 'village', id: a.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('东山村') } });
    expect((await backend.call('trash.list', {})).total).toBe(1);
  });

  it('purges one item or empties the 回收站 for good', async () => {
    const { a, b, c } = await seedThree();
    for (const { id } of [a, b, c]) await backend.call('villages.delete', { id });
    await backend.call('trash.purge', { entity: 'village', id: a.id });
    expect((await backend.call('trash.list', {})).total).toBe(2);
    expect(await backend.dispatch('trash.restore', { entity: 'village', id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('trash.empty', {})).toEqual({ purged: 2 });
    const count = backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM villages').pluck().get();
    expect(count).toBe(0);
  });

  it('does not delete a village twice', async () => {
    const { a } = await seedThree();
    await backend.call('villages.delete', { id: a.id });
    expect(await backend.dispatch('villages.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
