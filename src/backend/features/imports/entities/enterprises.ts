import { enterpriseFields, type Enterprise } from '../../../../shared/api/enterprises';
import {
  enterpriseStatuses,
  industries,
  riskLevelLabels,
  riskLevelShortLabels,
  riskLevels,
  standardizationLevels,
  type RiskLevel,
} from '../../../../shared/domain/enterprise';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import type { HandlerContext, RequestContext } from '../../../api/context';
import { enterprises } from '../../../db/schema';
import { createEnterprise, getEnterprise, updateEnterprise } from '../../enterprises/service';
import { cellText, readNumber, readYesNo } from '../cells';
import { loadPlaces, readGridWorker, readLocation, readVillage, type PlaceLookups } from '../places';
import { enumReader, labelList, splitPersonAndPhone } from '../readers';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';

type EnterpriseInput = ReturnType<typeof enterpriseFields.parse>;


const fields: ImportFieldSpec[] = [
  { key: 'name', label: '企业名称', required: true, hint: '必填', synonyms: ['单位名称', '企业(单位)名称', '生产经营单位名称', '企业全称', '名称'] },
  {
    key: 'uscc',
    label: '统一社会信用代码',
    required: true,
    hint: '18 位，按校验位检查；已登记的企业按“重复处理”跳过或更新',
    synonyms: ['信用代码', '社会信用代码', '统一代码', '统一社会信用代码证号', '营业执照号码'],
  },
  {
    key: 'village',
    label: '所属村/社区',
    required: true,
    hint: '须与系统中的村/社区名称一致',
    synonyms: ['所属村(社区)', '村/社区', '村(社区)', '所属村', '所在村', '所在村(社区)', '村居', '所属社区', '村委会'],
  },
  { key: 'address', label: '地址', required: false, hint: '', synonyms: ['企业地址', '详细地址', '经营地址', '生产经营地址', '注册地址', '地点'] },
  { key: 'industry', label: '行业领域', required: true, hint: labelList(industries), synonyms: ['行业', '行业类别', '所属行业', '行业类型', '行业分类'] },
  { key: 'supervisingDept', label: '行业主管部门', required: false, hint: '', synonyms: ['主管部门', '监管部门', '行业监管部门'] },
  {
    key: 'riskLevel',
    label: '风险等级',
    required: true,
    hint: '重大/较大/一般/低，或 红/橙/黄/蓝',
    synonyms: ['风险级别', '安全风险等级', '风险分级', '四色风险', '风险颜色'],
  },
  { key: 'keySupervised', label: '重点监管', required: false, hint: '是/否，空为否', synonyms: ['是否重点监管', '重点监管企业'] },
  { key: 'standardization', label: '标准化等级', required: false, hint: `${labelList(standardizationLevels)}，空为未定级`, synonyms: ['安全生产标准化等级', '标准化', '标准化达标等级'] },
  { key: 'majorHazard', label: '重大危险源', required: false, hint: '是/否，空为否', synonyms: ['是否重大危险源', '是否构成重大危险源'] },
  { key: 'principal', label: '主要负责人及电话', required: false, hint: '姓名和电话写在一格，如“张三 13800000000”', synonyms: ['负责人及电话', '主要负责人及联系电话', '负责人及联系方式'] },
  { key: 'principalName', label: '主要负责人', required: false, hint: '', synonyms: ['负责人', '法定代表人', '法人代表', '法人', '企业负责人'] },
  { key: 'principalPhone', label: '主要负责人电话', required: false, hint: '手机或座机', synonyms: ['负责人电话', '联系电话', '负责人联系电话', '法人电话', '联系方式'] },
  { key: 'safetyManager', label: '安全管理人员及电话', required: false, hint: '姓名和电话写在一格', synonyms: ['安全负责人及电话', '安全管理人员及联系电话'] },
  { key: 'safetyManagerName', label: '安全管理人员', required: false, hint: '', synonyms: ['安全负责人', '安全员', '安全管理员'] },
  { key: 'safetyManagerPhone', label: '安全管理人员电话', required: false, hint: '手机或座机', synonyms: ['安全负责人电话', '安全员电话', '安全管理员电话'] },
  { key: 'employees', label: '从业人员', required: false, hint: '整数', synonyms: ['从业人员数', '从业人数', '职工人数', '员工人数', '员工数'] },
  { key: 'status', label: '经营状态', required: false, hint: `${labelList(enterpriseStatuses)}，空为在产`, synonyms: ['生产状态', '企业状态', '状态', '生产经营状态'] },
  { key: 'gridWorker', label: '网格员', required: false, hint: '须与系统中的网格员姓名一致', synonyms: ['网格员姓名', '包片网格员'] },
  { key: 'longitude', label: '经度', required: false, hint: '十进制度，如 113.62', synonyms: [] },
  { key: 'latitude', label: '纬度', required: false, hint: '十进制度，如 22.84', synonyms: [] },
  { key: 'notes', label: '备注', required: false, hint: '', synonyms: ['说明'] },
];

/** Which import field reports a problem the schema found in one of its fields. */
function fieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string | null {
  switch (key) {
    case 'villageId':
      return 'village';
    case 'gridWorkerId':
      return 'gridWorker';
    case 'principalName':
    case 'principalPhone':
      return mapped.has(key) ? key : mapped.has('principal') ? 'principal' : key;
    case 'safetyManagerName':
    case 'safetyManagerPhone':
      return mapped.has(key) ? key : mapped.has('safetyManager') ? 'safetyManager' : key;
    default:
      return key;
  }
}

// --- reading the enum columns -------------------------------------------------------------------------------

const riskAliases: Record<string, RiskLevel> = {};
for (const level of riskLevels) {
  const short = riskLevelShortLabels[level];
  const word = riskLevelLabels[level].replace(/（.*$/, ''); // 重大风险
  for (const alias of [riskLevelLabels[level], short, `${short}色`, word, word.replace('风险', ''), `${word}(${short}色)`, `${short}色风险`]) {
    riskAliases[alias] = level;
  }
}
const readRiskLevel = enumReader('风险等级', riskLevels, riskAliases, ['重大', '较大', '一般', '低（或 红、橙、黄、蓝）']);

const industryAliases: Record<string, (typeof industries)[number]> = {
  其它: '其他',
  危险化学品生产: '危化生产',
  危化品生产: '危化生产',
  危险化学品经营: '危化经营(带储存)',
  危化经营: '危化经营(带储存)',
  化工企业: '化工',
  医药企业: '医药',
  工贸: '其他',
};
for (const industry of industries) {
  if (industry.startsWith('工贸-')) industryAliases[industry.slice(3)] = industry; // 机械 → 工贸-机械
}
delete industryAliases['工贸'];
const readIndustry = enumReader('行业领域', industries, industryAliases);

const readStandardization = enumReader('标准化等级', standardizationLevels, {
  一级企业: '一级',
  二级企业: '二级',
  三级企业: '三级',
  '1级': '一级',
  '2级': '二级',
  '3级': '三级',
  无: '未定级',
  未达标: '未定级',
  未评级: '未定级',
  '-': '未定级',
  '/': '未定级',
});

const readStatus = enumReader('经营状态', enterpriseStatuses, {
  正常: '在产',
  生产: '在产',
  在营: '在产',
  营业: '在产',
  正常生产: '在产',
  停业: '停产',
  歇业: '停产',
  停产整顿: '停产',
  关停: '关闭',
  吊销: '注销',
  已注销: '注销',
  已关闭: '关闭',
});

// --- lookups -------------------------------------------------------------------------------------------------

interface Registered {
  id: number;
  name: string;
  deleted: boolean;
}

export interface EnterpriseLookups extends PlaceLookups {
  registered: Map<string, Registered>;
  /** USCC → the row of this file that first carries it. */
  seen: Map<string, number>;
}

type EnterpriseWrite = { kind: 'create'; fields: EnterpriseInput } | { kind: 'update'; id: number; fields: EnterpriseInput };

const editableKeys = Object.keys(enterpriseFields.shape) as (keyof EnterpriseInput)[];

function editableFieldsOf(enterprise: Enterprise): Record<string, unknown> {
  const record = enterprise as unknown as Record<string, unknown>;
  return Object.fromEntries(editableKeys.map((key) => [key, record[key]]));
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return editableKeys.every((key) => (a[key] ?? null) === (b[key] ?? null));
}

/** Enterprises (一企一档) from an office's enterprise ledger; duplicates by 统一社会信用代码. */
export const enterpriseImporter: Importer<EnterpriseLookups, EnterpriseWrite> = {
  entity: 'enterprises',
  fields,

  mappingProblems(mapped) {
    const problems: string[] = [];
    if (mapped.has('principal') && (mapped.has('principalName') || mapped.has('principalPhone'))) {
      problems.push('「主要负责人及电话」与「主要负责人」「主要负责人电话」不能同时对应，请只保留一种');
    }
    if (mapped.has('safetyManager') && (mapped.has('safetyManagerName') || mapped.has('safetyManagerPhone'))) {
      problems.push('「安全管理人员及电话」与「安全管理人员」「安全管理人员电话」不能同时对应，请只保留一种');
    }
    return problems;
  },

  prepare(ctx: HandlerContext): EnterpriseLookups {
    const { db } = ctx.appDb;
    const registered = new Map<string, Registered>();
    const rows = db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, deletedAt: enterprises.deletedAt }).from(enterprises).all();
    for (const row of rows) {
      // A live holder wins over one in the 回收站.
      if (!registered.has(row.uscc) || row.deletedAt === null) registered.set(row.uscc, { id: row.id, name: row.name, deleted: row.deletedAt !== null });
    }
    return { ...loadPlaces(ctx), registered, seen: new Map() };
  },

  readRow(cells, rowNumber, lookups, mode, ctx, datum): RowResult<EnterpriseWrite> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const input: Record<string, unknown> = {};
    const text = (field: string, target = field) => {
      if (cells.has(field)) input[target] = cellText(cells.get(field)!) || null;
    };

    for (const key of ['name', 'address', 'supervisingDept', 'principalName', 'principalPhone', 'safetyManagerName', 'safetyManagerPhone', 'notes']) {
      text(key);
    }
    if (cells.has('name')) input.name = cellText(cells.get('name')!);
    if (cells.has('uscc')) input.uscc = normalizeUscc(cellText(cells.get('uscc')!));
    for (const [combined, nameKey, phoneKey] of [
      ['principal', 'principalName', 'principalPhone'],
      ['safetyManager', 'safetyManagerName', 'safetyManagerPhone'],
    ] as const) {
      if (!cells.has(combined)) continue;
      const person = splitPersonAndPhone(cells.get(combined)!);
      input[nameKey] = person.name;
      input[phoneKey] = person.phone;
    }
    if (cells.has('industry')) take('industry', readIndustry(cells.get('industry')!), (value) => (input.industry = value));
    if (cells.has('riskLevel')) take('riskLevel', readRiskLevel(cells.get('riskLevel')!), (value) => (input.riskLevel = value));
    if (cells.has('standardization')) take('standardization', readStandardization(cells.get('standardization')!), (value) => (input.standardization = value));
    if (cells.has('status')) take('status', readStatus(cells.get('status')!), (value) => (input.status = value));
    for (const key of ['keySupervised', 'majorHazard']) {
      if (cells.has(key)) take(key, readYesNo(cells.get(key)!), (value) => (input[key] = value));
    }
    if (cells.has('employees')) take('employees', readNumber(cells.get('employees')!, '人'), (value) => (input.employees = value));
    readLocation(cells, problems, input, datum);

    let villageId: number | undefined;
    if (cells.has('village')) take('village', readVillage(lookups, cells.get('village')!), (value) => (villageId = input.villageId = value));
    if (cells.has('gridWorker')) take('gridWorker', readGridWorker(lookups, cells.get('gridWorker')!, villageId), (value) => (input.gridWorkerId = value));

    // Duplicates: within the file, then against what is registered.
    const uscc = typeof input.uscc === 'string' ? input.uscc : '';
    let existing: Registered | undefined;
    if (uscc !== '') {
      const first = lookups.seen.get(uscc);
      if (first !== undefined) {
        problems.add('uscc', `与第 ${first} 行的统一社会信用代码重复`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seen.set(uscc, rowNumber);
      existing = lookups.registered.get(uscc);
      if (existing?.deleted) {
        problems.add('uscc', `该代码属于回收站中的「${existing.name}」，请先在回收站中恢复该企业`);
        return { outcome: 'invalid', problems: problems.list };
      }
      if (existing && mode === 'skip') return { outcome: 'skip', problems: [], note: `已登记为「${existing.name}」，未改动` };
    }

    // Updating keeps what the file does not say: its columns go over the registered record.
    const before = existing ? editableFieldsOf(getEnterprise(ctx, existing.id)) : undefined;
    const merged = before ? { ...before, ...input } : input;
    const parsed = enterpriseFields.safeParse(merged);
    const mapped = new Set(cells.keys());
    if (!parsed.success) problems.addSchemaIssues(parsed.error, (key) => fieldOfSchemaKey(key, mapped), (field) => mapped.has(field) || !before);
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    if (existing && before) {
      if (sameFields(before, parsed.data as unknown as Record<string, unknown>)) {
        return { outcome: 'unchanged', problems: [], note: `与已登记的「${existing.name}」相同` };
      }
      return { outcome: 'update', problems: [], note: `更新已登记的「${existing.name}」`, write: { kind: 'update', id: existing.id, fields: parsed.data } };
    }
    return { outcome: 'create', problems: [], write: { kind: 'create', fields: parsed.data } };
  },

  write(ctx: RequestContext, write: EnterpriseWrite) {
    if (write.kind === 'create') createEnterprise(ctx, write.fields);
    else updateEnterprise(ctx, { id: write.id, ...write.fields });
  },
};
