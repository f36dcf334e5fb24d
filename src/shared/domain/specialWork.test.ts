import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  datesSpanned,
  describeMinutes,
  filingActions,
  filingStatuses,
  gradingOf,
  heightWorkGrade,
  hotWorkGradeUp,
  isBoundByGb30871,
  isHotWork,
  isValidDateTime,
  liftingGrade,
  localDateTime,
  maxWindowOf,
  minutesOf,
  nextFilingStatus,
  requiredDocumentsOf,
  specialWorkKinds,
  touchesNight,
  type FilingAction,
  type FilingStatus,
} from './specialWork';

describe('kinds and grading', () => {
  it('has the eight GB 30871 kinds plus 切割, 拆解, 外来施工; 动火 and 切割 are hot work', () => {
    expect(specialWorkKinds).toEqual(['动火', '受限空间', '盲板抽堵', '高处', '吊装', '临时用电', '动土', '断路', '切割', '拆解', '外来施工']);
    expect(specialWorkKinds.filter(isHotWork)).toEqual(['动火', '切割']);
    expect(gradingOf('动火')).toBe('chosen');
    expect(gradingOf('切割')).toBe('chosen');
    expect(gradingOf('高处')).toBe('height');
    expect(gradingOf('吊装')).toBe('load');
    for (const kind of ['受限空间', '盲板抽堵', '临时用电', '动土', '断路', '拆解', '外来施工'] as const) expect(gradingOf(kind), kind).toBe('none');
  });

  it('高处 grade by height: 2–5 Ⅰ, over 5–15 Ⅱ, over 15–30 Ⅲ, over 30 Ⅳ; none below 2 m', () => {
    const cases: [number, string | null][] = [
      [0.5, null],
      [1.99, null],
      [2, 'Ⅰ级'],
      [5, 'Ⅰ级'],
      [5.01, 'Ⅱ级'],
      [15, 'Ⅱ级'],
      [15.01, 'Ⅲ级'],
      [30, 'Ⅲ级'],
      [30.1, 'Ⅳ级'],
      [120, 'Ⅳ级'],
    ];
    for (const [height, grade] of cases) expect(heightWorkGrade(height, 'A'), `${height} m A`).toBe(grade);
  });

  it('高处 class B is one grade up, capped at Ⅳ级, and still nothing below 2 m', () => {
    const cases: [number, string | null][] = [
      [1.99, null],
      [2, 'Ⅱ级'],
      [5, 'Ⅱ级'],
      [5.01, 'Ⅲ级'],
      [15, 'Ⅲ级'],
      [30, 'Ⅳ级'],
      [30.1, 'Ⅳ级'],
    ];
    for (const [height, grade] of cases) expect(heightWorkGrade(height, 'B'), `${height} m B`).toBe(grade);
  });

  it('吊装 grade by load: under 40 t 三级, 40–100 t 二级, over 100 t 一级', () => {
    expect(liftingGrade(1)).toBe('三级');
    expect(liftingGrade(39.9)).toBe('三级');
    expect(liftingGrade(40)).toBe('二级');
    expect(liftingGrade(100)).toBe('二级');
    expect(liftingGrade(100.1)).toBe('一级');
    expect(liftingGrade(500)).toBe('一级');
  });

  it('动火 one grade up: 二级 → 一级 → 特级 → 特级', () => {
    expect(hotWorkGradeUp('二级')).toBe('一级');
    expect(hotWorkGradeUp('一级')).toBe('特级');
    expect(hotWorkGradeUp('特级')).toBe('特级');
  });

  it('GB 30871 binds 危化/化工/医药 only', () => {
    for (const industry of ['危化生产', '危化经营(带储存)', '化工', '医药'] as const) expect(isBoundByGb30871(industry), industry).toBe(true);
    for (const industry of ['工贸-机械', '工贸-轻工', '建筑施工', '其他'] as const) expect(isBoundByGb30871(industry), industry).toBe(false);
  });
});

describe('maxWindowOf', () => {
  it('动火/切割: 特级 and 一级 8 h, 二级 72 h (5.1.5)', () => {
    for (const kind of ['动火', '切割'] as const) {
      expect(maxWindowOf(kind, '特级')).toMatchObject({ minutes: 8 * 60, clause: 'GB 30871-2022 5.1.5' });
      expect(maxWindowOf(kind, '一级')).toMatchObject({ minutes: 8 * 60 });
      expect(maxWindowOf(kind, '二级')).toMatchObject({ minutes: 72 * 60, label: '72 小时' });
    }
  });

  it('受限空间 24 h, 高处 7 days, 临时用电 30 days; none for the others', () => {
    expect(maxWindowOf('受限空间', null)).toEqual({ minutes: 24 * 60, label: '24 小时', clause: 'GB 30871-2022 6.10' });
    expect(maxWindowOf('高处', 'Ⅳ级')).toEqual({ minutes: 7 * 24 * 60, label: '7 天', clause: 'GB 30871-2022 8.2.11' });
    expect(maxWindowOf('高处', 'Ⅰ级')).toMatchObject({ minutes: 7 * 24 * 60 });
    expect(maxWindowOf('临时用电', null)).toEqual({ minutes: 30 * 24 * 60, label: '30 天', clause: 'GB 30871-2022 10.8' });
    for (const kind of ['盲板抽堵', '吊装', '动土', '断路', '拆解', '外来施工'] as const) expect(maxWindowOf(kind, null), kind).toBeNull();
    expect(maxWindowOf('吊装', '一级')).toBeNull();
  });
});

describe('requiredDocumentsOf', () => {
  const base = ['施工方案', '施工资质', '应急处置措施'];

  it('every kind needs the three base documents; all but 外来施工 and 拆解 their 作业许可证', () => {
    for (const kind of specialWorkKinds) {
      const documents = requiredDocumentsOf(kind, null);
      expect(documents.slice(0, 3), kind).toEqual(base);
      expect(documents.includes('作业许可证'), kind).toBe(kind !== '外来施工' && kind !== '拆解');
    }
    expect(requiredDocumentsOf('外来施工', null)).toEqual(base);
    expect(requiredDocumentsOf('拆解', null)).toEqual(base);
    expect(requiredDocumentsOf('动土', null)).toEqual([...base, '作业许可证']);
  });

  it('吊装 一级/二级 need the 吊装方案, 三级 does not', () => {
    expect(requiredDocumentsOf('吊装', '一级')).toContain('吊装方案');
    expect(requiredDocumentsOf('吊装', '二级')).toContain('吊装方案');
    expect(requiredDocumentsOf('吊装', '三级')).not.toContain('吊装方案');
    expect(requiredDocumentsOf('吊装', '三级')).toEqual([...base, '作业许可证']);
  });

  it('特级动火 needs video monitoring; hot work and 受限空间 need gas analysis; 盲板抽堵 the blind map', () => {
    expect(requiredDocumentsOf('动火', '特级')).toEqual([...base, '作业许可证', '气体分析记录', '特级动火视频监控措施']);
    expect(requiredDocumentsOf('切割', '特级')).toContain('特级动火视频监控措施');
    expect(requiredDocumentsOf('动火', '一级')).toEqual([...base, '作业许可证', '气体分析记录']);
    expect(requiredDocumentsOf('动火', '二级')).not.toContain('特级动火视频监控措施');
    expect(requiredDocumentsOf('受限空间', null)).toEqual([...base, '作业许可证', '气体分析记录']);
    expect(requiredDocumentsOf('盲板抽堵', null)).toEqual([...base, '作业许可证', '盲板位置图']);
    expect(requiredDocumentsOf('高处', 'Ⅳ级')).not.toContain('气体分析记录');
  });
});

describe('local date-times', () => {
  it('minutesOf counts minutes, NaN for a malformed value', () => {
    expect(minutesOf('2026-03-16 08:01') - minutesOf('2026-03-16 08:00')).toBe(1);
    expect(minutesOf('2026-03-17 00:00') - minutesOf('2026-03-16 00:00')).toBe(1440);
    expect(minutesOf('1970-01-01 00:00')).toBe(0);
    expect(minutesOf('2026-03-16T08:00')).toBeNaN();
    expect(minutesOf('2026-03-16 8:00')).toBeNaN();
  });

  it('isValidDateTime accepts existing minutes only', () => {
    expect(isValidDateTime('2026-03-16 08:00')).toBe(true);
    expect(isValidDateTime('2028-02-29 23:59')).toBe(true);
    expect(isValidDateTime('2026-02-29 10:00')).toBe(false);
    expect(isValidDateTime('2026-02-30 10:00')).toBe(false);
    expect(isValidDateTime('2026-03-16 24:00')).toBe(false);
    expect(isValidDateTime('2026-03-16 10:60')).toBe(false);
    expect(isValidDateTime('2026-13-01 10:00')).toBe(false);
    expect(isValidDateTime('2026-03-16 10:00:00')).toBe(false);
  });

  it('localDateTime formats the wall-clock time', () => {
    expect(localDateTime(new Date(2026, 2, 5, 7, 9))).toBe('2026-03-05 07:09');
  });

  it('describeMinutes', () => {
    expect(describeMinutes(0)).toBe('0 分钟');
    expect(describeMinutes(59)).toBe('59 分钟');
    expect(describeMinutes(8 * 60 + 1)).toBe('8 小时 1 分钟');
    expect(describeMinutes(3 * 1440 + 4 * 60 + 5)).toBe('3 天 4 小时 5 分钟');
    expect(describeMinutes(1440)).toBe('1 天');
  });
});

describe('touchesNight (22:00–06:00)', () => {
  const cases: [string, string, boolean][] = [
    ['2026-03-16 08:00', '2026-03-16 22:00', false],
    ['2026-03-16 21:59', '2026-03-16 22:01', true],
    ['2026-03-16 21:00', '2026-03-16 21:59', false],
    ['2026-03-16 06:00', '2026-03-16 08:00', false],
    ['2026-03-16 05:59', '2026-03-16 06:30', true],
    ['2026-03-16 00:00', '2026-03-16 00:01', true],
    ['2026-03-16 22:00', '2026-03-16 22:01', true],
    ['2026-03-16 23:00', '2026-03-17 01:00', true],
    ['2026-03-16 05:00', '2026-03-16 06:00', true],
    ['2026-03-16 10:00', '2026-03-16 12:00', false],
    // A long day-time window spanning several days crosses the nights in between.
    ['2026-03-16 08:00', '2026-03-18 18:00', true],
    // From one morning to the next evening's 22:00: the night between is touched.
    ['2026-03-16 06:00', '2026-03-17 07:00', true],
  ];
  for (const [start, end, night] of cases) {
    it(`${start} – ${end} ${night ? 'touches' : 'does not touch'} night`, () => {
      expect(touchesNight(start, end)).toBe(night);
    });
  }
});

describe('datesSpanned', () => {
  it('lists the calendar dates, the end minute excluded', () => {
    expect(datesSpanned('2026-03-16 08:00', '2026-03-16 24:00')).toEqual(['2026-03-16']);
    expect(datesSpanned('2026-03-16 08:00', '2026-03-17 00:00')).toEqual(['2026-03-16']);
    expect(datesSpanned('2026-03-16 08:00', '2026-03-17 00:01')).toEqual(['2026-03-16', '2026-03-17']);
    expect(datesSpanned('2026-03-16 23:00', '2026-03-17 01:00')).toEqual(['2026-03-16', '2026-03-17']);
    expect(datesSpanned('2026-12-31 20:00', '2027-01-02 08:00')).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesSpanned('2026-03-16 10:00', '2026-03-16 12:00')).toEqual(['2026-03-16']);
  });
});

describe('workflow', () => {
  /** The transition table written out by hand: status → action → next status (absent = not allowed). */
  const expected: Record<FilingStatus, Partial<Record<FilingAction, FilingStatus>>> = {
    待审核: { passReview: '待现场核查', reject: '驳回', withdraw: '撤销' },
    待现场核查: { siteCheck: '准予作业', reject: '驳回', withdraw: '撤销' },
    准予作业: { start: '作业中', withdraw: '撤销', markOverdue: '逾期未完工' },
    作业中: { complete: '已完工', markOverdue: '逾期未完工' },
    已完工: {},
    驳回: {},
    撤销: {},
    逾期未完工: { complete: '已完工' },
  };

  it('statuses and actions are the ones the table covers', () => {
    expect([...filingStatuses].sort()).toEqual(Object.keys(expected).sort());
    expect(filingActions).toEqual(['passReview', 'siteCheck', 'start', 'complete', 'reject', 'withdraw', 'markOverdue']);
  });

  for (const status of filingStatuses) {
    for (const action of filingActions) {
      const to = expected[status][action] ?? null;
      it(`${status} × ${action} → ${to ?? 'refused'}`, () => {
        expect(nextFilingStatus(status, action)).toBe(to);
        expect(actionsFrom(status).includes(action)).toBe(to !== null);
        if (action !== 'siteCheck') expect(nextFilingStatus(status, action, false)).toBe(to);
      });
    }
  }

  it('actionsFrom lists each status’s allowed actions in order; the final statuses allow none', () => {
    expect(actionsFrom('待审核')).toEqual(['passReview', 'reject', 'withdraw']);
    expect(actionsFrom('待现场核查')).toEqual(['siteCheck', 'reject', 'withdraw']);
    expect(actionsFrom('准予作业')).toEqual(['start', 'withdraw', 'markOverdue']);
    expect(actionsFrom('作业中')).toEqual(['complete', 'markOverdue']);
    expect(actionsFrom('逾期未完工')).toEqual(['complete']);
    expect(actionsFrom('已完工')).toEqual([]);
    expect(actionsFrom('驳回')).toEqual([]);
    expect(actionsFrom('撤销')).toEqual([]);
  });

  it('a failed site check goes to 驳回, but only from 待现场核查', () => {
    expect(nextFilingStatus('待现场核查', 'siteCheck', false)).toBe('驳回');
    expect(nextFilingStatus('待现场核查', 'siteCheck', true)).toBe('准予作业');
    for (const status of filingStatuses.filter((s) => s !== '待现场核查')) {
      expect(nextFilingStatus(status, 'siteCheck', false), status).toBeNull();
    }
  });
});
