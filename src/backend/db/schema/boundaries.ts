import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete } from './columns';
import { villages } from './villages';

/**
 * An imported boundary file (村界), kept as a set so an older one can be chosen again after a redistricting.
 * The file itself is not kept: its features are stored converted to WGS84, and `source_datum` /
 * `name_property` record how it was read so the import can be explained later.
 */
export const boundarySets = sqliteTable(
  'boundary_sets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The user's label, e.g. “2026年村界”. */
    name: text('name').notNull(),
    sourceDatum: text('source_datum', { enum: ['WGS84', 'GCJ02', 'BD09'] }).notNull(),
    nameProperty: text('name_property').notNull(),
    featureCount: integer('feature_count').notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    /** Display name of who imported it (accounts may be renamed or removed; the set stays explained). */
    createdBy: text('created_by').notNull(),
    ...softDelete,
  },
  (table) => [
    check('boundary_sets_is_current', sql`is_current IN (0, 1)`),
    // At most one current set: a partial unique index on the constant makes a second current row a violation.
    uniqueIndex('boundary_sets_one_current').on(table.isCurrent).where(sql`is_current = 1`),
    index('boundary_sets_live').on(table.createdAt).where(sql`deleted_at IS NULL`),
  ],
);

/**
 * One village's polygon in a set; `village_id` is null for a feature no village was paired with (still drawn).
 * Purging a village from the 回收站 unpairs its polygons (SET NULL) rather than being blocked by them.
 */
export const boundaryFeatures = sqliteTable(
  'boundary_features',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    setId: integer('set_id')
      .notNull()
      .references(() => boundarySets.id, { onDelete: 'cascade' }),
    villageId: integer('village_id').references(() => villages.id, { onDelete: 'set null' }),
    featureName: text('feature_name').notNull(),
    /** WGS84 MultiPolygon geometry as GeoJSON text: `{ type: 'MultiPolygon', coordinates }`. */
    geometryJson: text('geometry_json').notNull(),
    minLng: real('min_lng').notNull(),
    minLat: real('min_lat').notNull(),
    maxLng: real('max_lng').notNull(),
    maxLat: real('max_lat').notNull(),
  },
  (table) => [index('boundary_features_set').on(table.setId, table.id), index('boundary_features_village').on(table.villageId)],
);
