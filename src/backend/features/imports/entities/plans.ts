import { planFields } from '../../../../shared/api/plans';
import { planKinds, planStatuses, reviewKinds, reviewResults, type PlanKind } from '../../../../shared/domain/emergencyPlan';
import { localToday, type HandlerContext, type RequestContext } from '../../../api/context';
import { createPlan, planProblems } from '../../plans/service';
import { cellText, readDate, readNumber, readYesNo, toHalfWidth, type RawCell } from '../cells';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { enumReader, labelList } from '../readers';
import {
  departmentOwner,
  loadOwners,
  ownerFieldOfSchemaKey,
  ownerFields,
  ownerKey,
  ownerKeys,
  readOwner,
  unknownOwnerMessage,
  type OwnerLookups,
  type ResolvedOwner,
} from './planOwners';

type PlanInput = ReturnType<typeof planFields.parse>;

const dateHint = '如 2024-03-05、2024.3.5 或 2024年3月5日';

/** Used when the file has no version column, or leaves it blank: most ledgers list only the plan in force. */
export const defaultPlanVersion = 'V1.0';

const fields: ImportFieldSpec[] = [
  ...ownerFields,
  { key: 'name', label: '预案名称', required: true, hint: '同一单位内按名称识别已登记的预案', synonyms: ['应急预案名称', '预案全称', '名称'] },
  {
    key: 'kind',
    label: '预案类别',
    required: true,
    hint: `${labelList(planKinds)}（可简写为综合、专项、现场处置、总体、部门）；企业为综合/专项/现场处置方案，镇、村（社区）为总体/专项，部门为部门/专项`,
    synonyms: ['预案类型', '预案种类', '预案分类', '类别'],
  },
  { key: 'version', label: '版本号', required: false, hint: `空则为 ${defaultPlanVersion}`, synonyms: ['版本', '预案版本', '现行版本'] },
  { key: 'docNo', label: '文号', required: false, hint: '', synonyms: ['发文字号', '发文文号', '印发文号', '预案文号'] },
  { key: 'issuedOn', label: '发布日期', required: true, hint: `${dateHint}，不能晚于今天`, synonyms: ['发布时间', '印发日期', '颁布日期', '发布实施日期', '实施日期'] },
  {
    key: 'review',
    label: '评审（论证）',
    required: false,
    hint: '评审日期和结论写在一格，如“2024-02-20 通过”（本程序导出的台账即如此）',
    synonyms: ['评审(论证)情况', '评审情况', '评审论证情况'],
  },
  { key: 'reviewKind', label: '评审方式', required: false, hint: `${labelList(reviewKinds)}；填了评审日期而此处空时按“评审”`, synonyms: ['评审/论证', '评审或论证', '评审形式'] },
  { key: 'reviewOn', label: '评审日期', required: false, hint: '不能晚于发布日期', synonyms: ['评审时间', '论证日期', '评审(论证)日期'] },
  { key: 'reviewExperts', label: '评审专家人数', required: false, hint: '整数，如 3 或 3人', synonyms: ['专家人数', '评审专家数', '专家数', '评审专家'] },
  { key: 'reviewResult', label: '评审结论', required: false, hint: labelList(reviewResults), synonyms: ['评审结果', '评审意见', '论证结论'] },
  { key: 'signatory', label: '签署人', required: false, hint: '', synonyms: ['签发人', '批准人', '签署公布人'] },
  { key: 'filingDept', label: '备案部门', required: false, hint: '填了备案日期时必填', synonyms: ['备案机关', '备案单位', '受理备案部门'] },
  { key: 'filingOn', label: '备案日期', required: false, hint: '不早于发布日期、不晚于今天', synonyms: ['备案时间'] },
  { key: 'filingNumber', label: '备案编号', required: false, hint: '', synonyms: ['备案号', '备案登记号', '备案文号'] },
  { key: 'lastEvaluatedOn', label: '最近评估日期', required: false, hint: '不早于发布日期', synonyms: ['评估日期', '最近一次评估日期', '上次评估日期', '最近评估'] },
  { key: 'status', label: '状态', required: false, hint: `${labelList(planStatuses)}，空为现行`, synonyms: ['预案状态', '执行状态'] },
  { key: 'crowdedPlace', label: '人员密集场所', required: false, hint: '是/否，企业为人员密集场所经营单位时填“是”', synonyms: ['是否人员密集场所', '人员密集场所经营单位'] },
  { key: 'notes', label: '备注', required: false, hint: '', synonyms: ['说明'] },
];

const readKind = enumReader('预案类别', planKinds, {
  综合: '综合预案',
  综合应急预案: '综合预案',
  专项: '专项预案',
  专项应急预案: '专项预案',
  现场处置: '现场处置方案',
  现场处置预案: '现场处置方案',
  现场应急处置方案: '现场处置方案',
  处置方案: '现场处置方案',
  总体: '总体预案',
  总体应急预案: '总体预案',
  部门: '部门预案',
  部门应急预案: '部门预案',
});
const readReviewKind = enumReader('评审方式', reviewKinds, { 专家评审: '评审', 内部评审: '评审', 组织评审: '评审', 专家论证: '论证', 内部论证: '论证' });
const readReviewResult = enumReader('评审结论', reviewResults, { 同意: '通过', 合格: '通过', 评审通过: '通过', 原则通过: '修改后通过', 基本通过: '修改后通过', 修改通过: '修改后通过', 未通过: '不通过' });
const readStatus = enumReader('状态', planStatuses, {
  有效: '现行',
  现行有效: '现行',
  生效: '现行',
  在用: '现行',
  正常: '现行',
  修订: '修订中',
  待修订: '修订中',
  需修订: '修订中',
  废止: '已废止',
  作废: '已废止',
  失效: '已废止',
  已失效: '已废止',
});

/** A head count as offices write it: 3, “3人”, “3 名”, “３人”. */
export function readHeadcount(cell: RawCell) {
  if (typeof cell !== 'string') return readNumber(cell);
  const text = toHalfWidth(cell).replace(/\s/g, '');
  return readNumber(cell, ['人次', '人', '名'].find((unit) => text.endsWith(unit)) ?? '');
}

/** “2024-02-20 通过”, “评审 2024.2.20 修改后通过”, “通过”: the review's kind, date and result in one cell. */
function readReview(cell: RawCell, input: Record<string, unknown>, problems: RowProblems): void {
  if (cell instanceof Date || typeof cell === 'number') {
    problems.take('review', readDate(cell), (value) => (input.reviewOn = value));
    return;
  }
  for (const part of toHalfWidth(cellText(cell)).split(/[\s,，;；、]+/)) {
    if (part === '' || /^[-—–]+$/.test(part)) continue;
    const kind = readReviewKind(part);
    const result = readReviewResult(part);
    const date = readDate(part);
    if (kind.ok) input.reviewKind = kind.value;
    else if (result.ok) input.reviewResult = result.value;
    else if (date.ok) input.reviewOn = date.value;
    else problems.add('review', `「${part}」不是评审日期或评审结论（${labelList(reviewResults)}）`, true);
  }
}

export interface PlanLookups extends OwnerLookups {
  /** `<owner key>|<name>` of the live plans. */
  registered: Set<string>;
  /** The same for the file's rows → the row that had it first. */
  seen: Map<string, number>;
  today: string;
}

/** Which import field reports a problem the schema (or a rule) found in one of its fields. */
function fieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string {
  return ownerFieldOfSchemaKey(key, mapped) ?? key;
}

/**
 * 应急预案台账 from an office's spreadsheet (or this program's own export): one row is one plan with its current
 * version, written through `createPlan` so the rules, the audit trail and the due dates are the form's. The owner
 * is found by 所属单位类型 and 所属单位 (an enterprise by its USCC when given); without a type column it is
 * inferred from what the name matches. A plan the owner already has under that name is never changed by an
 * import — revisions keep their history only when made in the program.
 */
export const planImporter: Importer<PlanLookups, PlanInput> = {
  entity: 'plans',
  fields,

  mappingProblems(mapped) {
    const problems: string[] = [];
    if (!ownerKeys.some((key) => mapped.has(key))) problems.push('请为「所属单位」「统一社会信用代码」或「所属单位类型」至少对应一列，用来确定预案属于哪个单位');
    if (mapped.has('review') && (mapped.has('reviewOn') || mapped.has('reviewResult'))) {
      problems.push('「评审（论证）」与「评审日期」「评审结论」不能同时对应，请只保留一种');
    }
    return problems;
  },

  prepare(ctx: HandlerContext): PlanLookups {
    const registered = new Set<string>();
    const rows = ctx.appDb.sqlite
      .prepare('SELECT owner_type AS ownerType, enterprise_id AS enterpriseId, village_id AS villageId, department, name FROM emergency_plans WHERE deleted_at IS NULL')
      .all() as (Parameters<typeof ownerKey>[0] & { name: string })[];
    for (const row of rows) registered.add(`${ownerKey(row)}|${row.name}`);
    return { ...loadOwners(ctx), registered, seen: new Map(), today: localToday(ctx) };
  },

  readRow(cells, rowNumber, lookups): RowResult<PlanInput> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const mapped = new Set(cells.keys());
    const input: Record<string, unknown> = {};
    const notes: string[] = [];

    for (const key of ['docNo', 'signatory', 'filingDept', 'filingNumber', 'notes']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || null;
    }
    if (cells.has('name')) input.name = cellText(cells.get('name')!);
    input.version = (cells.has('version') ? cellText(cells.get('version')!) : '') || defaultPlanVersion;
    let kind: PlanKind | undefined;
    if (cells.has('kind')) take('kind', readKind(cells.get('kind')!), (value) => (kind = input.kind = value));
    if (cells.has('status')) take('status', readStatus(cells.get('status')!), (value) => (input.status = value));
    if (cells.has('reviewKind')) take('reviewKind', readReviewKind(cells.get('reviewKind')!), (value) => (input.reviewKind = value));
    if (cells.has('reviewResult')) take('reviewResult', readReviewResult(cells.get('reviewResult')!), (value) => (input.reviewResult = value));
    if (cells.has('reviewExperts')) take('reviewExperts', readHeadcount(cells.get('reviewExperts')!), (value) => (input.reviewExperts = value));
    if (cells.has('crowdedPlace')) take('crowdedPlace', readYesNo(cells.get('crowdedPlace')!), (value) => (input.crowdedPlace = value));
    if (cells.has('review')) readReview(cells.get('review')!, input, problems);
    for (const key of ['issuedOn', 'reviewOn', 'filingOn', 'lastEvaluatedOn']) {
      // A blank 发布日期 is left undefined so the schema says it is required.
      if (cells.has(key)) take(key, readDate(cells.get(key)!), (value) => (input[key] = value ?? (key === 'issuedOn' ? undefined : null)));
    }
    // Ledgers record a 评审日期 far more often than whether it was 评审 or 论证; 评审 is the usual one (第二十一条).
    if (input.reviewOn && !input.reviewKind && !problems.list.some((problem) => problem.field === 'reviewKind')) {
      input.reviewKind = '评审';
      if (mapped.has('reviewKind')) notes.push('评审方式未填，按“评审”登记');
    }

    const reading = readOwner(cells, lookups);
    let owner: ResolvedOwner | undefined;
    if (reading.kind === 'owner') owner = reading.owner;
    // Only departments have 部门预案, so a name nothing else matches is the department's own.
    else if (reading.kind === 'unknown' && kind === '部门预案') owner = departmentOwner(reading.name);
    else if (reading.kind === 'unknown') problems.add(mapped.has('ownerType') ? 'ownerType' : 'ownerName', unknownOwnerMessage(reading.name));
    else if (reading.kind === 'problem') problems.add(reading.field, reading.message);
    else problems.add(mapped.has('ownerName') ? 'ownerName' : [...ownerKeys].find((key) => mapped.has(key))!, '请填写所属单位（镇（街道）可只填所属单位类型）');
    if (owner) Object.assign(input, { ownerType: owner.ownerType, enterpriseId: owner.enterpriseId, villageId: owner.villageId, department: owner.department });
    else problems.skipSchemaIssues(...ownerKeys);

    // Already registered (same owner, same name): left as it is, whatever the duplicate mode.
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (owner && name !== '') {
      const key = `${ownerKey(owner)}|${name}`;
      const first = lookups.seen.get(key);
      if (first !== undefined) {
        problems.add('name', `与第 ${first} 行是同一单位的同名预案`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seen.set(key, rowNumber);
      if (lookups.registered.has(key)) return { outcome: 'skip', problems: [], note: `${owner.name}的「${name}」已登记，未改动（已登记的预案请在系统中修订）` };
    }

    const parsed = planFields.safeParse(input);
    if (!parsed.success) problems.addSchemaIssues(parsed.error, (key) => fieldOfSchemaKey(key, mapped), (field) => mapped.has(field));
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    for (const [field, message] of Object.entries(planProblems(parsed.data, lookups.today))) problems.add(mapped.has(field) ? field : null, message);
    if (problems.list.length > 0) return { outcome: 'invalid', problems: problems.list };
    if (input.crowdedPlace && parsed.data.ownerType !== 'enterprise') notes.push('只有企业才是人员密集场所经营单位，“人员密集场所”未采用');
    return { outcome: 'create', problems: [], note: notes.length ? notes.join('；') : undefined, write: parsed.data };
  },

  write(ctx: RequestContext, write: PlanInput) {
    createPlan(ctx, write);
  },
};
