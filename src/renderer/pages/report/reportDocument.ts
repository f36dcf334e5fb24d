import dayjs from 'dayjs';
import type { Report, ReportChart, ReportDocument, ReportFigure, ReportRequest, ReportSegment, ReportTable } from '../../../shared/api/report';

/** What the user changed in a generated report: the title, and the sections' paragraphs rewritten by hand. */
export interface ReportEdits {
  title?: string;
  /** By section key: the text that replaces the generated paragraph. */
  paragraphs: Record<string, string>;
}

export const noEdits: ReportEdits = { paragraphs: {} };

export function hasEdits(edits: ReportEdits): boolean {
  return edits.title !== undefined || Object.keys(edits.paragraphs).length > 0;
}

/** A figure's value as the report writes it: whole numbers as they are, a rate with one decimal, “—” for none. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A paragraph's text: its words and its figures' values (the unit is in the words that follow). */
export function segmentsText(segments: ReportSegment[], figures: ReportFigure[]): string {
  const byKey = new Map(figures.map((figure) => [figure.key, figure]));
  return segments.map((segment) => ('text' in segment ? segment.text : formatValue(byKey.get(segment.figure)?.value))).join('');
}

/** The text a section prints: the user's own where they rewrote it, the generated one otherwise. */
export function sectionText(report: Report, sectionKey: string, edits: ReportEdits): string {
  const edited = edits.paragraphs[sectionKey];
  if (edited !== undefined) return edited;
  const section = report.sections.find((item) => item.key === sectionKey);
  return section ? segmentsText(section.segments, report.figures) : '';
}

const minus = '\u2212';

/** A cell's width in characters: a Chinese character is one, a digit or Latin letter about half. */
const textLength = (text: string) => [...text].reduce((sum, character) => sum + (character.charCodeAt(0) > 0xff ? 1 : 0.55), 0);

/**
 * Each column's share (percent) of a printed table's width, by its longest cell within limits (a long name wraps
 * rather than squeezing the numbers); the same rule as the Word export's column widths.
 */
export function columnShares(table: ReportTable): number[] {
  const weights = table.columns.map((column, index) => {
    const longest = table.rows.reduce((most, row) => Math.max(most, textLength(String(row[index] ?? ''))), textLength(column) * 0.8);
    return Math.min(14, Math.max(3, longest));
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.round((weight / total) * 1000) / 10);
}

/**
 * A table cell that reads as a number (12, 61.9%, +4（+50.0%）, −2个百分点, or — for none): right-aligned on screen
 * and on paper, as the Word export does.
 */
export function isNumericCell(value: string | number): boolean {
  return typeof value === 'number' || /^(?:[+\-\u2212]?\d[\d,]*(?:\.\d+)?%?(?:（[^）]*）|个百分点)?|—)$/.test(value.trim());
}

/** A signed difference: +12 / −3 / 0; a rate's in 个百分点. */
export function formatDifference(current: number | null, base: number | null, unit: string): string {
  if (current === null || base === null) return '—';
  const difference = Math.round((current - base) * 10) / 10;
  const text = difference > 0 ? `+${formatValue(difference)}` : difference < 0 ? `${minus}${formatValue(-difference)}` : '0';
  return unit === '%' ? `${text}个百分点` : text;
}

/** The change as a share of the base, one decimal: +12.5% / −3.0%; “—” when there is no base to divide by. */
export function formatChangePercent(current: number | null, base: number | null): string {
  if (current === null || base === null || base === 0) return '—';
  const percent = Math.round(((current - base) / base) * 1000) / 10;
  if (percent === 0) return '0.0%';
  return `${percent > 0 ? '+' : minus}${Math.abs(percent).toFixed(1)}%`;
}

/** 变化 or 同比 in one cell: the difference, and for counts the percentage beside it. */
export function formatChange(current: number | null, base: number | null, unit: string): string {
  const difference = formatDifference(current, base, unit);
  if (unit === '%' || difference === '—') return difference;
  return `${difference}（${formatChangePercent(current, base)}）`;
}

export const comparisonColumns = ['指标', '本期', '上期', '变化', '去年同期', '同比'];

/** One row per figure: 指标（单位）, 本期, 上期, 变化, 去年同期, 同比. */
export function comparisonRows(figures: ReportFigure[]): string[][] {
  return figures.map((figure) => [
    `${figure.label}（${figure.unit}）`,
    formatValue(figure.value),
    formatValue(figure.previous),
    formatChange(figure.value, figure.previous, figure.unit),
    formatValue(figure.lastYear),
    formatChange(figure.value, figure.lastYear, figure.unit),
  ]);
}

/** The comparison as a table of the exported document, its periods named in the title. */
export function comparisonTable(report: Report): ReportTable {
  return {
    title: `主要指标对比（上期：${report.previous.label}；去年同期：${report.lastYear.label}）`,
    columns: comparisonColumns,
    rows: comparisonRows(report.figures),
  };
}

/** `2026年3月15日` from the report's generation time. */
export function reportDate(generatedAt: string): string {
  const date = dayjs(generatedAt);
  return date.isValid() ? date.format('YYYY年M月D日') : generatedAt.slice(0, 10);
}

/**
 * The lines under the title: the period (with its dates), the scope, 填报单位 and the date. The scope has a line
 * of its own: a list of villages is long, and sharing a line with the period made Word break it mid-name.
 */
export function subtitleLines(report: Report): string[] {
  const dates = `${report.period.from.replaceAll('-', '.')}—${report.period.to.replaceAll('-', '.')}`;
  return [
    `统计期间：${report.period.label}（${dates}）`,
    `统计范围：${report.scopeLabel}`,
    `填报单位：${report.unit || '（未设置单位名称）'}\u3000生成日期：${reportDate(report.generatedAt)}`,
  ];
}

/** The title to print: the user's, unless they cleared it (a document needs one). */
export function effectiveTitle(report: Report, edits: ReportEdits): string {
  return edits.title?.trim() || report.title;
}

/**
 * The report as edited, for Word and print: each section's paragraph (a typed line break starts a new one), its
 * tables and the pictures of its charts (`charts`, by section key, as drawn on the page), and at the end the
 * comparison with the previous period and the same period last year.
 */
export function toReportDocument(report: Report, edits: ReportEdits, charts: Partial<Record<string, ReportChart[]>> = {}): ReportDocument {
  return {
    title: effectiveTitle(report, edits).slice(0, 100),
    subtitle: subtitleLines(report),
    sections: [
      ...report.sections.map((section) => ({
        title: section.title,
        paragraphs: sectionText(report, section.key, edits)
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
        tables: section.tables,
        charts: charts[section.key] ?? [],
      })),
      ...(report.figures.length > 0 ? [{ title: '附：主要指标对比', paragraphs: [], tables: [comparisonTable(report)], charts: [] }] : []),
    ],
  };
}

/**
 * A request in a fixed form, to key its saved edits by: the fields its kind does not use left out, villages
 * sorted, so the same report asked for twice finds the same edits.
 */
export function requestKey(request: ReportRequest): string {
  const villageIds = [...(request.villageIds ?? [])].sort((a, b) => a - b);
  const period =
    request.kind === 'custom'
      ? { from: request.from, to: request.to }
      : request.kind === 'year'
        ? { year: request.year }
        : { year: request.year, index: request.index };
  return JSON.stringify({ kind: request.kind, ...period, villageIds });
}

/** localStorage: the document the print view shows (the same origin's hidden print window reads it). */
export const reportDraftStorageKey = 'anjian.reportDraft';
/** localStorage: the edits of recent reports, by request; and the request last generated. */
export const reportEditsStorageKey = 'anjian.reportEdits';
export const lastReportRequestStorageKey = 'anjian.reportLastRequest';
/** Edits of this many reports are kept; older ones are dropped so the storage does not grow without end. */
const keptEdits = 12;

type StoredEdits = Record<string, ReportEdits & { savedAt: number }>;

function readStoredEdits(storage: Storage): StoredEdits {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(reportEditsStorageKey) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as StoredEdits) : {};
  } catch {
    return {};
  }
}

/** The edits saved for a request, or none. */
export function loadEdits(storage: Storage, key: string): ReportEdits {
  const stored = readStoredEdits(storage)[key];
  if (!stored || typeof stored.paragraphs !== 'object' || stored.paragraphs === null) return noEdits;
  const paragraphs = Object.fromEntries(Object.entries(stored.paragraphs).filter(([, text]) => typeof text === 'string'));
  return { title: typeof stored.title === 'string' ? stored.title : undefined, paragraphs };
}

/** Saves (or, with no edits, forgets) a request's edits, keeping only the most recent reports'. */
export function saveEdits(storage: Storage, key: string, edits: ReportEdits, now = Date.now()): void {
  const stored = readStoredEdits(storage);
  if (hasEdits(edits)) stored[key] = { ...edits, savedAt: now };
  else delete stored[key];
  const kept = Object.entries(stored)
    .sort(([, a], [, b]) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
    .slice(0, keptEdits);
  try {
    storage.setItem(reportEditsStorageKey, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // A full storage loses the draft, not the page: the edits stay on screen.
  }
}
