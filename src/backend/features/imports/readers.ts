import { cellText, toHalfWidth, type CellReading, type RawCell } from './cells';

/** Readers shared by the entity importers: enum columns with aliases, and "name + phone" cells. */

export const labelList = (values: readonly string[]) => values.join('、');

/** A label as compared: half-width, no spaces, ASCII brackets and hyphens. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text).replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/—|－/g, '-');
}

/** Reads one of `values` (or an alias of one); an unknown text is reported listing `shown` (default: the values). */
export function enumReader<T extends string>(label: string, values: readonly T[], aliases: Record<string, T>, shown: readonly string[] = values) {
  const known = new Map<string, T>();
  for (const value of values) known.set(normalizeLabel(value), value);
  for (const [alias, value] of Object.entries(aliases)) known.set(normalizeLabel(alias), value);
  return (cell: RawCell): CellReading<T | undefined> => {
    const text = normalizeLabel(cellText(cell));
    if (text === '') return { ok: true, value: undefined };
    const value = known.get(text);
    if (value) return { ok: true, value };
    return { ok: false, message: `${label}「${cellText(cell)}」无法识别，可填：${labelList(shown)}` };
  };
}

const phonePattern = /^(?:\+?86[-\s]?)?\d[\d\s-]{5,}\d(?:\s*转\s*\d+)?$/;
const separators = /[\s,，;；/、:：]+/g;

/**
 * "张三 13800000000", "李四/0769-88881234", "13800000000": a name, then a phone after a separator. The phone
 * is the longest tail after a separator that is all phone, so digits in a name ("张1 138…") stay in the name.
 */
export function splitPersonAndPhone(cell: RawCell): { name: string | null; phone: string | null } {
  const text = toHalfWidth(cellText(cell)).trim();
  if (text === '') return { name: null, phone: null };
  if (phonePattern.test(text)) return { name: null, phone: text };
  for (const separator of text.matchAll(separators)) {
    const phone = text.slice(separator.index + separator[0].length);
    if (phonePattern.test(phone)) return { name: text.slice(0, separator.index).trim() || null, phone };
  }
  return { name: cellText(cell), phone: null };
}

