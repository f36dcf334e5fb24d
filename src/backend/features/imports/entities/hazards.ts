import { z } from 'zod';
import { dateSchema } from '../../../../shared/api/common';
import { hazardFoundShape, type Hazard } from '../../../../shared/api/hazards';
import { hazardLevels, hazardSources, type HazardSource } from '../../../../shared/domain/hazard';
import { normalizeUscc } from '../../../../shared/domain/uscc';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../../api/context';
import { recordAudit } from '../../audit/service';
import { foundHazardProblems, getHazard, insertHazard, recordEvent, type FoundHazard } from '../../hazards/service';
import { cellText, readDate, readNumber, toHalfWidth, type RawCell } from '../cells';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { loadPlaces, readVillage, type PlaceLookups } from '../places';
import { enumReader, labelList, normalizeLabel, splitPersonAndPhone } from '../readers';

/** What a row is checked against besides the API's own shape: a hazard as found, with its 发现日期. */
const importedHazardFields = z.object({ ...hazardFoundShape, foundOn: dateSchema('发现日期') });

/** The statuses an import takes: a hazard still to rectify, or one closed before the program was used. */
const importStatuses = ['待整改', '已销号'] as const;
type ImportStatus = (typeof importStatuses)[number];

const fields: ImportFieldSpec[] = [
  {
    key: 'unitName',
    label: '单位名称',
    required: false,
    hint: '企业或“四闲”场所的名称，须与系统中登记的一致（有统一社会信用代码时按代码找企业）',
    synonyms: ['单位', '隐患单位', '被检查单位', '企业名称', '场所名称', '检查对象', '所属单位', '企业(场所)名称'],
  },
  { key: 'uscc', label: '统一社会信用代码', required: false, hint: '企业的代码', synonyms: ['信用代码', '社会信用代码', '企业信用代码'] },
  {
    key: 'village',
    label: '村/社区',
    required: false,
    hint: '不同村/社区有同名的“四闲”场所时用来区分',
    synonyms: ['所属村/社区', '所在村/社区', '所属村(社区)', '村(社区)', '所属村', '所在村'],
  },
  { key: 'foundOn', label: '发现日期', required: true, hint: '如 2026-03-05、2026.3.5 或 2026年3月5日，不能晚于今天', synonyms: ['检查日期', '排查日期', '发现时间', '检查时间', '排查时间'] },
  { key: 'place', label: '隐患部位', required: true, hint: '', synonyms: ['部位', '隐患位置', '位置', '隐患地点', '具体部位'] },
  {
    key: 'description',
    label: '隐患描述',
    required: true,
    hint: '同一单位、同一发现日期、描述相同的隐患视为已登记，不重复导入',
    synonyms: ['隐患内容', '隐患情况', '存在问题', '问题描述', '隐患问题', '隐患名称', '存在的问题'],
  },
  { key: 'level', label: '隐患等级', required: true, hint: '一般、重大（也可写一般隐患、重大隐患）', synonyms: ['等级', '隐患级别', '级别', '隐患类别'] },
  { key: 'basis', label: '依据', required: false, hint: '标准或法规及条款', synonyms: ['判定依据', '检查依据', '依据标准', '法规依据', '依据条款'] },
  { key: 'deadline', label: '整改期限', required: true, hint: '不能早于发现日期', synonyms: ['整改时限', '限期', '整改截止日期', '限期整改日期', '整改完成期限'] },
  { key: 'measures', label: '整改措施', required: false, hint: '', synonyms: ['整改要求', '整改方案', '处理措施'] },
  { key: 'responsible', label: '整改责任人', required: false, hint: '姓名，电话可写在姓名后', synonyms: ['责任人', '整改负责人', '责任人及电话'] },
  { key: 'fundsWan', label: '整改资金', required: false, hint: '万元', synonyms: ['整改资金(万元)', '资金(万元)', '整改经费', '治理资金'] },
  { key: 'source', label: '来源', required: false, hint: `${labelList(hazardSources)}，空为检查`, synonyms: ['隐患来源', '发现方式', '发现途径'] },
  {
    key: 'status',
    label: '状态',
    required: false,
    hint: '待整改或已销号，空为待整改（填了销号日期时为已销号）；整改中、待复查的隐患请按待整改导入，再在系统中登记整改进度',
    synonyms: ['整改状态', '隐患状态', '整改情况', '是否整改'],
  },
  { key: 'closedOn', label: '销号日期', required: false, hint: '已销号的隐患必填', synonyms: ['销号时间', '整改完成日期', '完成整改日期'] },
];

const readLevel = enumReader('隐患等级', hazardLevels, { 一般隐患: '一般', 重大隐患: '重大', 一般事故隐患: '一般', 重大事故隐患: '重大' });
const readSource = enumReader('来源', hazardSources, {
  检查发现: '检查',
  日常检查: '检查',
  执法检查: '检查',
  专项检查: '检查',
  排查: '检查',
  企业自查: '自查',
  自查自报: '自查',
  单位自查: '自查',
  群众举报: '举报',
  投诉举报: '举报',
  举报投诉: '举报',
});
const readStatus = enumReader('状态', importStatuses, {
  未整改: '待整改',
  待整改: '待整改',
  已整改: '已销号',
  整改完成: '已销号',
  已完成: '已销号',
  销号: '已销号',
  已闭环: '已销号',
});

/** Statuses reached only by steps this program records; an import does not make them up. */
const stepStatuses = new Set(['整改中', '待复查', '正在整改', '待验收']);

type TargetRef = { enterpriseId: number; idleSiteId: null; name: string } | { enterpriseId: null; idleSiteId: number; name: string };

export interface HazardLookups extends PlaceLookups {
  enterprisesByUscc: Map<string, TargetRef>;
  enterprisesByName: Map<string, TargetRef[]>;
  idleSitesByName: Map<string, (TargetRef & { villageId: number })[]>;
  /** `<e|s><id>|<found on>|<normalized description>` of the live hazards → their number. */
  registered: Map<string, string>;
  /** The same keys from the file → the row that gave them first. */
  seen: Map<string, number>;
  today: string;
}

export interface HazardWrite {
  hazard: FoundHazard;
  closedOn: string | null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

const targetKey = (target: { enterpriseId: number | null; idleSiteId: number | null }) =>
  target.enterpriseId !== null ? `e${target.enterpriseId}` : `s${target.idleSiteId}`;
const sameHazardKey = (target: { enterpriseId: number | null; idleSiteId: number | null }, foundOn: string, description: string) =>
  `${targetKey(target)}|${foundOn}|${normalizeLabel(description)}`;

type TargetMatch = { target: TargetRef } | { field: string; problem: string };

/** The unit a row names: an enterprise by its USCC, else an enterprise by its exact name, else an idle site. */
function findTarget(cells: ReadonlyMap<string, RawCell>, lookups: HazardLookups, villageId: number | undefined): TargetMatch {
  const uscc = cells.has('uscc') ? normalizeUscc(cellText(cells.get('uscc')!)) : '';
  if (uscc !== '') {
    const enterprise = lookups.enterprisesByUscc.get(uscc);
    if (enterprise) return { target: enterprise };
    return { field: 'uscc', problem: `统一社会信用代码 ${uscc} 没有登记的企业，请先登记该企业` };
  }
  const name = cells.has('unitName') ? cellText(cells.get('unitName')!) : '';
  if (name === '') return { field: cells.has('unitName') ? 'unitName' : 'uscc', problem: '请填写单位名称或统一社会信用代码' };
  const key = normalizeLabel(name);
  const enterprises = lookups.enterprisesByName.get(key) ?? [];
  if (enterprises.length === 1) return { target: enterprises[0] };
  if (enterprises.length > 1) return { field: 'unitName', problem: `有 ${enterprises.length} 家企业叫「${name}」，请改用统一社会信用代码` };
  const sites = lookups.idleSitesByName.get(key) ?? [];
  const inVillage = villageId === undefined ? sites : sites.filter((site) => site.villageId === villageId);
  if (inVillage.length === 1) return { target: inVillage[0] };
  if (inVillage.length > 1) return { field: 'unitName', problem: `有 ${inVillage.length} 处“四闲”场所叫「${name}」，请填写村/社区以区分` };
  if (sites.length > 0) return { field: 'village', problem: `该村/社区没有名为「${name}」的“四闲”场所` };
  return { field: 'unitName', problem: `「${name}」不是已登记的企业或“四闲”场所，请先登记或改正名称` };
}

/** Which import field reports a problem the schema found in one of its fields. */
function fieldOfSchemaKey(key: string): string {
  if (key === 'responsibleName' || key === 'responsiblePhone') return 'responsible';
  return key;
}

/** What the audit log keeps of an imported hazard (as the form's create keeps it). */
function auditView(hazard: Hazard): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, villageId: _v, enterpriseId: _e, idleSiteId: _s, inspectionId: _i, orderId: _o, overdue: _d, ...rest } = hazard;
  return rest;
}

/**
 * 隐患 from an office's 隐患排查治理台账 (or this program's own export), written through `insertHazard` with the
 * form's date rules (`foundHazardProblems`). A row names its unit by 统一社会信用代码 or by name — an enterprise
 * first, else a “四闲” site (told apart by 村/社区 when two share a name). 来源 defaults to 检查 (imported
 * without an inspection record).
 *
 * Status: an import takes only 待整改 and 已销号. An open hazard is written as found (待整改; 逾期 follows from its
 * deadline). A 已销号 row needs its 销号日期 and is written closed on that day, with a history row saying it was
 * closed before the import — its rectification and re-inspection are not made up. 整改中 and 待复查 are refused
 * with advice: those steps are recorded in the program. A hazard already registered — the same unit, 发现日期
 * and description — is never changed by an import.
 */
export const hazardImporter: Importer<HazardLookups, HazardWrite> = {
  entity: 'hazards',
  fields,

  mappingProblems(mapped) {
    if (!mapped.has('unitName') && !mapped.has('uscc')) return ['请为「单位名称」或「统一社会信用代码」至少对应一列，用来找到隐患所在的单位'];
    return [];
  },

  prepare(ctx: HandlerContext): HazardLookups {
    const db = ctx.appDb.sqlite;
    const enterprisesByUscc = new Map<string, TargetRef>();
    const enterprisesByName = new Map<string, TargetRef[]>();
    for (const row of db.prepare('SELECT id, name, uscc FROM enterprises WHERE deleted_at IS NULL').all() as { id: number; name: string; uscc: string }[]) {
      const ref: TargetRef = { enterpriseId: row.id, idleSiteId: null, name: row.name };
      enterprisesByUscc.set(row.uscc, ref);
      push(enterprisesByName, normalizeLabel(row.name), ref);
    }
    const idleSitesByName = new Map<string, (TargetRef & { villageId: number })[]>();
    for (const row of db.prepare('SELECT id, name, village_id AS villageId FROM idle_sites WHERE deleted_at IS NULL').all() as { id: number; name: string; villageId: number }[]) {
      push(idleSitesByName, normalizeLabel(row.name), { enterpriseId: null, idleSiteId: row.id, name: row.name, villageId: row.villageId });
    }
    const registered = new Map<string, string>();
    const hazards = db
      .prepare('SELECT number, enterprise_id AS enterpriseId, idle_site_id AS idleSiteId, found_on AS foundOn, description FROM hazards WHERE deleted_at IS NULL')
      .all() as { number: string; enterpriseId: number | null; idleSiteId: number | null; foundOn: string; description: string }[];
    for (const row of hazards) registered.set(sameHazardKey(row, row.foundOn, row.description), row.number);
    return { ...loadPlaces(ctx), enterprisesByUscc, enterprisesByName, idleSitesByName, registered, seen: new Map(), today: localToday(ctx) };
  },

  readRow(cells, rowNumber, lookups): RowResult<HazardWrite> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const mapped = new Set(cells.keys());
    const input: Record<string, unknown> = {};
    const read: { source: HazardSource; status?: ImportStatus; closedOn: string | null; villageId?: number } = { source: '检查', closedOn: null };

    for (const key of ['place', 'description', 'basis', 'measures']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || (key === 'place' || key === 'description' ? undefined : null);
    }
    if (cells.has('responsible')) {
      const person = splitPersonAndPhone(cells.get('responsible')!);
      input.responsibleName = person.name;
      input.responsiblePhone = person.phone;
    }
    if (cells.has('level')) take('level', readLevel(cells.get('level')!), (value) => (input.level = value));
    for (const key of ['foundOn', 'deadline'] as const) {
      if (cells.has(key)) take(key, readDate(cells.get(key)!), (value) => (input[key] = value ?? undefined));
    }
    if (cells.has('fundsWan')) take('fundsWan', readNumber(cells.get('fundsWan')!, '万元'), (value) => (input.fundsWan = value));
    if (cells.has('source')) take('source', readSource(cells.get('source')!), (value) => value && (read.source = value));
    if (cells.has('closedOn')) take('closedOn', readDate(cells.get('closedOn')!), (value) => (read.closedOn = value));
    if (cells.has('status')) {
      // 逾期 is worked out from the deadline, not stored: 待整改（逾期） is 待整改.
      const text = toHalfWidth(cellText(cells.get('status')!)).replace(/\s/g, '').replace(/\(逾期\)$/, '');
      if (stepStatuses.has(text)) {
        problems.add('status', `状态「${text}」不能导入：只能导入待整改或已销号的隐患；请按“待整改”导入，再在系统中登记整改进度`);
      } else take('status', readStatus(text), (value) => (read.status = value));
    }
    if (cells.has('village')) take('village', readVillage(lookups, cells.get('village')!), (value) => (read.villageId = value));

    const match = findTarget(cells, lookups, read.villageId);
    const target = 'target' in match ? match.target : null;
    if (!target && 'problem' in match) problems.add(match.field, match.problem);

    const parsed = importedHazardFields.safeParse(input);
    if (!parsed.success) problems.addSchemaIssues(parsed.error, fieldOfSchemaKey, (field) => mapped.has(field));
    if (problems.list.length > 0 || !parsed.success || !target) return { outcome: 'invalid', problems: problems.list };
    const found = parsed.data;

    // Already registered (same unit, day and description): left as it is, whatever the duplicate mode.
    const key = sameHazardKey(target, found.foundOn, found.description);
    const first = lookups.seen.get(key);
    if (first !== undefined) {
      problems.add('description', `与第 ${first} 行是同一隐患（单位、发现日期、隐患描述相同）`);
      return { outcome: 'invalid', problems: problems.list };
    }
    lookups.seen.set(key, rowNumber);
    const registered = lookups.registered.get(key);
    if (registered) return { outcome: 'skip', problems: [], note: `与已登记的隐患 ${registered} 相同（单位、发现日期、隐患描述相同），未改动` };

    // The form's date rules, in its words; then the closure's.
    for (const [field, message] of Object.entries(foundHazardProblems(found, lookups.today))) problems.add(field, message);
    const status: ImportStatus = read.status ?? (read.closedOn ? '已销号' : '待整改');
    if (status === '已销号') {
      if (!read.closedOn) problems.add(mapped.has('closedOn') ? 'closedOn' : 'status', '已销号的隐患须填写销号日期');
      else if (read.closedOn < found.foundOn) problems.add('closedOn', `销号日期不能早于发现日期（${found.foundOn}）`);
      else if (read.closedOn > lookups.today) problems.add('closedOn', `销号日期不能晚于今天（${lookups.today}）`);
    } else if (read.closedOn) problems.add('closedOn', '状态为待整改的隐患不应有销号日期');
    if (problems.list.length > 0) return { outcome: 'invalid', problems: problems.list };

    const notes = [target.enterpriseId === null ? `“四闲”场所：${target.name}` : '', status === '已销号' ? `导入时已销号（${read.closedOn}）` : ''].filter(Boolean);
    return {
      outcome: 'create',
      problems: [],
      note: notes.join('；') || undefined,
      write: {
        hazard: { ...found, enterpriseId: target.enterpriseId, idleSiteId: target.idleSiteId, inspectionId: null, source: read.source },
        closedOn: status === '已销号' ? read.closedOn : null,
      },
    };
  },

  write(ctx: RequestContext, write: HazardWrite) {
    const id = insertHazard(ctx, write.hazard);
    if (write.closedOn) {
      ctx.appDb.sqlite.prepare("UPDATE hazards SET status = '已销号', closed_on = ?, updated_at = ? WHERE id = ?").run(write.closedOn, nowIso(ctx), id);
      recordEvent(ctx, id, 'import', '待整改', '已销号', write.closedOn, `导入时已销号（销号日期 ${write.closedOn}）；整改和复查经过在导入前办理，未在本程序登记`);
    }
    const created = getHazard(ctx, id);
    recordAudit(ctx, { action: 'create', entity: 'hazard', entityId: id, entityTitle: created.number, after: auditView(created) });
  },
};
