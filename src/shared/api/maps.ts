import { z } from 'zod';
import { datums } from '../domain/geo/datum';
import { method } from './contract';
import { riskLevels } from '../domain/enterprise';
import { hazardLevels } from '../domain/hazard';
import { tankCategories } from '../domain/tank';
import { dateSchema, idInput, idSchema, okOutput, requiredText, timestampSchema } from './common';

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

const lng = z.number();
const lat = z.number();

/**
 * The map's point layers. Rows are tuples rather than objects so 50,000 enterprises stay a few MB on the wire;
 * every layer carries only records with a location (a tank or a work without its own takes its owner's).
 * `unlocated` counts what could not be drawn, so the page can say so.
 */
export const mapLayersSchema = z.object({
  /** [id, lng, lat, name, villageId, industry, riskLevel, keySupervised, status] */
  enterprises: z.array(z.tuple([z.number().int(), lng, lat, z.string(), z.number().int(), z.string(), z.enum(riskLevels), z.boolean(), z.string()])),
  /** [id, lng, lat, code, category, status, ownerName, villageId] */
  tanks: z.array(z.tuple([z.number().int(), lng, lat, z.string(), z.enum(tankCategories), z.string(), z.string(), z.number().int()])),
  /** [id, lng, lat, name, villageId, finding, disposal] */
  idleSites: z.array(z.tuple([z.number().int(), lng, lat, z.string(), z.number().int(), z.string(), z.string()])),
  /** Today's special works (planned or running today, or flagged): [filingId, lng, lat, number, kind, enterpriseName, status, flagged, villageId] */
  works: z.array(z.tuple([z.number().int(), lng, lat, z.string(), z.string(), z.string(), z.string(), z.boolean(), z.number().int()])),
  /** Open hazards (not 已销号): [id, lng, lat, number, level, status, overdue, targetName, villageId, description] */
  hazards: z.array(
    z.tuple([z.number().int(), lng, lat, z.string(), z.enum(hazardLevels), z.string(), z.boolean(), z.string(), z.number().int(), z.string()]),
  ),
  unlocated: z.object({ enterprises: z.number().int(), tanks: z.number().int(), idleSites: z.number().int(), works: z.number().int(), hazards: z.number().int() }),
  /** The day "today" was taken as (YYYY-MM-DD). */
  today: z.string(),
});
export type MapLayers = z.infer<typeof mapLayersSchema>;

/** One village's counts, score and level for 安全风险空间分布图. */
export const villageRiskRowSchema = z.object({
  villageId: z.number().int(),
  villageName: z.string(),
  redEnterprises: z.number().int(),
  orangeEnterprises: z.number().int(),
  yellowEnterprises: z.number().int(),
  blueEnterprises: z.number().int(),
  openMajorHazards: z.number().int(),
  openGeneralHazards: z.number().int(),
  tanksInUse: z.number().int(),
  score: z.number(),
  level: z.enum(riskLevels),
  /** Whether the current boundary has a polygon for it (a village without one is in the table only). */
  onMap: z.boolean(),
});
export type VillageRiskRow = z.infer<typeof villageRiskRowSchema>;

/** A located record whose point is outside every village polygon, or inside another village than its own. */
export const misplacedRecordSchema = z.object({
  kind: z.enum(['enterprise', 'idleSite', 'tank']),
  id: z.number().int(),
  name: z.string(),
  villageName: z.string(),
  longitude: lng,
  latitude: lat,
  problem: z.enum(['outside', 'otherVillage']),
  /** For `otherVillage`: the village whose polygon holds the point. */
  foundInVillageName: z.string().nullable(),
});
export type MisplacedRecord = z.infer<typeof misplacedRecordSchema>;

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
  /** Every point layer at once; the page filters them itself (village, industry, risk, status). */
  'maps.layers': method(z.object({ date: dateSchema('日期').optional() }), mapLayersSchema, 'read'),
  /** Per live village, ordered by score (highest first); `highest` is the town's top score. */
  'maps.villageRisk': method(z.object({}), z.object({ rows: z.array(villageRiskRowSchema), highest: z.number() }), 'read'),
  /**
   * Located enterprises, idle sites and tanks (with their own coordinates) that fall outside every polygon of
   * the current boundary, or in another village's polygon than their 所属村. Empty when there is no boundary.
   */
  'maps.misplacedRecords': method(z.object({}), z.object({ rows: z.array(misplacedRecordSchema), checked: z.number().int() }), 'read'),
};
