/**
 * The official public-holiday schedules (国务院办公厅关于部分节假日安排的通知) the app ships with, and the day
 * arithmetic built on them. A date is a `YYYY-MM-DD` string in the office's local calendar.
 */

/** One year's schedule: the days off (holidays and the weekend days folded into them) and the 调休 workdays. */
export interface HolidaySchedule {
  year: number;
  /** Where the schedule comes from, shown to the user. */
  source: string;
  holidays: readonly { name: string; from: string; to: string }[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export const officialHolidaySchedules: readonly HolidaySchedule[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/** What kind of day a date is for the office. */
export type DayKind = { kind: 'workday' } | { kind: 'holiday'; name: string } | { kind: 'restDay' };

/** A lookup built once from schedules: which dates are holidays (with their name) and which weekend days are worked. */
export interface HolidayCalendar {
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlySet<string>;
  /** Years the calendar has a schedule for; outside them only weekends are known. */
  years: ReadonlySet<number>;
}

export function buildHolidayCalendar(schedules: readonly HolidaySchedule[] = officialHolidaySchedules): HolidayCalendar {
  const holidays = new Map<string, string>();
  const workdays = new Set<string>();
  for (const schedule of schedules) {
    for (const holiday of schedule.holidays) {
      for (let date = holiday.from; date <= holiday.to; date = addDays(date, 1)) holidays.set(date, holiday.name);
    }
    for (const date of schedule.workdays) workdays.add(date);
  }
  return { holidays, workdays, years: new Set(schedules.map((schedule) => schedule.year)) };
}

export const officialHolidayCalendar: HolidayCalendar = buildHolidayCalendar();

function utcDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const value = utcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return formatUtcDate(value);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return utcDate(date).getUTCDay();
}

export function dayKindOf(date: string, calendar: HolidayCalendar = officialHolidayCalendar): DayKind {
  const holiday = calendar.holidays.get(date);
  if (holiday) return { kind: 'holiday', name: holiday };
  if (calendar.workdays.has(date)) return { kind: 'workday' };
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6 ? { kind: 'restDay' } : { kind: 'workday' };
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = officialHolidayCalendar): boolean {
  return dayKindOf(date, calendar).kind === 'workday';
}

/** Years whose official schedule ships with the app; they cannot be edited. */
export const shippedHolidayYears: readonly number[] = officialHolidaySchedules.map((schedule) => schedule.year);

/**
 * What is wrong with a schedule an administrator enters for a later year (empty when nothing): each problem
 * names the field to fix (`holidays.N.to`, `workdays`…).
 */
export function holidayScheduleProblems(schedule: HolidaySchedule): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (shippedHolidayYears.includes(schedule.year)) {
    problems.push({ field: 'year', message: `${schedule.year} 年的安排为国务院办公厅公布的通知，随程序提供，不能修改` });
  }
  const ranges = schedule.holidays.map((holiday, index) => ({ ...holiday, index }));
  for (const holiday of ranges) {
    if (holiday.to < holiday.from) problems.push({ field: `holidays.${holiday.index}.to`, message: `${holiday.name}的结束日期不能早于开始日期` });
    else if (addDays(holiday.from, 14) < holiday.to) problems.push({ field: `holidays.${holiday.index}.to`, message: `${holiday.name}放假超过 15 天，请检查日期` });
    // 元旦 may begin in the last days of the year before (as 2023-12-30 did for 2024).
    if (!holiday.to.startsWith(String(schedule.year)) && !holiday.from.startsWith(String(schedule.year))) {
      problems.push({ field: `holidays.${holiday.index}.from`, message: `${holiday.name}的日期不在 ${schedule.year} 年` });
    }
  }
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i].from <= sorted[i - 1].to) {
      problems.push({ field: `holidays.${sorted[i].index}.from`, message: `${sorted[i].name}与${sorted[i - 1].name}的日期重叠` });
    }
  }
  for (const date of schedule.workdays) {
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) problems.push({ field: 'workdays', message: `调休上班日 ${date} 不是周六或周日` });
    const inside = ranges.find((holiday) => holiday.from <= date && date <= holiday.to);
    if (inside) problems.push({ field: 'workdays', message: `调休上班日 ${date} 在${inside.name}假期内` });
  }
  return problems;
}
