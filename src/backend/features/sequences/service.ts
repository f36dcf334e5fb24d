import { sql } from 'drizzle-orm';
import type { HandlerContext } from '../../api/context';
import { sequences } from '../../db/schema';

/**
 * The next number of a series in a year (1, 2, …). Numbers are never handed out twice, even when the record
 * that got one is deleted or purged; call it inside the write's transaction so a failed write gives it back.
 */
export function nextNumber(ctx: HandlerContext, series: string, year: number): number {
  const row = ctx.appDb.db
    .insert(sequences)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({ target: [sequences.series, sequences.year], set: { last: sql`${sequences.last} + 1` } })
    .returning({ last: sequences.last })
    .get();
  return row.last;
}
