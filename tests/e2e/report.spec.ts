import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Out } from '../../src/shared/api';
import { docxParagraphTexts, readZip } from '../fixtures/zip';
import { expect, fieldError, loginThroughUi, test } from './fixtures';

type Report = Out<'report.generate'>;

/** A section's paragraph as the page must show it: the words, and each figure's value (a rate to one decimal). */
function segmentsText(segments: Report['sections'][number]['segments'], figures: Report['figures']): string {
  const value = (key: string) => {
    const number = figures.find((figure) => figure.key === key)?.value;
    return number === null || number === undefined ? '—' : Number.isInteger(number) ? String(number) : number.toFixed(1);
  };
  return segments.map((segment) => ('text' in segment ? segment.text : value(segment.figure))).join('');
}

/** The quarter containing today (the demo's records are around today), as the page offers it first. */
function currentQuarter() {
  const today = new Date();
  return { kind: 'quarter' as const, year: today.getFullYear(), index: Math.floor(today.getMonth() / 3) + 1 };
}

/** A section with a figure of the hazard list in its text, and its value (more than none, so the list shows a total). */
function hazardFigure(report: Report) {
  const figure = report.figures.find((item) => item.source?.list === 'hazards' && (item.value ?? 0) > 0 && Object.keys(item.source.filters).every((key) => ['from', 'to'].includes(key)));
  if (!figure) throw new Error('the demo report has no count of hazards found this quarter');
  const section = report.sections.find((item) => item.segments.some((segment) => 'figure' in segment && segment.figure === figure.key));
  if (!section) throw new Error(`no section states ${figure.key}`);
  return { figure, section };
}

test('a quarter report states the ledgers’ numbers, links them to their lists, is edited, exported to Word and printed', async ({ page, host }) => {
  // Generation, a list, a Word export and a PDF in one story: more than one default timeout on a busy machine.
  test.slow();
  await host.setup({ loadDemo: true });
  const request = currentQuarter();
  const report = await host.call('report.generate', request);
  const { figure, section } = hazardFigure(report);
  const edited = report.sections.find((item) => item.key !== section.key) ?? section;

  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '工作汇报' }).click();
  // The page starts on the current quarter of the whole town.
  await page.getByRole('button', { name: '生成汇报' }).click();
  await expect(page.getByLabel('标题')).toHaveValue(report.title);

  // Every section reads as the API's segments with the figures' values in them.
  for (const item of report.sections) {
    await expect(page.locator(`[data-section="${item.key}"] .report-paragraph-generated`)).toHaveText(segmentsText(item.segments, report.figures));
  }
  await expect(page.locator(`[data-section="${section.key}"]`)).toContainText(String(figure.value));

  // Rewrite a section: the text replaces the generated one, numbers and all.
  const rewritten = `${edited.title.replace(/^[一二三四五六七八九十]+、/, '')}：本期工作扎实推进，经手动修改的段落（E2E）。`;
  await page.getByRole('button', { name: `编辑 ${edited.title}` }).click();
  await page.getByLabel(`${edited.title} 段落`).fill(rewritten);
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.locator(`[data-section="${edited.key}"]`)).toContainText(rewritten);
  await expect(page.locator(`[data-section="${edited.key}"]`)).toContainText('已手动修改');
  if (process.env.REPORT_SCREENSHOTS) await page.screenshot({ path: test.info().outputPath('report-page.png'), fullPage: true });

  // A number leads to its list, which holds exactly that many records.
  const link = page.locator(`[data-section="${section.key}"] a[data-figure="${figure.key}"]`).first();
  await expect(link).toHaveText(String(figure.value));
  await link.click();
  await expect(page).toHaveURL(/#\/hazards\?/);
  await expect(page.getByText(`共 ${figure.value} 条`)).toBeVisible();

  // Back on the report: the same report, the edit still there.
  await page.goBack();
  await expect(page.getByLabel('标题')).toHaveValue(report.title);
  await expect(page.locator(`[data-section="${edited.key}"]`)).toContainText(rewritten);

  // 导出Word: a .docx (a zip) whose document holds the title, the edited text and the generated one.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
  expect(download.suggestedFilename()).toBe(`${report.title}.docx`);
  const docx = fs.readFileSync((await download.path())!);
  expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  const entries = readZip(docx);
  const texts = docxParagraphTexts(entries.get('word/document.xml')!.toString('utf8'));
  expect(texts).toContain(report.title);
  // The monthly chart as drawn on the page: one PNG picture with its caption.
  const pictures = [...entries.entries()].filter(([name]) => name.startsWith('word/media/'));
  expect(pictures).toHaveLength(1);
  expect([...pictures[0][1].subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(texts).toContain('图：隐患发现与整改情况（按月）');
  expect(texts).toContain(rewritten);
  if (section.key !== edited.key) expect(texts.join('\n')).toContain(segmentsText(section.segments, report.figures).split('\n')[0].trim());
  await download.saveAs(test.info().outputPath('report.docx'));

  // 打印: the print view shows the edited report on A4 portrait.
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(/#\/print\/report$/);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: report.title })).toBeVisible();
  await expect(page.getByText(rewritten)).toBeVisible();
  await expect(page.getByText('附：主要指标对比')).toBeVisible();
  // The chart is printed too, decoded before the view says it is ready.
  const chartPicture = page.getByRole('img', { name: '隐患发现与整改情况（按月）' });
  await expect(chartPicture).toBeVisible();
  expect(await chartPicture.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(1000);
  // The PDF from the view loaded afresh, as Electron's hidden print window loads it (and it survives a reload).
  await page.reload();
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 30_000 });
  await expect(page.getByText(rewritten)).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfPath = test.info().outputPath('report.pdf');
  fs.writeFileSync(pdfPath, pdf);
  // A4 portrait pages.
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+59[45]\.\d+\s+841\.9\d*\s*\]/);
  if (process.env.REPORT_SCREENSHOTS) {
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, test.info().outputPath('report-print')]);
  }
});

test('a custom period ending before it starts is refused under 结束日期', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '工作汇报' }).click();
  await page.locator('.report-controls').getByText('自定义', { exact: true }).click();
  await page.getByLabel('开始日期').click();
  await page.getByLabel('开始日期').fill('2026-11-30');
  await page.getByLabel('开始日期').press('Enter');
  await page.getByLabel('结束日期').click();
  await page.getByLabel('结束日期').fill('2026-11-01');
  await page.getByLabel('结束日期').press('Enter');
  await page.getByRole('button', { name: '生成汇报' }).click();
  await expect(fieldError(page, '结束日期')).toHaveText('结束日期不能早于开始日期');
  // Changing the field clears the message.
  await page.getByLabel('结束日期').click();
  await page.getByLabel('结束日期').fill('2026-12-01');
  await page.getByLabel('结束日期').press('Enter');
  await expect(fieldError(page, '结束日期')).toHaveCount(0);
});
