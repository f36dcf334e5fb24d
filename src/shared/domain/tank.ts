import type { Industry } from './enterprise';

/** 储罐 categories, as seed 000 counts them: 危险化学品企业储罐, 一般化工企业储罐, 四闲场所储罐. */
export const tankCategories = ['危化品企业储罐', '一般化工企业储罐', '四闲场所储罐'] as const;
export type TankCategory = (typeof tankCategories)[number];

export const tankTypes = ['立式固定顶', '内浮顶', '外浮顶', '卧式', '球罐', '其他'] as const;
export type TankType = (typeof tankTypes)[number];

export const tankStatuses = ['在用', '停用', '闲置', '已清空', '已拆除'] as const;
export type TankStatus = (typeof tankStatuses)[number];

export const tankPressureClasses = ['常压', '低压', '压力'] as const;
export type TankPressureClass = (typeof tankPressureClasses)[number];

/** Industries whose tanks count as 危险化学品企业储罐; every other enterprise's are 一般化工企业储罐. */
export const hazardousChemicalIndustries: readonly Industry[] = ['危化生产', '危化经营(带储存)'];

/** A tank's category follows its owner: an idle site, or an enterprise by its industry. */
export function tankCategoryOf(owner: { kind: 'idleSite' } | { kind: 'enterprise'; industry: Industry }): TankCategory {
  if (owner.kind === 'idleSite') return '四闲场所储罐';
  return hazardousChemicalIndustries.includes(owner.industry) ? '危化品企业储罐' : '一般化工企业储罐';
}
