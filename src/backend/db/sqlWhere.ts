import { escapeLike } from './like';

/**
 * Builds a WHERE clause with named parameters for better-sqlite3 from a list's filters: each filter given adds
 * its condition, each left out adds nothing. Column names are constants written by the caller, never user input;
 * values always travel as parameters.
 */
export class SqlWhere {
  private readonly conditions: string[];
  readonly params: Record<string, unknown> = {};

  constructor(...always: string[]) {
    this.conditions = [...always];
  }

  /** `column = @name` when the value is given (booleans as 0/1, as SQLite stores them). */
  equal(column: string, name: string, value: string | number | boolean | undefined): this {
    if (value === undefined) return this;
    this.conditions.push(`${column} = @${name}`);
    this.params[name] = typeof value === 'boolean' ? Number(value) : value;
    return this;
  }

  /** `column >= @from` and `column <= @to` for the ends given (dates as `YYYY-MM-DD` compare as text). */
  between(column: string, from: string | undefined, to: string | undefined): this {
    if (from !== undefined) this.add(`${column} >= @from`, { from });
    if (to !== undefined) this.add(`${column} <= @to`, { to });
    return this;
  }

  /** Any of the columns contains the text, taken literally (a user's `%` or `_` matches itself). */
  search(columns: readonly string[], q: string | undefined): this {
    if (!q) return this;
    return this.add(`(${columns.map((column) => `${column} LIKE @q ESCAPE '\\'`).join(' OR ')})`, { q: `%${escapeLike(q)}%` });
  }

  /** A condition of the caller's own, with its parameters. */
  add(condition: string, params: Record<string, unknown> = {}): this {
    this.conditions.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  get where(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : '1';
  }
}
