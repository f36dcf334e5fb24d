import { describe, expect, it } from 'vitest';
import { monthsOf, periodDays, previousPeriod, reportPeriod, samePeriodLastYear } from './reportPeriod';

describe('reportPeriod', () => {
  it('gives a month its first and last day, February by the year', () => {
    expect(reportPeriod('month', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-01-31', label: '2026年1月' });
    expect(reportPeriod('month', 2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28', label: '2026年2月' });
    expect(reportPeriod('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29', label: '2024年2月' });
    expect(reportPeriod('month', 2026, 4)).toEqual({ from: '2026-04-01', to: '2026-04-30', label: '2026年4月' });
    expect(reportPeriod('month', 2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31', label: '2026年12月' });
  });

  it('gives each quarter its three months', () => {
    expect(reportPeriod('quarter', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
    expect(reportPeriod('quarter', 2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30', label: '2026年第二季度' });
    expect(reportPeriod('quarter', 2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' });
    expect(reportPeriod('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' });
  });

  it('gives the halves and the year', () => {
    expect(reportPeriod('half', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30', label: '2026年上半年' });
    expect(reportPeriod('half', 2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31', label: '2026年下半年' });
    expect(reportPeriod('year', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
  });

  it('keeps a custom period’s dates and writes them out without leading zeros', () => {
    expect(reportPeriod('custom', 2026, 1, { from: '2026-03-05', to: '2026-04-10' })).toEqual({ from: '2026-03-05', to: '2026-04-10', label: '2026年3月5日至2026年4月10日' });
    expect(reportPeriod('custom', 0, 0, { from: '2025-12-20', to: '2026-01-09' }).label).toBe('2025年12月20日至2026年1月9日');
    expect(() => reportPeriod('custom', 2026)).toThrow();
  });
});

describe('previousPeriod', () => {
  it('steps back within the year', () => {
    expect(previousPeriod('month', 2026, 3)).toEqual({ from: '2026-02-01', to: '2026-02-28', label: '2026年2月' });
    expect(previousPeriod('quarter', 2026, 3)).toEqual({ from: '2026-04-01', to: '2026-06-30', label: '2026年第二季度' });
    expect(previousPeriod('half', 2026, 2)).toEqual({ from: '2026-01-01', to: '2026-06-30', label: '2026年上半年' });
  });

  it('steps back across the year boundary', () => {
    expect(previousPeriod('month', 2026, 1)).toEqual({ from: '2025-12-01', to: '2025-12-31', label: '2025年12月' });
    expect(previousPeriod('quarter', 2026, 1)).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025年第四季度' });
    expect(previousPeriod('half', 2026, 1)).toEqual({ from: '2025-07-01', to: '2025-12-31', label: '2025年下半年' });
    expect(previousPeriod('year', 2026)).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025年' });
  });

  it('takes as many days as a custom period, ending the day before it starts', () => {
    // 03-05..03-14 is 10 days: the 10 days before are 02-23..03-04 (February 2026 has 28 days).
    expect(previousPeriod('custom', 2026, 1, { from: '2026-03-05', to: '2026-03-14' })).toEqual({
      from: '2026-02-23',
      to: '2026-03-04',
      label: '2026年2月23日至2026年3月4日',
    });
    // In 2024 February has 29 days: the same 10 days before are 02-24..03-04.
    expect(previousPeriod('custom', 2024, 1, { from: '2024-03-05', to: '2024-03-14' })).toMatchObject({ from: '2024-02-24', to: '2024-03-04' });
    // One day: the day before, across the new year.
    expect(previousPeriod('custom', 2026, 1, { from: '2026-01-01', to: '2026-01-01' })).toMatchObject({ from: '2025-12-31', to: '2025-12-31' });
    // 31 days of January 2026: 2025-12-01..2025-12-31.
    expect(previousPeriod('custom', 2026, 1, { from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('samePeriodLastYear', () => {
  it('takes the same calendar period a year earlier', () => {
    expect(samePeriodLastYear('month', 2024, 2)).toEqual({ from: '2023-02-01', to: '2023-02-28', label: '2023年2月' });
    expect(samePeriodLastYear('quarter', 2026, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31', label: '2025年第一季度' });
    expect(samePeriodLastYear('half', 2026, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31', label: '2025年下半年' });
    expect(samePeriodLastYear('year', 2026)).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025年' });
  });

  it('moves custom dates back a year, 29 February to 28 February', () => {
    expect(samePeriodLastYear('custom', 2024, 1, { from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
      label: '2023年2月1日至2023年2月28日',
    });
    expect(samePeriodLastYear('custom', 2024, 1, { from: '2024-02-29', to: '2024-03-10' })).toMatchObject({ from: '2023-02-28', to: '2023-03-10' });
    expect(samePeriodLastYear('custom', 2026, 1, { from: '2025-12-20', to: '2026-01-09' })).toMatchObject({ from: '2024-12-20', to: '2025-01-09' });
  });
});

describe('monthsOf and periodDays', () => {
  it('lists the months a period touches, across a year', () => {
    expect(monthsOf('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-31', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsOf('2026-01-01', '2026-12-31')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('counts both ends', () => {
    expect(periodDays('2026-03-31', '2026-03-31')).toBe(1);
    expect(periodDays('2026-03-31', '2026-04-01')).toBe(2);
    expect(periodDays('2026-01-01', '2026-12-31')).toBe(365);
    expect(periodDays('2024-01-01', '2024-12-31')).toBe(366);
    expect(periodDays('2024-02-01', '2024-02-29')).toBe(29);
    expect(periodDays('2025-12-31', '2026-01-01')).toBe(2);
  });
});
