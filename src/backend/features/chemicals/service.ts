import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { Chemical, ChemicalOption } from '../../../shared/api/chemicals';
import { normalizeCas } from '../../../shared/domain/cas';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, isUniqueViolation, notFound } from '../../api/errors';
import { contains } from '../../db/like';
import { chemicals } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { assertNoLinks, liveRowsPointingAt, type LinkCounter } from '../links';

type ChemicalRow = typeof chemicals.$inferSelect;

function toChemical(row: ChemicalRow): Chemical {
  const { deletedAt: _deletedAt, ...chemical } = row;
  return chemical;
}

const sortColumns = {
  name: chemicals.name,
  cas: chemicals.cas,
  criticalQuantity: chemicals.criticalQuantity,
  updatedAt: chemicals.updatedAt,
} as const;

/** Live rows matching `q` in the name, an alias or the CAS number (typed with full-width digits or odd dashes too). */
function liveMatching(q: string | undefined): SQL {
  const live = isNull(chemicals.deletedAt);
  if (!q) return live;
  const cas = normalizeCas(q);
  return and(live, or(contains(chemicals.name, q), contains(chemicals.aliases, q), contains(chemicals.cas, cas || q)))!;
}

export function listChemicals(ctx: HandlerContext, input: Parsed<'chemicals.list'>) {
  const { db } = ctx.appDb;
  const where = liveMatching(input.q);
  const direction = input.sortOrder === 'descend' ? desc : asc;
  const items = db
    .select()
    .from(chemicals)
    .where(where)
    // id breaks ties so paging is stable.
    .orderBy(direction(sortColumns[input.sortField ?? 'name']), asc(chemicals.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map(toChemical);
  const total = db.select({ count: sql<number>`count(*)` }).from(chemicals).where(where).get()?.count ?? 0;
  return { items, total };
}

export function chemicalOptions(ctx: HandlerContext, input: Parsed<'chemicals.options'>): ChemicalOption[] {
  return ctx.appDb.db
    .select({
      id: chemicals.id,
      name: chemicals.name,
      cas: chemicals.cas,
      criticalQuantity: chemicals.criticalQuantity,
      beta: chemicals.beta,
    })
    .from(chemicals)
    .where(liveMatching(input.q))
    .orderBy(asc(chemicals.name), asc(chemicals.id))
    .limit(input.limit)
    .all();
}

export function getChemical(ctx: HandlerContext, id: number): Chemical {
  const row = ctx.appDb.db
    .select()
    .from(chemicals)
    .where(and(eq(chemicals.id, id), isNull(chemicals.deletedAt)))
    .get();
  if (!row) throw notFound('该化学品');
  return toChemical(row);
}

export function createChemical(ctx: RequestContext, input: Parsed<'chemicals.create'>): Chemical {
  const now = nowIso(ctx);
  const chemical = withUniqueName(input.name, () =>
    toChemical(ctx.appDb.db.insert(chemicals).values({ ...input, createdAt: now, updatedAt: now }).returning().get()),
  );
  recordAudit(ctx, { action: 'create', entity: 'chemical', entityId: chemical.id, entityTitle: chemical.name, after: chemical });
  return chemical;
}

export function updateChemical(ctx: RequestContext, input: Parsed<'chemicals.update'>): Chemical {
  const { id, ...fields } = input;
  const before = getChemical(ctx, id);
  const after = withUniqueName(input.name, () =>
    toChemical(ctx.appDb.db.update(chemicals).set({ ...fields, updatedAt: nowIso(ctx) }).where(eq(chemicals.id, id)).returning().get()),
  );
  recordAudit(ctx, { action: 'update', entity: 'chemical', entityId: id, entityTitle: after.name, before, after });
  return after;
}

/** What still points at a catalogue entry and so blocks deleting it: tanks whose 介质 is the entry. */
export const chemicalLinks: LinkCounter[] = [liveRowsPointingAt('储罐', 'tanks', 'chemical_id', 'code')];

export function softDeleteChemical(ctx: RequestContext, id: number): void {
  const chemical = getChemical(ctx, id);
  assertNoLinks(ctx, chemicalLinks, id, `「${chemical.name}」`, '请先修改这些记录的介质后再删除。');
  const now = nowIso(ctx);
  ctx.appDb.db.update(chemicals).set({ deletedAt: now, updatedAt: now }).where(eq(chemicals.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'chemical', entityId: id, entityTitle: chemical.name, changes: [] });
}

/** The only unique index is the live name, so any unique violation here is a name clash. */
function withUniqueName<T>(name: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`目录中已有名为「${name}」的化学品`, 'name');
    throw error;
  }
}
