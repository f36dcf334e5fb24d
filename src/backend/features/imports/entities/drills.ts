import { drillFields } from '../../../../shared/api/drills';
import { drillForms, drillScopeOf, drillScopes, type PlanKind } from '../../../../shared/domain/emergencyPlan';
import { localToday, type HandlerContext, type RequestContext } from '../../../api/context';
import { createDrill } from '../../drills/service';
import type { StoredOwner } from '../../plans/owners';
import { cellText, readDate, readYesNo } from '../cells';
import { RowProblems, type Importer, type ImportFieldSpec, type RowResult } from '../importer';
import { enumReader, labelList, normalizeLabel } from '../readers';
import { loadOwners, ownerFieldOfSchemaKey, ownerFields, ownerKey, ownerKeys, readOwner, townOwner, unknownOwnerMessage, type OwnerLookups, type ResolvedOwner } from './planOwners';
import { readHeadcount } from './plans';

type DrillInput = ReturnType<typeof drillFields.parse>;

const fields: ImportFieldSpec[] = [
  { key: 'heldOn', label: '演练日期', required: true, hint: '如 2024-03-05、2024.3.5 或 2024年3月5日，不能晚于今天', synonyms: ['演练时间', '日期', '时间', '开展时间', '开展日期'] },
  { key: 'name', label: '演练名称', required: true, hint: '同一单位同一天按名称识别已登记的演练', synonyms: ['演练科目', '演练项目', '演练主题', '名称'] },
  ...ownerFields,
  {
    key: 'plan',
    label: '演练预案',
    required: false,
    hint: '所属单位已登记的预案名称；填了则所属单位取该预案的单位',
    synonyms: ['预案名称', '对应预案', '演练依据预案', '依据预案', '所演练预案', '应急预案'],
  },
  { key: 'scope', label: '演练类型', required: false, hint: `${labelList(drillScopes)}（可简写为综合、专项、现场处置）；空则按演练预案的类别`, synonyms: ['演练类别', '演练种类', '类型'] },
  { key: 'form', label: '演练形式', required: true, hint: `${labelList(drillForms)}（桌面演练即桌面推演）`, synonyms: ['演练方式', '形式', '方式'] },
  { key: 'organiser', label: '组织单位', required: false, hint: '空则为所属单位', synonyms: ['组织部门', '主办单位', '牵头单位', '组织者'] },
  { key: 'place', label: '演练地点', required: false, hint: '', synonyms: ['地点', '演练场所'] },
  { key: 'participants', label: '参与人数', required: true, hint: '整数，如 35 或 35人', synonyms: ['参演人数', '参加人数', '参与人次', '参演人员', '人数'] },
  { key: 'fireBrigade', label: '消防参与', required: false, hint: '是/否（√ 也算是），空为否', synonyms: ['消防救援队伍参与', '消防队参与', '引入消防', '是否引入消防救援', '消防救援', '消防'] },
  { key: 'summary', label: '演练情况', required: false, hint: '', synonyms: ['演练概况', '演练内容', '情况简述', '演练过程'] },
  { key: 'evaluation', label: '评估结论', required: false, hint: '', synonyms: ['演练评估', '评估情况', '评估意见', '演练总结评估'] },
];

const readScope = enumReader('演练类型', drillScopes, {
  综合: '综合演练',
  专项: '专项演练',
  单项: '专项演练',
  单项演练: '专项演练',
  现场处置: '现场处置演练',
  现场处置方案演练: '现场处置演练',
});
const readForm = enumReader('演练形式', drillForms, { 实战: '实战演练', 实操: '实战演练', 实操演练: '实战演练', 桌面: '桌面推演', 桌面演练: '桌面推演', 桌面推演演练: '桌面推演' });

interface PlanRef {
  id: number;
  kind: PlanKind;
  name: string;
  owner: ResolvedOwner;
}

export interface DrillLookups extends OwnerLookups {
  /** Live plans by `<owner key>|<normalized name>`, and by normalized name alone (rows without an owner). */
  plansByOwner: Map<string, PlanRef>;
  plansByName: Map<string, PlanRef[]>;
  /** `<owner key>|<held on>|<name>` of the live drills. */
  registered: Set<string>;
  seen: Map<string, number>;
  today: string;
}

function planOwnerOf(lookups: OwnerLookups, row: StoredOwner & { enterpriseName: string | null }): ResolvedOwner {
  const base = { ownerType: row.ownerType, enterpriseId: row.enterpriseId, villageId: row.villageId, department: row.department };
  switch (row.ownerType) {
    case 'town':
      return townOwner(lookups);
    case 'department':
      return { ...base, name: row.department ?? '' };
    case 'village':
      return { ...base, name: lookups.villageNames.get(row.villageId!) ?? '' };
    case 'enterprise':
      return { ...base, name: row.enterpriseName ?? '' };
  }
}

type PlanMatch = { plan: PlanRef } | { problem: string };

/** The plan a row names: among its owner's plans, or when the row names no owner among all plans. */
function findPlan(lookups: DrillLookups, text: string, owner: ResolvedOwner | undefined): PlanMatch {
  const name = normalizeLabel(text);
  if (owner) {
    const plan = lookups.plansByOwner.get(`${ownerKey(owner)}|${name}`);
    return plan ? { plan } : { problem: `${owner.name}没有名为「${text}」的预案，请先登记该预案或改正名称` };
  }
  const plans = lookups.plansByName.get(name) ?? [];
  if (plans.length === 1) return { plan: plans[0] };
  if (plans.length > 1) return { problem: `有 ${plans.length} 个单位的预案叫「${text}」（${plans.map((plan) => plan.owner.name).join('、')}），请填写所属单位` };
  return { problem: `没有名为「${text}」的预案，请先登记该预案或改正名称` };
}

/**
 * 应急演练记录 from an office's spreadsheet (or this program's own export), written through `createDrill`. A row
 * names its owner like a plan row does, and may name the plan drilled (matched by name among the owner's plans:
 * the drill then counts for that plan's 第三十三条 rhythm). A drill already registered — the same owner, day
 * and name — is never changed by an import.
 */
export const drillImporter: Importer<DrillLookups, DrillInput> = {
  entity: 'drills',
  fields,

  mappingProblems(mapped) {
    if ([...ownerKeys, 'plan'].some((key) => mapped.has(key))) return [];
    return ['请为「所属单位」「统一社会信用代码」「所属单位类型」或「演练预案」至少对应一列，用来确定演练属于哪个单位'];
  },

  prepare(ctx: HandlerContext): DrillLookups {
    const owners = loadOwners(ctx);
    const plansByOwner = new Map<string, PlanRef>();
    const plansByName = new Map<string, PlanRef[]>();
    const plans = ctx.appDb.sqlite
      .prepare(
        `SELECT p.id, p.kind, p.name, p.owner_type AS ownerType, p.enterprise_id AS enterpriseId, p.village_id AS villageId, p.department, e.name AS enterpriseName
         FROM emergency_plans p LEFT JOIN enterprises e ON e.id = p.enterprise_id WHERE p.deleted_at IS NULL`,
      )
      .all() as (StoredOwner & { id: number; kind: PlanKind; name: string; enterpriseName: string | null })[];
    for (const row of plans) {
      const plan: PlanRef = { id: row.id, kind: row.kind, name: row.name, owner: planOwnerOf(owners, row) };
      const name = normalizeLabel(row.name);
      plansByOwner.set(`${ownerKey(plan.owner)}|${name}`, plan);
      plansByName.set(name, [...(plansByName.get(name) ?? []), plan]);
    }
    const registered = new Set<string>();
    const drills = ctx.appDb.sqlite
      .prepare('SELECT owner_type AS ownerType, enterprise_id AS enterpriseId, village_id AS villageId, department, held_on AS heldOn, name FROM drills WHERE deleted_at IS NULL')
      .all() as (StoredOwner & { heldOn: string; name: string })[];
    for (const row of drills) registered.add(`${ownerKey(row)}|${row.heldOn}|${row.name}`);
    return { ...owners, plansByOwner, plansByName, registered, seen: new Map(), today: localToday(ctx) };
  },

  readRow(cells, rowNumber, lookups): RowResult<DrillInput> {
    const problems = new RowProblems();
    const take = problems.take.bind(problems);
    const mapped = new Set(cells.keys());
    const input: Record<string, unknown> = {};

    for (const key of ['place', 'summary', 'evaluation']) {
      if (cells.has(key)) input[key] = cellText(cells.get(key)!) || null;
    }
    if (cells.has('name')) input.name = cellText(cells.get('name')!);
    if (cells.has('heldOn')) take('heldOn', readDate(cells.get('heldOn')!), (value) => (input.heldOn = value ?? undefined));
    if (cells.has('scope')) take('scope', readScope(cells.get('scope')!), (value) => (input.scope = value));
    if (cells.has('form')) take('form', readForm(cells.get('form')!), (value) => (input.form = value));
    if (cells.has('participants')) take('participants', readHeadcount(cells.get('participants')!), (value) => (input.participants = value ?? undefined));
    if (cells.has('fireBrigade')) take('fireBrigade', readYesNo(cells.get('fireBrigade')!), (value) => (input.fireBrigade = value));

    // The owner, then the plan among its plans; the plan's owner is the drill's (as `createDrill` stores it).
    const reading = readOwner(cells, lookups);
    const planText = cells.has('plan') ? cellText(cells.get('plan')!) : '';
    let owner: ResolvedOwner | undefined;
    let ownerKnown = true;
    if (reading.kind === 'owner') owner = reading.owner;
    else if (reading.kind === 'problem') {
      problems.add(reading.field, reading.message);
      ownerKnown = false;
    } else if (reading.kind === 'unknown') {
      problems.add(mapped.has('ownerType') ? 'ownerType' : 'ownerName', unknownOwnerMessage(reading.name));
      ownerKnown = false;
    }
    let plan: PlanRef | undefined;
    if (planText !== '' && ownerKnown) {
      const match = findPlan(lookups, planText, owner);
      if ('plan' in match) plan = match.plan;
      else problems.add('plan', match.problem);
    }
    owner = plan?.owner ?? owner;
    if (!owner && ownerKnown && !(planText !== '' && problems.list.some((problem) => problem.field === 'plan'))) {
      problems.add(mapped.has('ownerName') ? 'ownerName' : ([...ownerKeys, 'plan'].find((key) => mapped.has(key)) ?? null), '请填写所属单位（镇（街道）可只填所属单位类型）或演练预案');
    }
    if (owner) Object.assign(input, { ownerType: owner.ownerType, enterpriseId: owner.enterpriseId, villageId: owner.villageId, department: owner.department });
    // Without an owner there is no default 组织单位 either: the owner problem says it all.
    else problems.skipSchemaIssues(...ownerKeys, 'organiser');
    input.planId = plan?.id ?? null;
    if (input.scope === undefined && plan) input.scope = drillScopeOf(plan.kind);
    input.organiser = (cells.has('organiser') ? cellText(cells.get('organiser')!) : '') || owner?.name || undefined;

    // Already registered (same owner, day and name): left as it is, whatever the duplicate mode.
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (owner && name !== '' && typeof input.heldOn === 'string') {
      const key = `${ownerKey(owner)}|${input.heldOn}|${name}`;
      const first = lookups.seen.get(key);
      if (first !== undefined) {
        problems.add('name', `与第 ${first} 行是同一单位同一天的同名演练`);
        return { outcome: 'invalid', problems: problems.list };
      }
      lookups.seen.set(key, rowNumber);
      if (lookups.registered.has(key)) return { outcome: 'skip', problems: [], note: `${owner.name} ${input.heldOn} 的「${name}」已登记，未改动` };
    }

    const parsed = drillFields.safeParse(input);
    if (!parsed.success) {
      problems.addSchemaIssues(
        parsed.error,
        (key) => ownerFieldOfSchemaKey(key, mapped) ?? (key === 'planId' ? 'plan' : key),
        (field) => mapped.has(field),
      );
    }
    if (problems.list.length > 0 || !parsed.success) return { outcome: 'invalid', problems: problems.list };
    // `createDrill`'s own rule beyond the schema, in its words.
    if (parsed.data.heldOn > lookups.today) {
      problems.add('heldOn', `演练日期不能晚于今天（${lookups.today}）`);
      return { outcome: 'invalid', problems: problems.list };
    }
    return { outcome: 'create', problems: [], note: plan ? `演练预案：${plan.owner.name}「${plan.name}」` : undefined, write: parsed.data };
  },

  write(ctx: RequestContext, write: DrillInput) {
    createDrill(ctx, write);
  },
};
