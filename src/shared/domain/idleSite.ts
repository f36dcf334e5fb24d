/** 四闲场所: idle factory buildings, courtyards, warehouses and yards, swept village by village (seed 000). */
export const idleSiteKinds = ['厂房', '院落', '仓库', '场地'] as const;
export type IdleSiteKind = (typeof idleSiteKinds)[number];

/** What an inspection found there. */
export const idleSiteFindings = ['无违法', '非法储存', '非法生产', '违规作业', '其他违法'] as const;
export type IdleSiteFinding = (typeof idleSiteFindings)[number];

/** How what was found is disposed of (seed 000: 停业整顿, 取缔, 关闭, 清理, 贴封条). */
export const idleSiteDisposals = ['无需处置', '待处置', '停业整顿', '取缔', '关闭', '清理完毕', '贴封条'] as const;
export type IdleSiteDisposal = (typeof idleSiteDisposals)[number];

/** Disposals that still need the office's action. */
export const openDisposals: readonly IdleSiteDisposal[] = ['待处置'];
