import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../shared/api/report';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { docxParagraphTexts, readZip } from '../../../../tests/fixtures/zip';
import { buildReportDocx, reportFileName } from './docx';

const report: ReportDocument = {
  title: '示例镇2026年第一季度安全生产工作汇报',
  subtitle: ['统计期间：2026年1月1日至2026年3月31日', '范围：全镇', '填报单位：示例镇应急管理办公室', '生成日期：2026年3月15日'],
  sections: [
    {
      title: '一、隐患排查治理情况',
      paragraphs: [
        '本期共开展检查 42 次，发现隐患 118 项，已整改 97 项，整改率 82.2%，较上期增加 12 项。',
        '下达责令限期整改指令书 9 份，逾期未整改 3 项 <需督办> & 跟进。',
      ],
      tables: [
        {
          title: '各村隐患情况',
          columns: ['村/社区', '发现隐患', '已整改', '整改率'],
          rows: [
            ['东山村', 31, 28, '90.3%'],
            ['西河社区', 12, 7, '58.3%'],
          ],
        },
      ],
      charts: [],
    },
    { title: '二、下一步工作', paragraphs: ['继续做好四闲场所排查。\n加强储罐监管。'], tables: [], charts: [] },
  ],
};

async function documentXml(data: Buffer): Promise<string> {
  const entries = readZip(data);
  const xml = entries.get('word/document.xml');
  if (!xml) throw new Error('no word/document.xml');
  return xml.toString('utf8');
}

describe('buildReportDocx', () => {
  it('writes the title, every paragraph and the table cells into word/document.xml', async () => {
    const data = await buildReportDocx(report);
    expect(data.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const xml = await documentXml(data);
    const texts = docxParagraphTexts(xml);
    expect(texts).toContain(report.title);
    for (const line of report.subtitle) expect(texts).toContain(line);
    expect(texts).toContain('一、隐患排查治理情况');
    expect(texts).toContain(report.sections[0].paragraphs[0]);
    // Escaped in the XML, the same text once read back.
    expect(texts).toContain(report.sections[0].paragraphs[1]);
    // A line break typed into a paragraph makes two paragraphs.
    expect(texts).toContain('继续做好四闲场所排查。');
    expect(texts).toContain('加强储罐监管。');
    for (const cell of ['各村隐患情况', '村/社区', '发现隐患', '东山村', '31', '90.3%', '西河社区', '58.3%']) expect(texts).toContain(cell);
    // A4 portrait, Chinese faces, a bordered table whose header repeats, a page number field in the footer.
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/w:firstLineChars="200"/);
    const footers = [...readZip(data).entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.some(([, content]) => content.toString('utf8').includes('PAGE'))).toBe(true);
  });

  it('right-aligns numbers in table cells and keeps the header centred and bold', async () => {
    const xml = await documentXml(await buildReportDocx(report));
    const cell = (text: string) => xml.match(new RegExp(`<w:tc>(?:(?!</w:tc>)[\\s\\S])*?>${text}</w:t>[\\s\\S]*?</w:tc>`))?.[0] ?? '';
    expect(cell('31')).toContain('w:val="right"');
    expect(cell('东山村')).not.toContain('w:val="right"');
    expect(cell('发现隐患')).toContain('w:val="center"');
    expect(cell('发现隐患')).toContain('<w:b/>');
  });
});

/** A 1×1 PNG: real PNG bytes, standing in for the chart the page draws. */
const tinyPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('buildReportDocx with a chart', () => {
  const withChart = (pngBase64: string): ReportDocument => ({
    ...report,
    sections: [{ ...report.sections[0], charts: [{ title: '隐患发现与整改情况（按月）', pngBase64, width: 1600, height: 640 }] }, report.sections[1]],
  });

  it("places the picture, as wide as the text and in proportion, with its caption, after the section's tables", async () => {
    const data = await buildReportDocx(withChart(tinyPng));
    const media = [...readZip(data).entries()].filter(([name]) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0][1].equals(Buffer.from(tinyPng, 'base64'))).toBe(true);
    const xml = await documentXml(data);
    const texts = docxParagraphTexts(xml);
    expect(texts).toContain('图：隐患发现与整改情况（按月）');
    // The caption comes after the village table and before the next section.
    expect(texts.indexOf('图：隐患发现与整改情况（按月）')).toBeGreaterThan(texts.indexOf('西河社区'));
    expect(texts.indexOf('图：隐患发现与整改情况（按月）')).toBeLessThan(texts.indexOf('二、下一步工作'));
    // 156 mm of text at 96 dpi is 589 px (9,525 EMU each); the height keeps 1600:640.
    const extent = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/);
    expect(extent).not.toBeNull();
    const [cx, cy] = [Number(extent![1]), Number(extent![2])];
    expect(cx / 9525).toBeCloseTo(589, 0);
    expect(cx / cy).toBeCloseTo(1600 / 640, 2);
  });

  it('refuses bytes that are not a PNG', async () => {
    const backend = await makeTestBackend();
    try {
      const result = await backend.dispatch('report.exportDocx', { document: withChart(Buffer.from('not a picture at all').toString('base64')) });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '图表「隐患发现与整改情况（按月）」的图片不是 PNG' } });
    } finally {
      backend.dispose();
    }
  });
});

describe('reportFileName', () => {
  it('keeps the title, dropping what a file name cannot hold', () => {
    expect(reportFileName('示例镇2026年第一季度工作汇报')).toBe('示例镇2026年第一季度工作汇报.docx');
    expect(reportFileName('  a/b:c*?"<>|d  ')).toBe('abcd.docx');
    expect(reportFileName('...')).toBe('工作汇报.docx');
    expect(reportFileName('长'.repeat(120))).toBe(`${'长'.repeat(80)}.docx`);
  });
});

describe('report.exportDocx', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await makeTestBackend();
  });
  afterAll(() => backend.dispose());

  it('returns the document as base64 under the title as its file name', async () => {
    const result = await backend.call('report.exportDocx', { document: { ...report, title: '示例镇/一季度汇报' } });
    expect(result.fileName).toBe('示例镇一季度汇报.docx');
    const texts = docxParagraphTexts(await documentXml(Buffer.from(result.dataBase64, 'base64')));
    expect(texts).toContain('示例镇/一季度汇报');
    expect(texts).toContain(report.sections[0].paragraphs[0]);
    expect(texts).toContain('东山村');
  });

  it('refuses a document without a title, saying so on the field', async () => {
    const result = await backend.dispatch('report.exportDocx', { document: { ...report, title: '  ' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error)).toContain('请填写标题');
  });
});
