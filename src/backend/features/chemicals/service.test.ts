import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { findCasProblem } from '../../../shared/domain/cas';
import { chemicalCatalogueSeed, seedChemicalCatalogue } from './seed';
import { chemicalLinks } from './service';

let backend: TestBackend;
beforeEach(async () => {
  backend = await makeTestBackend();
});
afterEach(() => backend.dispose());

const benzene = {
  name: '苯',
  aliases: '纯苯, 困苯',
  cas: '71-43-2',
  hazardClass: '易燃液体，类别2',
  criticalQuantity: 50,
  criticalQuantityRef: 'GB 18218-2018 表1',
};

const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);

describe('the seed catalogue', () => {
  it('cites only GB 18218-2018 and carries valid CAS numbers', () => {
    for (const entry of chemicalCatalogueSeed) {
      expect(findCasProblem(entry.cas!), entry.name).toBeNull();
      expect(entry.criticalQuantityRef).toMatch(/^GB 18218-2018 表1/);
      if (entry.beta != null) expect(entry.betaRef).toMatch(/^GB 18218-2018 表3/);
    }
  });

  it('is in every new database after the first run, and is not added twice', async () => {
    const list = await backend.call('chemicals.list', { pageSize: 100 });
    expect(list.items.map(({ name, cas, criticalQuantity, beta }) => ({ name, cas, criticalQuantity, beta }))).toEqual([
      { name: '氨', cas: '7664-41-7', criticalQuantity: 10, beta: 2 },
      { name: '氯', cas: '7782-50-5', criticalQuantity: 5, beta: 4 },
      { name: '汽油', cas: '86290-81-5', criticalQuantity: 200, beta: null },
      { name: '液化石油气', cas: '68476-85-7', criticalQuantity: 50, beta: null },
      { name: '甲醇', cas: '67-56-1', criticalQuantity: 500, beta: null },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(list.items.find((item) => item.name === '汽油')).toMatchObject({ aliases: '乙醇汽油、甲醇汽油', criticalQuantityRef: 'GB 18218-2018 表1' });
    expect(seedChemicalCatalogue(backend.ctx)).toBe(0);
    expect((await backend.call('chemicals.list', {})).total).toBe(5);
    // The seed is the starting state, not somebody's change.
    expect((await backend.call('audit.list', { entity: 'chemical' })).total).toBe(0);
  });

  it('is also in a database set up with the demo town', async () => {
    const demo = await makeTestBackend({ loadDemo: true });
    try {
      expect(names(await demo.call('chemicals.list', { q: '氨' }))).toEqual(['氨']);
    } finally {
      demo.dispose();
    }
  });

  it('is not there before the first run', async () => {
    const fresh = await makeTestBackend({ setup: false });
    try {
      expect(fresh.ctx.appDb.sqlite.prepare('SELECT count(*) FROM chemicals').pluck().get()).toBe(0);
    } finally {
      fresh.dispose();
    }
  });
});

describe('chemicals', () => {
  it('creates an entry with normalized CAS and aliases, and records it in the audit log', async () => {
    const created = await backend.call('chemicals.create', { ...benzene, cas: '７１－４３－２', notes: '' });
    expect(created).toMatchObject({
      name: '苯',
      aliases: '纯苯、困苯',
      cas: '71-43-2',
      criticalQuantity: 50,
      beta: null,
      betaRef: null,
      notes: null,
      createdAt: '2026-03-15T08:00:00.000Z',
    });
    expect(await backend.call('chemicals.get', { id: created.id })).toEqual(created);
    const log = await backend.call('audit.list', { entity: 'chemical' });
    expect(log.items).toMatchObject([{ action: 'create', entityTitle: '苯', userName: '管理员' }]);
  });

  it('explains a wrong CAS check digit under the CAS field', async () => {
    const result = await backend.dispatch('chemicals.create', { ...benzene, cas: '71-43-3' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { cas: 'CAS 号校验位应为“2”，当前为“3”，请核对前面的数字' } },
    });
    const malformed = await backend.dispatch('chemicals.create', { ...benzene, cas: '7143-2' });
    expect(malformed).toMatchObject({ ok: false, error: { fieldErrors: { cas: expect.stringContaining('格式') } } });
  });

  it('refuses Q or β without their source, and non-positive values, under the fields', async () => {
    const noRefs = await backend.dispatch('chemicals.create', { name: '苯', criticalQuantity: 50, beta: 1.5, criticalQuantityRef: ' ' });
    expect(noRefs).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fieldErrors: {
          criticalQuantityRef: '请注明临界量的出处，如 GB 18218-2018 表1',
          betaRef: '请注明校正系数β的出处，如 GB 18218-2018 表3',
        },
      },
    });
    const zero = await backend.dispatch('chemicals.create', { name: '苯', criticalQuantity: 0, criticalQuantityRef: '表1' });
    expect(zero).toMatchObject({ ok: false, error: { fieldErrors: { criticalQuantity: '临界量须大于 0' } } });
    const noName = await backend.dispatch('chemicals.create', { name: '' });
    expect(noName).toMatchObject({ ok: false, error: { fieldErrors: { name: '请填写名称' } } });
    // An entry without Q is allowed: the office may know the substance before it has checked the standard.
    expect(await backend.call('chemicals.create', { name: '苯' })).toMatchObject({ criticalQuantity: null, criticalQuantityRef: null });
  });

  it('searches name, aliases and CAS number; sorts and pages in SQL', async () => {
    await backend.call('chemicals.create', benzene);
    expect(names(await backend.call('chemicals.list', { q: '困苯' }))).toEqual(['苯']);
    expect(names(await backend.call('chemicals.list', { q: '71-43' }))).toEqual(['苯']);
    expect(names(await backend.call('chemicals.list', { q: '７６６４' }))).toEqual(['氨']);
    expect(names(await backend.call('chemicals.list', { q: '液氨' }))).toEqual(['氨']);
    // 甲醇 by name, 汽油 by its alias 甲醇汽油.
    expect(names(await backend.call('chemicals.list', { q: '甲醇' }))).toEqual(['汽油', '甲醇']);
    expect((await backend.call('chemicals.list', { q: '%' })).total).toBe(0);
    const byQ = await backend.call('chemicals.list', { sortField: 'criticalQuantity', sortOrder: 'descend', page: 2, pageSize: 2 });
    // Q 500, 200, 50, 50 …: equal Q keep the order they were entered in (id), so pages never overlap.
    expect(byQ).toMatchObject({ total: 6, items: [{ name: '液化石油气' }, { name: '苯' }] });
    expect(await backend.call('chemicals.options', { q: '氯' })).toEqual([{ id: expect.any(Number), name: '氯', cas: '7782-50-5', criticalQuantity: 5, beta: 4 }]);
    expect((await backend.call('chemicals.options', {})).map((option) => option.name)).toHaveLength(6);
  });

  it('updates with an audit diff, and refuses a name another live entry holds, in Chinese under 名称', async () => {
    const created = await backend.call('chemicals.create', benzene);
    backend.clock.advance(60_000);
    const updated = await backend.call('chemicals.update', { ...benzene, id: created.id, beta: 1.5, betaRef: 'GB 18218-2018 表4' });
    expect(updated).toMatchObject({ beta: 1.5, updatedAt: '2026-03-15T08:01:00.000Z', createdAt: created.createdAt });
    const log = await backend.call('audit.list', { entity: 'chemical', action: 'update' });
    expect(log.items[0].changes).toEqual([
      { field: 'beta', before: null, after: 1.5 },
      { field: 'betaRef', before: null, after: 'GB 18218-2018 表4' },
    ]);
    const clash = await backend.dispatch('chemicals.update', { ...benzene, id: created.id, name: '氨' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', fieldErrors: { name: '目录中已有名为「氨」的化学品' } } });
    const duplicate = await backend.dispatch('chemicals.create', { name: ' 苯 ' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '目录中已有名为「苯」的化学品' } });
    expect(await backend.dispatch('chemicals.update', { ...benzene, id: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('soft-deletes into the 回收站 and restores', async () => {
    const created = await backend.call('chemicals.create', benzene);
    backend.clock.advance(1000);
    await backend.call('chemicals.delete', { id: created.id });
    expect(names(await backend.call('chemicals.list', { q: '苯' }))).toEqual([]);
    expect(await backend.dispatch('chemicals.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await backend.call('chemicals.options', {})).some((option) => option.id === created.id)).toBe(false);
    expect(await backend.call('trash.list', {})).toEqual({
      total: 1,
      items: [{ entity: 'chemical', id: created.id, title: '苯', deletedAt: '2026-03-15T08:00:01.000Z' }],
    });
    await backend.call('trash.restore', { entity: 'chemical', id: created.id });
    expect(names(await backend.call('chemicals.list', { q: '苯' }))).toEqual(['苯']);
    expect(await backend.dispatch('chemicals.delete', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets a deleted name be reused, then refuses to restore the clashing original', async () => {
    const created = await backend.call('chemicals.create', benzene);
    await backend.call('chemicals.delete', { id: created.id });
    await backend.call('chemicals.create', { name: '苯' });
    const restore = await backend.dispatch('trash.restore', { entity: 'chemical', id: created.id });
    expect(restore).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('苯') } });
  });

  it('refuses to delete an entry something still points at, naming it', async () => {
    const created = await backend.call('chemicals.create', benzene);
    const counter = { label: '储罐', count: () => 2, examples: () => ['T-01', 'T-02'] };
    chemicalLinks.push(counter);
    try {
      const result = await backend.dispatch('chemicals.delete', { id: created.id });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('储罐 2 条（如 T-01、T-02）') } });
    } finally {
      chemicalLinks.splice(chemicalLinks.indexOf(counter), 1);
    }
    expect(names(await backend.call('chemicals.list', { q: '苯' }))).toEqual(['苯']);
  });

  it('lets 只读 users read but not write', async () => {
    const created = await backend.call('chemicals.create', benzene);
    const reader = await backend.loginAs('readonly');
    expect((await backend.call('chemicals.list', {}, reader)).total).toBe(6);
    expect((await backend.call('chemicals.options', {}, reader)).length).toBe(6);
    for (const [name, input] of [
      ['chemicals.create', { name: '乙醇' }],
      ['chemicals.update', { ...benzene, id: created.id, name: '纯苯' }],
      ['chemicals.delete', { id: created.id }],
    ] as const) {
      expect(await backend.dispatch(name, input, reader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await backend.call('chemicals.get', { id: created.id })).name).toBe('苯');
  });
});
