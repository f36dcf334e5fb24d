import { z } from 'zod';
import { reportPeriodKinds } from '../domain/reportPeriod';
import { method } from './contract';
import { dateSchema, idSchema } from './common';

/**
 * 工作汇报: the figures of a period written as the statistical paragraphs of the offices' own reports, each number
 * traceable to the list behind it, with the previous period and the same period last year beside it.
 */

/** The lists a figure can lead back to; the renderer maps each to its page. */
export const reportListNames = ['inspections', 'orders', 'hazards', 'tanks', 'idleSites', 'filings', 'plans', 'drills', 'planFilings'] as const;
export type ReportListName = (typeof reportListNames)[number];

/** Where a number comes from: a list and the filters (in that list's own API vocabulary) that show its records. */
export const figureSourceSchema = z.object({
  list: z.enum(reportListNames),
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type FigureSource = z.infer<typeof figureSourceSchema>;

export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  /** Null for a rate with nothing to divide. */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  lastYear: z.number().nullable(),
  /**
   * The list behind the number, for the current period; null where no list shows exactly these records (a rate,
   * a sum of participants, a count as of a past date).
   */
  source: figureSourceSchema.nullable(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

/** A paragraph as text and numbers: a number segment names its figure, so the page can link it. */
export const reportSegmentSchema = z.union([z.object({ text: z.string() }), z.object({ figure: z.string() })]);
export type ReportSegment = z.infer<typeof reportSegmentSchema>;

export const reportTableSchema = z.object({
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  segments: z.array(reportSegmentSchema),
  tables: z.array(reportTableSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

const periodSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const reportSchema = z.object({
  title: z.string(),
  /** 填报单位 */
  unit: z.string(),
  scopeLabel: z.string(),
  period: periodSchema,
  previous: periodSchema,
  lastYear: periodSchema,
  figures: z.array(reportFigureSchema),
  sections: z.array(reportSectionSchema),
  /** Hazards found and rectified per month of the period, for the chart. */
  monthly: z.array(z.object({ month: z.string(), found: z.number().int(), rectified: z.number().int() })),
  generatedAt: z.string(),
});
export type Report = z.infer<typeof reportSchema>;

/** The period asked for: a month, quarter or half of a year, a whole year, or any from–to. */
export const reportRequestSchema = z
  .object({
    kind: z.enum(reportPeriodKinds, { error: '请选择统计期间' }),
    year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    /** Month 1–12, quarter 1–4 or half 1–2; ignored for a year or a custom period. */
    index: z.number().int().min(1).max(12).optional(),
    from: dateSchema('开始日期').optional(),
    to: dateSchema('结束日期').optional(),
    /** Empty or absent: the whole town. */
    villageIds: z.array(idSchema).max(200).optional(),
  })
  .superRefine((input, context) => {
    if (input.kind === 'custom') {
      if (!input.from) context.addIssue({ code: 'custom', path: ['from'], message: '请填写开始日期' });
      if (!input.to) context.addIssue({ code: 'custom', path: ['to'], message: '请填写结束日期' });
      if (input.from && input.to && input.from > input.to) context.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
      if (input.from && input.to && input.to.slice(0, 4) !== input.from.slice(0, 4) && Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 1) {
        context.addIssue({ code: 'custom', path: ['to'], message: '自定义期间最长两年' });
      }
    } else if (input.kind !== 'year') {
      const max = input.kind === 'month' ? 12 : input.kind === 'quarter' ? 4 : 2;
      if (input.index === undefined || input.index > max) context.addIssue({ code: 'custom', path: ['index'], message: '请选择月份、季度或半年' });
    }
  });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** Largest chart picture a document carries (base64 of a PNG; the monthly chart at twice the pixels is ~100 KB). */
export const maxReportChartBase64 = 4_000_000;

/** A chart as drawn on the report page, placed in the document under its caption. */
export const reportChartSchema = z.object({
  title: z.string().max(100),
  /** PNG bytes, base64 (no data: prefix). */
  pngBase64: z.string().max(maxReportChartBase64, '图表图片过大').regex(/^[A-Za-z0-9+/]+={0,2}$/, '图表图片不是有效的 PNG 数据'),
  /** The picture's size in pixels, for its proportions on the page. */
  width: z.number().int().min(1).max(10_000),
  height: z.number().int().min(1).max(10_000),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

/** The report as the user edited it, for .docx and print: plain paragraphs, the tables and the charts. */
export const reportDocumentSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(100, '标题过长'),
  /** Lines under the title: period, scope, 填报单位, date. */
  subtitle: z.array(z.string().max(200)).max(6),
  sections: z
    .array(
      z.object({
        title: z.string().max(100),
        paragraphs: z.array(z.string().max(20_000)).max(50),
        tables: z.array(reportTableSchema).max(10),
        charts: z.array(reportChartSchema).max(4).default([]),
      }),
    )
    .max(30),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export const reportApi = {
  'report.generate': method(reportRequestSchema, reportSchema, 'read'),
  /** The edited report as a Word document (opens in Word and WPS). */
  'report.exportDocx': method(z.object({ document: reportDocumentSchema }), z.object({ fileName: z.string(), dataBase64: z.string() }), 'read'),
};
