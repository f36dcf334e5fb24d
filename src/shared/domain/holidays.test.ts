import { describe, expect, it } from 'vitest';
import { addDays, buildHolidayCalendar, dayKindOf, isWorkingDay, officialHolidayCalendar, officialHolidaySchedules, weekdayOf } from './holidays';

/** Every date from `from` to `to`, both included. */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe('addDays', () => {
  it('moves across month, leap-day and year ends, forwards and backwards', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
  });
});

describe('weekdayOf', () => {
  it('counts 0 = Sunday … 6 = Saturday', () => {
    expect(weekdayOf('2026-03-15')).toBe(0);
    expect(weekdayOf('2026-03-16')).toBe(1);
    expect(weekdayOf('2026-03-14')).toBe(6);
    expect(weekdayOf('2026-10-08')).toBe(4);
  });
});

describe('official schedules', () => {
  it('ship 2025 and 2026, and the calendar knows exactly those years', () => {
    expect(officialHolidaySchedules.map((schedule) => schedule.year)).toEqual([2025, 2026]);
    expect([...officialHolidayCalendar.years].sort()).toEqual([2025, 2026]);
  });

  it('2026 春节 is 02-15..02-23 (9 days), with the Saturdays 02-14 and 02-28 worked', () => {
    const spring = datesBetween('2026-02-15', '2026-02-23');
    expect(spring).toHaveLength(9);
    for (const date of spring) expect(dayKindOf(date), date).toEqual({ kind: 'holiday', name: '春节' });
    expect(dayKindOf('2026-02-14')).toEqual({ kind: 'workday' });
    expect(dayKindOf('2026-02-28')).toEqual({ kind: 'workday' });
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // The days either side of the holiday are ordinary working days.
    expect(dayKindOf('2026-02-13')).toEqual({ kind: 'workday' });
    expect(dayKindOf('2026-02-24')).toEqual({ kind: 'workday' });
  });

  it('2026: the other holidays and 调休 workdays of the notice', () => {
    const holidays: [string, string, string][] = [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ];
    for (const [name, from, to] of holidays) {
      for (const date of datesBetween(from, to)) expect(dayKindOf(date), date).toEqual({ kind: 'holiday', name });
      expect(dayKindOf(addDays(from, -1)).kind, `day before ${name}`).not.toBe('holiday');
      expect(dayKindOf(addDays(to, 1)).kind, `day after ${name}`).not.toBe('holiday');
    }
    // 调休 workdays: Sundays and Saturdays that are worked.
    for (const date of ['2026-01-04', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect([0, 6]).toContain(weekdayOf(date));
      expect(dayKindOf(date), date).toEqual({ kind: 'workday' });
    }
    // The Thursday after 国庆 is an ordinary working day.
    expect(dayKindOf('2026-10-08')).toEqual({ kind: 'workday' });
    expect(isWorkingDay('2026-10-08')).toBe(true);
    // The Sunday after the 10-10 workday is a plain rest day.
    expect(dayKindOf('2026-10-11')).toEqual({ kind: 'restDay' });
  });

  it('2025: 国庆节、中秋节 is 10-01..10-08 (8 days), 春节 01-28..02-04, with their 调休 workdays', () => {
    const national = datesBetween('2025-10-01', '2025-10-08');
    expect(national).toHaveLength(8);
    for (const date of national) expect(dayKindOf(date), date).toEqual({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(dayKindOf('2025-10-09')).toEqual({ kind: 'workday' });
    for (const date of datesBetween('2025-01-28', '2025-02-04')) expect(dayKindOf(date), date).toEqual({ kind: 'holiday', name: '春节' });
    expect(dayKindOf('2025-01-01')).toEqual({ kind: 'holiday', name: '元旦' });
    expect(dayKindOf('2025-01-02')).toEqual({ kind: 'workday' });
    for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
      expect([0, 6]).toContain(weekdayOf(date));
      expect(dayKindOf(date), date).toEqual({ kind: 'workday' });
    }
    expect(dayKindOf('2025-05-31')).toEqual({ kind: 'holiday', name: '端午节' });
    expect(dayKindOf('2025-06-02')).toEqual({ kind: 'holiday', name: '端午节' });
  });

  it('plain weekends are rest days and plain weekdays working days', () => {
    expect(dayKindOf('2026-03-14')).toEqual({ kind: 'restDay' });
    expect(dayKindOf('2026-03-15')).toEqual({ kind: 'restDay' });
    expect(dayKindOf('2026-03-16')).toEqual({ kind: 'workday' });
    expect(dayKindOf('2025-03-08')).toEqual({ kind: 'restDay' });
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(isWorkingDay('2026-03-16')).toBe(true);
    expect(isWorkingDay('2026-10-02')).toBe(false);
  });

  it('years without a schedule know only weekends', () => {
    // 2024-10-01 (Tuesday) and 2027-10-01 (Friday) are 国庆 in reality, but no schedule is shipped for them.
    expect(dayKindOf('2024-10-01')).toEqual({ kind: 'workday' });
    expect(dayKindOf('2027-10-01')).toEqual({ kind: 'workday' });
    expect(dayKindOf('2027-01-02')).toEqual({ kind: 'restDay' });
    expect(dayKindOf('2024-12-29')).toEqual({ kind: 'restDay' });
    expect(isWorkingDay('2027-01-04')).toBe(true);
  });
});

describe('buildHolidayCalendar', () => {
  it('builds a calendar from any schedules, and an empty one knows only weekends', () => {
    const calendar = buildHolidayCalendar([
      { year: 2030, source: '测试', holidays: [{ name: '测试假', from: '2030-12-30', to: '2031-01-02' }], workdays: ['2031-01-05'] },
    ]);
    expect([...calendar.years]).toEqual([2030]);
    expect(dayKindOf('2030-12-31', calendar)).toEqual({ kind: 'holiday', name: '测试假' });
    expect(dayKindOf('2031-01-02', calendar)).toEqual({ kind: 'holiday', name: '测试假' });
    expect(dayKindOf('2031-01-03', calendar)).toEqual({ kind: 'workday' });
    expect(dayKindOf('2031-01-05', calendar)).toEqual({ kind: 'workday' });
    expect(isWorkingDay('2031-01-05', calendar)).toBe(true);
    expect(calendar.holidays.size).toBe(4);

    const empty = buildHolidayCalendar([]);
    expect(dayKindOf('2026-10-02', empty)).toEqual({ kind: 'workday' });
    expect(dayKindOf('2026-02-14', empty)).toEqual({ kind: 'restDay' });
  });
});
