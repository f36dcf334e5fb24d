/** 行业领域 as DOMAIN.md lists them (工贸 split into its six sub-sectors). */
export const industries = [
  '危化生产',
  '危化经营(带储存)',
  '化工',
  '医药',
  '工贸-冶金',
  '工贸-有色',
  '工贸-建材',
  '工贸-机械',
  '工贸-轻工',
  '工贸-纺织',
  '烟花爆竹',
  '建筑施工',
  '交通运输',
  '矿山',
  '燃气',
  '其他',
] as const;
export type Industry = (typeof industries)[number];

/** Industries GB 30871-2022 applies to in full (others only 参照执行). */
export const chemicalIndustries: readonly Industry[] = ['危化生产', '危化经营(带储存)', '化工', '医药'];

/** 四色风险: stored as the colour, shown as the Chinese level. */
export const riskLevels = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { red: '重大风险（红）', orange: '较大风险（橙）', yellow: '一般风险（黄）', blue: '低风险（蓝）' };
export const riskLevelShortLabels: Record<RiskLevel, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };

export const standardizationLevels = ['一级', '二级', '三级', '未定级'] as const;
export type StandardizationLevel = (typeof standardizationLevels)[number];

export const enterpriseStatuses = ['在产', '停产', '关闭', '注销'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];

/** Longitude/latitude bounds of China (with a margin), to catch swapped or mistyped coordinates. */
export const chinaBounds = { minLongitude: 73, maxLongitude: 136, minLatitude: 3, maxLatitude: 54 } as const;
