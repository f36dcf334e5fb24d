import { z } from 'zod';
import { maxAttachmentBytes } from './attachments';
import { method } from './contract';
import { datums } from '../domain/geo/datum';

/**
 * Excel/CSV import of existing ledgers. The file is read in the backend as a job (`imports.open`); the user
 * then checks how its columns map to fields (`imports.analysis`), sees every problem before anything is
 * written (`imports.preview`), and imports (`imports.start`): a job that validates again and writes all
 * accepted rows in one transaction, and whose result is the import report (.xlsx: the original rows plus
 * a 导入结果 column). Entities register here; later issues add theirs.
 */
export const importEntities = ['enterprises', 'tanks', 'idleSites', 'filings', 'plans', 'drills', 'hazards'] as const;
export type ImportEntity = (typeof importEntities)[number];
export const importEntityLabels: Record<ImportEntity, string> = {
  enterprises: '企业',
  tanks: '储罐',
  idleSites: '四闲场所',
  filings: '特殊作业报备',
  plans: '应急预案',
  drills: '应急演练',
  hazards: '隐患',
};
/**
 * Entities whose registered records an import never changes, whatever the duplicate mode (a filing changes
 * only through its workflow): what the preview says instead of offering the choice.
 */
export const importNeverUpdates: Partial<Record<ImportEntity, string>> = {
  filings: '一律跳过：已登记的报备只能在系统中按流程办理，导入不会修改',
  plans: '一律跳过：已登记的预案请在系统中修订，导入不会修改',
  drills: '一律跳过：已登记的演练记录请在系统中修改，导入不会修改',
  hazards: '一律跳过：已登记的隐患（单位、发现日期、隐患描述相同）请在系统中办理，导入不会修改',
};

/** Largest file accepted (it travels base64-encoded, like attachments). */
export const maxImportBytes = maxAttachmentBytes;

/** What to do with a row whose key (企业: 统一社会信用代码) is already registered. */
export const duplicateModes = ['skip', 'update'] as const;
export type DuplicateMode = (typeof duplicateModes)[number];

const importIdInput = z.object({ importId: z.string().min(1).max(64) });

/** Widest file accepted; office ledgers have a few dozen columns at most. */
export const maxImportColumns = 200;

/** Per column of the file (in order): the field it fills, or null to ignore it. */
const mappingSchema = z.array(z.string().max(40).nullable()).max(maxImportColumns, `列数不能超过 ${maxImportColumns}`);

const planInput = importIdInput.extend({
  mapping: mappingSchema,
  duplicates: z.enum(duplicateModes).default('skip'),
  /** The system the file's 经度/纬度 are in; they are stored in WGS84. Ignored by entities without coordinates. */
  coordinateSystem: z.enum(datums, { error: '请选择文件中经纬度的坐标系' }).default('WGS84'),
});

export const importFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** How to fill it, shown next to the field (accepted values, format). */
  hint: z.string(),
});
export type ImportField = z.infer<typeof importFieldSchema>;

export const importAnalysisSchema = z.object({
  entity: z.enum(importEntities),
  fileName: z.string(),
  sheetName: z.string(),
  /** The row (1-based, as Excel numbers it) found to hold the column names. */
  headerRowNumber: z.number().int(),
  /** Non-blank rows below the header. */
  dataRowCount: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
  fields: z.array(importFieldSchema),
  /** The suggested mapping, from header synonyms. */
  mapping: mappingSchema,
});
export type ImportAnalysis = z.infer<typeof importAnalysisSchema>;

export const importProblemSchema = z.object({
  rowNumber: z.number().int(),
  /** The file's column header (or the field's name when the problem is not one column's). */
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importPreviewSchema = z.object({
  /** Problems with the mapping itself (a required field without a column…); the import cannot start. */
  mappingProblems: z.array(z.string()),
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  /** Already registered and identical to the file: nothing to write. */
  unchanged: z.number().int(),
  /** Already registered, left as they are (duplicates: skip). */
  skip: z.number().int(),
  invalid: z.number().int(),
  /** Every problem, by row, up to `maxListedProblems`; the report lists them all. */
  problems: z.array(importProblemSchema),
  problemsTruncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const maxListedProblems = 1000;

export const importsApi = {
  /** Starts reading the file; when the job is done, `imports.analysis` answers for the returned importId. */
  'imports.open': method(
    z.object({
      entity: z.enum(importEntities),
      fileName: z.string().trim().min(1).max(200),
      dataBase64: z
        .string()
        .max(Math.ceil((maxImportBytes * 4) / 3) + 8, `文件过大：导入文件不能超过 ${maxImportBytes / 1024 / 1024} MB`),
    }),
    z.object({ importId: z.string(), jobId: z.string() }),
    'write',
  ),
  'imports.analysis': method(importIdInput, importAnalysisSchema, 'write'),
  'imports.preview': method(planInput, importPreviewSchema, 'write'),
  /** Validates again and writes; the job's result is the import report, its message the outcome in numbers. */
  'imports.start': method(planInput, z.object({ jobId: z.string() }), 'write'),
  /** Forgets the file (the dialog was closed). */
  'imports.close': method(importIdInput, z.object({ ok: z.literal(true) }), 'write'),
};
