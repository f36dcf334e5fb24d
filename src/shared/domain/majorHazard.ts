/**
 * Identifying and grading major hazard sources (重大危险源), GB 18218-2018 as DOMAIN.md states it:
 * a unit (an enterprise's tank farm, warehouse or production unit) is a major hazard source when
 * S = Σ qᵢ/Qᵢ ≥ 1 (q: the largest quantity present, Q: the substance's critical quantity, both in tonnes);
 * its grade follows R = α · Σ βᵢ·qᵢ/Qᵢ, with α from the people within 500 m and β the substance's correction
 * factor (taken from the catalogue, which cites the standard's table for each value).
 */

export interface HazardousQuantity {
  /** Largest quantity present in the unit, tonnes. */
  quantity: number;
  /** Critical quantity Q of the substance, tonnes. */
  criticalQuantity: number;
  /** Correction factor β of the substance; needed for grading only. */
  beta?: number;
}

export const majorHazardGrades = ['一级', '二级', '三级', '四级'] as const;
export type MajorHazardGrade = (typeof majorHazardGrades)[number];

function checkQuantity(item: HazardousQuantity): void {
  if (!(item.criticalQuantity > 0)) throw new RangeError('临界量 Q 必须大于 0');
  if (!(item.quantity >= 0)) throw new RangeError('存在量 q 不能为负数');
  if (item.beta !== undefined && !(item.beta > 0)) throw new RangeError('校正系数 β 必须大于 0');
}

/** S = Σ q/Q over the substances of one unit. */
export function hazardRatioSum(items: readonly HazardousQuantity[]): number {
  return items.reduce((sum, item) => {
    checkQuantity(item);
    return sum + item.quantity / item.criticalQuantity;
  }, 0);
}

/** α, the correction for people within 500 m of the unit: ≥100 → 2.0, 50–99 → 1.5, 30–49 → 1.2, 1–29 → 1.0, 0 → 0.5. */
export function exposureFactor(peopleWithin500m: number): number {
  if (!Number.isInteger(peopleWithin500m) || peopleWithin500m < 0) throw new RangeError('500 米范围内人数应为非负整数');
  if (peopleWithin500m >= 100) return 2.0;
  if (peopleWithin500m >= 50) return 1.5;
  if (peopleWithin500m >= 30) return 1.2;
  if (peopleWithin500m >= 1) return 1.0;
  return 0.5;
}

/** The grade for R: 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10. */
export function majorHazardGrade(risk: number): MajorHazardGrade {
  if (risk >= 100) return '一级';
  if (risk >= 50) return '二级';
  if (risk >= 10) return '三级';
  return '四级';
}

export interface MajorHazardAssessment {
  /** S = Σ q/Q. */
  ratioSum: number;
  isMajorHazard: boolean;
  alpha: number;
  /** R = α·Σ β·q/Q; null when a substance has no β (the unit can be identified but not graded). */
  risk: number | null;
  /** Only for a major hazard source with every β known. */
  grade: MajorHazardGrade | null;
}

/** Identification and, where every β is known, grading of one unit. */
export function assessMajorHazard(items: readonly HazardousQuantity[], peopleWithin500m: number): MajorHazardAssessment {
  const ratioSum = hazardRatioSum(items);
  const alpha = exposureFactor(peopleWithin500m);
  const isMajorHazard = ratioSum >= 1;
  const allBetas = items.every((item) => item.beta !== undefined);
  const risk = allBetas ? alpha * items.reduce((sum, item) => sum + item.beta! * (item.quantity / item.criticalQuantity), 0) : null;
  return { ratioSum, isMajorHazard, alpha, risk, grade: isMajorHazard && risk !== null ? majorHazardGrade(risk) : null };
}
