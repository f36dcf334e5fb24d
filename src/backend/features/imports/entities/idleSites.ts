import { isNull } from 'drizzle-orm';
import { idleSiteFields, idleSitesApi, type IdleSite } from '../../../../shared/api/idleSites';
import { idleSiteDisposals, idleSiteFindings, idleSiteKinds } from '../../../../shared/domain/idleSite';
import type { HandlerContext, RequestContext } from '../../../api/context';
import { idleSites } from '../../../db/schema';
import { createIdleSite, getIdleSite, updateIdleSite } from '../../idleSites/service';
import { cellText, readDate, readYesNo } from '../cells';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { loadPlaces, readGridWorker, readLocation, readVillage, type PlaceLookups } from '../places';
import { enumReader, labelList, normalizeLabel, splitPersonAndPhone } from '../readers';

type CreateInput = ReturnType<typeof idleSiteFields.parse>;
const idleSiteUpdateFields = idleSitesApi['idleSites.update'].input;
type UpdateInput = ReturnType<typeof idleSiteUpdateFields.parse>;

const fields: ImportFieldSpec[] = [
  { key: 'name', label: '场所名称', required: true, hint: '同一村/社区内按名称识别已登记的场所', synonyms: ['名称', '场所', '四闲场所名称'] },
  { key: 'kind', label: '场所类型', required: true, hint: labelList(idleSiteKinds), synonyms: ['类型', '场所类别'] },
  { key: 'village', label: '所属村/社区', required: true, hint: '须与系统中的村/社区名称一致', synonyms: ['所属村(社区)', '村/社区', '村(社区)', '所属村', '所在村'] },
  { key: 'address', label: '地址', required: false, hint: '', synonyms: ['详细地址', '场所地址', '位置'] },
  { key: 'owner', label: '户主/产权人及电话', required: false, hint: '姓名和电话写在一格', synonyms: ['产权人及电话', '户主及电话'] },
  { key: 'ownerName', label: '户主/产权人', required: false, hint: '', synonyms: ['户主', '产权人', '所有人', '业主'] },
  { key: 'ownerPhone', label: '联系电话', required: false, hint: '', synonyms: ['户主电话', '产权人电话'] },
  { key: 'currentUse', label: '现用途', required: false, hint: '', synonyms: ['用途', '使用情况', '现状'] },
  { key: 'finding', label: '排查发现', required: false, hint: `${labelList(idleSiteFindings)}，空为无违法`, synonyms: ['发现问题', '排查结果', '违法情况'] },
  { key: 'disposal', label: '处置措施', required: false, hint: `${labelList(idleSiteDisposals)}，空为无需处置`, synonyms: ['处置情况', '处置结果', '整治措施'] },
  { key: 'sealed', label: '贴封条', required: false, hint: '是/否', synonyms: ['是否贴封条', '张贴封条'] },
  { key: 'sampled', label: '抽样化验', required: false, hint: '是/否', synonyms: ['是否抽样化验', '抽样'] },
  { key: 'foundOn', label: '排查日期', required: true, hint: '如 2026-03-01、2026.3.1 或 2026年3月1日', synonyms: ['排查时间', '检查日期'] },
  { key: 'disposedOn', label: '处置日期', required: false, hint: '处置措施为停业整顿/取缔/关闭/清理完毕/贴封条时必填', synonyms: ['处置时间'] },
  { key: 'gridWorker', label: '网格员', required: false, hint: '须与系统中的网格员姓名一致', synonyms: ['网格员姓名'] },
  { key: 'longitude', label: '经度', required: false, hint: '', synonyms: [] },
  { key: 'latitude', label: '纬度', required: false, hint: '', synonyms: [] },
  { key: 'notes', label: '备注', required: false, hint: '', synonyms: ['说明'] },
];

const readKind = enumReader('场所类型', idleSiteKinds, { 闲置厂房: '厂房', 闲置院落: '院落', 闲置仓库: '仓库', 闲置场地: '场地', 空地: '场地' });
const readFinding = enumReader('排查发现', idleSiteFindings, { 无: '无违法', 正常: '无违法', 未发现问题: '无违法', 违法储存: '非法储存', 违法生产: '非法生产' });
const readDisposal = enumReader('处置措施', idleSiteDisposals, { 无: '无需处置', 清理: '清理完毕', 已清理: '清理完毕', 封条: '贴封条', 查封: '贴封条', 停业: '停业整顿' });

export interface IdleSiteLookups extends PlaceLookups {
  /** `<villageId>:<normalized name>` → the live site. */
  registered: Map<string, number>;
  seen: Map<string, number>;
}

type IdleSiteWrite = { kind: 'create'; fields: CreateInput } | { kind: 'update'; fields: UpdateInput };

const editableKeys = [
  'name', 'kind', 'address', 'villageId', 'ownerName', 'ownerPhone', 'currentUse', 'finding', 'disposal',
  'sealed', 'sampled', 'foundOn', 'disposedOn', 'gridWorkerId', 'longitude', 'latitude', 'notes',
] as const satisfies readonly (keyof IdleSite)[];

function editableFieldsOf(site: IdleSite): Record<string, unknown> {
  return Object.fromEntries(editableKeys.map((key) => [key, site[key]]));
}

function fieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string {
  if (key === 'villageId') return 'village';
  if (key === 'gridWorkerId') return 'gridWorker';
  if (key === 'ownerName' || key === 'ownerPhone') return mapped.has(key) ? key : mapped.has('owner') ? 'owner' : key;
  return key;
}

/** 四闲场所 from an office's 排查整治台账; a site already registered is known by its name within its village. */
export const idleSiteImporter: Importer<IdleSiteLookups, IdleSiteWrite> = {
  entity: 'idleSites',
  fields,

  mappingProblems(mapped) {
    const problems: string[] = [];
    if (mapped.has('owner') && (mapped.has('ownerName') || mapped.has('ownerPhone'))) {
      problems.push('「户主/产权人及电话」与「户主/产权人」「联系电话」不能同时对应，请只保留一种');
    }
    return problems;
  },

  prepare(ctx: HandlerContext): IdleSiteLookups {
    const registered = new Map<string, number>();
    for (const row of ctx.appDb.db.select({ id: idleSites.id, name: idleSites.name, villageId: idleSites.villageId }).from(idleSites).where(isNull(idleSites.deletedAt)).all()) {
      registered.set(`${row.villageId}:${normalizeLabel(row.name)}`, row.id);
    }
    return { ...loadPlaces(ctx), registered, seen: new Map() };
  },

  readRow(cells, rowNumber, lookups, mode, ctx, datum): RowResult<IdleSiteWrite> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const input: Record<string, unknown> = {};
    for (const key of ['address', 'ownerName', 'ownerPhone', 'currentUse', 'notes']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || null;
    }
    if (cells.has('name')) input.name = cellText(cells.get('name')!);
    if (cells.has('owner')) {
      const person = splitPersonAndPhone(cells.get('owner')!);
      input.ownerName = person.name;
      input.ownerPhone = person.phone;
    }
    if (cells.has('kind')) take('kind', readKind(cells.get('kind')!), (value) => (input.kind = value));
    if (cells.has('finding')) take('finding', readFinding(cells.get('finding')!), (value) => (input.finding = value));
    if (cells.has('disposal')) take('disposal', readDisposal(cells.get('disposal')!), (value) => (input.disposal = value));
    for (const key of ['sealed', 'sampled']) {
      if (cells.has(key)) take(key, readYesNo(cells.get(key)!), (value) => (input[key] = value));
    }
    for (const key of ['foundOn', 'disposedOn']) {
      if (cells.has(key)) take(key, readDate(cells.get(key)!), (value) => (input[key] = value ?? (key === 'foundOn' ? undefined : null)));
    }
    readLocation(cells, problems, input, datum);
    let villageId: number | undefined;
    if (cells.has('village')) take('village', readVillage(lookups, cells.get('village')!), (value) => (villageId = input.villageId = value));
    if (cells.has('gridWorker')) take('gridWorker', readGridWorker(lookups, cells.get('gridWorker')!, villageId), (value) => (input.gridWorkerId = value));

    let existingId: number | undefined;
    if (villageId !== undefined && typeof input.name === 'string' && input.name !== '') {
      const key = `${villageId}:${normalizeLabel(input.name)}`;
      const first = lookups.seen.get(key);
      if (first !== undefined) {
        problems.add('name', `与第 ${first} 行是同一村/社区的同名场所`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seen.set(key, rowNumber);
      existingId = lookups.registered.get(key);
      if (existingId !== undefined && mode === 'skip') return { outcome: 'skip', problems: [], note: `「${input.name}」已登记，未改动` };
    }

    const before = existingId !== undefined ? getIdleSite(ctx, existingId) : undefined;
    const mapped = new Set(cells.keys());
    const parsed = before ? idleSiteUpdateFields.safeParse({ ...editableFieldsOf(before), ...input, id: before.id }) : idleSiteFields.safeParse(input);
    if (!parsed.success) problems.addSchemaIssues(parsed.error, (key) => fieldOfSchemaKey(key, mapped), (field) => mapped.has(field));
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    if (before) {
      const fields = parsed.data as UpdateInput;
      const previous = editableFieldsOf(before);
      if (editableKeys.every((key) => ((fields as Record<string, unknown>)[key] ?? null) === (previous[key] ?? null))) {
        return { outcome: 'unchanged', problems: [], note: `与已登记的「${before.name}」相同` };
      }
      return { outcome: 'update', problems: [], note: `更新已登记的「${before.name}」`, write: { kind: 'update', fields } };
    }
    return { outcome: 'create', problems: [], write: { kind: 'create', fields: parsed.data as CreateInput } };
  },

  write(ctx: RequestContext, write: IdleSiteWrite) {
    if (write.kind === 'create') createIdleSite(ctx, write.fields);
    else updateIdleSite(ctx, write.fields);
  },
};
