import type { ImportEntity, ImportField, DuplicateMode } from '../../../shared/api/imports';
import type { Datum } from '../../../shared/domain/geo/datum';
import type { HandlerContext, RequestContext } from '../../api/context';
import { normalizeHeader, type CellReading, type RawCell } from './cells';
import type { SheetRow } from './table';

/** A field an import can fill, with the column names offices use for it. */
export interface ImportFieldSpec extends ImportField {
  /** Column names that mean this field, compared after `normalizeHeader`; the label counts as one. */
  synonyms: string[];
}

/** A problem with one row; `field` is the import field it concerns (null: the row as a whole). */
export interface RowProblem {
  field: string | null;
  message: string;
}

export type RowOutcome = 'create' | 'update' | 'unchanged' | 'skip' | 'invalid';

export interface RowResult<Write> {
  outcome: RowOutcome;
  problems: RowProblem[];
  /** Said in the report's 导入结果 column next to the outcome (e.g. which registered record it matched). */
  note?: string;
  /** What `write` needs for a create or update. */
  write?: Write;
}

/**
 * One entity's import: its fields, how a row of mapped cells becomes a validated record (with the same zod
 * schema as the API) or a list of problems, and how an accepted row is written (through the same service
 * functions as the form, so audit and rules are the same).
 */
export interface Importer<Lookups, Write> {
  entity: ImportEntity;
  fields: ImportFieldSpec[];
  /** Rules about the mapping beyond "every required field has a column, no field twice". */
  mappingProblems?(mapped: ReadonlySet<string>): string[];
  /** Loads once per run what rows are checked against (names → ids, registered keys); it also tracks the file's keys. */
  prepare(ctx: HandlerContext): Lookups;
  /** `datum`: the coordinate system the file's 经度/纬度 are in (the user says which); the app stores WGS84. */
  readRow(cells: ReadonlyMap<string, RawCell>, rowNumber: number, lookups: Lookups, mode: DuplicateMode, ctx: HandlerContext, datum: Datum): RowResult<Write>;
  write(ctx: RequestContext, write: Write): void;
}

export type AnyImporter = Importer<unknown, unknown>;

/** How many of the first rows are searched for the header (titles, 填报单位 and notes come first). */
const headerSearchRows = 30;

function fieldMatcher(fields: ImportFieldSpec[]) {
  const exact = new Map<string, string>();
  const partial: { synonym: string; key: string }[] = [];
  for (const field of fields) {
    for (const synonym of [field.label, ...field.synonyms]) {
      const normalized = normalizeHeader(synonym);
      if (!exact.has(normalized)) exact.set(normalized, field.key);
      partial.push({ synonym: normalized, key: field.key });
    }
  }
  // Longest synonym first, so "主要负责人电话" is not taken for "主要负责人".
  partial.sort((a, b) => b.synonym.length - a.synonym.length);
  return (header: RawCell): string | null => {
    const text = normalizeHeader(header);
    if (text === '') return null;
    const hit = exact.get(text);
    if (hit) return hit;
    // "企业名称（盖章）", "所属行业类别": a header that contains a synonym of two characters or more.
    return partial.find((candidate) => candidate.synonym.length >= 2 && text.includes(candidate.synonym))?.key ?? null;
  };
}

/**
 * The header row: among the first rows, the one naming the most distinct fields (at least two). Merged title
 * rows above it repeat one text across the table and name at most one field, so they are passed over.
 */
export function findHeaderRow(rows: SheetRow[], fields: ImportFieldSpec[]): SheetRow | null {
  const match = fieldMatcher(fields);
  let best: SheetRow | null = null;
  let bestScore = 1;
  for (const row of rows.slice(0, headerSearchRows)) {
    const named = new Set(row.cells.map(match).filter((key): key is string => key !== null));
    if (named.size > bestScore) {
      best = row;
      bestScore = named.size;
    }
  }
  return best;
}

/** The suggested field of each column: by synonym, each field given to its first column only. */
export function suggestMapping(header: SheetRow, fields: ImportFieldSpec[]): (string | null)[] {
  const match = fieldMatcher(fields);
  const taken = new Set<string>();
  return header.cells.map((cell) => {
    const key = match(cell);
    if (!key || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
}

/** What is wrong with a mapping as a whole: unknown or repeated fields, required fields without a column. */
export function mappingProblems(importer: AnyImporter, mapping: (string | null)[]): string[] {
  const problems: string[] = [];
  const labels = new Map(importer.fields.map((field) => [field.key, field.label]));
  const mapped = new Set<string>();
  for (const key of mapping) {
    if (key === null) continue;
    const label = labels.get(key);
    if (!label) problems.push(`未知的字段：${key}`);
    else if (mapped.has(key)) problems.push(`「${label}」对应了多个列，每个字段只能对应一列`);
    mapped.add(key);
  }
  for (const field of importer.fields) {
    if (field.required && !mapped.has(field.key)) problems.push(`必填字段「${field.label}」没有对应的列`);
  }
  const fieldKeys = new Set(importer.fields.map((field) => field.key));
  if (fieldKeys.has('longitude') && fieldKeys.has('latitude') && mapped.has('longitude') !== mapped.has('latitude')) {
    problems.push('经度和纬度须同时对应或都不对应');
  }
  problems.push(...(importer.mappingProblems?.(mapped) ?? []));
  return problems;
}

/**
 * A row's problems as its cells are read and then validated: a cell its reader could not read is reported in
 * the reader's words, and the schema's issue about the same field is then left out rather than said twice.
 */
export class RowProblems {
  readonly list: RowProblem[] = [];
  private readonly unreadable = new Set<string>();

  /** Hands a reader's value to `assign`, or records why the cell could not be read. */
  take<T>(field: string, reading: CellReading<T>, assign: (value: T) => void): void {
    if (reading.ok) assign(reading.value);
    else this.add(field, reading.message, true);
  }

  /** `unreadable`: the field has no value to validate, so the schema's issues about it are dropped. */
  add(field: string | null, message: string, unreadable = false): void {
    this.list.push({ field, message });
    if (unreadable && field) this.skipSchemaIssues(field);
  }

  /** The schema's issues about these fields say nothing new (a problem upstream explains them). */
  skipSchemaIssues(...fields: string[]): void {
    for (const field of fields) this.unreadable.add(field);
  }

  /** The schema's issues, each under the import field `fieldOf` names; `shown` says whether that field has a column. */
  addSchemaIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, fieldOf: (schemaKey: string) => string | null, shown: (field: string) => boolean): void {
    for (const issue of error.issues) {
      const field = fieldOf(String(issue.path[0] ?? ''));
      if (field && this.unreadable.has(field)) continue;
      this.list.push({ field: field && shown(field) ? field : null, message: issue.message });
    }
  }
}
