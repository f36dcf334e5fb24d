/**
 * CAS Registry Numbers (化学文摘社登记号), as a chemical catalogue records them: two to seven digits, two
 * digits, one check digit (`7664-41-7` 氨). The check digit is the sum of the other digits, each multiplied
 * by its position counted from the right starting at 1, modulo 10.
 */

export type CasProblem = { kind: 'format' } | { kind: 'check'; expected: number; actual: number };

/** Half-width digits, any dash (－ – — ‐) as `-`, spaces dropped: the forms people paste from documents. */
export function normalizeCas(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[－–—‐‑]/g, '-')
    .replace(/[\s\u3000]/g, '');
}

/** The check digit for the digits before it (`7664-41` → 7). */
export function casCheckDigit(digitsBeforeCheck: string): number {
  const digits = digitsBeforeCheck.replace(/-/g, '');
  let sum = 0;
  for (let position = 1; position <= digits.length; position += 1) {
    sum += Number(digits[digits.length - position]) * position;
  }
  return sum % 10;
}

/** What is wrong with a CAS number, or null when it is well-formed with the right check digit. */
export function findCasProblem(raw: string): CasProblem | null {
  const cas = normalizeCas(raw);
  const match = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas);
  if (!match || /^0/.test(match[1])) return { kind: 'format' };
  const expected = casCheckDigit(`${match[1]}${match[2]}`);
  const actual = Number(match[3]);
  return expected === actual ? null : { kind: 'check', expected, actual };
}

/** The problem in Chinese, for forms and import reports. */
export function describeCasProblem(problem: CasProblem): string {
  if (problem.kind === 'format') return 'CAS 号格式应为“数字-两位数字-一位校验位”，如 7664-41-7';
  return `CAS 号校验位应为“${problem.expected}”，当前为“${problem.actual}”，请核对前面的数字`;
}
