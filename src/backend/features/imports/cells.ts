/**
 * Reading the cells of spreadsheets people typed by hand: full-width digits, numbers stored as text, dates in
 * every form an office writes them, yes/no in several spellings. Each reader returns the value or a Chinese
 * reason it could not read the cell.
 */

/** A cell as read from .xlsx or .csv, flattened: rich text, hyperlinks and formulas become their text/result. */
export type RawCell = string | number | boolean | Date | null;

export type CellReading<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const fail = <T>(message: string): CellReading<T> => ({ ok: false, message });

/** Full-width ASCII (０-９, Ａ-Ｚ, ．, －…) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The cell as trimmed text ('' when empty); numbers as typed (no exponent for long integers), dates as YYYY-MM-DD. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cell.trim();
}

export function isBlank(cell: RawCell): boolean {
  return cellText(cell) === '';
}

/** What a header says, for matching against synonyms: no spaces or line breaks, half-width, no 必填 marks. */
export function normalizeHeader(cell: RawCell): string {
  return toHalfWidth(cellText(cell))
    .replace(/[\s*＊※]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/** A whole number or decimal, from a number cell or text such as "１２０", "1,200", "120人", " 35.5 ". */
export function readNumber(cell: RawCell, unit = ''): CellReading<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('不是有效的数字');
  if (cell instanceof Date || typeof cell === 'boolean') return fail('应填写数字');
  let text = toHalfWidth(cell).replace(/[\s,，]/g, '');
  if (unit && text.endsWith(unit)) text = text.slice(0, -unit.length);
  if (text === '' || text === '-' || text === '/') return ok(null);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(`「${cellText(cell)}」不是数字`);
  return ok(Number(text));
}

const yes = new Set(['是', '有', 'y', 'yes', 'true', '√', '✓', '✔', '1', '对', '重点', '是的']);
const no = new Set(['否', '无', 'n', 'no', 'false', '×', '✗', '0', '不是', '没有', '非']);

/** 是/否 and its usual spellings (有/无, √/×, Y/N, 1/0); empty stays empty so the schema's default applies. */
export function readYesNo(cell: RawCell): CellReading<boolean | undefined> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = toHalfWidth(cellText(cell)).toLowerCase();
  if (text === '') return ok(undefined);
  if (yes.has(text)) return ok(true);
  if (no.has(text)) return ok(false);
  return fail(`「${cellText(cell)}」应填“是”或“否”`);
}

/** Day 0 of Excel's 1900 date system (which counts the non-existent 1900-02-29, hence 12-30 not 12-31). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 24 * 60 * 60 * 1000;

function isoDate(date: Date): string {
  // Excel dates reach us as UTC midnights (ExcelJS reads them so); their UTC calendar day is the one typed.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? isoDate(date) : null;
}

/**
 * A calendar date as `YYYY-MM-DD`, from a date cell, an Excel serial number (45432), or text in the forms
 * offices type: 2021-05-20, 2021/5/20, 2021.5.20, 2021年5月20日, 20210520 (full-width digits too).
 */
export function readDate(cell: RawCell): CellReading<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('不是有效的日期') : ok(isoDate(cell));
  if (typeof cell === 'number') {
    // Serials from 1 (1900-01-01) to 2100; a time of day (the fraction) is dropped.
    if (cell >= 1 && cell < 73051) return ok(isoDate(new Date(excelEpochMs + Math.floor(cell) * dayMs)));
    return fail(`「${cell}」不是有效的日期`);
  }
  if (typeof cell === 'boolean') return fail('应填写日期');
  const text = toHalfWidth(cell).trim();
  if (text === '') return ok(null);
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (parts) {
    const day = validDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
    if (day) return ok(day);
    return fail(`「${cell.trim()}」不是存在的日期`);
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return readDate(Number(text));
  return fail(`「${cell.trim()}」不是可识别的日期（可写作 2021-05-20、2021.5.20 或 2021年5月20日）`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A moment Excel stored (a UTC Date whose clock reads the wall-clock time typed), to the nearest minute. */
function dateTimeOf(date: Date): string {
  const minute = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return `${isoDate(minute)} ${pad2(minute.getUTCHours())}:${pad2(minute.getUTCMinutes())}`;
}

const timeHint = '可写作 2026-11-23 08:00、2026/11/23 8:00 或 2026年11月23日8时';

/**
 * A local date-time `YYYY-MM-DD HH:mm`, from a date-time cell, an Excel serial with its fraction (46349.333…),
 * or text: 2026-11-23 08:00, 2026/11/23 8:00, 2026.11.23 8:30:00, 2026-11-23T08:00, 2026年11月23日8时,
 * 2026年11月23日8时30分, 2026年11月23日 8:30 (full-width digits and colons too). A date without a time is refused:
 * a work's window is filed to the minute.
 */
export function readDateTime(cell: RawCell): CellReading<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('不是有效的时间') : ok(dateTimeOf(cell));
  if (typeof cell === 'number') {
    if (cell >= 1 && cell < 73051) return ok(dateTimeOf(new Date(excelEpochMs + cell * dayMs)));
    return fail(`「${cell}」不是有效的时间`);
  }
  if (typeof cell === 'boolean') return fail('应填写时间');
  const text = toHalfWidth(cell).trim();
  if (text === '') return ok(null);
  if (/^\d{5}\.\d+$/.test(text)) return readDateTime(Number(text));
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日\s*|[T\s]\s*)(\d{1,2})\s*(?:[:时点]\s*(?:(\d{1,2})\s*(?:分|:\s*\d{1,2}\s*秒?)?\s*)?)?$/.exec(text);
  if (!match) {
    if (readDate(text).ok) return fail(`「${cell.trim()}」只有日期，请写明时间（到分钟），${timeHint}`);
    return fail(`「${cell.trim()}」不是可识别的时间（${timeHint}）`);
  }
  const [, year, month, day, hour, minute = '0'] = match;
  const date = validDay(Number(year), Number(month), Number(day));
  if (!date || Number(hour) > 23 || Number(minute) > 59) return fail(`「${cell.trim()}」不是存在的时间`);
  return ok(`${date} ${pad2(Number(hour))}:${pad2(Number(minute))}`);
}
