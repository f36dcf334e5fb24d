import { z } from 'zod';
import { datums } from '../domain/geo/datum';
import { method } from './contract';
import { idInput, idSchema, okOutput, requiredText, timestampSchema } from './common';

/**
 * Boundary sets for the offline map (村界). A boundary file is previewed (validated, converted from the stated
 * datum to WGS84, its features matched to villages by name), reviewed by the user, then saved as a set; several
 * sets can be kept and one chosen as current. The map draws the current set, or the demo town's shipped file
 * while none is stored.
 */

/** Largest boundary file accepted, in characters of its text (a town's villages are usually well under 5 MB). */
export const maxBoundaryTextLength = 20 * 1024 * 1024;

const datumSchema = z.enum(datums, { error: '请选择文件的坐标系' });
const boundaryText = z
  .string({ error: '请选择边界文件' })
  .min(1, '边界文件是空的')
  .max(maxBoundaryTextLength, '边界文件过大（超过 20 MB），请先在 GIS 软件中简化后再导入');
const nameProperty = z.string().trim().min(1, '请选择名称属性').max(100, '名称属性过长');

/** One error or warning found in a boundary file, as `parseBoundaryFile` reports it. */
export const boundaryProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** 0-based index of the feature in the file. */
  featureIndex: z.number().int().optional(),
  featureName: z.string().optional(),
  /** Where, in the file's own coordinates. */
  position: z.tuple([z.number(), z.number()]).optional(),
});
export type BoundaryProblem = z.infer<typeof boundaryProblemSchema>;

const villageRef = z.object({ id: z.number().int(), name: z.string() });

/** A WGS84 MultiPolygon as GeoJSON, and its [minLng, minLat, maxLng, maxLat] box. */
const geometrySchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) });
const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** How a feature of a previewed file stands against the villages: matched (and how), or why not. */
export const boundaryMatchSchema = z.object({
  featureIndex: z.number().int(),
  featureName: z.string(),
  villageId: z.number().int().nullable(),
  villageName: z.string().nullable(),
  /** `normalized` pairs (东山 → 东山村) deserve a second look; null when not matched. */
  method: z.enum(['exact', 'normalized']).nullable(),
  /** Why it was not matched: no such village, or several candidates; null when matched. */
  reason: z.enum(['no-village', 'ambiguous']).nullable(),
  /** For an unmatched feature, villages still free whose names look related — offered first. */
  suggestions: z.array(villageRef),
  /** Already converted to WGS84, so the review step can draw where each feature lies. */
  geometry: geometrySchema,
  bbox: bboxSchema,
});
export type BoundaryMatchRow = z.infer<typeof boundaryMatchSchema>;

/**
 * A preview. A file with problems is a normal result (`ok: false`) listing every problem (up to 100), so the
 * import form can show them all rather than the first; `properties` lets it offer another name property.
 */
export const boundaryPreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    nameProperty: z.string(),
    properties: z.array(z.string()),
    featureCount: z.number().int(),
    warnings: z.array(boundaryProblemSchema),
    /** One row per feature, in file order, with its geometry in WGS84. */
    matches: z.array(boundaryMatchSchema),
    villagesWithoutFeature: z.array(villageRef),
  }),
  z.object({ ok: z.literal(false), errors: z.array(boundaryProblemSchema), properties: z.array(z.string()) }),
]);
export type BoundaryPreview = z.infer<typeof boundaryPreviewSchema>;

/** A stored set as listed: how many of its features are tied to a (live) village. */
export const boundarySetSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sourceDatum: datumSchema,
  nameProperty: z.string(),
  featureCount: z.number().int(),
  matchedCount: z.number().int(),
  unmatchedCount: z.number().int(),
  isCurrent: z.boolean(),
  createdAt: timestampSchema,
  createdBy: z.string(),
});
export type BoundarySet = z.infer<typeof boundarySetSchema>;

/** One village polygon ready to draw: WGS84 MultiPolygon and its [minLng, minLat, maxLng, maxLat] box. */
export const boundaryFeatureSchema = z.object({
  /** The stored feature's id; null for the shipped demo file, which is not stored. */
  id: z.number().int().nullable(),
  /** Null when no (live) village is paired with the feature: it is still drawn, unlabelled by village. */
  villageId: z.number().int().nullable(),
  villageName: z.string().nullable(),
  featureName: z.string(),
  geometry: geometrySchema,
  bbox: bboxSchema,
});
export type BoundaryFeatureRow = z.infer<typeof boundaryFeatureSchema>;

/**
 * The boundary the map draws: the current stored set, else the demo town's shipped file (`bundled`, matched to
 * villages by name on each call), else nothing (`none`, when the app ships no such file).
 */
export const currentBoundarySchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('stored'), setId: z.number().int(), name: z.string(), features: z.array(boundaryFeatureSchema) }),
  z.object({ source: z.literal('bundled'), features: z.array(boundaryFeatureSchema) }),
  z.object({ source: z.literal('none'), features: z.array(boundaryFeatureSchema) }),
]);
export type CurrentBoundary = z.infer<typeof currentBoundarySchema>;

export const mapsApi = {
  /** Validates a boundary file and matches it to villages; stores nothing. */
  'maps.previewBoundary': method(
    z.object({ text: boundaryText, source: datumSchema, nameProperty: nameProperty.optional() }),
    boundaryPreviewSchema,
    'write',
  ),
  /**
   * Stores a reviewed file as a set. The file is parsed again (the client's geometry is never trusted);
   * `assignments` are the review's choices, one per feature: `featureIndex` (from the preview) settles files
   * with two features of one name. A feature without an assignment is stored unmatched. A village may be given
   * to several features (a village in separate pieces). Refused when the file no longer parses.
   */
  'maps.saveBoundarySet': method(
    z.object({
      name: requiredText(40, '边界名称'),
      text: boundaryText,
      source: datumSchema,
      nameProperty,
      assignments: z
        .array(z.object({ featureIndex: z.number().int().min(0).optional(), featureName: z.string(), villageId: idSchema.nullable() }))
        .max(100_000),
      makeCurrent: z.boolean().default(true),
    }),
    boundarySetSchema,
    'admin',
  ),
  /** Live sets, newest first. */
  'maps.boundarySets': method(z.object({}), z.array(boundarySetSchema), 'read'),
  'maps.setCurrentBoundarySet': method(idInput, boundarySetSchema, 'admin'),
  /** Soft delete; the current set cannot be deleted. */
  'maps.deleteBoundarySet': method(idInput, okOutput, 'admin'),
  'maps.currentBoundary': method(z.object({}), currentBoundarySchema, 'read'),
};
