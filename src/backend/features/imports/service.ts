import { randomUUID } from 'node:crypto';
import type { Parsed } from '../../../shared/api';
import { ErrorCode } from '../../../shared/api/errors';
import type { Datum } from '../../../shared/domain/geo/datum';
import {
  importEntityLabels,
  maxImportColumns,
  maxListedProblems,
  type DuplicateMode,
  type ImportAnalysis,
  type ImportEntity,
  type ImportPreview,
  type ImportProblem,
} from '../../../shared/api/imports';
import { perConnection } from '../../db/perConnection';
import type { HandlerContext, RequestContext } from '../../api/context';
import { AppError } from '../../api/errors';
import { startJob, yieldToEventLoop, type JobControl } from '../jobs/service';
import { cellText, isBlank, type RawCell } from './cells';
import { drillImporter } from './entities/drills';
import { enterpriseImporter } from './entities/enterprises';
import { filingImporter } from './entities/filings';
import { hazardImporter } from './entities/hazards';
import { idleSiteImporter } from './entities/idleSites';
import { planImporter } from './entities/plans';
import { tankImporter } from './entities/tanks';
import { findHeaderRow, mappingProblems, suggestMapping, type AnyImporter, type RowResult } from './importer';
import { writeImportReport } from './report';
import { readTable, type SheetRow, type SheetTable } from './table';

/** Every entity that can be imported; later features register theirs. */
const importers: Record<ImportEntity, AnyImporter> = {
  enterprises: enterpriseImporter as unknown as AnyImporter,
  tanks: tankImporter as unknown as AnyImporter,
  idleSites: idleSiteImporter as unknown as AnyImporter,
  filings: filingImporter as unknown as AnyImporter,
  plans: planImporter as unknown as AnyImporter,
  drills: drillImporter as unknown as AnyImporter,
  hazards: hazardImporter as unknown as AnyImporter,
};

/** A file being imported: read once, kept in memory while the user maps, previews and imports it. */
interface ImportSession {
  id: string;
  ownerId: number;
  entity: ImportEntity;
  fileName: string;
  /** Set when the reading job has finished. */
  table?: SheetTable;
  header?: SheetRow;
  dataRows?: SheetRow[];
  expiry: NodeJS.Timeout;
}

/** An unused import is forgotten after this long (the user walked away from the dialog). */
const sessionIdleMs = 30 * 60 * 1000;
/** Rows checked between progress reports and cancel checks. */
const defaultChunkSize = 500;

const registry = perConnection(() => new Map<string, ImportSession>());

function registryOf(ctx: HandlerContext): Map<string, ImportSession> {
  return registry(ctx.appDb);
}

function touch(sessions: Map<string, ImportSession>, session: ImportSession): void {
  clearTimeout(session.expiry);
  session.expiry = setTimeout(() => sessions.delete(session.id), sessionIdleMs);
  session.expiry.unref();
}

/** The caller's own import, whose file has been read; someone else's reads as unknown. */
function ownSession(ctx: RequestContext, importId: string): ImportSession & Required<Pick<ImportSession, 'table' | 'header' | 'dataRows'>> {
  const sessions = registryOf(ctx);
  const session = sessions.get(importId);
  if (!session || session.ownerId !== ctx.user?.id) throw new AppError(ErrorCode.NotFound, '该导入不存在或已过期，请重新选择文件');
  if (!session.table || !session.header || !session.dataRows) throw new AppError(ErrorCode.Conflict, '文件尚未读取完成');
  touch(sessions, session);
  return session as ImportSession & Required<Pick<ImportSession, 'table' | 'header' | 'dataRows'>>;
}

/**
 * Starts reading an uploaded file as a job. When the job is done the file's rows, header and data rows are
 * held for `imports.analysis`; a file that is not a readable spreadsheet, or has no recognisable header,
 * fails the job with a Chinese message and leaves nothing behind.
 */
export function openImport(ctx: RequestContext, input: Parsed<'imports.open'>): { importId: string; jobId: string } {
  const sessions = registryOf(ctx);
  const importer = importers[input.entity];
  const session: ImportSession = {
    id: randomUUID(),
    ownerId: ctx.user!.id,
    entity: input.entity,
    fileName: input.fileName,
    expiry: setTimeout(() => {}, 0),
  };
  const data = Buffer.from(input.dataBase64, 'base64');
  const jobId = startJob(ctx, 'import-read', `正在读取「${input.fileName}」…`, async (control) => {
    const table = await readTable(data, input.fileName);
    if (control.signal.aborted) throw control.signal.reason;
    const header = findHeaderRow(table.rows, importer.fields);
    if (!header) {
      const examples = importer.fields.filter((field) => field.required).map((field) => `“${field.label}”`).join('');
      throw new AppError(ErrorCode.InvalidInput, `在「${table.sheetName}」的前 30 行中没有找到表头：至少需要两个可识别的列名（如${examples}）`);
    }
    const width = Math.max(...table.rows.map((row) => row.cells.length));
    if (width > maxImportColumns) {
      throw new AppError(ErrorCode.InvalidInput, `「${table.sheetName}」有 ${width} 列，超过 ${maxImportColumns} 列，无法导入；请删去无关的列后再试`);
    }
    const dataRows = table.rows.filter((row) => row.rowNumber > header.rowNumber && !row.cells.every(isBlank));
    if (dataRows.length === 0) throw new AppError(ErrorCode.InvalidInput, `表头（第 ${header.rowNumber} 行）下面没有数据`);
    Object.assign(session, { table, header, dataRows });
    sessions.set(session.id, session);
    touch(sessions, session);
    control.progress(dataRows.length, dataRows.length, `已读取 ${dataRows.length} 行`);
  });
  return { importId: session.id, jobId };
}

export function importAnalysis(ctx: RequestContext, importId: string): ImportAnalysis {
  const session = ownSession(ctx, importId);
  const importer = importers[session.entity];
  const width = Math.max(session.header.cells.length, ...session.dataRows.slice(0, 50).map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, index) => {
    const samples: string[] = [];
    for (const row of session.dataRows) {
      const text = cellText(row.cells[index] ?? null);
      if (text !== '') samples.push(text);
      if (samples.length === 3) break;
    }
    return { index, header: cellText(session.header.cells[index] ?? null) || `（第 ${index + 1} 列，无列名）`, samples };
  });
  const suggested = suggestMapping(session.header, importer.fields);
  return {
    entity: session.entity,
    fileName: session.fileName,
    sheetName: session.table.sheetName,
    headerRowNumber: session.header.rowNumber,
    dataRowCount: session.dataRows.length,
    columns,
    fields: importer.fields.map(({ key, label, required, hint }) => ({ key, label, required, hint })),
    mapping: columns.map((column) => suggested[column.index] ?? null),
  };
}

/** One row's verdict, with the row it came from. */
interface CheckedRow {
  row: SheetRow;
  result: RowResult<unknown>;
}

interface CheckRun {
  mappingProblems: string[];
  /** Column header per field key, for naming the column of a problem. */
  columnOfField: Map<string, string>;
  /** Checks one data row; null for a row blank in every mapped column (passed over). */
  check(row: SheetRow): CheckedRow | null;
}

/**
 * Prepares checking the data rows against a mapping: each row becomes create / update / unchanged / skip, or
 * its problems. With mapping problems nothing can be checked (`check` is never called by the callers).
 */
function prepareCheck(ctx: RequestContext, session: ReturnType<typeof ownSession>, mapping: (string | null)[], mode: DuplicateMode, datum: Datum): CheckRun {
  const importer = importers[session.entity];
  const problems = mappingProblems(importer, mapping);
  const columnOfField = new Map<string, string>();
  const labels = new Map(importer.fields.map((field) => [field.key, field.label]));
  mapping.forEach((key, index) => {
    if (key) columnOfField.set(key, cellText(session.header.cells[index] ?? null) || labels.get(key) || key);
  });
  const lookups = problems.length === 0 ? importer.prepare(ctx) : undefined;
  return {
    mappingProblems: problems,
    columnOfField,
    check(row) {
      const cells = new Map<string, RawCell>();
      mapping.forEach((key, index) => {
        if (key) cells.set(key, row.cells[index] ?? null);
      });
      if ([...cells.values()].every(isBlank)) return null;
      return { row, result: importer.readRow(cells, row.rowNumber, lookups, mode, ctx, datum) };
    },
  };
}

/** Checks every data row at once (the preview: a few hundred milliseconds for ten thousand rows). */
function checkAll(run: CheckRun, rows: SheetRow[]): CheckedRow[] {
  if (run.mappingProblems.length > 0) return [];
  return rows.map((row) => run.check(row)).filter((checked): checked is CheckedRow => checked !== null);
}

/** The same in chunks, reporting progress and stopping when the job is cancelled. */
async function checkInChunks(run: CheckRun, rows: SheetRow[], control: JobControl, chunkSize: number): Promise<CheckedRow[]> {
  const checked: CheckedRow[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    checked.push(...checkAll(run, rows.slice(start, start + chunkSize)));
    const done = Math.min(rows.length, start + chunkSize);
    control.progress(done, rows.length, `正在校验 ${done} / ${rows.length} 行`);
    await yieldToEventLoop();
    if (control.signal.aborted) throw control.signal.reason;
  }
  return checked;
}

function problemsOf(run: CheckRun, rows: CheckedRow[], labels: Map<string, string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { row, result } of rows) {
    for (const problem of result.problems) {
      const column = problem.field ? (run.columnOfField.get(problem.field) ?? labels.get(problem.field) ?? problem.field) : '（整行）';
      problems.push({ rowNumber: row.rowNumber, column, message: problem.message });
    }
  }
  return problems;
}

function countOutcomes(rows: CheckedRow[]) {
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, invalid: 0 };
  for (const { result } of rows) counts[result.outcome] += 1;
  return counts;
}

/** What importing with this mapping would do, and every problem, before anything is written. */
export function previewImport(ctx: RequestContext, input: Parsed<'imports.preview'>): ImportPreview {
  const session = ownSession(ctx, input.importId);
  const importer = importers[session.entity];
  const run = prepareCheck(ctx, session, input.mapping, input.duplicates, input.coordinateSystem);
  const rows = checkAll(run, session.dataRows);
  const problems = problemsOf(run, rows, new Map(importer.fields.map((field) => [field.key, field.label])));
  return {
    mappingProblems: run.mappingProblems,
    total: rows.length,
    ...countOutcomes(rows),
    problems: problems.slice(0, maxListedProblems),
    problemsTruncated: problems.length > maxListedProblems,
  };
}

export interface ImportOptions {
  /** Tests make it small to cancel an import part-way through its checks. */
  chunkSize?: number;
}

/**
 * Imports as a job: checks every row again (the data may have changed since the preview), then writes all
 * accepted rows in ONE transaction through the entity's service functions — so either all of them are in,
 * with their audit rows, or none — and finally writes the import report. A cancel before the write changes
 * nothing; once the transaction has committed the job can no longer be cancelled.
 */
export function startImport(ctx: RequestContext, input: Parsed<'imports.start'>, options: ImportOptions = {}): { jobId: string } {
  const session = ownSession(ctx, input.importId);
  const importer = importers[session.entity];
  const problems = mappingProblems(importer, input.mapping);
  if (problems.length > 0) throw new AppError(ErrorCode.InvalidInput, problems.join('；'));
  const label = importEntityLabels[session.entity];
  const jobId = startJob(ctx, 'import', '正在校验…', async (control) => {
    const run = prepareCheck(ctx, session, input.mapping, input.duplicates, input.coordinateSystem);
    const rows = await checkInChunks(run, session.dataRows, control, options.chunkSize ?? defaultChunkSize);
    const toWrite = rows.filter(({ result }) => result.write !== undefined);
    control.progress(0, toWrite.length, `正在写入 ${toWrite.length} 条${label}…`);
    await yieldToEventLoop();
    if (control.signal.aborted) throw control.signal.reason;
    try {
      ctx.appDb.sqlite.transaction(() => {
        for (const { result } of toWrite) importer.write(ctx, result.write);
      })();
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, `导入未完成，数据未改动：${error.message}`);
      throw error;
    }
    control.commit();
    const counts = countOutcomes(rows);
    const summary = [
      `新增 ${counts.create} 条`,
      `更新 ${counts.update} 条`,
      counts.unchanged > 0 ? `无变化 ${counts.unchanged} 条` : '',
      counts.skip > 0 ? `已存在跳过 ${counts.skip} 条` : '',
      `有错误未导入 ${counts.invalid} 条`,
    ]
      .filter(Boolean)
      .join('，');
    control.progress(toWrite.length, toWrite.length, '正在生成导入报告…');
    try {
      const report = await writeImportReport(ctx, session, rows, run.columnOfField);
      control.conclude(`导入完成：${summary}`);
      return report;
    } catch (error) {
      // The rows are in: the job must not read as failed because only the report could not be written.
      console.error('[imports] report failed after commit', error);
      control.conclude(`导入完成：${summary}。导入报告未能生成（磁盘空间不足或数据文件夹不可写？）`);
      return undefined;
    }
  });
  return { jobId };
}

export function closeImport(ctx: RequestContext, importId: string): { ok: true } {
  const sessions = registryOf(ctx);
  const session = sessions.get(importId);
  if (session && session.ownerId === ctx.user?.id) {
    clearTimeout(session.expiry);
    sessions.delete(importId);
  }
  return { ok: true };
}

export type { CheckedRow };
