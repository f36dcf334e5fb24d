import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultColumnKeys } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { chineseDate } from './service';

let backend: TestBackend;
beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  await backend.call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: null, principal: '陈国华' });
});
afterAll(() => backend.dispose());

describe('ledgers.data', () => {
  it('builds the enterprise ledger: title, unit, date, every matching row in list order, default columns', async () => {
    const village = (await backend.call('villages.options', {}))[0];
    const list = await backend.call('enterprises.list', { villageId: village.id, sortField: 'name', sortOrder: 'ascend', pageSize: 500 });
    const data = await backend.call('ledgers.data', { ledger: 'enterprises', filters: { villageId: village.id }, sortField: 'name', sortOrder: 'ascend' });
    expect(data).toMatchObject({
      title: '示例镇企业基本信息台账',
      orgName: '示例镇应急管理办公室',
      date: chineseDate(backend.clock.now()),
      filterSummary: `筛选条件：所属村/社区：${village.name}`,
      orientation: 'landscape',
      signatures: { preparer: '李丽芳', reviewer: null, principal: '陈国华' },
    });
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('enterprises'));
    expect(data.rows.length).toBe(list.total);
    expect(data.rows.map((row) => row[0])).toEqual(list.items.map((e) => e.name));
    const riskColumn = data.columns.findIndex((column) => column.key === 'riskLevel');
    expect(new Set(data.rows.map((row) => row[riskColumn]))).toEqual(
      new Set(list.items.map((e) => ({ red: '重大风险（红）', orange: '较大风险（橙）', yellow: '一般风险（黄）', blue: '低风险（蓝）' })[e.riskLevel])),
    );
  });

  it('names every filter in the summary line and prints the chosen columns only', async () => {
    const data = await backend.call('ledgers.data', {
      ledger: 'enterprises',
      filters: { riskLevel: 'red', keySupervised: true, q: '有限' },
      columns: ['uscc', 'name', 'keySupervised'],
    });
    expect(data.filterSummary).toBe('筛选条件：风险等级：重大风险（红）；重点监管企业；关键词：“有限”');
    expect(data.columns.map((column) => column.header)).toEqual(['统一社会信用代码', '企业名称', '重点监管']);
    expect(data.rows.every((row) => row[2] === '是' && String(row[1]).includes('有限'))).toBe(true);
  });

  it('refuses a column the ledger does not have', async () => {
    const result = await backend.dispatch('ledgers.data', { ledger: 'enterprises', columns: ['name', 'password'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：password' } } });
  });

  it('builds the village 一览表 in portrait with every village', async () => {
    const data = await backend.call('ledgers.data', { ledger: 'villages', sortField: 'code', sortOrder: 'ascend' });
    expect(data).toMatchObject({ title: '示例镇村（社区）一览表', orientation: 'portrait', filterSummary: '范围：全部' });
    expect(data.rows.length).toBe(30);
    expect(data.rows[0].slice(0, 3)).toEqual(['东山村', '村', '441900117001']);
  });

  it('builds the 网格员名册 in portrait: every grid worker in list order, villages joined with 、', async () => {
    const list = await backend.call('gridWorkers.list', { pageSize: 500 });
    const data = await backend.call('ledgers.data', { ledger: 'gridWorkers' });
    expect(data).toMatchObject({ title: '示例镇网格员名册', orientation: 'portrait', filterSummary: '范围：全部' });
    expect(data.columns.map((column) => column.header)).toEqual(['姓名', '类别', '联系电话', '负责村/社区', '负责企业数']);
    expect(data.columns.find((column) => column.key === 'enterpriseCount')).toMatchObject({ align: 'right' });
    expect(list.total).toBe(40); // the small demo: 32 village and 8 enterprise grid workers
    expect(data.rows).toEqual(
      list.items.map((worker) => [worker.name, worker.kind, worker.phone, worker.villageNames.join('、'), worker.enterpriseCount]),
    );
    // Some demo workers cover more than one village: those are the rows the separator matters for.
    expect(data.rows.some((row) => String(row[3]).includes('、'))).toBe(true);
  });

  it('filters the 网格员名册 by village and keyword like the list, and names both in the summary line', async () => {
    const workers = (await backend.call('gridWorkers.list', { pageSize: 500 })).items;
    const shared = workers.find((worker) => worker.villageIds.length > 1)!;
    const villageId = shared.villageIds[1];
    const villageName = shared.villageNames[1];
    const list = await backend.call('gridWorkers.list', { villageId, pageSize: 500 });
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBeLessThan(workers.length);

    const data = await backend.call('ledgers.data', { ledger: 'gridWorkers', filters: { villageId }, columns: ['name', 'villageNames', 'notes'] });
    expect(data.filterSummary).toBe(`筛选条件：负责村/社区：${villageName}`);
    expect(data.columns.map((column) => column.header)).toEqual(['姓名', '负责村/社区', '备注']);
    expect(data.rows.map((row) => row[0])).toEqual(list.items.map((worker) => worker.name));
    expect(data.rows.every((row) => String(row[1]).split('、').includes(villageName))).toBe(true);

    const surname = shared.name.slice(0, 1);
    const both = await backend.call('ledgers.data', { ledger: 'gridWorkers', filters: { villageId, q: ` ${surname} ` } });
    const bothList = await backend.call('gridWorkers.list', { villageId, q: surname, pageSize: 500 });
    expect(both.filterSummary).toBe(`筛选条件：负责村/社区：${villageName}；关键词：“${surname}”`);
    expect(both.rows.map((row) => row[0])).toEqual(bothList.items.map((worker) => worker.name));
    expect(both.rows.length).toBeGreaterThan(0);
  });

  it('refuses a column the 网格员名册 does not have', async () => {
    const result = await backend.dispatch('ledgers.data', { ledger: 'gridWorkers', columns: ['name', 'uscc'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：uscc' } } });
  });

  it('builds the 储罐台账: by category, grouped by owner, tank farm and code; filters named in the summary line', async () => {
    const data = await backend.call('ledgers.data', { ledger: 'tanks' });
    expect(data).toMatchObject({ title: '示例镇储罐台账', orientation: 'landscape', filterSummary: '范围：全部' });
    const all = await backend.call('tanks.list', { pageSize: 500 });
    expect(data.rows).toHaveLength(all.total);
    expect(data.rows.map((row) => row[4])).toEqual(all.items.map((tank) => tank.code));
    // Categories come in blocks, and within one owner its tanks stay together.
    const categories = data.rows.map((row) => row[0]);
    expect(categories.filter((category, index) => index === 0 || categories[index - 1] !== category)).toEqual(['危化品企业储罐', '一般化工企业储罐', '四闲场所储罐']);

    const unlabelled = await backend.call('ledgers.data', { ledger: 'tanks', filters: { category: '四闲场所储罐', publicLabel: false } });
    expect(unlabelled.filterSummary).toBe('筛选条件：类别：四闲场所储罐；未公开标识');
    const expected = await backend.call('tanks.list', { category: '四闲场所储罐', publicLabel: false, pageSize: 500 });
    expect(expected.total).toBeGreaterThan(0);
    expect(unlabelled.rows).toHaveLength(expected.total);
    const labelColumn = unlabelled.columns.findIndex((column) => column.key === 'publicLabel');
    expect(unlabelled.rows.every((row) => row[0] === '四闲场所储罐' && row[labelColumn] === '否')).toBe(true);
  });

  it('builds the “四闲”场所排查整治台账 with the list’s filters, sort and summary line', async () => {
    const all = await backend.call('ledgers.data', { ledger: 'idleSites', sortField: 'foundOn', sortOrder: 'ascend' });
    expect(all).toMatchObject({ title: '示例镇“四闲”场所排查整治台账', orientation: 'landscape', filterSummary: '范围：全部' });
    expect(all.rows).toHaveLength(342);
    const dates = all.rows.map((row) => row[all.columns.findIndex((column) => column.key === 'foundOn')] as string);
    expect([...dates].sort()).toEqual(dates);

    const banned = await backend.call('ledgers.data', { ledger: 'idleSites', filters: { disposal: '取缔' } });
    expect(banned.filterSummary).toBe('筛选条件：处置措施：取缔');
    expect(banned.rows).toHaveLength((await backend.call('idleSites.list', { disposal: '取缔', pageSize: 1 })).total);
    expect(banned.rows.length).toBe(16);
  });

  it('is readable by a 只读 user (leaders print)', async () => {
    const token = await backend.loginAs('readonly');
    expect(await backend.dispatch('ledgers.data', { ledger: 'villages' }, token)).toMatchObject({ ok: true });
  });
});
