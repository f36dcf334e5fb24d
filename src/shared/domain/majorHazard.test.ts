import { describe, expect, it } from 'vitest';
import { assessMajorHazard, exposureFactor, hazardRatioSum, majorHazardGrade } from './majorHazard';

describe('major hazard sources (GB 18218-2018 rules in DOMAIN.md)', () => {
  it('α follows the people within 500 m, at every band edge', () => {
    expect([0, 1, 29, 30, 49, 50, 99, 100, 5000].map(exposureFactor)).toEqual([0.5, 1.0, 1.0, 1.2, 1.2, 1.5, 1.5, 2.0, 2.0]);
    expect(() => exposureFactor(-1)).toThrow(RangeError);
    expect(() => exposureFactor(2.5)).toThrow(RangeError);
  });

  it('grades R at the band edges', () => {
    expect([0, 9.99, 10, 49.99, 50, 99.99, 100, 250].map(majorHazardGrade)).toEqual(['四级', '四级', '三级', '三级', '二级', '二级', '一级', '一级']);
  });

  it('S sums q/Q over the substances; exactly 1 is a major hazard source', () => {
    expect(hazardRatioSum([{ quantity: 5, criticalQuantity: 10 }, { quantity: 25, criticalQuantity: 50 }])).toBe(1);
    expect(assessMajorHazard([{ quantity: 5, criticalQuantity: 10 }, { quantity: 25, criticalQuantity: 50 }], 0).isMajorHazard).toBe(true);
    expect(assessMajorHazard([{ quantity: 4.9, criticalQuantity: 10 }, { quantity: 25, criticalQuantity: 50 }], 0)).toMatchObject({ isMajorHazard: false, grade: null });
  });

  it('worked example: 20 t of a substance with Q 10 t and β 2, 120 people nearby → S 2, R 8, 四级', () => {
    expect(assessMajorHazard([{ quantity: 20, criticalQuantity: 10, beta: 2 }], 120)).toEqual({
      ratioSum: 2,
      isMajorHazard: true,
      alpha: 2,
      risk: 8,
      grade: '四级',
    });
  });

  it('worked example: 30 t with Q 5 t and β 4, 60 people → S 6, R = 1.5 × 4 × 6 = 36, 三级', () => {
    expect(assessMajorHazard([{ quantity: 30, criticalQuantity: 5, beta: 4 }], 60)).toMatchObject({ ratioSum: 6, alpha: 1.5, risk: 36, grade: '三级' });
  });

  it('worked example, two substances: 100 t (Q 50, β 1.5) + 300 t (Q 200, β 1), nobody within 500 m → S 3.5, R = 0.5 × (3 + 1.5) = 2.25', () => {
    const result = assessMajorHazard(
      [
        { quantity: 100, criticalQuantity: 50, beta: 1.5 },
        { quantity: 300, criticalQuantity: 200, beta: 1 },
      ],
      0,
    );
    expect(result).toMatchObject({ ratioSum: 3.5, alpha: 0.5, grade: '四级' });
    expect(result.risk).toBeCloseTo(2.25, 10);
  });

  it('worked example reaching 一级: 100 t with Q 5 t and β 5, 150 people → R = 2 × 5 × 20 = 200', () => {
    expect(assessMajorHazard([{ quantity: 100, criticalQuantity: 5, beta: 5 }], 150)).toMatchObject({ risk: 200, grade: '一级' });
  });

  it('identifies without grading when a β is unknown, and refuses impossible quantities', () => {
    expect(assessMajorHazard([{ quantity: 20, criticalQuantity: 10 }], 10)).toMatchObject({ isMajorHazard: true, risk: null, grade: null });
    expect(() => hazardRatioSum([{ quantity: 1, criticalQuantity: 0 }])).toThrow('临界量 Q 必须大于 0');
    expect(() => hazardRatioSum([{ quantity: -1, criticalQuantity: 10 }])).toThrow('存在量 q 不能为负数');
    expect(() => assessMajorHazard([{ quantity: 1, criticalQuantity: 10, beta: 0 }], 0)).toThrow('校正系数 β 必须大于 0');
  });
});
