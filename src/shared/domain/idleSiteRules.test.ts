import { describe, expect, it } from 'vitest';
import { idleSiteDisposals, type IdleSiteDisposal } from './idleSite';
import { disposalNeedsDate, disposalProblem, idleSiteSummarySentence, type IdleSiteCounts } from './idleSiteRules';

function counts(partial: Partial<Omit<IdleSiteCounts, 'byDisposal'>> & { byDisposal?: Partial<Record<IdleSiteDisposal, number>> }): IdleSiteCounts {
  const byDisposal = Object.fromEntries(idleSiteDisposals.map((d) => [d, partial.byDisposal?.[d] ?? 0])) as Record<IdleSiteDisposal, number>;
  return { total: 0, illegal: 0, sealed: 0, sampled: 0, ...partial, byDisposal };
}

describe('idle site summary sentence', () => {
  it('reproduces seed 000: 342 sites, 31 violations (12 停业整顿 with seals, 16 取缔, 2 清理, 1 关闭), 9 sampled', () => {
    const seed = counts({ total: 342, illegal: 31, sealed: 12, sampled: 9, byDisposal: { 停业整顿: 12, 取缔: 16, 清理完毕: 2, 关闭: 1 } });
    expect(idleSiteSummarySentence(seed)).toBe(
      '截至目前，共排查“四闲”场所342处，发现非法违法行为31起，其中12起停业整顿，16处取缔，2处清理完毕，1处关闭；张贴封条12处，抽样化验9处。',
    );
  });

  it('leaves out zero items and says when nothing was found', () => {
    expect(idleSiteSummarySentence(counts({}), { villageName: '东山村' })).toBe('截至目前，东山村共排查“四闲”场所0处。');
    expect(idleSiteSummarySentence(counts({ total: 5 }), { from: '2026-01-01' })).toBe('2026年1月1日以来，共排查“四闲”场所5处，未发现非法违法行为。');
    expect(idleSiteSummarySentence(counts({ total: 5, illegal: 1, byDisposal: { 待处置: 1 } }), { from: '2026-03-02', to: '2026-03-02' })).toBe(
      '2026年3月2日，共排查“四闲”场所5处，发现非法违法行为1起，其中1起待处置。',
    );
  });

  it('tells seals put on with another disposal apart from 贴封条 as the disposal itself', () => {
    const onlySeals = counts({ total: 3, illegal: 2, sealed: 2, byDisposal: { 贴封条: 2 } });
    expect(idleSiteSummarySentence(onlySeals)).toBe('截至目前，共排查“四闲”场所3处，发现非法违法行为2起，其中2处贴封条。');
    const mixed = counts({ total: 3, illegal: 3, sealed: 3, byDisposal: { 贴封条: 2, 取缔: 1 } });
    expect(idleSiteSummarySentence(mixed)).toBe('截至目前，共排查“四闲”场所3处，发现非法违法行为3起，其中1处取缔，2处贴封条；共张贴封条3处。');
  });
});

describe('idle site rules', () => {
  it('dates only the disposals that are acts, and pairs findings with disposals', () => {
    expect(idleSiteDisposals.filter(disposalNeedsDate)).toEqual(['停业整顿', '取缔', '关闭', '清理完毕', '贴封条']);
    expect(disposalProblem('无违法', '无需处置')).toBeNull();
    expect(disposalProblem('非法储存', '待处置')).toBeNull();
    expect(disposalProblem('无违法', '待处置')).toMatch(/无需处置/);
    expect(disposalProblem('非法生产', '无需处置')).toMatch(/待处置/);
  });
});
