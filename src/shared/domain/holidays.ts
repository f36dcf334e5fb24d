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
