import type { HandlerContext } from '../api/context';
import { conflict } from '../api/errors';

/** Counts live records of one kind that point at a given record (e.g. enterprises in a village). */
export interface LinkCounter {
  label: string;
  count: (ctx: HandlerContext, id: number) => number;
  /** A few names of the linked records, to say which. */
  examples?: (ctx: HandlerContext, id: number) => string[];
}

export function countLinks(ctx: HandlerContext, counters: LinkCounter[], id: number) {
  return counters.map((counter) => ({ label: counter.label, count: counter.count(ctx, id) })).filter((link) => link.count > 0);
}

/** Refuses to delete a record while others still point at it, naming what points at it. */
export function assertNoLinks(ctx: HandlerContext, counters: LinkCounter[], id: number, what: string, advice: string): void {
  const parts: string[] = [];
  for (const counter of counters) {
    const count = counter.count(ctx, id);
    if (count === 0) continue;
    const examples = counter.examples?.(ctx, id) ?? [];
    parts.push(`${counter.label} ${count} 条${examples.length ? `（如 ${examples.join('、')}）` : ''}`);
  }
  if (parts.length) throw conflict(`${what}仍有关联记录：${parts.join('；')}。${advice}`);
}

/**
 * Counts the live rows of `table` whose `column` points at the record, with up to three of their titles.
 * Table, column and title are constants written by the caller, never user input, so they may be spliced in.
 */
export function liveRowsPointingAt(label: string, table: string, column: string, titleSql: string): LinkCounter {
  return {
    label,
    count: (ctx, id) => ctx.appDb.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ? AND deleted_at IS NULL`).pluck().get(id) as number,
    examples: (ctx, id) =>
      ctx.appDb.sqlite
        .prepare(`SELECT ${titleSql} FROM ${table} WHERE ${column} = ? AND deleted_at IS NULL ORDER BY id LIMIT 3`)
        .pluck()
        .all(id) as string[],
  };
}
