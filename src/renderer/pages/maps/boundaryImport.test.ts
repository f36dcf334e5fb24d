import { describe, expect, it } from 'vitest';
import type { BoundaryMatchRow } from '../../../shared/api/maps';
import {
  buildAssignments,
  choiceCounts,
  datumShortLabel,
  defaultSetName,
  initialChoices,
  isBoundaryFileName,
  noVillage,
  previewFeatures,
  problemText,
  villageOptionsFor,
  villagesLeftOut,
} from './boundaryImport';

const square = { type: 'MultiPolygon' as const, coordinates: [[[[113, 23], [113.1, 23], [113.1, 23.1], [113, 23]]]] };

function row(featureIndex: number, featureName: string, village: { id: number; name: string } | null, extra: Partial<BoundaryMatchRow> = {}): BoundaryMatchRow {
  return {
    featureIndex,
    featureName,
    villageId: village?.id ?? null,
    villageName: village?.name ?? null,
    method: village ? 'exact' : null,
    reason: village ? null : 'no-village',
    suggestions: [],
    geometry: square,
    bbox: [113, 23, 113.1, 23.1],
    ...extra,
  };
}

const villages = [
  { id: 1, name: '东山村' },
  { id: 2, name: '西岭村' },
  { id: 3, name: '南湖社区' },
];

describe('defaultSetName', () => {
  it('drops the folder and the extension', () => {
    expect(defaultSetName('C:\\数据\\某镇村界.geojson')).toBe('某镇村界');
    expect(defaultSetName('/home/a/town.v2.json')).toBe('town.v2');
  });

  it('cuts to 40 characters and falls back to a generic name', () => {
    expect([...defaultSetName(`${'村'.repeat(50)}.geojson`)]).toHaveLength(40);
    expect(defaultSetName('.geojson')).toBe('导入的村界');
    expect(defaultSetName('   .json')).toBe('导入的村界');
  });
});

describe('isBoundaryFileName', () => {
  it('accepts .geojson and .json in any case only', () => {
    expect(isBoundaryFileName('a.geojson')).toBe(true);
    expect(isBoundaryFileName('a.JSON')).toBe(true);
    expect(isBoundaryFileName('a.shp')).toBe(false);
    expect(isBoundaryFileName('geojson')).toBe(false);
  });
});

describe('choices and assignments', () => {
  const matches = [row(0, '东山', villages[0], { method: 'normalized' }), row(1, '无名地块', null), row(2, '东山', null)];

  it('starts from the preview and sends one assignment per feature, by index', () => {
    const choices = initialChoices(matches);
    expect(buildAssignments(matches, choices)).toEqual([
      { featureIndex: 0, featureName: '东山', villageId: 1 },
      { featureIndex: 1, featureName: '无名地块', villageId: null },
      { featureIndex: 2, featureName: '东山', villageId: null },
    ]);
    expect(choiceCounts(matches, choices)).toEqual({ matched: 1, unmatched: 2 });
  });

  it('follows the table: a feature can be unassigned, and a village given to two pieces', () => {
    const choices = { ...initialChoices(matches), 0: null, 1: 2, 2: 2 };
    expect(buildAssignments(matches, choices).map((a) => a.villageId)).toEqual([null, 2, 2]);
    expect(choiceCounts(matches, choices)).toEqual({ matched: 2, unmatched: 1 });
    expect(villagesLeftOut(villages, matches, choices, [])).toEqual([villages[0], villages[2]]);
  });

  it('uses the preview list of villages left out until the village list has loaded', () => {
    expect(villagesLeftOut(undefined, matches, initialChoices(matches), [villages[2]])).toEqual([villages[2]]);
  });

  it('labels the map by the village chosen now', () => {
    const features = previewFeatures(matches, { ...initialChoices(matches), 1: 3 }, villages);
    expect(features.map((f) => [f.villageId, f.villageName, f.featureName])).toEqual([
      [1, '东山村', '东山'],
      [3, '南湖社区', '无名地块'],
      [null, null, '东山'],
    ]);
  });
});

describe('villageOptionsFor', () => {
  it('offers 不对应任何村 then every village when there is nothing to suggest', () => {
    expect(villageOptionsFor({ suggestions: [] }, villages)).toEqual([
      { label: '不对应任何村', value: noVillage },
      { label: '东山村', value: 1 },
      { label: '西岭村', value: 2 },
      { label: '南湖社区', value: 3 },
    ]);
  });

  it('puts suggestions first and does not repeat them', () => {
    const options = villageOptionsFor({ suggestions: [villages[1]] }, villages);
    expect(options).toEqual([
      { label: '建议', title: '建议', options: [{ label: '西岭村', value: 2 }] },
      {
        label: '其他',
        title: '其他',
        options: [
          { label: '不对应任何村', value: noVillage },
          { label: '东山村', value: 1 },
          { label: '南湖社区', value: 3 },
        ],
      },
    ]);
  });
});

describe('problemText', () => {
  it('names the feature only when the message does not already', () => {
    expect(problemText({ message: '第 2 个要素（东山）外环不闭合。', featureName: '东山' })).toBe('第 2 个要素（东山）外环不闭合。');
    expect(problemText({ message: '坐标超出范围。', featureName: '西岭' })).toBe('「西岭」：坐标超出范围。');
    expect(problemText({ message: '文件是空的。' })).toBe('文件是空的。');
  });
});

describe('datumShortLabel', () => {
  it('keeps the name before the sources', () => {
    expect(datumShortLabel('GCJ02')).toBe('GCJ-02');
    expect(datumShortLabel('WGS84')).toBe('WGS84');
    expect(datumShortLabel('BD09')).toBe('BD-09');
  });
});
