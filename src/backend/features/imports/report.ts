import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { once } from 'node:events';
import type { RequestContext } from '../../api/context';
import { exportFileName, xlsxMimeType } from '../exports/service';
import { newJobFilePath, type JobOutput } from '../jobs/service';
import { cellText } from './cells';
import type { RowOutcome, RowResult } from './importer';
import type { SheetRow } from './table';

const outcomeLabels: Record<RowOutcome, string> = {
  create: '已新增',
  update: '已更新',
  unchanged: '无变化',
  skip: '已跳过',
  invalid: '未导入',
};

const errorFont = { color: { argb: 'FFC00000' } };
const okFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const errorFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** The 导入结果 text of one row: what happened, and for a refused row every problem with its column. */
export function resultText(result: RowResult<unknown>, columnOf: (field: string | null) => string): string {
  const head = outcomeLabels[result.outcome];
  if (result.outcome === 'invalid') {
    return `${head}：${result.problems.map((problem) => `【${columnOf(problem.field)}】${problem.message}`).join('；')}`;
  }
  return result.note ? `${head}（${result.note}）` : head;
}

/**
 * The import report: the file's own header and rows as they were (with their row numbers), plus a 导入结果
 * column that says what became of each row; refused rows are tinted so they can be found, fixed in this very
 * file and imported again.
 */
export async function writeImportReport(
  ctx: RequestContext,
  source: { fileName: string; header: SheetRow },
  rows: { row: SheetRow; result: RowResult<unknown> }[],
  columnOfField: Map<string, string>,
): Promise<JobOutput> {
  const filePath = newJobFilePath(ctx, '.xlsx');
  const file = fs.createWriteStream(filePath);
  await once(file, 'open');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: true });
  workbook.creator = '安监台账';
  const sheet = workbook.addWorksheet('导入报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = Math.max(source.header.cells.length, ...rows.map(({ row }) => row.cells.length));
  sheet.columns = [
    { key: 'rowNumber', width: 8 },
    ...Array.from({ length: width }, (_, index) => ({ key: `c${index}`, width: Math.min(30, Math.max(10, cellText(source.header.cells[index] ?? null).length * 2 + 2)) })),
    { key: 'result', width: 60 },
  ];
  const header = sheet.addRow(['原行号', ...Array.from({ length: width }, (_, index) => source.header.cells[index] ?? null), '导入结果']);
  header.font = { bold: true };
  header.commit();
  const columnOf = (field: string | null) => (field ? (columnOfField.get(field) ?? field) : '整行');
  for (const { row, result } of rows) {
    const line = sheet.addRow([row.rowNumber, ...Array.from({ length: width }, (_, index) => row.cells[index] ?? null), resultText(result, columnOf)]);
    // Dates go back as dates, shown as the office writes them.
    row.cells.forEach((cell, index) => {
      if (cell instanceof Date) line.getCell(index + 2).numFmt = 'yyyy-mm-dd';
    });
    const resultCell = line.getCell(width + 2);
    resultCell.alignment = { wrapText: true, vertical: 'top' };
    if (result.outcome === 'invalid') {
      resultCell.font = errorFont;
      resultCell.fill = errorFill;
    } else if (result.outcome === 'create' || result.outcome === 'update') {
      resultCell.fill = okFill;
    }
    line.commit();
  }
  sheet.commit();
  await workbook.commit();
  const base = source.fileName.replace(/\.[^.]*$/, '');
  return { filePath, fileName: exportFileName(`${base}-导入报告`, ctx.clock.now()), mimeType: xlsxMimeType };
}
