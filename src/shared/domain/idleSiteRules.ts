import type { IdleSiteDisposal, IdleSiteFinding } from './idleSite';

/**
 * Disposals that are an act carried out on a given day (停业整顿, 取缔, 关闭, 清理完毕, 贴封条): the record needs
 * that day as 处置日期. 无需处置 and 待处置 are no act yet, so they carry no date. 停业整顿 and 贴封条 are
 * temporary measures but still acts the 台账 must date (seed 000 reports them next to 取缔 and 关闭).
 */
export const datedDisposals: readonly IdleSiteDisposal[] = ['停业整顿', '取缔', '关闭', '清理完毕', '贴封条'];

export function disposalNeedsDate(disposal: IdleSiteDisposal): boolean {
  return datedDisposals.includes(disposal);
}

/** 发现非法违法行为: any finding but 无违法. */
export function isIllegalFinding(finding: IdleSiteFinding): boolean {
  return finding !== '无违法';
}

/**
 * Whether a finding and a disposal fit together, and if not the Chinese message for the disposal field.
 * Keeping them consistent is what makes the summary add up: every violation found has exactly one disposal
 * (待处置 until decided), and a site without one has none.
 */
export function disposalProblem(finding: IdleSiteFinding, disposal: IdleSiteDisposal): string | null {
  if (!isIllegalFinding(finding) && disposal !== '无需处置') return '未发现违法行为时，处置情况应为“无需处置”';
  if (isIllegalFinding(finding) && disposal === '无需处置') return '发现违法行为须选择处置情况（尚未处置请选“待处置”）';
  return null;
}

/** The counts of the 四闲场所 summary (see `idleSites.summary`). */
export interface IdleSiteCounts {
  total: number;
  illegal: number;
  byDisposal: Record<IdleSiteDisposal, number>;
  sealed: number;
  sampled: number;
}

/** Where and when the counts apply, as the sentence opens (“截至目前，东山村共排查…”). */
export interface IdleSiteSummaryScope {
  from?: string | null;
  to?: string | null;
  villageName?: string | null;
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function scopeOpening(scope: IdleSiteSummaryScope): string {
  const { from, to } = scope;
  let when = '截至目前';
  if (from && to) when = from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`;
  else if (from) when = `${chineseDate(from)}以来`;
  else if (to) when = `截至${chineseDate(to)}`;
  return `${when}，${scope.villageName ?? ''}`;
}

/**
 * The summary as the office writes it in its reports (seed 000: “共排查“四闲”场所342处，发现非法违法行为31起，
 * 其中12起…停业整顿…16处…被取缔；2处…清理完成；1处…关闭…对…9处场所，全部进行了抽样化验”). Zero items are left
 * out rather than written as “0处”; 贴封条 as a measure of its own is listed with the other disposals, and seals
 * put on during another disposal (the seed's 停业整顿 sites had their 配电室 sealed) are told apart after it.
 */
export function idleSiteSummarySentence(counts: IdleSiteCounts, scope: IdleSiteSummaryScope = {}): string {
  const parts = [`${scopeOpening(scope)}共排查“四闲”场所${counts.total}处`];
  if (counts.total === 0) return `${parts[0]}。`;
  if (counts.illegal === 0) {
    parts.push('未发现非法违法行为');
  } else {
    const d = counts.byDisposal;
    const items = [
      d['停业整顿'] && `${d['停业整顿']}起停业整顿`,
      d['取缔'] && `${d['取缔']}处取缔`,
      d['清理完毕'] && `${d['清理完毕']}处清理完毕`,
      d['关闭'] && `${d['关闭']}处关闭`,
      d['贴封条'] && `${d['贴封条']}处贴封条`,
      d['待处置'] && `${d['待处置']}起待处置`,
    ].filter(Boolean);
    parts.push(`发现非法违法行为${counts.illegal}起${items.length ? `，其中${items.join('，')}` : ''}`);
  }
  const after: string[] = [];
  const sealedWithOther = counts.sealed - counts.byDisposal['贴封条'];
  if (sealedWithOther > 0) after.push(counts.byDisposal['贴封条'] > 0 ? `共张贴封条${counts.sealed}处` : `张贴封条${counts.sealed}处`);
  if (counts.sampled > 0) after.push(`抽样化验${counts.sampled}处`);
  return `${parts.join('，')}${after.length ? `；${after.join('，')}` : ''}。`;
}
