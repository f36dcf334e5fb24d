import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  daysUntil,
  drillIntervalMonths,
  dueStateOf,
  filingCheckDeadlineOf,
  filingDeadlineOf,
  isListedUnit,
  nextDrillOf,
  nextEvaluationOf,
  requiredFilingMaterials,
} from './emergencyPlan';
import { buildHolidayCalendar, officialHolidaySchedules } from './holidays';

const chemical = { ownerType: 'enterprise' as const, industry: '危化生产' as const };
const machinery = { ownerType: 'enterprise' as const, industry: '工贸-机械' as const };

describe('addWorkingDays', () => {
  it('skips the 2026 中秋/国庆 days and counts the 10-10 Saturday worked (hand-counted: 20 → 10-30)', () => {
    expect(addWorkingDays('2026-09-28', 20)).toEqual({ date: '2026-10-30', approximate: false });
    // Day by day around the holiday: the 2nd working day after 09-28 is 09-30, the 3rd is 10-08.
    expect(addWorkingDays('2026-09-28', 2).date).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-28', 3).date).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-28', 5).date).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-28', 6).date).toBe('2026-10-12');
  });

  it('skips 春节 2026 (02-15..02-23) and counts the 02-14 and 02-28 Saturdays (20 from 02-10 → 03-16)', () => {
    expect(addWorkingDays('2026-02-10', 4).date).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-10', 5).date).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-10', 9).date).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-10', 20)).toEqual({ date: '2026-03-16', approximate: false });
  });

  it('counts from a holiday or weekend issue date without counting the day itself', () => {
    // Issued on 国庆 day 1: the first working day after is 10-08.
    expect(addWorkingDays('2026-10-01', 1).date).toBe('2026-10-08');
    // Issued on a Saturday: Monday is day 1.
    expect(addWorkingDays('2026-11-21', 1).date).toBe('2026-11-23');
  });

  it('says when it ran into a year with no schedule (2027 counted by weekends only)', () => {
    expect(addWorkingDays('2026-12-20', 20)).toEqual({ date: '2027-01-15', approximate: true });
    expect(addWorkingDays('2026-12-20', 5)).toEqual({ date: '2026-12-25', approximate: false });
  });

  it('uses an administrator-entered year once it exists', () => {
    const calendar = buildHolidayCalendar([
      ...officialHolidaySchedules,
      { year: 2027, source: '本办录入', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: [] },
    ]);
    // 元旦 2027-01-01 (Fri) now a holiday: the 20th working day moves from 01-15 to 01-18.
    expect(addWorkingDays('2026-12-20', 20, calendar)).toEqual({ date: '2027-01-18', approximate: false });
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months and handles leap years', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-07-15', 6)).toBe('2027-01-15');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
  });
});

describe('filing rules (第二十六条, 第二十七条, 第二十八条)', () => {
  it('obliges listed units only, 20 working days after issue', () => {
    expect(filingDeadlineOf(chemical, '2026-09-28')).toEqual({ date: '2026-10-30', approximate: false });
    expect(filingDeadlineOf(machinery, '2026-09-28')).toBeNull();
    expect(filingDeadlineOf({ ...machinery, crowdedPlace: true }, '2026-09-28')?.date).toBe('2026-10-30');
    expect(filingDeadlineOf({ ownerType: 'town' }, '2026-09-28')).toBeNull();
    expect(isListedUnit({ ownerType: 'enterprise', industry: '建筑施工' })).toBe(true);
    expect(isListedUnit({ ownerType: 'enterprise', industry: '化工' })).toBe(false);
  });

  it('asks the 评审意见 of 第二十一条 units only', () => {
    expect(requiredFilingMaterials(chemical)).toContain('应急预案评审意见');
    expect(requiredFilingMaterials({ ownerType: 'enterprise', industry: '建筑施工' })).not.toContain('应急预案评审意见');
    expect(requiredFilingMaterials(machinery)).toEqual(['应急预案备案申报表', '应急预案电子文档', '风险评估结果', '应急资源调查清单']);
  });

  it('gives the office 5 working days to check, across 国庆', () => {
    expect(filingCheckDeadlineOf('2026-09-29').date).toBe('2026-10-12');
    expect(filingCheckDeadlineOf('2026-11-23').date).toBe('2026-11-30');
  });
});

describe('evaluation (第三十五条) and drills (第三十三条)', () => {
  it('evaluates 3 years after the later of issue and last evaluation, clamping 02-29', () => {
    expect(nextEvaluationOf('2024-02-29', null)).toBe('2027-02-28');
    expect(nextEvaluationOf('2023-05-10', '2028-02-29')).toBe('2031-02-28');
    expect(nextEvaluationOf('2025-03-01', '2024-01-01')).toBe('2028-03-01');
  });

  it('drills 现场处置方案 and listed units half-yearly, others yearly', () => {
    expect(drillIntervalMonths('现场处置方案', machinery)).toBe(6);
    expect(drillIntervalMonths('综合预案', chemical)).toBe(6);
    expect(drillIntervalMonths('综合预案', machinery)).toBe(12);
    expect(drillIntervalMonths('专项预案', { ownerType: 'town' })).toBe(12);
    expect(nextDrillOf('现场处置方案', machinery, '2025-08-31', null)).toBe('2026-02-28');
    expect(nextDrillOf('综合预案', machinery, '2025-01-10', '2026-03-15')).toBe('2027-03-15');
    // A drill before the current version's issue does not count for it.
    expect(nextDrillOf('综合预案', chemical, '2026-05-01', '2026-03-15')).toBe('2026-11-01');
  });

  it('states: overdue after the day, due inside the window, ok beyond', () => {
    expect(dueStateOf('2026-11-30', '2026-12-01', 30)).toBe('overdue');
    expect(dueStateOf('2026-12-01', '2026-12-01', 30)).toBe('due');
    expect(dueStateOf('2026-12-31', '2026-12-01', 30)).toBe('due');
    expect(dueStateOf('2027-01-01', '2026-12-01', 30)).toBe('ok');
    expect(daysUntil('2026-12-01', '2026-11-28')).toBe(-3);
    expect(daysUntil('2026-12-01', '2027-01-01')).toBe(31);
  });
});
