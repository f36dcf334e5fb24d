/**
 * Pairs the features of an imported boundary file with the town's villages by name. Files name villages
 * loosely — “东山” for 东山村, “工业园社区居委会” for 工业园社区, full-width digits, stray spaces, or the old
 * 村 name of a village that has since become a 社区 — so an exact pass is followed by a normalised one, and
 * everything not paired one-to-one goes to a review step instead of being guessed.
 */

/** A village as the matcher needs it. */
export interface NamedVillage {
  id: string | number;
  name: string;
}

/** How a pair was found: `normalized` pairs are shown in the review step for a second look. */
export type MatchMethod = 'exact' | 'normalized';

export interface BoundaryMatch<V extends NamedVillage> {
  /** Index of the feature in the list given (the file's feature order). */
  featureIndex: number;
  featureName: string;
  village: V;
  method: MatchMethod;
}

/**
 * Why a feature was left unmatched. `no-village`: no village has the name. `ambiguous`: after
 * normalising, several villages or several features share the name, so the user must choose.
 */
export type UnmatchedReason = 'no-village' | 'ambiguous';

export interface UnmatchedFeature<V extends NamedVillage> {
  featureIndex: number;
  featureName: string;
  reason: UnmatchedReason;
  /** Villages still without a feature whose name looks related — offered first in the review step. */
  suggestions: V[];
}

export interface NameMatchResult<V extends NamedVillage> {
  matched: BoundaryMatch<V>[];
  unmatchedFeatures: UnmatchedFeature<V>[];
  /** Villages no feature was paired with, in the order given. */
  villagesWithoutFeature: V[];
}

// Names of the village committee itself, longest first so “社区居民委员会” is not cut at “委员会”.
const committeeSuffixes = ['村民委员会', '居民委员会', '村委会', '居委会', '委员会'];
// The unit itself. Only one is removed, so “新村社区” keeps its own 村 and becomes “新村”.
const unitSuffixes = ['社区', '村'];

/**
 * The name reduced to what identifies the village: Unicode NFKC (full-width letters, digits and brackets
 * become half-width), all whitespace removed, then one committee suffix (村委会, 居委会 …) and one unit
 * suffix (村 or 社区) stripped, each only if something is left. Both “东山” and “东山村委会” become “东山”.
 */
export function normalizeVillageName(name: string): string {
  let key = name.normalize('NFKC').replace(/\s+/gu, '');
  for (const suffix of committeeSuffixes) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  for (const suffix of unitSuffixes) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  return key;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Matches feature names to villages. Pass 1 pairs identical names (after trimming); pass 2 pairs what is
 * left by `normalizeVillageName`. A pair is only made when it is one-to-one within its pass: two features
 * both called “东山村”, or “新围村” and “新围社区” both present as villages, leave the names involved for
 * the user. Each village is paired at most once.
 */
export function matchBoundaryNames<V extends NamedVillage>(
  featureNames: readonly string[],
  villages: readonly V[],
): NameMatchResult<V> {
  const matched: BoundaryMatch<V>[] = [];
  const ambiguous = new Set<number>();
  const takenVillages = new Set<V>();
  let open = featureNames.map((name, featureIndex) => ({ featureIndex, name: name.trim() }));

  const pass = (method: MatchMethod, key: (name: string) => string) => {
    const freeVillages = villages.filter((village) => !takenVillages.has(village));
    const villagesByKey = groupBy(freeVillages, (village) => key(village.name.trim()));
    const featuresByKey = groupBy(open, (feature) => key(feature.name));
    const stillOpen: typeof open = [];
    for (const feature of open) {
      const k = key(feature.name);
      const candidates = villagesByKey.get(k) ?? [];
      const rivals = featuresByKey.get(k) ?? [];
      if (candidates.length === 1 && rivals.length === 1) {
        matched.push({ featureIndex: feature.featureIndex, featureName: feature.name, village: candidates[0], method });
        takenVillages.add(candidates[0]);
      } else {
        if (candidates.length > 0 && k !== '') ambiguous.add(feature.featureIndex);
        stillOpen.push(feature);
      }
    }
    open = stillOpen;
  };
  pass('exact', (name) => name);
  pass('normalized', normalizeVillageName);

  const villagesWithoutFeature = villages.filter((village) => !takenVillages.has(village));
  const unmatchedFeatures = open.map(({ featureIndex, name }): UnmatchedFeature<V> => {
    const key = normalizeVillageName(name);
    const suggestions =
      key === ''
        ? []
        : villagesWithoutFeature.filter((village) => {
            const villageKey = normalizeVillageName(village.name);
            return villageKey !== '' && (villageKey.includes(key) || key.includes(villageKey));
          });
    return { featureIndex, featureName: name, reason: ambiguous.has(featureIndex) ? 'ambiguous' : 'no-village', suggestions };
  });
  matched.sort((a, b) => a.featureIndex - b.featureIndex);
  return { matched, unmatchedFeatures, villagesWithoutFeature };
}
