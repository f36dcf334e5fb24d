import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaryFile } from '../../../src/shared/domain/geo/geojson';
import { matchBoundaryNames, normalizeVillageName } from '../../../src/shared/domain/geo/matching';

const demoTownText = fs.readFileSync(new URL('../../../resources/maps/demo-town.geojson', import.meta.url), 'utf8');

// Villages named as the demo town names them (src/backend/features/demo takes them from this file).
const villages = ['东山村', '西岭村', '南塘村', '新围社区', '镇中社区', '工业园社区', '新村社区', '上围村', '下围村'].map((name, i) => ({
  id: i + 1,
  name,
}));
const byName = (name: string) => villages.find((v) => v.name === name);

describe('normalizeVillageName', () => {
  it.each([
    ['东山村', '东山'],
    ['东山', '东山'],
    ['东山村委会', '东山'],
    ['东山村民委员会', '东山'],
    ['工业园社区居委会', '工业园'],
    ['工业园社区居民委员会', '工业园'],
    ['工业园社区', '工业园'],
    [' 东 山 村 ', '东山'],
    ['东山村\u3000', '东山'],
    ['新村社区', '新村'],
    ['第１村', '第1'],
    ['ＡＢ工业区', 'AB工业区'],
    ['村', '村'],
    ['社区', '社区'],
  ])('%s → %s', (name, key) => {
    expect(normalizeVillageName(name)).toBe(key);
  });
});

describe('matchBoundaryNames', () => {
  it('pairs identical names first', () => {
    const result = matchBoundaryNames(['东山村', '西岭村'], villages);
    expect(result.matched).toEqual([
      { featureIndex: 0, featureName: '东山村', village: byName('东山村'), method: 'exact' },
      { featureIndex: 1, featureName: '西岭村', village: byName('西岭村'), method: 'exact' },
    ]);
    expect(result.unmatchedFeatures).toEqual([]);
    expect(result.villagesWithoutFeature.map((v) => v.name)).toEqual(['南塘村', '新围社区', '镇中社区', '工业园社区', '新村社区', '上围村', '下围村']);
  });

  it('pairs names that differ in suffix, spacing or width, marked for review', () => {
    const names = ['东山', '工业园社区居委会', ' 南塘村委会 ', '新围村', '镇中社区居民委员会'];
    const result = matchBoundaryNames(names, villages);
    expect(result.matched.map((m) => [m.featureName, m.village.name, m.method])).toEqual([
      ['东山', '东山村', 'normalized'],
      ['工业园社区居委会', '工业园社区', 'normalized'],
      ['南塘村委会', '南塘村', 'normalized'],
      // A 村 that has become a 社区 (村改居) under the old name.
      ['新围村', '新围社区', 'normalized'],
      ['镇中社区居民委员会', '镇中社区', 'normalized'],
    ]);
  });

  it('lists unmatched features with suggestions, and villages without a feature', () => {
    const result = matchBoundaryNames(['东山村', '西岭', '白沙村', '上围'], villages.slice(0, 3).concat(byName('上围村')!, byName('下围村')!));
    expect(result.matched.map((m) => m.featureName)).toEqual(['东山村', '西岭', '上围']);
    expect(result.unmatchedFeatures).toEqual([{ featureIndex: 2, featureName: '白沙村', reason: 'no-village', suggestions: [] }]);
    expect(result.villagesWithoutFeature.map((v) => v.name)).toEqual(['南塘村', '下围村']);
  });

  it('suggests villages whose names contain the feature’s, or the other way round', () => {
    const result = matchBoundaryNames(['南塘新区', '围'], villages);
    expect(result.unmatchedFeatures[0]).toMatchObject({ featureName: '南塘新区', reason: 'no-village' });
    expect(result.unmatchedFeatures[0].suggestions.map((v) => v.name)).toEqual(['南塘村']);
    expect(result.unmatchedFeatures[1].suggestions.map((v) => v.name)).toEqual(['新围社区', '上围村', '下围村']);
  });

  it('leaves duplicate feature names to the user instead of guessing', () => {
    const result = matchBoundaryNames(['东山村', '东山村', '西岭村'], villages);
    expect(result.matched.map((m) => m.featureName)).toEqual(['西岭村']);
    expect(result.unmatchedFeatures.map((u) => [u.featureIndex, u.reason, u.suggestions.map((v) => v.name)])).toEqual([
      [0, 'ambiguous', ['东山村']],
      [1, 'ambiguous', ['东山村']],
    ]);
    expect(result.villagesWithoutFeature.map((v) => v.name)).toContain('东山村');
  });

  it('leaves a normalised name shared by two villages to the user', () => {
    const both = [{ id: 'a', name: '新围村' }, { id: 'b', name: '新围社区' }];
    const result = matchBoundaryNames(['新围'], both);
    expect(result.matched).toEqual([]);
    expect(result.unmatchedFeatures).toEqual([{ featureIndex: 0, featureName: '新围', reason: 'ambiguous', suggestions: both }]);
    // …but an exact name still wins.
    expect(matchBoundaryNames(['新围村'], both).matched).toEqual([{ featureIndex: 0, featureName: '新围村', village: both[0], method: 'exact' }]);
  });

  it('never pairs a village twice', () => {
    const result = matchBoundaryNames(['东山村', '东山'], villages);
    expect(result.matched).toEqual([{ featureIndex: 0, featureName: '东山村', village: byName('东山村'), method: 'exact' }]);
    expect(result.unmatchedFeatures).toEqual([{ featureIndex: 1, featureName: '东山', reason: 'no-village', suggestions: [] }]);
  });

  it('matches the whole demo town file to the demo villages, and reports the ones a partial list lacks', () => {
    const parsed = parseBoundaryFile(demoTownText, { source: 'WGS84' });
    if (!parsed.ok) throw new Error('demo map did not parse');
    const names = parsed.features.map((f) => f.name);
    const all = names.map((name, i) => ({ id: i, name }));
    expect(matchBoundaryNames(names, all).matched.every((m) => m.method === 'exact' && m.village.name === m.featureName)).toBe(true);

    // The office's register lacks two villages and spells two others differently.
    const register = all
      .filter((v) => v.name !== '白沙村' && v.name !== '岭头村')
      .map((v) => (v.name === '东山村' ? { ...v, name: '东山' } : v.name === '工业园社区' ? { ...v, name: '工业园社区居委会' } : v));
    const result = matchBoundaryNames(names, register);
    expect(result.matched).toHaveLength(28);
    expect(result.matched.filter((m) => m.method === 'normalized').map((m) => [m.featureName, m.village.name])).toEqual([
      ['东山村', '东山'],
      ['工业园社区', '工业园社区居委会'],
    ]);
    expect(result.unmatchedFeatures.map((u) => u.featureName).sort()).toEqual(['岭头村', '白沙村'].sort());
    expect(result.villagesWithoutFeature).toEqual([]);
  });
});
