import type { BoundaryFeatureRow, BoundaryMatchRow, BoundaryProblem } from '../../../shared/api/maps';
import { datumLabels, type Datum } from '../../../shared/domain/geo/datum';

/** The longest set name the backend accepts (`maps.saveBoundarySet`'s `name`). */
export const maxSetNameLength = 40;

/**
 * The Select value standing for 不对应任何村. antd's Select treats `null` as "nothing chosen" and would show the
 * placeholder instead of the option, so the review table uses this (never a village id, which is positive).
 */
export const noVillage = -1;

/** What the review table holds per feature: the chosen village id, or null for 不对应任何村. */
export type Choices = Readonly<Record<number, number | null>>;

export interface VillageRef {
  id: number;
  name: string;
}

/** The file's own name (no folder, no extension), cut to what a set name may hold; a generic name when nothing is left. */
export function defaultSetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').trim();
  // Cut by code points, so a name is never left ending in half a character.
  const cut = [...stem].slice(0, maxSetNameLength).join('').trim();
  return cut || '导入的村界';
}

/** Whether a picked file looks like a boundary file by its name: the Upload's `accept` does not stop a dropped file. */
export function isBoundaryFileName(fileName: string): boolean {
  return /\.(geo)?json$/i.test(fileName);
}

/** The preview's automatic matches, as the review table's starting choices. */
export function initialChoices(matches: readonly BoundaryMatchRow[]): Choices {
  return Object.fromEntries(matches.map((row) => [row.featureIndex, row.villageId]));
}

/** One assignment per feature for `maps.saveBoundarySet`; the index settles files with two features of one name. */
export function buildAssignments(matches: readonly BoundaryMatchRow[], choices: Choices): { featureIndex: number; featureName: string; villageId: number | null }[] {
  return matches.map((row) => ({ featureIndex: row.featureIndex, featureName: row.featureName, villageId: choiceOf(row, choices) }));
}

/** The village chosen for a row; a row the table never touched keeps the preview's match. */
export function choiceOf(row: Pick<BoundaryMatchRow, 'featureIndex' | 'villageId'>, choices: Choices): number | null {
  return row.featureIndex in choices ? (choices[row.featureIndex] ?? null) : row.villageId;
}

/** How many features are tied to a village, and how many are not, with the current choices. */
export function choiceCounts(matches: readonly BoundaryMatchRow[], choices: Choices): { matched: number; unmatched: number } {
  const matched = matches.filter((row) => choiceOf(row, choices) !== null).length;
  return { matched, unmatched: matches.length - matched };
}

/**
 * The villages no feature is given to with the current choices, in the villages' order. Until the village list
 * has loaded, the preview's own list (for its automatic matches) stands in.
 */
export function villagesLeftOut(
  villages: readonly VillageRef[] | undefined,
  matches: readonly BoundaryMatchRow[],
  choices: Choices,
  fromPreview: readonly VillageRef[],
): VillageRef[] {
  if (!villages) return [...fromPreview];
  const given = new Set(matches.map((row) => choiceOf(row, choices)).filter((id) => id !== null));
  return villages.filter((village) => !given.has(village.id));
}

export interface VillageOption {
  label: string;
  value: number;
}
export interface VillageOptionGroup {
  label: string;
  title: string;
  options: VillageOption[];
}

/**
 * A row's choices: the preview's suggestions first (for an unmatched feature, the likely villages), then
 * 不对应任何村, then every other village. Suggestions are not repeated in the full list.
 */
export function villageOptionsFor(row: Pick<BoundaryMatchRow, 'suggestions'>, villages: readonly VillageRef[]): (VillageOption | VillageOptionGroup)[] {
  const suggested = new Set(row.suggestions.map((village) => village.id));
  const none: VillageOption = { label: '不对应任何村', value: noVillage };
  const rest = villages.filter((village) => !suggested.has(village.id)).map((village) => ({ label: village.name, value: village.id }));
  if (suggested.size === 0) return [none, ...rest];
  return [
    { label: '建议', title: '建议', options: row.suggestions.map((village) => ({ label: village.name, value: village.id })) },
    { label: '其他', title: '其他', options: [none, ...rest] },
  ];
}

/** A problem as the error list shows it; the message usually names its feature already, else the name goes first. */
export function problemText(problem: Pick<BoundaryProblem, 'message' | 'featureName'>): string {
  const { message, featureName } = problem;
  return featureName && !message.includes(featureName) ? `「${featureName}」：${message}` : message;
}

/** A datum's short name for a table cell (the full label, with its sources, goes in a tooltip). */
export function datumShortLabel(datum: Datum): string {
  return datumLabels[datum].split('（')[0];
}

/**
 * The features drawn on the review map, shaped as the map helpers want them: each labelled with the village
 * chosen for it now, so the map follows the table.
 */
export function previewFeatures(matches: readonly BoundaryMatchRow[], choices: Choices, villages: readonly VillageRef[]): BoundaryFeatureRow[] {
  const names = new Map(villages.map((village) => [village.id, village.name]));
  for (const row of matches) if (row.villageId !== null && row.villageName !== null && !names.has(row.villageId)) names.set(row.villageId, row.villageName);
  return matches.map((row) => {
    const villageId = choiceOf(row, choices);
    return {
      id: null,
      villageId,
      villageName: villageId === null ? null : (names.get(villageId) ?? null),
      featureName: row.featureName,
      geometry: row.geometry,
      bbox: row.bbox,
    };
  });
}
