/**
 * Report periods: a month, quarter, half year or year of the calendar, or any from–to, and the two periods a
 * report compares with (the one just before, and the same one a year earlier). Dates are YYYY-MM-DD, inclusive.
 */
import { addDays } from './holidays';

export const reportPeriodKinds = ['month', 'quarter', 'half', 'year', 'custom'] as const;
export type ReportPeriodKind = (typeof reportPeriodKinds)[number];

export const reportPeriodKindLabels: Record<ReportPeriodKind, string> = { month: '月度', quarter: '季度', half: '半年', year: '年度', custom: '自定义' };

export interface ReportPeriod {
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month (1–12) of a year. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of months `first`..`last` of `year`. */
function months(year: number, first: number, last: number): { from: string; to: string } {
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** A calendar period, or a custom one (`from`, `to` given). */
export function reportPeriod(kind: ReportPeriodKind, year: number, index = 1, custom?: { from: string; to: string }): ReportPeriod {
  switch (kind) {
    case 'month':
      return { ...months(year, index, index), label: `${year}年${index}月` };
    case 'quarter':
      return { ...months(year, index * 3 - 2, index * 3), label: `${year}年${quarterNames[index - 1]}` };
    case 'half':
      return { ...(index === 1 ? months(year, 1, 6) : months(year, 7, 12)), label: `${year}年${index === 1 ? '上半年' : '下半年'}` };
    case 'year':
      return { ...months(year, 1, 12), label: `${year}年` };
    case 'custom': {
      if (!custom) throw new Error('custom period without dates');
      return { ...custom, label: customLabel(custom.from, custom.to) };
    }
  }
}

function customLabel(from: string, to: string): string {
  const part = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return `${part(from)}至${part(to)}`;
}

/** Whole days from `from` to `to`, both counted. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The same date a year earlier; 29 February becomes 28 February. */
function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The period just before: the previous month, quarter, half or year; for a custom period, as many days ending
 * the day before it starts.
 */
export function previousPeriod(kind: ReportPeriodKind, year: number, index = 1, custom?: { from: string; to: string }): ReportPeriod {
  switch (kind) {
    case 'month':
      return index === 1 ? reportPeriod('month', year - 1, 12) : reportPeriod('month', year, index - 1);
    case 'quarter':
      return index === 1 ? reportPeriod('quarter', year - 1, 4) : reportPeriod('quarter', year, index - 1);
    case 'half':
      return index === 1 ? reportPeriod('half', year - 1, 2) : reportPeriod('half', year, 1);
    case 'year':
      return reportPeriod('year', year - 1);
    case 'custom': {
      if (!custom) throw new Error('custom period without dates');
      const to = addDays(custom.from, -1);
      return reportPeriod('custom', 0, 0, { from: addDays(to, -(periodDays(custom.from, custom.to) - 1)), to });
    }
  }
}

/** The same period a year earlier (同期). */
export function samePeriodLastYear(kind: ReportPeriodKind, year: number, index = 1, custom?: { from: string; to: string }): ReportPeriod {
  if (kind !== 'custom') return reportPeriod(kind, year - 1, index);
  if (!custom) throw new Error('custom period without dates');
  return reportPeriod('custom', 0, 0, { from: yearEarlier(custom.from), to: yearEarlier(custom.to) });
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    out.push(key);
    if (key >= last) return out;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
