/**
 * 特殊作业报备: kinds, grades, validity windows and required documents from GB 30871-2022 (DOMAIN.md), and the
 * filing's workflow. Times are local `YYYY-MM-DD HH:mm` strings, as the office types them.
 */
import { chemicalIndustries, type Industry } from './enterprise';

/** The eight kinds of GB 30871-2022, then 切割, 拆解 and 外来施工 as seed 000 names them. */
export const specialWorkKinds = ['动火', '受限空间', '盲板抽堵', '高处', '吊装', '临时用电', '动土', '断路', '切割', '拆解', '外来施工'] as const;
export type SpecialWorkKind = (typeof specialWorkKinds)[number];

/**
 * Kinds that are hot work. 切割 is named apart by the office but is 动火作业 under GB 30871-2022 3.1 (气割,
 * 砂轮…), so it is graded and checked as 动火.
 */
export const hotWorkKinds: readonly SpecialWorkKind[] = ['动火', '切割'];
export function isHotWork(kind: SpecialWorkKind): boolean {
  return hotWorkKinds.includes(kind);
}

export const hotWorkGrades = ['特级', '一级', '二级'] as const;
export const heightWorkGrades = ['Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'] as const;
export const liftingGrades = ['一级', '二级', '三级'] as const;
export const heightClasses = ['A', 'B'] as const;
export type HeightClass = (typeof heightClasses)[number];
export type SpecialWorkGrade = (typeof hotWorkGrades)[number] | (typeof heightWorkGrades)[number] | (typeof liftingGrades)[number];

/** How a kind gets its grade: chosen (动火), computed from height (高处) or load (吊装), or none. */
export function gradingOf(kind: SpecialWorkKind): 'chosen' | 'height' | 'load' | 'none' {
  if (isHotWork(kind)) return 'chosen';
  if (kind === '高处') return 'height';
  if (kind === '吊装') return 'load';
  return 'none';
}

/** Below 2 m a job is not 高处作业 (GB 30871-2022 3.7). */
export const minWorkHeightM = 2;

/**
 * 高处作业 grade (GB 30871-2022 8.1 with GB/T 3608): 2–5 m Ⅰ, over 5–15 m Ⅱ, over 15–30 m Ⅲ, over 30 m Ⅳ; class B
 * (with the listed aggravating factors) one grade up, Ⅳ at most. Null below 2 m.
 */
export function heightWorkGrade(heightM: number, heightClass: HeightClass): (typeof heightWorkGrades)[number] | null {
  if (heightM < minWorkHeightM) return null;
  const base = heightM <= 5 ? 0 : heightM <= 15 ? 1 : heightM <= 30 ? 2 : 3;
  return heightWorkGrades[Math.min(base + (heightClass === 'B' ? 1 : 0), 3)];
}

/** 吊装作业 grade by load (GB 30871-2022 9.1): 一级 over 100 t, 二级 40–100 t, 三级 under 40 t. */
export function liftingGrade(loadT: number): (typeof liftingGrades)[number] {
  if (loadT > 100) return '一级';
  if (loadT >= 40) return '二级';
  return '三级';
}

/** 动火 one grade up (5.1.1: holidays, rest days, night); 特级 is already the top. */
export function hotWorkGradeUp(grade: (typeof hotWorkGrades)[number]): (typeof hotWorkGrades)[number] {
  return grade === '二级' ? '一级' : '特级';
}

/** The longest window a permit may cover, with the clause it comes from; null where the standard sets none. */
export function maxWindowOf(kind: SpecialWorkKind, grade: SpecialWorkGrade | null): { minutes: number; label: string; clause: string } | null {
  if (isHotWork(kind)) {
    if (grade === '二级') return { minutes: 72 * 60, label: '72 小时', clause: 'GB 30871-2022 5.1.5' };
    return { minutes: 8 * 60, label: '8 小时', clause: 'GB 30871-2022 5.1.5' };
  }
  if (kind === '受限空间') return { minutes: 24 * 60, label: '24 小时', clause: 'GB 30871-2022 6.10' };
  if (kind === '高处') return { minutes: 7 * 24 * 60, label: '7 天', clause: 'GB 30871-2022 8.2.11' };
  if (kind === '临时用电') return { minutes: 30 * 24 * 60, label: '30 天', clause: 'GB 30871-2022 10.8' };
  return null;
}

/** 临时用电 beyond 15 days is allowed only in special cases (10.8): a warning up to the 30-day limit. */
export const temporaryPowerUsualDays = 15;

/** Documents every filing brings (seed 000), then those a kind and grade add. */
export const baseDocuments = ['施工方案', '施工资质', '应急处置措施'] as const;
export const specialWorkDocuments = [...baseDocuments, '作业许可证', '吊装方案', '气体分析记录', '特级动火视频监控措施', '盲板位置图'] as const;
export type SpecialWorkDocument = (typeof specialWorkDocuments)[number];

export function requiredDocumentsOf(kind: SpecialWorkKind, grade: SpecialWorkGrade | null): SpecialWorkDocument[] {
  const documents: SpecialWorkDocument[] = [...baseDocuments];
  // 外来施工 is not one of the GB 30871 permits; the others each need their 作业许可证.
  if (kind !== '外来施工' && kind !== '拆解') documents.push('作业许可证');
  if (isHotWork(kind) || kind === '受限空间') documents.push('气体分析记录');
  if (isHotWork(kind) && grade === '特级') documents.push('特级动火视频监控措施');
  if (kind === '吊装' && (grade === '一级' || grade === '二级')) documents.push('吊装方案');
  if (kind === '盲板抽堵') documents.push('盲板位置图');
  return documents;
}

/** Whether GB 30871-2022 binds the enterprise (危化/化工/医药) or is only 参照执行 (warn instead of block). */
export function isBoundByGb30871(industry: Industry): boolean {
  return chemicalIndustries.includes(industry);
}

// ---------------------------------------------------------------------------------------------------------
// Workflow

export const filingStatuses = ['待审核', '待现场核查', '准予作业', '作业中', '已完工', '驳回', '撤销', '逾期未完工'] as const;
export type FilingStatus = (typeof filingStatuses)[number];

/** Statuses in which the work may legitimately take place (approved). */
export const approvedStatuses: readonly FilingStatus[] = ['准予作业', '作业中'];
/** Statuses that end a filing. */
export const finalStatuses: readonly FilingStatus[] = ['已完工', '驳回', '撤销'];
/** Statuses in which the filing's facts may still be edited (before the office has approved it). */
export const editableStatuses: readonly FilingStatus[] = ['待审核', '待现场核查'];
/** Statuses in which a filing may be deleted (nothing was approved). */
export const deletableStatuses: readonly FilingStatus[] = ['待审核', '驳回', '撤销'];

export const filingActions = ['passReview', 'siteCheck', 'start', 'complete', 'reject', 'withdraw', 'markOverdue'] as const;
export type FilingAction = (typeof filingActions)[number];

export const filingActionLabels: Record<FilingAction, string> = {
  passReview: '审核通过',
  siteCheck: '现场核查',
  start: '开始作业',
  complete: '完工复查',
  reject: '驳回',
  withdraw: '撤销',
  markOverdue: '标记逾期未完工',
};

/** Where each action may start from. 现场核查 ends in 准予作业 or, when the site fails, 驳回. */
export const filingTransitions: Record<FilingAction, { from: readonly FilingStatus[]; to: FilingStatus }> = {
  passReview: { from: ['待审核'], to: '待现场核查' },
  siteCheck: { from: ['待现场核查'], to: '准予作业' },
  start: { from: ['准予作业'], to: '作业中' },
  complete: { from: ['作业中', '逾期未完工'], to: '已完工' },
  reject: { from: ['待审核', '待现场核查'], to: '驳回' },
  withdraw: { from: ['待审核', '待现场核查', '准予作业'], to: '撤销' },
  markOverdue: { from: ['准予作业', '作业中'], to: '逾期未完工' },
};

/** The actions a filing in `status` allows. */
export function actionsFrom(status: FilingStatus): FilingAction[] {
  return filingActions.filter((action) => filingTransitions[action].from.includes(status));
}

/** The status an action leads to, or null when the action is not allowed from `status`. */
export function nextFilingStatus(status: FilingStatus, action: FilingAction, sitePassed = true): FilingStatus | null {
  const transition = filingTransitions[action];
  if (!transition.from.includes(status)) return null;
  if (action === 'siteCheck' && !sitePassed) return '驳回';
  return transition.to;
}

// ---------------------------------------------------------------------------------------------------------
// Local date-times

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** Minutes since the epoch of a local `YYYY-MM-DD HH:mm`, counted as if it were UTC (no DST in China). */
export function minutesOf(dateTime: string): number {
  const match = dateTimePattern.exec(dateTime);
  if (!match) return Number.NaN;
  const [, year, month, day, hour, minute] = match.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute) / 60_000;
}

export function isValidDateTime(dateTime: string): boolean {
  const match = dateTimePattern.exec(dateTime);
  if (!match) return false;
  const [, year, month, day, hour, minute] = match.map(Number);
  const value = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day && hour < 24 && minute < 60;
}

/** Formats a Date's local wall-clock time as `YYYY-MM-DD HH:mm`. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** “3 天 4 小时 5 分钟”: a window's length as staff read it. */
export function describeMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} 天`, hours && `${hours} 小时`, rest && `${rest} 分钟`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 分钟';
}

/**
 * Night as the law on noise defines it (噪声污染防治法 第八十八条: 22:00 to 06:00); GB 30871 names night work
 * but not its hours. Kept here so the office can see which hours count.
 */
export const nightHours = { from: 22, to: 6 } as const;

/** Whether [start, end) touches night on any day it spans. */
export function touchesNight(start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  const dayStart = Math.floor(from / 1440) * 1440;
  for (let day = dayStart - 1440; day < to; day += 1440) {
    // The night that begins at 22:00 on `day` and ends 06:00 the next day.
    const nightFrom = day + nightHours.from * 60;
    const nightTo = day + 1440 + nightHours.to * 60;
    if (from < nightTo && to > nightFrom) return true;
  }
  return false;
}

function inNight(minuteOfDay: number): boolean {
  return minuteOfDay >= nightHours.from * 60 || minuteOfDay < nightHours.to * 60;
}

/**
 * Whether a planned window means work at night: it starts or ends in the night, or, being at most a day long,
 * runs through it. A permit over several days (二级动火 up to 72 h, 高处 up to 7 days) covers daytime work on
 * each day; it is not night work merely because nights fall inside it.
 */
export function plannedAtNight(start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  const startsAtNight = inNight(((from % 1440) + 1440) % 1440);
  // The end minute is excluded: work ending at 22:00 sharp stops before the night.
  const endsAtNight = inNight((((to - 1) % 1440) + 1440) % 1440);
  return startsAtNight || endsAtNight || (to - from <= 1440 && touchesNight(start, end));
}

/** The calendar dates a window spans (its end minute excluded, so 08:00–24:00 is one day). */
export function datesSpanned(start: string, end: string): string[] {
  const dates: string[] = [];
  const last = minutesOf(end) - 1;
  for (let day = Math.floor(minutesOf(start) / 1440); day <= Math.floor(last / 1440); day += 1) {
    dates.push(new Date(day * 86_400_000).toISOString().slice(0, 10));
  }
  return dates;
}

/** Flags a filing earns at `now`: work whose window has started without approval, or approved work past its end. */
export const filingFlags = ['unapprovedStarted', 'pastWindow'] as const;
export type FilingFlag = (typeof filingFlags)[number];

export function filingFlagsAt(filing: { status: string; plannedStart: string; plannedEnd: string }, now: string): FilingFlag[] {
  const flags: FilingFlag[] = [];
  const status = filing.status as FilingStatus;
  if ((status === '待审核' || status === '待现场核查') && filing.plannedStart <= now && filing.plannedEnd > now) flags.push('unapprovedStarted');
  if (approvedStatuses.includes(status) && filing.plannedEnd <= now) flags.push('pastWindow');
  return flags;
}
