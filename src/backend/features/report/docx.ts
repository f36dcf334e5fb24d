import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { ReportChart, ReportDocument, ReportTable } from '../../../shared/api/report';
import { invalid } from '../../api/errors';

/**
 * Fonts by role. Word has no font fallback list, so each slot names a face both Word and WPS on a Chinese
 * Windows (and UOS/Kylin with WPS) carry under that name: 仿宋 for the body as in the offices' own reports, 黑体 for
 * headings, 宋体 for the title; Latin digits in Times New Roman so numbers look like the rest of the paper.
 */
const fonts = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
} satisfies Record<string, IFontAttributesProperties>;

/** Sizes in half-points: 二号 title, 三号 body and headings (the 公文 sizes), 五号 in tables. */
const sizes = { title: 44, subtitle: 32, heading: 32, body: 32, table: 21, footer: 24 };

/** 1.5 lines: `line` is in 240ths of a line when the rule is auto. */
const oneAndHalf = { line: 360, lineRule: LineRuleType.AUTO };

/** Twips on an A4 page (210 × 297 mm), and the margins of a printed 公文 (37 mm top, 28 mm left). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const page = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const textWidth = page.width - page.left - page.right;

export interface ReportDocxOptions {
  /** Written into the file's properties (Word's 作者); the office's name. */
  creator?: string;
}

/**
 * A cell that reads as a number (12, 61.9%, +4（+50.0%）, −2个百分点, or — for none) is right-aligned, as the
 * print view does too.
 */
const isNumeric = (value: string | number) =>
  typeof value === 'number' || /^(?:[+\-\u2212]?\d[\d,]*(?:\.\d+)?%?(?:（[^）]*）|个百分点)?|—)$/.test(value.trim());

function run(text: string, font: IFontAttributesProperties, size: number, bold = false): TextRun {
  return new TextRun({ text, font, size, bold });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    // Two characters at the body size; `firstLineChars` is what Word and WPS show as 首行缩进 2 字符, the twips
    // are for readers that ignore it.
    indent: { firstLineChars: 200, firstLine: sizes.body * 20 },
    spacing: oneAndHalf,
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, fonts.body, sizes.body)],
  });
}

function cellParagraph(text: string, header: boolean, numeric: boolean): Paragraph {
  return new Paragraph({
    alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [run(text, fonts.body, sizes.table, header)],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

/** A cell's width in characters: a Chinese character is one, a digit or Latin letter about half. */
const textLength = (text: string) => [...text].reduce((sum, character) => sum + (character.charCodeAt(0) > 0xff ? 1 : 0.55), 0);

/**
 * Column widths (twips) for the text width, by how long each column's longest cell is (within limits, so a long
 * name wraps rather than squeezing the numbers): Word's fixed layout then needs no autofit, which WPS does differently.
 */
function columnWidths(spec: ReportTable): number[] {
  const columns = Math.max(1, spec.columns.length);
  const weights = Array.from({ length: columns }, (_, index) => {
    const longest = spec.rows.reduce((most, row) => Math.max(most, textLength(String(row[index] ?? ''))), textLength(spec.columns[index] ?? '') * 0.8);
    return Math.min(14, Math.max(3, longest));
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.floor((textWidth * weight) / total));
}

/** A table under a section: its title as a centred caption, then a bordered grid whose header row repeats. */
function table(spec: ReportTable): (Paragraph | Table)[] {
  const columns = Math.max(1, spec.columns.length);
  const widths = columnWidths(spec);
  const cell = (text: string, header: boolean, numeric: boolean, index: number) =>
    new TableCell({
      width: { size: widths[index], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [cellParagraph(text, header, numeric)],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: spec.columns.map((column, index) => cell(column, true, false, index)) }),
    ...spec.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          // A short row is padded so every row has as many cells as the header (Word shows a ragged grid otherwise).
          children: Array.from({ length: columns }, (_, index) => {
            const value = row[index] ?? '';
            return cell(String(value), false, value !== '' && isNumeric(value), index);
          }),
        }),
    ),
  ];
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [run(spec.title, fonts.heading, sizes.table + 3)],
  });
  return [
    ...(spec.title ? [caption] : []),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      rows,
    }),
    // Word joins two tables that touch; an empty line keeps them apart and gives room before the next heading.
    new Paragraph({ children: [] }),
  ];
}

/** The width of the text block in pixels at 96 dpi: the unit docx sizes pictures in. */
const textWidthPx = Math.floor((textWidth / 1440) * 96);

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A chart picture as wide as the text (never wider than drawn) with its proportions, centred, and its caption
 * under it as a figure title. Bytes that are not a PNG are refused: Word would show a broken picture.
 */
function chartPicture(chart: ReportChart): Paragraph[] {
  const data = Buffer.from(chart.pngBase64, 'base64');
  if (!data.subarray(0, 8).equals(pngSignature)) throw invalid(`图表「${chart.title}」的图片不是 PNG`);
  const width = Math.min(textWidthPx, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      keepNext: true,
      children: [new ImageRun({ type: 'png', data, transformation: { width, height }, altText: { name: chart.title, description: chart.title, title: chart.title } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(`图：${chart.title}`, fonts.heading, sizes.table + 3)],
    }),
  ];
}

/**
 * The edited 工作汇报 as a .docx that Word and WPS open: A4 portrait, title and subtitle lines centred, each
 * section's heading (its own 一、二、… numbering) then its paragraphs (2-character first-line indent, 1.5 lines) and
 * tables, and the page number centred in the footer.
 */
export async function buildReportDocx(report: ReportDocument, options: ReportDocxOptions = {}): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240, ...oneAndHalf },
      children: [run(report.title, fonts.title, sizes.title, true)],
    }),
    ...report.subtitle.map(
      (line, index) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: index === report.subtitle.length - 1 ? 240 : 0 },
          children: [run(line, fonts.body, sizes.subtitle - 4)],
        }),
    ),
  ];
  for (const section of report.sections) {
    if (section.title) {
      children.push(
        new Paragraph({
          indent: { firstLineChars: 200, firstLine: sizes.heading * 20 },
          spacing: oneAndHalf,
          keepNext: true,
          children: [run(section.title, fonts.heading, sizes.heading)],
        }),
      );
    }
    for (const text of section.paragraphs) {
      // A line break typed into a paragraph starts a new paragraph, indented like the rest.
      for (const line of text.split(/\r?\n/)) if (line.trim()) children.push(bodyParagraph(line.trim()));
    }
    for (const spec of section.tables) children.push(...table(spec));
    for (const chart of section.charts) children.push(...chartPicture(chart));
  }

  const document = new Document({
    creator: options.creator ?? '安监台账',
    title: report.title,
    styles: {
      // The defaults too, so text typed into the document later in Word gets the body face, not Calibri.
      default: { document: { run: { font: fonts.body, size: sizes.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right, footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts.body, size: sizes.footer }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A file name from the title: no characters Windows refuses, no leading dots, not too long. */
export function reportFileName(title: string): string {
  const base = [...title]
    // Control characters (a pasted tab or line break) have no place in a file name.
    .filter((character) => character.charCodeAt(0) >= 0x20)
    .join('')
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 80);
  return `${base || '工作汇报'}.docx`;
}
