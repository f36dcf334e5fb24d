import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../../api/errors';
import { ErrorCode } from '../../../shared/api/errors';
import type { RawCell } from './cells';

/** One row of the file as it was: its 1-based row number (what Excel shows) and its cells from column A on. */
export interface SheetRow {
  rowNumber: number;
  cells: RawCell[];
}

/** The first worksheet that holds anything, as rows of flattened cells. */
export interface SheetTable {
  sheetName: string;
  rows: SheetRow[];
}

function unreadable(message: string): AppError {
  return new AppError(ErrorCode.InvalidInput, message);
}

/** Flattens what ExcelJS gives for a cell: rich text, hyperlinks, formulas (their cached result), errors. */
function flatten(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : flatten(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return flatten((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

function tableOf(sheet: ExcelJS.Worksheet): SheetTable {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: RawCell[] = [];
    // `values` is 1-based and sparse; merged cells already carry their master's value.
    for (let column = 1; column < values.length; column += 1) cells.push(flatten(values[column]));
    rows.push({ rowNumber, cells });
  });
  return { sheetName: sheet.name, rows };
}

/**
 * Reads an .xlsx or .csv file into rows. Which one it is comes from the bytes, not the name: a zip is .xlsx,
 * the old binary .xls is refused with advice, and anything else must be text (UTF-8, with or without BOM, or
 * GBK as Excel saves "CSV" on Chinese Windows). A file that is neither gets a clear Chinese message.
 */
export async function readTable(data: Buffer, fileName: string): Promise<SheetTable> {
  if (data.length === 0) throw unreadable('文件是空的，没有可导入的内容');
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  const isOldExcel = data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (isOldExcel) throw unreadable('这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式，再导入');
  if (isZip) return readXlsx(data);
  if (/\.xlsx?$/i.test(fileName)) throw unreadable(`「${fileName}」不是有效的 Excel 文件（文件已损坏或只是改了扩展名）`);
  return readCsv(data, fileName);
}

async function readXlsx(data: Buffer): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable('无法读取该 Excel 文件：文件已损坏，或不是 .xlsx 格式');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw unreadable('该 Excel 文件中没有任何数据');
  return tableOf(sheet);
}

/** Decodes CSV bytes: UTF-8 when they are valid UTF-8 (BOM dropped), otherwise GBK. */
export function decodeCsv(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

async function readCsv(data: Buffer, fileName: string): Promise<SheetTable> {
  // A text file has no NUL bytes; a binary one (image, PDF, Word…) nearly always does early on.
  if (data.subarray(0, 4096).includes(0)) throw unreadable(`「${fileName}」不是 Excel（.xlsx）或 CSV 文件，无法导入`);
  const text = decodeCsv(data);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  try {
    // Every field kept as the text typed: the import reads numbers and dates itself, the Chinese way.
    sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => (value === '' ? null : value) } as never);
  } catch {
    throw unreadable('无法读取该 CSV 文件：格式不正确（请检查引号是否成对）');
  }
  const table = tableOf(sheet);
  if (table.rows.length === 0) throw unreadable('该 CSV 文件中没有任何数据');
  return { ...table, sheetName: fileName.replace(/\.[^.]*$/, '') };
}
