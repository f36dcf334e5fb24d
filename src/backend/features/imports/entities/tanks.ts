import { isNull } from 'drizzle-orm';
import { tankCreateFields, tankUpdateFields, type Tank } from '../../../../shared/api/tanks';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import { tankPressureClasses, tankStatuses, tankTypes } from '../../../../shared/domain/tank';
import type { HandlerContext, RequestContext } from '../../../api/context';
import { enterprises, idleSites, tanks } from '../../../db/schema';
import { createTank, getTank, updateTank } from '../../tanks/service';
import { cellText, readDate, readNumber, readYesNo, type RawCell } from '../cells';
import { readLocation } from '../places';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { enumReader, labelList, normalizeLabel, splitPersonAndPhone } from '../readers';

type CreateInput = ReturnType<typeof tankCreateFields.parse>;

const fields: ImportFieldSpec[] = [
  {
    key: 'ownerName',
    label: '所属单位',
    required: false,
    hint: '企业名称或四闲场所名称，须与系统中一致（有统一社会信用代码时按代码匹配企业）',
    synonyms: ['所属企业', '企业名称', '单位名称', '所属单位/场所', '所属场所', '场所名称', '储罐所属单位'],
  },
  { key: 'ownerUscc', label: '统一社会信用代码', required: false, hint: '所属企业的代码', synonyms: ['信用代码', '社会信用代码', '企业信用代码'] },
  { key: 'code', label: '罐号', required: true, hint: '同一单位内不重复', synonyms: ['储罐编号', '储罐位号', '位号', '编号'] },
  { key: 'tankFarm', label: '罐区', required: false, hint: '', synonyms: ['所在罐区', '罐区名称'] },
  { key: 'medium', label: '介质', required: false, hint: '', synonyms: ['储存介质', '储存物料', '物料名称', '存储介质'] },
  { key: 'cas', label: 'CAS号', required: false, hint: '按校验位检查', synonyms: ['CAS', 'CAS编号'] },
  { key: 'designCapacityM3', label: '设计容积', required: false, hint: '立方米', synonyms: ['容积', '罐容', '设计容积(m³)', '设计容积(m3)', '容积(m³)'] },
  { key: 'maxStoredT', label: '最大储存量', required: false, hint: '吨', synonyms: ['储存量', '最大储量', '储量', '最大储存量(t)'] },
  { key: 'type', label: '储罐类型', required: false, hint: `${labelList(tankTypes)}，空为立式固定顶`, synonyms: ['罐型', '类型'] },
  { key: 'material', label: '材质', required: false, hint: '', synonyms: ['储罐材质'] },
  { key: 'pressureClass', label: '压力等级', required: false, hint: `${labelList(tankPressureClasses)}，空为常压`, synonyms: ['压力'] },
  { key: 'status', label: '状态', required: false, hint: `${labelList(tankStatuses)}，空为在用（只用于新登记的储罐）`, synonyms: ['使用状态', '储罐状态'] },
  { key: 'publicLabel', label: '公开标识', required: false, hint: '是/否', synonyms: ['是否公开标识', '公开标识情况'] },
  { key: 'responsible', label: '盯靠责任人及电话', required: false, hint: '姓名和电话写在一格', synonyms: ['责任人及电话', '专人盯靠及电话'] },
  { key: 'responsibleName', label: '盯靠责任人', required: false, hint: '', synonyms: ['责任人', '专人盯靠', '盯靠人员'] },
  { key: 'responsiblePhone', label: '责任人电话', required: false, hint: '', synonyms: ['盯靠责任人电话', '联系电话'] },
  { key: 'lastCheckOn', label: '最近检查日期', required: false, hint: '如 2026-03-01、2026.3.1 或 2026年3月1日', synonyms: ['最近检查', '检查日期'] },
  { key: 'registeredOn', label: '登记日期', required: false, hint: '空则为导入当天', synonyms: ['建档日期', '排查日期', '登记时间'] },
  { key: 'longitude', label: '经度', required: false, hint: '', synonyms: [] },
  { key: 'latitude', label: '纬度', required: false, hint: '', synonyms: [] },
  { key: 'notes', label: '备注', required: false, hint: '', synonyms: ['说明'] },
];

const readType = enumReader('储罐类型', tankTypes, { 立式: '立式固定顶', 固定顶: '立式固定顶', 拱顶: '立式固定顶', 卧罐: '卧式', 卧式罐: '卧式', 球形: '球罐' });
const readPressure = enumReader('压力等级', tankPressureClasses, { 常压罐: '常压', 低压罐: '低压', 压力罐: '压力', 高压: '压力' });
const readStatus = enumReader('状态', tankStatuses, { 使用: '在用', 正常: '在用', 使用中: '在用', 停止使用: '停用', 空置: '闲置', 清空: '已清空', 拆除: '已拆除' });

export interface TankLookups {
  enterprisesByUscc: Map<string, { id: number; name: string }>;
  enterprisesByName: Map<string, { id: number; name: string }[]>;
  idleSitesByName: Map<string, { id: number; name: string }[]>;
  /** `e:<id>:<code>` / `s:<id>:<code>` → the live tank. */
  registered: Map<string, number>;
  seen: Map<string, number>;
  today: string;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

type TankWrite = { kind: 'create'; fields: CreateInput } | { kind: 'update'; id: number; fields: Omit<CreateInput, 'status'> };

const editableKeys = Object.keys(tankUpdateFields.shape).filter((key) => key !== 'id');

function editableFieldsOf(tank: Tank): Record<string, unknown> {
  const record = tank as unknown as Record<string, unknown>;
  return Object.fromEntries(editableKeys.map((key) => [key, record[key]]));
}

/** Which import field reports a problem the schema found in one of its fields. */
function fieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string {
  if (key === 'enterpriseId' || key === 'idleSiteId') return mapped.has('ownerUscc') && !mapped.has('ownerName') ? 'ownerUscc' : 'ownerName';
  if (key === 'responsibleName' || key === 'responsiblePhone') return mapped.has(key) ? key : mapped.has('responsible') ? 'responsible' : key;
  return key;
}

/** Tanks from an office's 储罐台账, matched to their owner by USCC or by the enterprise's or idle site's name. */
export const tankImporter: Importer<TankLookups, TankWrite> = {
  entity: 'tanks',
  fields,

  mappingProblems(mapped) {
    const problems: string[] = [];
    if (!mapped.has('ownerName') && !mapped.has('ownerUscc')) problems.push('请为「所属单位」或「统一社会信用代码」至少对应一列，用来找到储罐属于哪家企业或哪处四闲场所');
    if (mapped.has('responsible') && (mapped.has('responsibleName') || mapped.has('responsiblePhone'))) {
      problems.push('「盯靠责任人及电话」与「盯靠责任人」「责任人电话」不能同时对应，请只保留一种');
    }
    return problems;
  },

  prepare(ctx: HandlerContext): TankLookups {
    const { db } = ctx.appDb;
    const enterprisesByUscc = new Map<string, { id: number; name: string }>();
    const enterprisesByName = new Map<string, { id: number; name: string }[]>();
    for (const row of db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(isNull(enterprises.deletedAt)).all()) {
      enterprisesByUscc.set(row.uscc, row);
      push(enterprisesByName, normalizeLabel(row.name), row);
    }
    const idleSitesByName = new Map<string, { id: number; name: string }[]>();
    for (const row of db.select({ id: idleSites.id, name: idleSites.name }).from(idleSites).where(isNull(idleSites.deletedAt)).all()) {
      push(idleSitesByName, normalizeLabel(row.name), row);
    }
    const registered = new Map<string, number>();
    for (const row of db.select({ id: tanks.id, enterpriseId: tanks.enterpriseId, idleSiteId: tanks.idleSiteId, code: tanks.code }).from(tanks).where(isNull(tanks.deletedAt)).all()) {
      registered.set(row.enterpriseId !== null ? `e:${row.enterpriseId}:${row.code}` : `s:${row.idleSiteId}:${row.code}`, row.id);
    }
    const now = ctx.clock.now();
    const pad = (n: number) => String(n).padStart(2, '0');
    return { enterprisesByUscc, enterprisesByName, idleSitesByName, registered, seen: new Map(), today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
  },

  readRow(cells, rowNumber, lookups, mode, ctx, datum): RowResult<TankWrite> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const input: Record<string, unknown> = {};
    for (const key of ['code', 'tankFarm', 'medium', 'cas', 'material', 'responsibleName', 'responsiblePhone', 'notes']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || null;
    }
    if (cells.has('code')) input.code = cellText(cells.get('code')!);
    if (cells.has('responsible')) {
      const person = splitPersonAndPhone(cells.get('responsible')!);
      input.responsibleName = person.name;
      input.responsiblePhone = person.phone;
    }
    if (cells.has('type')) take('type', readType(cells.get('type')!), (value) => (input.type = value));
    if (cells.has('pressureClass')) take('pressureClass', readPressure(cells.get('pressureClass')!), (value) => (input.pressureClass = value));
    if (cells.has('status')) take('status', readStatus(cells.get('status')!), (value) => (input.status = value));
    if (cells.has('publicLabel')) take('publicLabel', readYesNo(cells.get('publicLabel')!), (value) => (input.publicLabel = value));
    if (cells.has('designCapacityM3')) take('designCapacityM3', readNumber(cells.get('designCapacityM3')!, 'm³'), (value) => (input.designCapacityM3 = value));
    if (cells.has('maxStoredT')) take('maxStoredT', readNumber(cells.get('maxStoredT')!, 't'), (value) => (input.maxStoredT = value));
    readLocation(cells, problems, input, datum);
    if (cells.has('lastCheckOn')) take('lastCheckOn', readDate(cells.get('lastCheckOn')!), (value) => (input.lastCheckOn = value));
    input.registeredOn = lookups.today;
    if (cells.has('registeredOn')) take('registeredOn', readDate(cells.get('registeredOn')!), (value) => (input.registeredOn = value ?? lookups.today));

    // The owner: by USCC when given, else by name (an enterprise first, then an idle site).
    const owner = findOwner(cells, lookups);
    if ('problem' in owner) {
      problems.add(owner.field, owner.problem);
      problems.skipSchemaIssues('ownerName', 'ownerUscc');
    } else {
      input.enterpriseId = owner.kind === 'e' ? owner.id : null;
      input.idleSiteId = owner.kind === 's' ? owner.id : null;
    }

    let existingId: number | undefined;
    if (!('problem' in owner) && typeof input.code === 'string' && input.code !== '') {
      const key = `${owner.kind}:${owner.id}:${input.code}`;
      const first = lookups.seen.get(key);
      if (first !== undefined) {
        problems.add('code', `与第 ${first} 行是同一单位的同一罐号`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seen.set(key, rowNumber);
      existingId = lookups.registered.get(key);
      if (existingId !== undefined && mode === 'skip') return { outcome: 'skip', problems: [], note: `${owner.name} 的 ${input.code} 已登记，未改动` };
    }

    const before = existingId !== undefined ? getTank(ctx, existingId) : undefined;
    const mapped = new Set(cells.keys());
    const parsed = before
      ? tankUpdateFields.safeParse({ ...editableFieldsOf(before), ...withoutStatus(input), id: before.id, registeredOn: cells.has('registeredOn') ? input.registeredOn : before.registeredOn })
      : tankCreateFields.safeParse(input);
    if (!parsed.success) problems.addSchemaIssues(parsed.error, (key) => fieldOfSchemaKey(key, mapped), (field) => mapped.has(field));
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    if (before) {
      const { id, ...fields } = parsed.data as ReturnType<typeof tankUpdateFields.parse>;
      const statusNote = typeof input.status === 'string' && input.status !== before.status ? '；文件中的状态未采用，请用“变更状态”记录日期和原因' : '';
      const same = editableKeys.every((key) => ((fields as Record<string, unknown>)[key] ?? null) === (editableFieldsOf(before)[key] ?? null));
      if (same) return { outcome: 'unchanged', problems: [], note: `与已登记的 ${before.ownerName} ${before.code} 相同${statusNote}` };
      return { outcome: 'update', problems: [], note: `更新 ${before.ownerName} ${before.code}${statusNote}`, write: { kind: 'update', id, fields } };
    }
    return { outcome: 'create', problems: [], write: { kind: 'create', fields: parsed.data as CreateInput } };
  },

  write(ctx: RequestContext, write: TankWrite) {
    if (write.kind === 'create') createTank(ctx, write.fields);
    else updateTank(ctx, { id: write.id, ...write.fields });
  },
};

function withoutStatus(input: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = input;
  return rest;
}

type OwnerMatch = { kind: 'e' | 's'; id: number; name: string } | { problem: string; field: string };

function findOwner(cells: ReadonlyMap<string, RawCell>, lookups: TankLookups): OwnerMatch {
  const uscc = cells.has('ownerUscc') ? normalizeUscc(cellText(cells.get('ownerUscc')!)) : '';
  if (uscc !== '') {
    const enterprise = lookups.enterprisesByUscc.get(uscc);
    if (enterprise) return { kind: 'e', ...enterprise };
    return { field: 'ownerUscc', problem: `统一社会信用代码 ${uscc} 没有登记的企业，请先登记该企业` };
  }
  const name = cells.has('ownerName') ? cellText(cells.get('ownerName')!) : '';
  if (name === '') return { field: cells.has('ownerName') ? 'ownerName' : 'ownerUscc', problem: '请填写所属单位（企业或四闲场所名称）或统一社会信用代码' };
  const key = normalizeLabel(name);
  const matches = lookups.enterprisesByName.get(key) ?? [];
  if (matches.length === 1) return { kind: 'e', ...matches[0] };
  if (matches.length > 1) return { field: 'ownerName', problem: `有 ${matches.length} 家企业叫「${name}」，请改用统一社会信用代码` };
  const sites = lookups.idleSitesByName.get(key) ?? [];
  if (sites.length === 1) return { kind: 's', ...sites[0] };
  if (sites.length > 1) return { field: 'ownerName', problem: `有 ${sites.length} 处四闲场所叫「${name}」，无法确定是哪一处` };
  return { field: 'ownerName', problem: `「${name}」不是已登记的企业或四闲场所，请先登记或改正名称` };
}
