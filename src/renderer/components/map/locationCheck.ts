/**
 * Pure helpers behind the location picker: reading a pasted coordinate, rounding to what the forms store, and
 * deciding which village a point lies in (and whether that agrees with the record's own village).
 */
import type { LngLat } from '../../../shared/domain/geo/datum';
import { findContainingFeature, type ContainingCandidate } from '../../../shared/domain/geo/pointInPolygon';

/** The inline error shown when pasted text is not a "lng, lat" pair. */
export const pasteFormatError = '请按“经度, 纬度”填写，例如 113.551234, 22.831234';

/**
 * Reads "113.55, 22.83" (longitude first) from pasted text. Users copy from chat apps and map sites, so a Chinese
 * comma, spaces, tabs, semicolons or surrounding brackets are tolerated. Returns null unless there are exactly two
 * finite numbers within the world's range: "22.83, 113.55" (latitude first, as some sites copy it) fails the
 * latitude range and is rejected instead of silently landing on the other side of the planet.
 */
export function parseLngLatText(text: string): LngLat | null {
  const trimmed = text.trim().replace(/^[([{（【]\s*/, '').replace(/\s*[)\]}）】]$/, '');
  if (!trimmed) return null;
  const parts = trimmed.split(/\s*[,，、;；]\s*|\s+/).filter((part) => part !== '');
  if (parts.length !== 2) return null;
  // Number() accepts '', '0x10' and 'Infinity'; a plain decimal pattern keeps only what a map would show.
  if (!parts.every((part) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(part))) return null;
  const [lng, lat] = parts.map(Number);
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return [lng, lat];
}

/** The form's longitude/latitude as a point, or null unless both are numbers (the forms need both or neither). */
export function pointOf(longitude: unknown, latitude: unknown): LngLat | null {
  if (typeof longitude !== 'number' || typeof latitude !== 'number') return null;
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  return [longitude, latitude];
}

/** A boundary feature as far as the check needs it (a `BoundaryFeatureRow` fits). */
export interface VillageFeature extends ContainingCandidate {
  villageId: number | null;
  villageName: string | null;
  featureName: string;
}

/** Where a point lies against the village polygons. */
export type LocationStatus =
  | { kind: 'inside'; villageName: string }
  | { kind: 'outside' }
  | { kind: 'otherVillage'; villageName: string; expectedName: string };

/**
 * Which village holds the point, compared with the record's own village when one is given. The comparison goes by
 * id when the polygon is paired with a village (names can be edited) and by name otherwise; with no expected name
 * known (village not chosen, or names not loaded yet) there is nothing to disagree with.
 */
export function locateInVillages(point: LngLat, features: readonly VillageFeature[], expected?: { id: number; name: string } | null): LocationStatus {
  const feature = findContainingFeature(point, features);
  if (!feature) return { kind: 'outside' };
  const villageName = feature.villageName ?? feature.featureName;
  if (expected) {
    const differs = feature.villageId !== null ? feature.villageId !== expected.id : villageName !== expected.name;
    if (differs) return { kind: 'otherVillage', villageName, expectedName: expected.name };
  }
  return { kind: 'inside', villageName };
}

/** The one line the picker and the form show for a status; `warning` tells the caller to draw it as a warning. */
export function locationStatusText(status: LocationStatus): { text: string; warning: boolean } {
  switch (status.kind) {
    case 'inside':
      return { text: `位于：${status.villageName}`, warning: false };
    case 'outside':
      return { text: '该位置不在任何村/社区范围内', warning: true };
    case 'otherVillage':
      return { text: `该位置位于 ${status.villageName}，与所属村/社区 ${status.expectedName} 不一致`, warning: true };
  }
}
