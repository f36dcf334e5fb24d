import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/api/report';
import { reportDocumentSchema } from '../../../shared/api/report';
import {
  columnShares,
  comparisonRows,
  isNumericCell,
  formatChange,
  loadEdits,
  requestKey,
  saveEdits,
  sectionText,
  segmentsText,
  toReportDocument,
} from './reportDocument';

const report: Report = {
  title: '示例镇2026年第一季度安全生产工作汇报',
  unit: '示例镇应急管理办公室',
  scopeLabel: '全镇',
  period: { from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' },
  previous: { from: '2025-10-01', to: '2025-12-31', label: '2025年第四季度' },
  lastYear: { from: '2025-01-01', to: '2025-03-31', label: '2025年第一季度' },
  figures: [
    { key: 'found', label: '查出问题隐患', unit: '条', value: 12, previous: 8, lastYear: 0, source: { list: 'hazards', filters: { from: '2026-01-01', to: '2026-03-31' } } },
    { key: 'rate', label: '隐患整改率', unit: '%', value: 75, previous: 62.5, lastYear: null, source: null },
    { key: 'orders', label: '下达指令书', unit: '份', value: 2, previous: 4, lastYear: 2, source: null },
  ],
  sections: [
    { key: 'hazards', title: '一、隐患排查治理', segments: [{ text: '查出隐患 ' }, { figure: 'found' }, { text: ' 条，整改率 ' }, { figure: 'rate' }, { text: '%。' }], tables: [] },
    { key: 'next', title: '二、下一步工作', segments: [{ text: '继续排查。' }], tables: [{ title: '表', columns: ['a'], rows: [[1]] }] },
  ],
  monthly: [],
  generatedAt: '2026-03-15T08:00:00.000Z',
};

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('report text', () => {
  it('writes a paragraph from its words and figure values', () => {
    expect(segmentsText(report.sections[0].segments, report.figures)).toBe('查出隐患 12 条，整改率 75%。');
    expect(segmentsText([{ figure: 'missing' }], report.figures)).toBe('—');
    expect(sectionText(report, 'hazards', { paragraphs: { hazards: '改写的段落' } })).toBe('改写的段落');
  });

  it('compares with the previous period and last year, signed and in percent', () => {
    expect(formatChange(12, 8, '条')).toBe('+4（+50.0%）');
    expect(formatChange(2, 4, '份')).toBe('\u22122（\u221250.0%）');
    expect(formatChange(12, 0, '条')).toBe('+12（—）');
    expect(formatChange(12, null, '条')).toBe('—');
    expect(formatChange(2, 2, '份')).toBe('0（0.0%）');
    expect(formatChange(75, 62.5, '%')).toBe('+12.5个百分点');
    expect(comparisonRows(report.figures)[0]).toEqual(['查出问题隐患（条）', '12', '8', '+4（+50.0%）', '0', '+12（—）']);
    for (const cell of [12, '61.9%', '+4（+50.0%）', '\u22122（\u221250.0%）', '+12.5个百分点', '—', '1,234']) expect(isNumericCell(cell)).toBe(true);
    for (const cell of ['东山村', '', '12 条', '第1名']) expect(isNumericCell(cell)).toBe(false);
    const shares = columnShares({ title: '', columns: ['指标', '本期'], rows: [['下达责令限期整改指令书（份）', 12]] });
    expect(shares[0]).toBeGreaterThan(shares[1]);
    expect(shares[0] + shares[1]).toBeCloseTo(100, 0);
    expect(comparisonRows(report.figures)[1]).toEqual(['隐患整改率（%）', '75', '62.5', '+12.5个百分点', '—', '—']);
  });

  it('builds the document from the edited state, valid for the API', () => {
    const document = toReportDocument(report, { title: '  改过的标题 ', paragraphs: { hazards: '第一段。\n\n第二段。' } });
    expect(reportDocumentSchema.parse(document)).toBeTruthy();
    expect(document.title).toBe('改过的标题');
    expect(document.subtitle.join('')).toContain('2026年第一季度');
    expect(document.subtitle.join('')).toContain('示例镇应急管理办公室');
    expect(document.sections[0]).toEqual({ title: '一、隐患排查治理', paragraphs: ['第一段。', '第二段。'], tables: [], charts: [] });
    expect(document.sections[1].paragraphs).toEqual(['继续排查。']);
    expect(document.sections.at(-1)?.tables[0].rows).toHaveLength(3);
    // A chart picture goes to the section it is given for, and nowhere else.
    const chart = { title: '隐患发现与整改情况（按月）', pngBase64: 'iVBORw0KGgo=', width: 1280, height: 560 };
    const withChart = toReportDocument(report, { paragraphs: {} }, { hazards: [chart] });
    expect(withChart.sections.map((section) => section.charts)).toEqual([[chart], ...withChart.sections.slice(1).map(() => [])]);
    // A title cleared to nothing falls back to the generated one.
    expect(toReportDocument(report, { title: ' ', paragraphs: {} }).title).toBe(report.title);
  });
});

describe('saved edits', () => {
  it('are keyed by the request in a fixed form', () => {
    expect(requestKey({ kind: 'quarter', year: 2026, index: 1, villageIds: [3, 1] })).toBe(
      requestKey({ kind: 'quarter', year: 2026, index: 1, from: '2026-01-01', villageIds: [1, 3] }),
    );
    expect(requestKey({ kind: 'year', year: 2026, index: 2 })).toBe(requestKey({ kind: 'year', year: 2026 }));
    expect(requestKey({ kind: 'quarter', year: 2026, index: 1 })).not.toBe(requestKey({ kind: 'quarter', year: 2026, index: 2 }));
  });

  it('round-trip through storage and are forgotten when reset', () => {
    const storage = memoryStorage();
    const key = requestKey({ kind: 'month', year: 2026, index: 3 });
    saveEdits(storage, key, { title: '标题', paragraphs: { a: '文字' } });
    expect(loadEdits(storage, key)).toEqual({ title: '标题', paragraphs: { a: '文字' } });
    saveEdits(storage, key, { paragraphs: {} });
    expect(loadEdits(storage, key)).toEqual({ paragraphs: {} });
    storage.setItem('anjian.reportEdits', 'not json');
    expect(loadEdits(storage, key)).toEqual({ paragraphs: {} });
  });

  it('keep only the most recent reports', () => {
    const storage = memoryStorage();
    for (let month = 1; month <= 14; month += 1) saveEdits(storage, `k${month}`, { paragraphs: { a: String(month) } }, month);
    expect(loadEdits(storage, 'k1')).toEqual({ paragraphs: {} });
    expect(loadEdits(storage, 'k14')).toEqual({ title: undefined, paragraphs: { a: '14' } });
  });
});
