import type Database from 'better-sqlite3';

/**
 * Substring search of Chinese text through an FTS5 index of character pairs (bigrams). The trigram tokenizer
 * cannot match the two-character words office staff type most (灭火, 消防, 电线); a pair index matches a query of
 * n ≥ 2 characters as the phrase of its n − 1 consecutive pairs, which is exactly “the text contains the query”.
 *
 * Each pair is written as a token of hex code points (`706dx706b` for 灭火) so the unicode61 tokenizer keeps it
 * whole, whatever the characters (digits, hyphens and spaces of a 编号 included). Latin letters are lower-cased on
 * both sides, as LIKE ignores their case.
 */

/** The SQL function the index's triggers call: `search_bigrams(field, …)` → the token text of all fields. */
export const bigramFunctionName = 'search_bigrams';

/** Between fields: a token no query produces, so a phrase never runs from the end of one field into the next. */
const fieldBreak = 'z';

function pairTokens(text: string): string[] {
  const points = [...text.toLowerCase()].map((character) => character.codePointAt(0)!.toString(16));
  const tokens: string[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) tokens.push(`${points[index]}x${points[index + 1]}`);
  return tokens;
}

/** The token text indexed for a row's searchable fields (null fields are skipped). */
export function bigramText(...fields: (string | null | undefined)[]): string {
  return fields
    .filter((field): field is string => typeof field === 'string' && field.length > 0)
    .map((field) => pairTokens(field).join(' '))
    .join(` ${fieldBreak} `);
}

/** The FTS5 MATCH expression for `query`, or null when it is shorter than two characters (no pair to look up). */
export function bigramMatch(query: string): string | null {
  const tokens = pairTokens(query);
  return tokens.length === 0 ? null : `"${tokens.join(' ')}"`;
}

/** Registers `search_bigrams` on a connection: migrations and triggers call it, so before either runs. */
export function registerBigramFunction(sqlite: Database.Database): void {
  sqlite.function(bigramFunctionName, { deterministic: true, varargs: true }, (...fields: unknown[]) =>
    bigramText(...fields.map((field) => (typeof field === 'string' ? field : null))),
  );
}
