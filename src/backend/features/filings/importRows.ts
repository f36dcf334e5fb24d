import { eq, sql } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { FilingStatus, SpecialWorkGrade } from '../../../shared/domain/specialWork';
import type { FilingFinding } from '../../../shared/domain/specialWorkRules';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { filings, filingStatusChanges, sequences } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { nextNumber } from '../sequences/service';

/** The remark of the one history row an imported filing gets. */
export const importedRemark = '从Excel导入';

/** `2026-0012`: the form of the numbers the office hands out (year, then the year's sequence). */
const sequencePattern = /^(\d{4})-(\d{1,6})$/;

export function formatFilingNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/** One row of an imported 登记台账, checked by the importer: the form's facts plus what the file says happened. */
export interface ImportedFiling {
  fields: Parsed<'filings.create'>;
  /** As the rules computed it, or as the file wrote it where the rules could not (高处 without a height). */
  grade: SpecialWorkGrade | null;
  status: FilingStatus;
  /** The file's 报备编号, or null to take the next one of `numberYear` (the year the work was planned in). */
  number: string | null;
  numberYear: number;
  /** The findings of the rules, kept with the filing as acknowledged warnings; `warningReason` says why. */
  warnings: FilingFinding[];
  warningReason: string | null;
  siteCheckOn: string | null;
  siteCheckPassed: boolean | null;
  actualEnd: string | null;
  /** Every number the file gives (any row): never handed out to a row without one. */
  reserved: ReadonlySet<string>;
}

function numberTaken(ctx: RequestContext, number: string): boolean {
  // Deleted filings keep their numbers: the unique index covers them too.
  return ctx.appDb.db.select({ id: filings.id }).from(filings).where(eq(filings.number, number)).get() !== undefined;
}

/** Makes the sequence of a year never hand out a number at or below one the file brought. */
function reserveSequence(ctx: RequestContext, number: string): void {
  const match = sequencePattern.exec(number);
  if (!match) return;
  const year = Number(match[1]);
  const last = Number(match[2]);
  ctx.appDb.db
    .insert(sequences)
    .values({ series: 'filing', year, last })
    .onConflictDoUpdate({ target: [sequences.series, sequences.year], set: { last: sql`max(${sequences.last}, ${last})` } })
    .run();
}

/** The next free number of the year's sequence, skipping any the file reserves or that a record already has. */
function nextFreeNumber(ctx: RequestContext, year: number, reserved: ReadonlySet<string>): string {
  for (;;) {
    const number = formatFilingNumber(year, nextNumber(ctx, 'filing', year));
    if (!reserved.has(number) && !numberTaken(ctx, number)) return number;
  }
}

/**
 * Writes one imported filing: the row, its status as the file gives it, and ONE history row (创建, remark
 * “从Excel导入”) — an imported record did not go through this program's review, and its history says so rather
 * than inventing steps. Runs inside the import's transaction; returns the new id.
 */
export function insertImportedFiling(ctx: RequestContext, row: ImportedFiling): { id: number; number: string } {
  const { tankIds: _tankIds, workers, documents, ...rest } = row.fields;
  if (row.number !== null) reserveSequence(ctx, row.number);
  const number = row.number ?? nextFreeNumber(ctx, row.numberYear, row.reserved);
  const now = nowIso(ctx);
  const createdBy = ctx.user?.displayName ?? '系统';
  const { id } = ctx.appDb.db
    .insert(filings)
    .values({
      ...rest,
      number,
      grade: row.grade,
      heightM: row.fields.kind === '高处' ? row.fields.heightM : null,
      heightClass: row.fields.kind === '高处' && row.fields.heightM !== null ? (row.fields.heightClass ?? 'A') : null,
      loadT: row.fields.kind === '吊装' ? row.fields.loadT : null,
      workers: JSON.stringify(workers),
      documents: JSON.stringify(documents),
      warnings: JSON.stringify(row.warnings),
      warningReason: row.warnings.length ? row.warningReason : null,
      status: row.status,
      siteCheckOn: row.siteCheckOn,
      siteCheckPassed: row.siteCheckPassed,
      actualEnd: row.actualEnd,
      createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: filings.id })
    .get();
  ctx.appDb.db
    .insert(filingStatusChanges)
    .values({ filingId: id, action: 'create', fromStatus: null, toStatus: row.status, remark: importedRemark, createdAt: now, createdBy })
    .run();
  recordAudit(ctx, {
    action: 'create',
    entity: 'filing',
    entityId: id,
    entityTitle: number,
    after: {
      ...rest,
      number,
      grade: row.grade,
      status: row.status,
      workers: workers.map((worker) => (worker.certificateNo ? `${worker.name}（${worker.certificateNo}）` : worker.name)).join('、'),
      documents: documents.join('、'),
      siteCheckOn: row.siteCheckOn,
      actualEnd: row.actualEnd,
      source: importedRemark,
    },
  });
  return { id, number };
}

/** A live filing with the same enterprise, kind, window and place (a file without numbers imported twice). */
export function sameWorkKey(filing: { enterpriseId: number; kind: string; plannedStart: string; plannedEnd: string; place: string }): string {
  return [filing.enterpriseId, filing.kind, filing.plannedStart, filing.plannedEnd, filing.place.replace(/\s/g, '')].join('|');
}

/** Numbers of every filing ever numbered (deleted ones included) and the live ones' work keys, for the importer. */
export function registeredFilings(ctx: HandlerContext): { numbers: Map<string, { id: number; live: boolean }>; byWork: Map<string, string> } {
  const numbers = new Map<string, { id: number; live: boolean }>();
  const byWork = new Map<string, string>();
  const rows = ctx.appDb.db
    .select({
      id: filings.id,
      number: filings.number,
      enterpriseId: filings.enterpriseId,
      kind: filings.kind,
      plannedStart: filings.plannedStart,
      plannedEnd: filings.plannedEnd,
      place: filings.place,
      deletedAt: filings.deletedAt,
    })
    .from(filings)
    .all();
  for (const row of rows) {
    numbers.set(row.number, { id: row.id, live: row.deletedAt === null });
    if (row.deletedAt === null) byWork.set(sameWorkKey(row), row.number);
  }
  return { numbers, byWork };
}
