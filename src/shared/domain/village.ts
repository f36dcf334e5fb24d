/** 村 or 社区: the two kinds of grass-roots unit a town is divided into. */
export const villageKinds = ['村', '社区'] as const;
export type VillageKind = (typeof villageKinds)[number];

/** 统计用区划代码: 12 digits, the first 9 being the town's own code. */
export const villageCodePattern = /^\d{12}$/;
