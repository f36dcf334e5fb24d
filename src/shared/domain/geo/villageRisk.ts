/**
 * Closed and deregistered enterprises (关闭, 注销) carry no risk and are not counted.
 * The village risk score behind 安全风险空间分布图 (红橙黄蓝 by village). It is a plain weighted count so the
 * office can recompute any village's score by hand from the table shown next to the map, and the level is read
 * against the town's highest score so every town gets all four colours whatever its size.
 */
import type { RiskLevel } from '../enterprise';

/** What a village's score counts, each with its weight. Order is the table's column order. */
export const villageRiskFactors = [
  { key: 'redEnterprises', label: '红色（重大风险）企业', weight: 10 },
  { key: 'orangeEnterprises', label: '橙色（较大风险）企业', weight: 5 },
  { key: 'yellowEnterprises', label: '黄色（一般风险）企业', weight: 2 },
  { key: 'blueEnterprises', label: '蓝色（低风险）企业', weight: 1 },
  { key: 'openMajorHazards', label: '未销号重大隐患', weight: 10 },
  { key: 'openGeneralHazards', label: '未销号一般隐患', weight: 1 },
  { key: 'tanksInUse', label: '在用储罐', weight: 1 },
] as const;

export type VillageRiskFactor = (typeof villageRiskFactors)[number]['key'];
export type VillageRiskCounts = Record<VillageRiskFactor, number>;

/** Share of the town's highest score from which each level starts (红 ≥ 75 %, 橙 ≥ 50 %, 黄 ≥ 25 %). */
export const villageRiskThresholds: readonly { level: Exclude<RiskLevel, 'blue'>; share: number }[] = [
  { level: 'red', share: 0.75 },
  { level: 'orange', share: 0.5 },
  { level: 'yellow', share: 0.25 },
];

/** Σ count × weight. */
export function villageRiskScore(counts: VillageRiskCounts): number {
  return villageRiskFactors.reduce((sum, factor) => sum + counts[factor.key] * factor.weight, 0);
}

/**
 * A village's level from its score and the town's highest. A village scoring 0 is 蓝 even when every village
 * does; otherwise the first threshold the score reaches decides.
 */
export function villageRiskLevel(score: number, highest: number): RiskLevel {
  if (score <= 0 || highest <= 0) return 'blue';
  const share = score / highest;
  return villageRiskThresholds.find((threshold) => share >= threshold.share)?.level ?? 'blue';
}

/** The rule as one sentence for the page (so what is shown is what is computed). */
export function villageRiskRuleText(): string {
  const terms = villageRiskFactors.map((factor) => `${factor.label}×${factor.weight}`).join(' + ');
  const levels = villageRiskThresholds.map((threshold) => `${levelNames[threshold.level]} ≥ ${Math.round(threshold.share * 100)}%`).join('，');
  return `风险分值 = ${terms}（企业只计在产、停产的）。以全镇最高分为 100%：${levels}，其余（含 0 分）为蓝。`;
}

const levelNames: Record<RiskLevel, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };
