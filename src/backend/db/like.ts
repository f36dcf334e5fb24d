/** Escapes LIKE wildcards so a user's `%` or `_` matches itself; pair with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
