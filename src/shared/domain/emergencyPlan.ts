/**
 * 应急预案 and 演练: the kinds, owners and the due dates 应急管理部令第2号《生产安全事故应急预案管理办法》
 * (2019 amendment) sets. Every due date here is computed from the record's facts, never typed.
 */
import type { Industry } from './enterprise';
import { addDays, isWorkingDay, officialHolidayCalendar, type HolidayCalendar } from './holidays';

/** Who a plan (or drill) belongs to. */
export const planOwnerTypes = ['town', 'department', 'village', 'enterprise'] as const;
export type PlanOwnerType = (typeof planOwnerTypes)[number];
export const planOwnerTypeLabels: Record<PlanOwnerType, string> = { town: '镇（街道）', department: '部门', village: '村（社区）', enterprise: '企业' };

export const planKinds = ['总体预案', '专项预案', '部门预案', '综合预案', '现场处置方案'] as const;
export type PlanKind = (typeof planKinds)[number];

/** Government plans are 总体/专项/部门; an enterprise's are 综合/专项/现场处置方案 (第六条). */
export const planKindsByOwner: Record<PlanOwnerType, readonly PlanKind[]> = {
  town: ['总体预案', '专项预案'],
  department: ['部门预案', '专项预案'],
  village: ['总体预案', '专项预案'],
  enterprise: ['综合预案', '专项预案', '现场处置方案'],
};

/** 现行: in force; 修订中: an evaluation or trigger found it must be revised; 已废止: no reminders any more. */
export const planStatuses = ['现行', '修订中', '已废止'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const reviewKinds = ['评审', '论证'] as const;
export const reviewResults = ['通过', '修改后通过', '不通过'] as const;

/** 第三十六条: the six situations in which a plan must be revised. */
export const revisionTriggers = [
  '法律法规、标准及上位预案有关规定发生重大变化',
  '应急指挥机构及其职责发生调整',
  '安全生产面临的风险发生重大变化',
  '重要应急资源发生重大变化',
  '演练或应急救援中发现需要修订的重大问题',
  '编制单位认为应当修订的其他情况',
] as const;
export type RevisionTrigger = (typeof revisionTriggers)[number];

/** 第三十五条 conclusion of an evaluation. */
export const evaluationConclusions = ['无需修订', '需要修订'] as const;

/** 第二十七条: what an enterprise brings to file its plan. */
export const planFilingMaterials = ['应急预案备案申报表', '应急预案评审意见', '应急预案电子文档', '风险评估结果', '应急资源调查清单'] as const;
export type PlanFilingMaterial = (typeof planFilingMaterials)[number];

export const planFilingStatuses = ['待核对', '已备案', '不予备案'] as const;
export type PlanFilingStatus = (typeof planFilingStatuses)[number];

export const drillScopes = ['综合演练', '专项演练', '现场处置演练'] as const;
export type DrillScope = (typeof drillScopes)[number];
export const drillForms = ['实战演练', '桌面推演'] as const;
export type DrillForm = (typeof drillForms)[number];

/** The scope a drill of a plan of this kind usually has (the drill form preselects it). */
export function drillScopeOf(kind: PlanKind): DrillScope {
  if (kind === '现场处置方案') return '现场处置演练';
  if (kind === '专项预案' || kind === '部门预案') return '专项演练';
  return '综合演练';
}

/**
 * Units 第二十六条 obliges to file within 20 working days and 第三十三条 to drill every half year: producers,
 * dealers, stores and carriers of 易燃易爆物品/危险化学品 (危化, 烟花爆竹, 燃气), mines, metal smelting (冶金, 有色),
 * building sites — and 人员密集场所 (宾馆、商场、娱乐场所、旅游景区), which no industry names, so a plan says so itself.
 */
export const listedUnitIndustries: readonly Industry[] = ['危化生产', '危化经营(带储存)', '烟花爆竹', '燃气', '矿山', '工贸-冶金', '工贸-有色', '建筑施工'];

/**
 * Units 第二十一条 requires to have their plan reviewed (评审), so their filing must bring the 评审意见 (第二十七条):
 * the listed ones except building sites and 人员密集场所.
 */
export const reviewRequiredIndustries: readonly Industry[] = ['危化生产', '危化经营(带储存)', '烟花爆竹', '燃气', '矿山', '工贸-冶金', '工贸-有色'];

/** The facts about an owner the rules read. */
export interface PlanOwnerFacts {
  ownerType: PlanOwnerType;
  /** The enterprise's industry (enterprise plans only). */
  industry?: Industry | null;
  /** 人员密集场所经营单位 (宾馆、商场、娱乐场所、旅游景区…). */
  crowdedPlace?: boolean;
}

export function isListedUnit(owner: PlanOwnerFacts): boolean {
  if (owner.ownerType !== 'enterprise') return false;
  return Boolean(owner.crowdedPlace) || (owner.industry != null && listedUnitIndustries.includes(owner.industry));
}

/** The materials a filing must bring (第二十七条): the 评审意见 only for the units of 第二十一条. */
export function requiredFilingMaterials(owner: PlanOwnerFacts): PlanFilingMaterial[] {
  const reviewRequired = owner.ownerType === 'enterprise' && owner.industry != null && reviewRequiredIndustries.includes(owner.industry);
  return planFilingMaterials.filter((material) => reviewRequired || material !== '应急预案评审意见');
}

/** A computed date, and whether a year without a holiday schedule made it count weekends only. */
export interface ComputedDate {
  date: string;
  /** True when a day it counted over lies in a year the calendar has no schedule for (节假日 unknown). */
  approximate: boolean;
}

/**
 * The `count`-th working day after `date` (the day itself not counted): 20 working days from 2026-09-28 land
 * after 国庆. Years without a schedule count weekends only and say so.
 */
export function addWorkingDays(date: string, count: number, calendar: HolidayCalendar = officialHolidayCalendar): ComputedDate {
  // A register computes this for thousands of plans that share issue dates; each calendar keeps its answers.
  let cache = workingDayCache.get(calendar);
  if (!cache) workingDayCache.set(calendar, (cache = new Map()));
  const key = `${date}|${count}`;
  const known = cache.get(key);
  if (known) return { ...known };
  const computed = countWorkingDays(date, count, calendar);
  cache.set(key, computed);
  return { ...computed };
}

const workingDayCache = new WeakMap<HolidayCalendar, Map<string, ComputedDate>>();

function countWorkingDays(date: string, count: number, calendar: HolidayCalendar): ComputedDate {
  let day = date;
  let left = count;
  let approximate = false;
  while (left > 0) {
    day = addDays(day, 1);
    if (!calendar.years.has(Number(day.slice(0, 4)))) approximate = true;
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return { date: day, approximate };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` months later, clamped to the month's end (2024-02-29 + 36 months = 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** 第二十六条: 20 working days from the plan's issue. */
export const filingWorkingDays = 20;
/** 第二十八条: the office checks a filing's materials within 5 working days. */
export const filingCheckWorkingDays = 5;
/** 第三十五条: evaluate every 3 years. */
export const evaluationIntervalMonths = 36;

/** The 备案 deadline of a version issued on `issuedOn`, or null where 第二十六条 does not oblige the owner to file. */
export function filingDeadlineOf(owner: PlanOwnerFacts, issuedOn: string, calendar?: HolidayCalendar): ComputedDate | null {
  return isListedUnit(owner) ? addWorkingDays(issuedOn, filingWorkingDays, calendar) : null;
}

/** 第二十八条: the date by which the office must have checked a filing received on `receivedOn`. */
export function filingCheckDeadlineOf(receivedOn: string, calendar?: HolidayCalendar): ComputedDate {
  return addWorkingDays(receivedOn, filingCheckWorkingDays, calendar);
}

/** 第三十五条: 3 years after the later of the current version's issue and the last evaluation. */
export function nextEvaluationOf(issuedOn: string, lastEvaluatedOn: string | null): string {
  const base = lastEvaluatedOn && lastEvaluatedOn > issuedOn ? lastEvaluatedOn : issuedOn;
  return addMonths(base, evaluationIntervalMonths);
}

/**
 * 第三十三条: months between drills of a plan — 现场处置方案 and every plan of a listed unit half-yearly, other
 * 综合/专项 plans yearly. Government plans (总体/专项/部门) are held to the yearly rhythm the seeds report
 * (第三十二条 asks at least every two years of 应急管理部门; offices drill yearly).
 */
export function drillIntervalMonths(kind: PlanKind, owner: PlanOwnerFacts): 6 | 12 {
  return kind === '现场处置方案' || isListedUnit(owner) ? 6 : 12;
}

/** Why the interval is what it is, as the UI shows it. */
export function drillRuleText(kind: PlanKind, owner: PlanOwnerFacts): string {
  if (kind === '现场处置方案') return '现场处置方案每半年至少演练一次（第三十三条）';
  if (isListedUnit(owner)) return '第三十三条所列单位每半年至少演练一次';
  return '综合/专项预案每年至少演练一次（第三十三条）';
}

/** The next drill: one interval after the last drill of the plan, or after its issue when it has none. */
export function nextDrillOf(kind: PlanKind, owner: PlanOwnerFacts, issuedOn: string, lastDrillOn: string | null): string {
  const base = lastDrillOn && lastDrillOn > issuedOn ? lastDrillOn : issuedOn;
  return addMonths(base, drillIntervalMonths(kind, owner));
}

export const dueStates = ['overdue', 'due', 'ok', 'done'] as const;
export type DueState = (typeof dueStates)[number];
export const dueStateLabels: Record<DueState, string> = { overdue: '已逾期', due: '即将到期', ok: '未到期', done: '已完成' };

/** Overdue once the due day has passed; due from `windowDays` before it. */
export function dueStateOf(dueOn: string, today: string, windowDays: number): Exclude<DueState, 'done'> {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, windowDays) ? 'due' : 'ok';
}

/** Whole days from `today` to `dueOn` (negative when overdue). */
export function daysUntil(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export const reminderKinds = ['filing', 'filingCheck', 'evaluation', 'drill'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
export const reminderKindLabels: Record<ReminderKind, string> = { filing: '预案备案', filingCheck: '备案核对', evaluation: '预案评估', drill: '预案演练' };
