import { isNull } from 'drizzle-orm';
import { filingFields } from '../../../../shared/api/filings';
import {
  filingStatuses,
  gradingOf,
  heightWorkGrades,
  hotWorkGrades,
  liftingGrades,
  specialWorkDocuments,
  specialWorkKinds,
  type FilingStatus,
  type SpecialWorkDocument,
  type SpecialWorkGrade,
  type SpecialWorkKind,
} from '../../../../shared/domain/specialWork';
import type { FilingFinding } from '../../../../shared/domain/specialWorkRules';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import type { HandlerContext, RequestContext } from '../../../api/context';
import { enterprises } from '../../../db/schema';
import { importedRemark, insertImportedFiling, registeredFilings, sameWorkKey, type ImportedFiling } from '../../filings/importRows';
import { checkFields } from '../../filings/service';
import { cellText, readDate, readDateTime, readNumber, toHalfWidth, type RawCell } from '../cells';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { enumReader, labelList, normalizeLabel, splitPersonAndPhone } from '../readers';

type Fields = ReturnType<typeof filingFields.parse>;

const timeHint = '到分钟，如 2026-11-23 08:00、2026/11/23 8:00 或 2026年11月23日8时';

const fields: ImportFieldSpec[] = [
  { key: 'number', label: '报备编号', required: false, hint: '空则由系统按计划开始的年份编号；已登记的编号不会重复导入', synonyms: ['报备号', '备案编号', '报备单号'] },
  {
    key: 'enterpriseName',
    label: '企业名称',
    required: false,
    hint: '须与系统中的企业名称一致（有统一社会信用代码时按代码匹配）',
    synonyms: ['报备企业', '报备单位', '单位名称', '所属企业', '作业企业'],
  },
  { key: 'enterpriseUscc', label: '统一社会信用代码', required: false, hint: '报备企业的代码', synonyms: ['信用代码', '社会信用代码', '企业信用代码'] },
  { key: 'kind', label: '作业类别', required: true, hint: labelList(specialWorkKinds), synonyms: ['作业类型', '作业种类', '特殊作业类别', '类别'] },
  {
    key: 'grade',
    label: '级别',
    required: false,
    hint: '动火、切割：特级、一级、二级（必填）；高处：Ⅰ级—Ⅳ级；吊装：一级、二级、三级（填了作业高度、吊物质量时按其计算）',
    synonyms: ['作业级别', '作业等级', '等级', '动火级别'],
  },
  { key: 'heightM', label: '作业高度', required: false, hint: '米，高处作业', synonyms: ['高度', '作业高度(m)', '高度(m)'] },
  { key: 'loadT', label: '吊物质量', required: false, hint: '吨，吊装作业', synonyms: ['吊物质量(t)', '吊装质量', '吊物重量'] },
  { key: 'place', label: '作业地点', required: true, hint: '', synonyms: ['地点', '作业部位', '作业位置', '作业区域'] },
  { key: 'content', label: '作业内容', required: true, hint: '', synonyms: ['内容', '作业事项', '工作内容', '作业项目'] },
  { key: 'plannedStart', label: '计划开始时间', required: true, hint: timeHint, synonyms: ['计划开始', '开始时间', '作业开始时间', '作业时间起'] },
  { key: 'plannedEnd', label: '计划结束时间', required: true, hint: timeHint, synonyms: ['计划结束', '结束时间', '作业结束时间', '作业时间止'] },
  { key: 'contractor', label: '施工单位', required: false, hint: '', synonyms: ['作业单位', '承包商', '施工队伍', '外来施工单位'] },
  { key: 'contractorQualification', label: '资质证书编号', required: false, hint: '', synonyms: ['资质证书号', '资质编号', '施工资质证书编号', '资质证号'] },
  { key: 'leader', label: '作业负责人及电话', required: false, hint: '姓名和电话写在一格', synonyms: ['负责人及电话', '作业负责人及联系电话'] },
  { key: 'leaderName', label: '作业负责人', required: false, hint: '', synonyms: ['负责人', '现场负责人', '施工负责人'] },
  { key: 'leaderPhone', label: '负责人电话', required: false, hint: '', synonyms: ['作业负责人电话', '联系电话'] },
  { key: 'guardianName', label: '监护人', required: true, hint: '', synonyms: ['监护人员', '作业监护人', '现场监护人'] },
  { key: 'workers', label: '作业人员', required: false, hint: '多人用“、”隔开，证书编号写在姓名后的括号里，如 张三（T123）、李四', synonyms: ['作业人员及证书编号', '作业人员及证书', '施工人员'] },
  { key: 'riskIdentification', label: '危害识别', required: false, hint: '', synonyms: ['危险识别', '风险辨识', '危害辨识', '危险有害因素'] },
  { key: 'measures', label: '安全措施', required: false, hint: '', synonyms: ['防护措施', '安全防护措施', '管控措施'] },
  { key: 'documents', label: '已交材料', required: false, hint: `${labelList(specialWorkDocuments)}，用“、”隔开`, synonyms: ['报备材料', '提交材料', '材料'] },
  {
    key: 'status',
    label: '状态',
    required: false,
    hint: `${labelList(filingStatuses)}；空则为待审核（有实际完工时间时为已完工）`,
    synonyms: ['报备状态', '办理状态', '审核状态'],
  },
  { key: 'siteCheckOn', label: '现场核查日期', required: false, hint: '', synonyms: ['核查日期', '现场核查'] },
  { key: 'actualEnd', label: '实际完工', required: false, hint: timeHint, synonyms: ['实际完工时间', '完工时间', '实际结束时间'] },
];

const kindAliases: Record<string, SpecialWorkKind> = {
  ...Object.fromEntries(specialWorkKinds.map((kind) => [`${kind}作业`, kind])),
  有限空间: '受限空间',
  有限空间作业: '受限空间',
  登高作业: '高处',
  外单位施工: '外来施工',
  拆除: '拆解',
  拆除作业: '拆解',
};
const readKind = enumReader('作业类别', specialWorkKinds, kindAliases);
const readStatus = enumReader('状态', filingStatuses, {
  待审批: '待审核',
  审核中: '待审核',
  待核查: '待现场核查',
  已审核: '待现场核查',
  已批准: '准予作业',
  批准: '准予作业',
  通过: '准予作业',
  审核通过: '准予作业',
  进行中: '作业中',
  施工中: '作业中',
  完工: '已完工',
  已完成: '已完工',
  完成: '已完工',
  已驳回: '驳回',
  不通过: '驳回',
  已撤销: '撤销',
  逾期: '逾期未完工',
});

/** Statuses reached only through a passed site check. */
const checkedStatuses: readonly FilingStatus[] = ['准予作业', '作业中', '已完工', '逾期未完工'];

/** 级别 as offices write it, per grading: “二级动火”, “1级”, “I级”, “Ⅱ”… */
const gradeAliases: Record<'chosen' | 'height' | 'load', Map<string, SpecialWorkGrade>> = {
  chosen: aliasMap(hotWorkGrades, (grade, digit) => [`${grade}动火`, `${digit}级`, `${digit}级动火`]),
  height: aliasMap(heightWorkGrades, (grade, digit, chinese) => [grade.slice(0, 1), `${digit}级`, `${chinese}级`, `${['I', 'II', 'III', 'IV'][digit - 1]}级`, ['I', 'II', 'III', 'IV'][digit - 1]]),
  load: aliasMap(liftingGrades, (grade, digit) => [`${digit}级`, `${grade}吊装`]),
};

function aliasMap<T extends SpecialWorkGrade>(grades: readonly T[], aliases: (grade: T, digit: number, chinese: string) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  grades.forEach((grade, index) => {
    // 动火 starts at 特级: its digits are those of 一级 and 二级.
    const digit = grade === '特级' ? 0 : grades[0] === '特级' ? index : index + 1;
    const chinese = ['特', '一', '二', '三', '四'][digit];
    map.set(normalizeLabel(grade).toUpperCase(), grade);
    for (const alias of aliases(grade, digit, chinese)) if (digit > 0 || !/\d/.test(alias)) map.set(normalizeLabel(alias).toUpperCase(), grade);
  });
  return map;
}

const documentAliases: Record<string, SpecialWorkDocument> = {
  方案: '施工方案',
  资质: '施工资质',
  施工资质证书: '施工资质',
  应急措施: '应急处置措施',
  应急处置方案: '应急处置措施',
  许可证: '作业许可证',
  作业票: '作业许可证',
  安全作业票: '作业许可证',
  作业证: '作业许可证',
  气体分析: '气体分析记录',
  气体检测记录: '气体分析记录',
  视频监控措施: '特级动火视频监控措施',
  视频监控: '特级动火视频监控措施',
  盲板图: '盲板位置图',
};
const readDocument = enumReader('材料', specialWorkDocuments, documentAliases);

/** Blank, “/”, “—” or “无”: nothing was written. */
const isNothing = (text: string) => /^(|[-—–/／\\]+|无)$/.test(text);

export interface FilingLookups {
  enterprisesByUscc: Map<string, { id: number; name: string }>;
  enterprisesByName: Map<string, { id: number; name: string }[]>;
  /** Every number ever given (deleted filings keep theirs). */
  numbers: Map<string, { id: number; live: boolean }>;
  /** Live filings by enterprise, kind, window and place. */
  byWork: Map<string, string>;
  /** Number → the file row that gave it; work key → the file row (for rows without a number). */
  seenNumbers: Map<string, number>;
  seenWork: Map<string, number>;
  /** The file's own numbers, kept from the sequence when numbering the rows that have none. */
  reserved: Set<string>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** “张三（T123）、李四(ZY-9)、王五 A77”: the workers and their certificate numbers. */
function readWorkers(cell: RawCell): { name: string; certificateNo: string | null }[] {
  return toHalfWidth(cellText(cell))
    .split(/[、,;；\n]+/)
    .map((part) => part.trim())
    .filter((part) => !isNothing(part))
    .map((part) => {
      const bracket = /^(.+?)\s*\(\s*(?:证书编号|证书号|证号|证书)?\s*[:：]?\s*(.*?)\s*\)$/.exec(part);
      if (bracket) return { name: bracket[1].trim(), certificateNo: bracket[2] || null };
      const spaced = /^(\S+)\s+(\S+)$/.exec(part);
      if (spaced) return { name: spaced[1], certificateNo: spaced[2] };
      return { name: part, certificateNo: null };
    });
}

/** Which import field reports a problem the schema found in one of its fields. */
function fieldOfSchemaKey(key: string, mapped: ReadonlySet<string>): string {
  if (key === 'enterpriseId') return mapped.has('enterpriseUscc') && !mapped.has('enterpriseName') ? 'enterpriseUscc' : 'enterpriseName';
  if (key === 'leaderName' || key === 'leaderPhone') return mapped.has(key) ? key : mapped.has('leader') ? 'leader' : key;
  return key;
}

/** Rule findings that make a row unusable: the record itself is wrong, not merely out of line with the rules. */
const rowProblemCodes = new Set(['window-order', 'grade-missing', 'height-below-minimum']);

/** Why an imported filing keeps its rule findings: it did not go through this program's review. */
export const importedWarningReason = `${importedRemark}的历史记录，导入前未经本程序审核`;

type EnterpriseMatch = { id: number; name: string } | { problem: string; field: string };

function findEnterprise(cells: ReadonlyMap<string, RawCell>, lookups: FilingLookups): EnterpriseMatch {
  const uscc = cells.has('enterpriseUscc') ? normalizeUscc(cellText(cells.get('enterpriseUscc')!)) : '';
  if (uscc !== '') {
    const enterprise = lookups.enterprisesByUscc.get(uscc);
    if (enterprise) return enterprise;
    return { field: 'enterpriseUscc', problem: `统一社会信用代码 ${uscc} 没有登记的企业，请先登记该企业` };
  }
  const name = cells.has('enterpriseName') ? cellText(cells.get('enterpriseName')!) : '';
  if (name === '') return { field: cells.has('enterpriseName') ? 'enterpriseName' : 'enterpriseUscc', problem: '请填写企业名称或统一社会信用代码' };
  const matches = lookups.enterprisesByName.get(normalizeLabel(name)) ?? [];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) return { field: 'enterpriseName', problem: `有 ${matches.length} 家企业叫「${name}」，请改用统一社会信用代码` };
  return { field: 'enterpriseName', problem: `「${name}」不是已登记的企业，请先登记该企业或改正名称` };
}

/**
 * 特殊作业报备登记台账 from an office's spreadsheet (or this program's own export). Historic records are taken
 * as they were: rule findings (too long a window, missing documents, a holiday…) do not block a row but are
 * kept with the filing as warnings, the reason saying it was imported unreviewed; only a record that cannot be
 * right is refused (end before start, 动火 without a grade, 高处 under 2 m, unknown enterprise or kind). A row
 * gets the status the file gives (待审核 when none; 已完工 when only an actual completion is given) and one
 * history row “从Excel导入”. Filings already registered — the same 报备编号, or without a number the same
 * enterprise, kind, window and place — are never changed by an import: a filing changes only through its workflow.
 */
export const filingImporter: Importer<FilingLookups, ImportedFiling> = {
  entity: 'filings',
  fields,

  mappingProblems(mapped) {
    const problems: string[] = [];
    if (!mapped.has('enterpriseName') && !mapped.has('enterpriseUscc')) problems.push('请为「企业名称」或「统一社会信用代码」至少对应一列，用来找到报备企业');
    if (!mapped.has('leader') && !mapped.has('leaderName')) problems.push('请为「作业负责人」或「作业负责人及电话」对应一列');
    if (mapped.has('leader') && (mapped.has('leaderName') || mapped.has('leaderPhone'))) {
      problems.push('「作业负责人及电话」与「作业负责人」「负责人电话」不能同时对应，请只保留一种');
    }
    return problems;
  },

  prepare(ctx: HandlerContext): FilingLookups {
    const enterprisesByUscc = new Map<string, { id: number; name: string }>();
    const enterprisesByName = new Map<string, { id: number; name: string }[]>();
    for (const row of ctx.appDb.db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(isNull(enterprises.deletedAt)).all()) {
      enterprisesByUscc.set(row.uscc, { id: row.id, name: row.name });
      push(enterprisesByName, normalizeLabel(row.name), { id: row.id, name: row.name });
    }
    return { enterprisesByUscc, enterprisesByName, ...registeredFilings(ctx), seenNumbers: new Map(), seenWork: new Map(), reserved: new Set() };
  },

  readRow(cells, rowNumber, lookups, _mode, ctx): RowResult<ImportedFiling> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const mapped = new Set(cells.keys());
    const input: Record<string, unknown> = { tankIds: [], warningReason: null };
    const notes: string[] = [];
    /** What the readers found beyond the form's fields (assigned in callbacks, so kept in one object). */
    const read: { kind?: SpecialWorkKind; status?: FilingStatus; siteCheckOn: string | null; actualEnd: string | null } = { siteCheckOn: null, actualEnd: null };

    for (const key of ['place', 'content', 'contractor', 'contractorQualification', 'leaderName', 'leaderPhone', 'guardianName', 'riskIdentification', 'measures']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || null;
    }
    if (cells.has('leader')) {
      const person = splitPersonAndPhone(cells.get('leader')!);
      input.leaderName = person.name;
      input.leaderPhone = person.phone;
    }
    if (cells.has('kind')) take('kind', readKind(cells.get('kind')!), (value) => (read.kind = input.kind = value));
    for (const [key, unit] of [['heightM', 'm'], ['loadT', 't']] as const) {
      if (cells.has(key)) take(key, readNumber(cells.get(key)!, unit), (value) => (input[key] = value));
    }
    for (const key of ['plannedStart', 'plannedEnd'] as const) {
      if (cells.has(key)) take(key, readDateTime(cells.get(key)!), (value) => (input[key] = value ?? undefined));
    }
    input.workers = cells.has('workers') ? readWorkers(cells.get('workers')!) : [];
    const documents: SpecialWorkDocument[] = [];
    if (cells.has('documents')) {
      for (const part of toHalfWidth(cellText(cells.get('documents')!)).split(/[、,;；\s]+/)) {
        const name = part.replace(/^[☑√✓✔■]+|[☑√✓✔■]+$/g, '');
        if (isNothing(name)) continue;
        take('documents', readDocument(name), (value) => value && !documents.includes(value) && documents.push(value));
      }
    }
    input.documents = documents;
    if (cells.has('status')) take('status', readStatus(cells.get('status')!), (value) => (read.status = value));
    if (cells.has('siteCheckOn')) take('siteCheckOn', readDate(cells.get('siteCheckOn')!), (value) => (read.siteCheckOn = value));
    if (cells.has('actualEnd')) take('actualEnd', readDateTime(cells.get('actualEnd')!), (value) => (read.actualEnd = value));

    // 级别: chosen for 动火 and 切割; for 高处 and 吊装 computed from the height or load when given, else as written.
    const gradeText = cells.has('grade') ? normalizeLabel(cellText(cells.get('grade')!)).toUpperCase() : '';
    let fileGrade: SpecialWorkGrade | null = null;
    const { kind } = read;
    if (kind && !isNothing(gradeText)) {
      const grading = gradingOf(kind);
      if (grading === 'none') notes.push(`级别「${cellText(cells.get('grade')!)}」未采用：${kind}作业不分级别`);
      else {
        fileGrade = gradeAliases[grading].get(gradeText) ?? null;
        if (!fileGrade) {
          const shown = { chosen: hotWorkGrades, height: heightWorkGrades, load: liftingGrades }[grading];
          problems.add('grade', `级别「${cellText(cells.get('grade')!)}」不是${kind}作业的级别，可填：${labelList(shown)}`, true);
        }
      }
    }
    input.grade = fileGrade;

    const enterprise = findEnterprise(cells, lookups);
    if ('problem' in enterprise) {
      problems.add(enterprise.field, enterprise.problem);
      problems.skipSchemaIssues('enterpriseName', 'enterpriseUscc');
    } else input.enterpriseId = enterprise.id;

    // Already registered: the same number, or without one the same work. Never changed by an import.
    const number = cells.has('number') ? cellText(cells.get('number')!) : '';
    if (number !== '') {
      lookups.reserved.add(number);
      const first = lookups.seenNumbers.get(number);
      if (first !== undefined) {
        problems.add('number', `与第 ${first} 行的报备编号相同`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seenNumbers.set(number, rowNumber);
      const registered = lookups.numbers.get(number);
      if (registered?.live) return { outcome: 'skip', problems: [], note: `报备 ${number} 已登记，未改动（已登记的报备只能在系统中按流程办理）` };
      if (registered) problems.add('number', `报备编号 ${number} 曾用于已删除的报备，编号不能重复使用；请改用其他编号或留空由系统编号`);
      if (number.length > 30) problems.add('number', '报备编号不能超过 30 个字符');
    }

    const parsed = filingFields.safeParse(input);
    if (!parsed.success) problems.addSchemaIssues(parsed.error, (key) => fieldOfSchemaKey(key, mapped), (field) => mapped.has(field));
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    const filing: Fields = parsed.data;

    if (number === '') {
      const work = sameWorkKey(filing);
      const existing = lookups.byWork.get(work);
      if (existing) return { outcome: 'skip', problems: [], note: `与已登记的报备 ${existing} 是同一作业（企业、类别、时间、地点相同），未导入` };
      const first = lookups.seenWork.get(work);
      if (first !== undefined) {
        problems.add(null, `与第 ${first} 行是同一作业（企业、类别、时间、地点相同）`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seenWork.set(work, rowNumber);
    }

    // The rules, as on the form; only findings that make the record itself wrong refuse the row.
    const check = checkFields(ctx, filing);
    const grade = check.grade ?? fileGrade;
    const fatal = check.errors.filter((error) => rowProblemCodes.has(error.code) && !(error.code === 'grade-missing' && grade !== null));
    for (const error of fatal) {
      const field = error.code === 'grade-missing' ? (mapped.has('grade') || gradingOf(filing.kind) === 'chosen' ? 'grade' : error.field!) : error.field!;
      const message = error.code === 'grade-missing' && gradingOf(filing.kind) !== 'chosen' ? `${error.message.replace(/，以确定级别$/, '')}或级别` : error.message;
      problems.add(mapped.has(field) ? field : null, message);
    }

    const { siteCheckOn, actualEnd } = read;
    const resolved: FilingStatus = read.status ?? (actualEnd ? '已完工' : '待审核');
    if (actualEnd !== null) {
      if (resolved !== '已完工') problems.add('actualEnd', `状态为「${resolved}」的报备不应有实际完工时间（只有已完工的才有）`);
      else if (actualEnd < filing.plannedStart) problems.add('actualEnd', `实际完工时间 ${actualEnd} 早于计划开始时间 ${filing.plannedStart}`);
    }
    if (problems.list.length > 0) return { outcome: 'invalid', problems: problems.list };

    const warnings: FilingFinding[] = [...check.errors.filter((error) => !rowProblemCodes.has(error.code)), ...check.warnings];
    if (warnings.length) notes.push(`规则提醒 ${warnings.length} 条，已随报备保存`);
    return {
      outcome: 'create',
      problems: [],
      note: notes.length ? notes.join('；') : undefined,
      write: {
        fields: filing,
        grade,
        status: resolved,
        number: number || null,
        numberYear: Number(filing.plannedStart.slice(0, 4)),
        warnings,
        warningReason: importedWarningReason,
        siteCheckOn,
        siteCheckPassed: siteCheckOn !== null && checkedStatuses.includes(resolved) ? true : null,
        actualEnd,
        reserved: lookups.reserved,
      },
    };
  },

  write(ctx: RequestContext, write: ImportedFiling) {
    insertImportedFiling(ctx, write);
  },
};
