import { describe, expect, it } from 'vitest';
import type { EnterpriseStatus, Industry } from './enterprise';
import { addDays, officialHolidayCalendar } from './holidays';
import { requiredDocumentsOf, type SpecialWorkGrade, type SpecialWorkKind } from './specialWork';
import { checkFiling, gradeOf, type FilingCheck, type FilingFacts, type FilingRuleContext } from './specialWorkRules';

/**
 * 2026-03-16 is a Monday; 2026-03 has no public holiday, so windows inside 06:00–22:00 from Monday to Friday
 * are plain working hours.
 */
const monday = '2026-03-16';

/** A filing with every document its kind and grade need, unless `documents` is given. */
function facts(overrides: Partial<FilingFacts> & { kind: SpecialWorkKind }): FilingFacts {
  const base: FilingFacts = {
    grade: null,
    heightM: null,
    heightClass: null,
    loadT: null,
    plannedStart: `${monday} 08:00`,
    plannedEnd: `${monday} 12:00`,
    documents: [],
    ...overrides,
  };
  return { ...base, documents: overrides.documents ?? requiredDocumentsOf(base.kind, gradeOf(base)) };
}

function context(overrides: Partial<FilingRuleContext> & { industry?: Industry; status?: EnterpriseStatus } = {}): FilingRuleContext {
  const { industry = '化工', status = '在产', ...rest } = overrides;
  return {
    enterprise: { name: '规则测试化工公司', industry, status },
    overlappingHotWorks: [],
    tanks: [],
    calendar: officialHolidayCalendar,
    ...rest,
  };
}

const codes = (findings: FilingCheck['errors']) => findings.map((finding) => finding.code);

/** A window of `minutes` starting at `start`, as `YYYY-MM-DD HH:mm` strings. */
function windowOf(start: string, minutes: number): { plannedStart: string; plannedEnd: string } {
  const [date, time] = start.split(' ');
  const [hours, mins] = time.split(':').map(Number);
  const total = hours * 60 + mins + minutes;
  const end = `${addDays(date, Math.floor(total / 1440))} ${String(Math.floor((total % 1440) / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return { plannedStart: start, plannedEnd: end };
}

describe('a clean filing', () => {
  it('passes with no findings, for a bound and a 参照执行 enterprise alike', () => {
    const hot = facts({ kind: '动火', grade: '一级' });
    expect(checkFiling(hot, context())).toEqual({ errors: [], warnings: [], grade: '一级', managedGrade: '一级' });
    // Without any other finding, 工贸 gets no 参照执行 note either.
    expect(checkFiling(hot, context({ industry: '工贸-机械' }))).toEqual({ errors: [], warnings: [], grade: '一级', managedGrade: '一级' });
  });
});

describe('grades', () => {
  it('hot work needs a chosen hot-work grade', () => {
    const none = checkFiling(facts({ kind: '动火', grade: null }), context());
    expect(none.errors).toContainEqual(expect.objectContaining({ code: 'grade-missing', field: 'grade' }));
    expect(none.grade).toBeNull();
    const wrongFamily = checkFiling(facts({ kind: '切割', grade: 'Ⅰ级' }), context());
    expect(wrongFamily.errors).toContainEqual(expect.objectContaining({ code: 'grade-missing', field: 'grade' }));
  });

  it('高处 grade is computed from height and class (any chosen grade ignored); below 2 m is an error', () => {
    expect(checkFiling(facts({ kind: '高处', grade: '特级', heightM: 12, heightClass: 'A' }), context())).toMatchObject({ errors: [], grade: 'Ⅱ级', managedGrade: 'Ⅱ级' });
    expect(checkFiling(facts({ kind: '高处', heightM: 12, heightClass: 'B' }), context()).grade).toBe('Ⅲ级');
    // No class means class A.
    expect(checkFiling(facts({ kind: '高处', heightM: 31, heightClass: null }), context()).grade).toBe('Ⅳ级');

    const low = checkFiling(facts({ kind: '高处', heightM: 1.5, heightClass: 'A' }), context());
    expect(low.errors).toEqual([expect.objectContaining({ code: 'height-below-minimum', field: 'heightM' })]);
    expect(low.errors[0].message).toContain('1.5 m');
    expect(low.grade).toBeNull();
    // Below 2 m is an error even where GB 30871 is only 参照执行: it is not 高处作业 at all.
    expect(codes(checkFiling(facts({ kind: '高处', heightM: 1.99 }), context({ industry: '工贸-机械' })).errors)).toEqual(['height-below-minimum']);
    expect(checkFiling(facts({ kind: '高处', heightM: 2 }), context()).errors).toEqual([]);

    const missing = checkFiling(facts({ kind: '高处', heightM: null }), context());
    expect(missing.errors).toContainEqual(expect.objectContaining({ code: 'grade-missing', field: 'heightM' }));
  });

  it('吊装 grade is computed from the load; no load is an error', () => {
    expect(checkFiling(facts({ kind: '吊装', loadT: 120 }), context())).toMatchObject({ errors: [], grade: '一级' });
    expect(checkFiling(facts({ kind: '吊装', loadT: 40 }), context()).grade).toBe('二级');
    expect(checkFiling(facts({ kind: '吊装', loadT: 10 }), context()).grade).toBe('三级');
    expect(checkFiling(facts({ kind: '吊装', loadT: null }), context()).errors).toContainEqual(expect.objectContaining({ code: 'grade-missing', field: 'loadT' }));
  });

  it('kinds without grades have none, whatever was sent', () => {
    expect(checkFiling(facts({ kind: '受限空间', grade: '一级' }), context())).toMatchObject({ errors: [], grade: null, managedGrade: null });
  });
});

describe('window order', () => {
  it('an end before or at the start is an error on plannedEnd, and no window-length rule runs', () => {
    const backwards = checkFiling(facts({ kind: '动火', grade: '一级', plannedStart: `${monday} 12:00`, plannedEnd: `${monday} 08:00` }), context());
    expect(backwards.errors).toEqual([expect.objectContaining({ code: 'window-order', field: 'plannedEnd' })]);
    const empty = checkFiling(facts({ kind: '受限空间', plannedStart: `${monday} 08:00`, plannedEnd: `${monday} 08:00` }), context());
    expect(codes(empty.errors)).toEqual(['window-order']);
    // Even for 工贸, a window that ends before it starts is an error.
    expect(codes(checkFiling(facts({ kind: '受限空间', plannedStart: `${monday} 09:00`, plannedEnd: `${monday} 08:00` }), context({ industry: '工贸-机械' })).errors)).toEqual([
      'window-order',
    ]);
  });
});

describe('window length', () => {
  const lengthCheck = (kind: SpecialWorkKind, grade: SpecialWorkGrade | null, start: string, minutes: number, industry: Industry = '化工') =>
    checkFiling(facts({ kind, grade, heightM: kind === '高处' ? 10 : null, ...windowOf(start, minutes) }), context({ industry }));

  it('一级 and 特级 动火: 8 h passes, 8 h 1 min is an error on plannedEnd', () => {
    for (const grade of ['一级', '特级'] as const) {
      expect(lengthCheck('动火', grade, `${monday} 08:00`, 8 * 60)).toMatchObject({ errors: [], warnings: [] });
      const over = lengthCheck('动火', grade, `${monday} 08:00`, 8 * 60 + 1);
      expect(over.errors).toEqual([expect.objectContaining({ code: 'window-too-long', field: 'plannedEnd' })]);
      expect(over.errors[0].message).toContain('8 小时 1 分钟');
      expect(over.errors[0].message).toContain('GB 30871-2022 5.1.5');
    }
    // 切割 is hot work, with the same limit.
    expect(codes(lengthCheck('切割', '一级', `${monday} 08:00`, 8 * 60 + 1).errors)).toEqual(['window-too-long']);
  });

  it('二级 动火: 72 h passes, 72 h 1 min is an error', () => {
    // Monday 08:00 to Thursday 08:00: a permit over working days, daytime ends, so not night work.
    expect(lengthCheck('动火', '二级', `${monday} 08:00`, 72 * 60)).toEqual({ errors: [], warnings: [], grade: '二级', managedGrade: '二级' });
    const over = lengthCheck('动火', '二级', `${monday} 08:00`, 72 * 60 + 1);
    expect(codes(over.errors)).toEqual(['window-too-long']);
    expect(over.errors[0].message).toContain('72 小时');
  });

  it('二级 动火 through one night (at most a day long) is night work, managed as 一级 with its 8 h limit', () => {
    const check = lengthCheck('动火', '二级', `${monday} 18:00`, 16 * 60);
    expect(check.managedGrade).toBe('一级');
    expect(codes(check.warnings)).toEqual(['hot-work-upgraded']);
    expect(codes(check.errors)).toContain('window-too-long');
    expect(check.errors.find((error) => error.code === 'window-too-long')?.message).toContain('升级后的一级');
  });

  it('a multi-day 二级 permit starting or ending at night is night work', () => {
    expect(lengthCheck('动火', '二级', `${monday} 23:00`, 30 * 60).managedGrade).toBe('一级');
    expect(lengthCheck('动火', '二级', `${monday} 08:00`, 39 * 60).managedGrade).toBe('一级'); // ends 23:00 the next day
    expect(lengthCheck('动火', '二级', `${monday} 06:00`, 40 * 60).managedGrade).toBe('二级'); // 06:00 to 22:00 the next day
  });

  it('受限空间: 24 h passes, 24 h 1 min is an error', () => {
    expect(lengthCheck('受限空间', null, `${monday} 08:00`, 24 * 60)).toMatchObject({ errors: [], warnings: [] });
    const over = lengthCheck('受限空间', null, `${monday} 08:00`, 24 * 60 + 1);
    expect(over.errors).toEqual([expect.objectContaining({ code: 'window-too-long', field: 'plannedEnd' })]);
    expect(over.errors[0].message).toContain('6.10');
  });

  it('高处: 7 days passes, 7 days 1 min is an error', () => {
    expect(lengthCheck('高处', null, `${monday} 08:00`, 7 * 1440)).toMatchObject({ errors: [], warnings: [] });
    const over = lengthCheck('高处', null, `${monday} 08:00`, 7 * 1440 + 1);
    expect(codes(over.errors)).toEqual(['window-too-long']);
    expect(over.errors[0].message).toContain('7 天');
  });

  it('临时用电: up to 15 days silent, beyond a warning up to 30 days, beyond 30 days an error', () => {
    // 2026-03-02 … 2026-04-01 holds no public holiday.
    const start = '2026-03-02 00:00';
    expect(lengthCheck('临时用电', null, start, 15 * 1440)).toMatchObject({ errors: [], warnings: [] });
    const long = lengthCheck('临时用电', null, start, 15 * 1440 + 1);
    expect(long.errors).toEqual([]);
    expect(long.warnings).toEqual([expect.objectContaining({ code: 'temporary-power-long', field: 'plannedEnd' })]);
    const limit = lengthCheck('临时用电', null, start, 30 * 1440);
    expect(limit.errors).toEqual([]);
    expect(codes(limit.warnings)).toEqual(['temporary-power-long']);
    const over = lengthCheck('临时用电', null, start, 30 * 1440 + 1);
    expect(codes(over.errors)).toEqual(['window-too-long']);
    // The error replaces the 15-day warning.
    expect(over.warnings).toEqual([]);
  });

  it('for a 参照执行 enterprise an over-long window is a warning, with the 参照执行 note first', () => {
    const over = lengthCheck('受限空间', null, `${monday} 08:00`, 24 * 60 + 1, '工贸-机械');
    expect(over.errors).toEqual([]);
    expect(codes(over.warnings)).toEqual(['gb30871-reference-only', 'window-too-long']);
    expect(over.warnings[0].message).toContain('工贸-机械');
  });

  it('kinds without a limit take any length', () => {
    expect(lengthCheck('动土', null, '2026-03-02 08:00', 20 * 1440)).toMatchObject({ errors: [], warnings: [] });
  });
});

describe('hot work off hours (5.1.1)', () => {
  it('on a holiday: warned and managed one grade up', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '二级', plannedStart: '2026-10-02 10:00', plannedEnd: '2026-10-02 12:00' }), context());
    expect(check.errors).toEqual([]);
    expect(check.grade).toBe('二级');
    expect(check.managedGrade).toBe('一级');
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'hot-work-upgraded', field: 'plannedStart' })]);
    expect(check.warnings[0].message).toContain('国庆节（2026-10-02）');
    expect(check.warnings[0].message).toContain('二级 → 一级');
    // No separate holiday-work warning for hot work: the upgrade says it.
    expect(codes(check.warnings)).not.toContain('holiday-work');
  });

  it('the window rule then uses the managed grade: 二级 for 10 h on a holiday is an error', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '二级', plannedStart: '2026-10-02 08:00', plannedEnd: '2026-10-02 18:00' }), context());
    expect(check.managedGrade).toBe('一级');
    expect(check.errors).toEqual([expect.objectContaining({ code: 'window-too-long', field: 'plannedEnd' })]);
    // The same window on a working day is fine for 二级.
    expect(checkFiling(facts({ kind: '动火', grade: '二级', plannedStart: `${monday} 08:00`, plannedEnd: `${monday} 18:00` }), context())).toMatchObject({
      errors: [],
      warnings: [],
      managedGrade: '二级',
    });
  });

  it('at night on a working day: upgraded', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '二级', plannedStart: `${monday} 20:00`, plannedEnd: `${monday} 23:00` }), context());
    expect(check.managedGrade).toBe('一级');
    expect(codes(check.warnings)).toEqual(['hot-work-upgraded']);
    expect(check.warnings[0].message).toContain('夜间');
    expect(check.warnings[0].message).not.toContain('节假日');
    // Ending exactly at 22:00 is not night.
    expect(checkFiling(facts({ kind: '动火', grade: '二级', plannedStart: `${monday} 20:00`, plannedEnd: `${monday} 22:00` }), context())).toMatchObject({
      warnings: [],
      managedGrade: '二级',
    });
  });

  it('on a plain Saturday: upgraded (一级 → 特级), naming the rest day', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '一级', plannedStart: '2026-03-14 09:00', plannedEnd: '2026-03-14 11:00' }), context());
    expect(check.managedGrade).toBe('特级');
    expect(codes(check.warnings)).toEqual(['hot-work-upgraded']);
    expect(check.warnings[0].message).toContain('休息日');
    // A 调休 Saturday is a working day: no upgrade.
    expect(checkFiling(facts({ kind: '动火', grade: '一级', plannedStart: '2026-02-28 09:00', plannedEnd: '2026-02-28 11:00' }), context())).toMatchObject({
      warnings: [],
      managedGrade: '一级',
    });
  });

  it('特级 stays 特级 and is told to be managed strictly; 切割 is upgraded like 动火', () => {
    const top = checkFiling(facts({ kind: '动火', grade: '特级', plannedStart: '2026-10-02 10:00', plannedEnd: '2026-10-02 12:00' }), context());
    expect(top.managedGrade).toBe('特级');
    expect(top.warnings[0]).toMatchObject({ code: 'hot-work-upgraded' });
    expect(top.warnings[0].message).toContain('已为特级');
    const cutting = checkFiling(facts({ kind: '切割', grade: '二级', plannedStart: '2026-03-15 10:00', plannedEnd: '2026-03-15 12:00' }), context());
    expect(cutting.managedGrade).toBe('一级');
    expect(codes(cutting.warnings)).toEqual(['hot-work-upgraded']);
  });
});

describe('other work on holidays', () => {
  it('non-hot work on a holiday gets the holiday-work warning and keeps its grade', () => {
    const check = checkFiling(facts({ kind: '受限空间', plannedStart: '2026-10-02 10:00', plannedEnd: '2026-10-02 12:00' }), context());
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'holiday-work', field: 'plannedStart' })]);
    expect(check.warnings[0].message).toContain('国庆节（2026-10-02）');
    expect(check.managedGrade).toBeNull();
    const height = checkFiling(facts({ kind: '高处', heightM: 4, plannedStart: '2026-02-16 10:00', plannedEnd: '2026-02-16 12:00' }), context());
    expect(height).toMatchObject({ grade: 'Ⅰ级', managedGrade: 'Ⅰ级' });
    expect(codes(height.warnings)).toEqual(['holiday-work']);
    expect(height.warnings[0].message).toContain('春节');
  });

  it('non-hot work on a plain weekend or at night is not warned', () => {
    expect(checkFiling(facts({ kind: '受限空间', plannedStart: '2026-03-14 10:00', plannedEnd: '2026-03-14 12:00' }), context()).warnings).toEqual([]);
    expect(checkFiling(facts({ kind: '受限空间', plannedStart: `${monday} 21:00`, plannedEnd: `${monday} 23:30` }), context()).warnings).toEqual([]);
  });
});

describe('enterprise status', () => {
  it('关闭 and 注销 block (even for 工贸); 停产 warns', () => {
    for (const status of ['关闭', '注销'] as const) {
      const check = checkFiling(facts({ kind: '受限空间' }), context({ status }));
      expect(check.errors).toEqual([expect.objectContaining({ code: 'enterprise-closed', field: 'enterpriseId' })]);
      expect(check.errors[0].message).toContain(status);
      expect(codes(checkFiling(facts({ kind: '受限空间' }), context({ status, industry: '工贸-轻工' })).errors)).toEqual(['enterprise-closed']);
    }
    const suspended = checkFiling(facts({ kind: '受限空间' }), context({ status: '停产' }));
    expect(suspended.errors).toEqual([]);
    expect(suspended.warnings).toEqual([expect.objectContaining({ code: 'enterprise-suspended', field: 'enterpriseId' })]);
  });
});

describe('overlapping hot work', () => {
  const other = { number: '2026-0007', plannedStart: `${monday} 09:00`, plannedEnd: `${monday} 11:00` };

  it('warns naming the other filing’s number and window', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '一级' }), context({ overlappingHotWorks: [other] }));
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'overlapping-hot-work', field: 'plannedStart' })]);
    expect(check.warnings[0].message).toContain('2026-0007');
    expect(check.warnings[0].message).toContain(`${monday} 09:00`);
  });

  it('only hot work is checked for overlaps', () => {
    expect(checkFiling(facts({ kind: '受限空间' }), context({ overlappingHotWorks: [other] })).warnings).toEqual([]);
  });
});

describe('documents', () => {
  it('一级 动火 managed as 特级 (on a Saturday) needs what 特级 needs: video monitoring', () => {
    const saturday = { kind: '动火' as const, grade: '一级' as const, plannedStart: '2026-03-14 09:00', plannedEnd: '2026-03-14 11:00' };
    const check = checkFiling(facts({ ...saturday, documents: requiredDocumentsOf('动火', '一级') }), context());
    expect(check.managedGrade).toBe('特级');
    expect(check.errors).toEqual([expect.objectContaining({ code: 'documents-missing' })]);
    expect(check.errors[0].message).toBe('缺少材料：特级动火视频监控措施');
    expect(checkFiling(facts({ ...saturday, documents: requiredDocumentsOf('动火', '特级') }), context()).errors).toEqual([]);
  });

  it('missing documents block a 化工 enterprise, naming each', () => {
    const check = checkFiling(facts({ kind: '动火', grade: '特级', documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'] }), context());
    expect(check.errors).toEqual([expect.objectContaining({ code: 'documents-missing', field: 'documents' })]);
    expect(check.errors[0].message).toContain('气体分析记录');
    expect(check.errors[0].message).toContain('特级动火视频监控措施');
    expect(check.errors[0].message).not.toContain('施工方案');
    expect(checkFiling(facts({ kind: '吊装', loadT: 60, documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'] }), context()).errors[0].message).toContain('吊装方案');
  });

  it('for a 工贸-机械 enterprise they are a warning, with the 参照执行 note', () => {
    const check = checkFiling(facts({ kind: '受限空间', documents: [] }), context({ industry: '工贸-机械' }));
    expect(check.errors).toEqual([]);
    expect(codes(check.warnings)).toEqual(['gb30871-reference-only', 'documents-missing']);
  });
});

describe('tanks', () => {
  it('a tank in use warns (hot work asks for cleaning and gas analysis); other statuses do not', () => {
    const tanks = [
      { code: 'T-01', status: '在用' },
      { code: 'T-02', status: '已清空' },
    ];
    const hot = checkFiling(facts({ kind: '动火', grade: '一级' }), context({ tanks }));
    expect(hot.errors).toEqual([]);
    expect(hot.warnings).toEqual([expect.objectContaining({ code: 'tank-in-use', field: 'tankIds' })]);
    expect(hot.warnings[0].message).toContain('T-01');
    expect(hot.warnings[0].message).not.toContain('T-02');
    expect(hot.warnings[0].message).toContain('气体分析');
    expect(codes(checkFiling(facts({ kind: '拆解' }), context({ tanks })).warnings)).toEqual(['tank-in-use']);
    expect(checkFiling(facts({ kind: '拆解' }), context({ tanks: [{ code: 'T-02', status: '已清空' }] })).warnings).toEqual([]);
  });
});

describe('several findings at once', () => {
  it('collects every error and warning', () => {
    const check = checkFiling(
      facts({ kind: '动火', grade: '二级', plannedStart: '2026-10-02 08:00', plannedEnd: '2026-10-02 18:00', documents: [] }),
      context({ status: '停产', overlappingHotWorks: [{ number: '2026-0001', plannedStart: '2026-10-02 09:00', plannedEnd: '2026-10-02 10:00' }], tanks: [{ code: 'T-9', status: '在用' }] }),
    );
    expect(codes(check.errors).sort()).toEqual(['documents-missing', 'window-too-long']);
    expect(codes(check.warnings).sort()).toEqual(['enterprise-suspended', 'hot-work-upgraded', 'overlapping-hot-work', 'tank-in-use']);
  });
});
