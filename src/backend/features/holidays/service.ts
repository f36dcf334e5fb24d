import type { Out, Parsed } from '../../../shared/api';
import { buildHolidayCalendar, holidayScheduleProblems, officialHolidaySchedules, type HolidayCalendar, type HolidaySchedule } from '../../../shared/domain/holidays';
import type { HandlerContext, RequestContext } from '../../api/context';
import { AppError, notFound } from '../../api/errors';
import { ErrorCode } from '../../../shared/api/errors';
import { recordAudit } from '../audit/service';
import { readSetting, writeSetting } from '../settings/service';

const settingKey = 'holidaySchedules';

function enteredSchedules(ctx: HandlerContext): HolidaySchedule[] {
  return readSetting<HolidaySchedule[]>(ctx, settingKey, []);
}

/** A schedule as the API returns it (mutable copies of the shipped, frozen ones). */
function outOf(schedule: HolidaySchedule): Out<'holidays.save'> {
  return { year: schedule.year, source: schedule.source, holidays: schedule.holidays.map((holiday) => ({ ...holiday })), workdays: [...schedule.workdays] };
}

export function listHolidaySchedules(ctx: HandlerContext): Out<'holidays.list'> {
  return [
    ...officialHolidaySchedules.map((schedule) => ({ ...outOf(schedule), official: true })),
    ...enteredSchedules(ctx).map((schedule) => ({ ...outOf(schedule), official: false })),
  ].sort((a, b) => a.year - b.year);
}

/** The calendar the rules read: the shipped schedules plus the years an administrator entered. */
export function holidayCalendar(ctx: HandlerContext): HolidayCalendar {
  return buildHolidayCalendar([...officialHolidaySchedules, ...enteredSchedules(ctx)]);
}

function describe(schedule: HolidaySchedule): string {
  const holidays = schedule.holidays.map((holiday) => `${holiday.name} ${holiday.from}—${holiday.to}`).join('；');
  return `${holidays}${schedule.workdays.length ? `；调休上班 ${schedule.workdays.join('、')}` : ''}`;
}

export function saveHolidaySchedule(ctx: RequestContext, input: Parsed<'holidays.save'>): Out<'holidays.save'> {
  const schedule: HolidaySchedule = { ...input, holidays: [...input.holidays].sort((a, b) => a.from.localeCompare(b.from)), workdays: [...new Set(input.workdays)].sort() };
  const problems = holidayScheduleProblems(input);
  if (problems.length) {
    const fieldErrors: Record<string, string> = {};
    for (const problem of problems) fieldErrors[problem.field] ??= problem.message;
    throw new AppError(ErrorCode.InvalidInput, problems.map((problem) => problem.message).join('；'), fieldErrors);
  }
  const entered = enteredSchedules(ctx);
  const others = entered.filter((entry) => entry.year !== schedule.year);
  const before = entered.find((entry) => entry.year === schedule.year);
  writeSetting(ctx, settingKey, [...others, schedule].sort((a, b) => a.year - b.year));
  recordAudit(ctx, {
    action: 'update',
    entity: 'settings',
    entityId: 0,
    entityTitle: '节假日安排',
    changes: [{ field: `${schedule.year} 年节假日`, before: before ? describe(before) : null, after: describe(schedule) }],
  });
  return outOf(schedule);
}

export function deleteHolidaySchedule(ctx: RequestContext, year: number): void {
  const entered = enteredSchedules(ctx);
  const before = entered.find((entry) => entry.year === year);
  if (!before) throw notFound(`${year} 年的自定义节假日安排`);
  writeSetting(ctx, settingKey, entered.filter((entry) => entry.year !== year));
  recordAudit(ctx, { action: 'update', entity: 'settings', entityId: 0, entityTitle: '节假日安排', changes: [{ field: `${year} 年节假日`, before: describe(before), after: null }] });
}
