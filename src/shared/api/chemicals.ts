import { z } from 'zod';
import { describeCasProblem, findCasProblem, normalizeCas } from '../domain/cas';
import { method } from './contract';
import { idInput, idSchema, okOutput, optionalText, pageOf, pagingInput, requiredText, sortOrderSchema, timestampSchema } from './common';

/** What staff write between aliases; stored joined with 、 so the list reads the same whichever was typed. */
const aliasSeparators = /[、,，;；\s]+/;

/** The 、-joined aliases, trimmed, without empties or repeats. */
export function normalizeAliases(raw: string): string {
  return [...new Set(raw.split(aliasSeparators).map((alias) => alias.trim()).filter(Boolean))].join('、');
}

const aliasesSchema = optionalText(200, '别名').transform((value) => (value === null ? null : normalizeAliases(value) || null));

/** Optional CAS number: normalized (full-width digits, odd dashes), then checked digit by digit. */
export const optionalCasSchema = optionalText(20, 'CAS号')
  .transform((value) => (value === null ? null : normalizeCas(value)))
  .superRefine((cas, context) => {
    if (cas === null) return;
    const problem = findCasProblem(cas);
    if (problem) context.addIssue({ code: 'custom', message: describeCasProblem(problem) });
  });

function positiveNumber(label: string, max: number) {
  return z
    .number({ error: `${label}须为数字` })
    .positive(`${label}须大于 0`)
    .max(max, `${label}过大`)
    .nullish()
    .transform((value) => value ?? null);
}

/** Message when a critical quantity is given without saying where it comes from. */
export const criticalQuantityRefHint = '请注明临界量的出处，如 GB 18218-2018 表1';
/** Message when β is given without saying where it comes from. */
export const betaRefHint = '请注明校正系数β的出处，如 GB 18218-2018 表3';

/**
 * Editable fields of a catalogue entry. A Q or β without its source is refused: the office must be able to
 * show an inspector where each number used in a 重大危险源 assessment comes from.
 */
export const chemicalFields = z
  .object({
    name: requiredText(50, '名称'),
    aliases: aliasesSchema,
    cas: optionalCasSchema,
    hazardClass: optionalText(50, '危险性类别'),
    /** Critical quantity Q, tonnes. */
    criticalQuantity: positiveNumber('临界量', 1_000_000),
    criticalQuantityRef: optionalText(100, '临界量出处'),
    /** Correction factor β (GB 18218-2018 表3/表4). */
    beta: positiveNumber('校正系数β', 100),
    betaRef: optionalText(100, '校正系数出处'),
    notes: optionalText(500, '备注'),
  })
  .superRefine((fields, context) => {
    if (fields.criticalQuantity !== null && fields.criticalQuantityRef === null) {
      context.addIssue({ code: 'custom', path: ['criticalQuantityRef'], message: criticalQuantityRefHint });
    }
    if (fields.beta !== null && fields.betaRef === null) {
      context.addIssue({ code: 'custom', path: ['betaRef'], message: betaRefHint });
    }
  });
export type ChemicalFields = z.input<typeof chemicalFields>;

export const chemicalSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.string().nullable(),
  cas: z.string().nullable(),
  hazardClass: z.string().nullable(),
  criticalQuantity: z.number().nullable(),
  criticalQuantityRef: z.string().nullable(),
  beta: z.number().nullable(),
  betaRef: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Chemical = z.infer<typeof chemicalSchema>;

/** What a picker needs (the tank form's 介质, the 重大危险源 calculator). */
export const chemicalOptionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  cas: z.string().nullable(),
  criticalQuantity: z.number().nullable(),
  beta: z.number().nullable(),
});
export type ChemicalOption = z.infer<typeof chemicalOptionSchema>;

export const chemicalSortFields = ['name', 'cas', 'criticalQuantity', 'updatedAt'] as const;

export const chemicalsApi = {
  /** The catalogue, paged; `q` matches name, aliases or CAS number. Sorted by name unless told otherwise. */
  'chemicals.list': method(
    z.object({
      q: z.string().trim().max(50).optional(),
      ...pagingInput,
      sortField: z.enum(chemicalSortFields).optional(),
      sortOrder: sortOrderSchema.optional(),
    }),
    pageOf(chemicalSchema),
    'read',
  ),
  /** Live entries for a picker, by name; `q` as in the list. */
  'chemicals.options': method(
    z.object({ q: z.string().trim().max(50).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.array(chemicalOptionSchema),
    'read',
  ),
  'chemicals.get': method(idInput, chemicalSchema, 'read'),
  /** CONFLICT under `name` when a live entry already has the name. */
  'chemicals.create': method(chemicalFields, chemicalSchema, 'write'),
  'chemicals.update': method(chemicalFields.safeExtend({ id: idSchema }), chemicalSchema, 'write'),
  /** Soft delete into the 回收站; refused (CONFLICT naming them) while tanks still hold the substance. */
  'chemicals.delete': method(idInput, okOutput, 'write'),
};
