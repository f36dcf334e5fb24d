import { describe, expect, it } from 'vitest';
import { roundCoordinate } from '../../../shared/domain/geo/datum';
import { locateInVillages, locationStatusText, parseLngLatText, pointOf, type VillageFeature } from './locationCheck';

function square(villageId: number | null, villageName: string | null, featureName: string, [x0, y0, x1, y1]: [number, number, number, number]): VillageFeature {
  return {
    villageId,
    villageName,
    featureName,
    geometry: { coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]] },
    bbox: [x0, y0, x1, y1],
  };
}

const features = [
  square(1, '东山村', '东山', [113.5, 22.8, 113.6, 22.9]),
  square(2, '西岭社区', '西岭', [113.4, 22.8, 113.5, 22.9]),
  square(null, null, '林场', [113.6, 22.8, 113.7, 22.9]),
];

describe('parseLngLatText', () => {
  it('reads longitude first, with an ASCII comma', () => {
    expect(parseLngLatText('113.55, 22.83')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('113.551234,22.831234')).toEqual([113.551234, 22.831234]);
  });

  it('tolerates a Chinese comma, spaces, tabs, semicolons and brackets', () => {
    expect(parseLngLatText('113.55，22.83')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('  113.55   22.83 ')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('113.55\t22.83')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('113.55 ， 22.83')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('113.55;22.83')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('[113.55, 22.83]')).toEqual([113.55, 22.83]);
    expect(parseLngLatText('（113.55，22.83）')).toEqual([113.55, 22.83]);
  });

  it('rejects anything but two plain numbers in range', () => {
    expect(parseLngLatText('')).toBeNull();
    expect(parseLngLatText('113.55')).toBeNull();
    expect(parseLngLatText('113.55, 22.83, 10')).toBeNull();
    expect(parseLngLatText('东经113.55, 北纬22.83')).toBeNull();
    expect(parseLngLatText('0x71, 22')).toBeNull();
    expect(parseLngLatText('Infinity, 22')).toBeNull();
    expect(parseLngLatText('113.55,,22.83')).toEqual([113.55, 22.83]);
    // Latitude first (as some sites copy it) puts 113 in the latitude: refused rather than misplaced.
    expect(parseLngLatText('22.83, 113.55')).toBeNull();
    expect(parseLngLatText('190, 22')).toBeNull();
  });
});

describe('roundCoordinate and pointOf', () => {
  it('rounds to 6 decimals', () => {
    expect(roundCoordinate(113.5512344999)).toBe(113.551234);
    expect(roundCoordinate(22.8312345001)).toBe(22.831235);
  });

  it('needs both numbers', () => {
    expect(pointOf(113.5, 22.8)).toEqual([113.5, 22.8]);
    expect(pointOf(113.5, null)).toBeNull();
    expect(pointOf(undefined, 22.8)).toBeNull();
    expect(pointOf(Number.NaN, 22.8)).toBeNull();
  });
});

describe('locateInVillages', () => {
  it('names the village holding the point', () => {
    const status = locateInVillages([113.55, 22.85], features);
    expect(status).toEqual({ kind: 'inside', villageName: '东山村' });
    expect(locationStatusText(status)).toEqual({ text: '位于：东山村', warning: false });
  });

  it('warns when no village holds the point', () => {
    const status = locateInVillages([113.0, 22.85], features);
    expect(status).toEqual({ kind: 'outside' });
    expect(locationStatusText(status)).toEqual({ text: '该位置不在任何村/社区范围内', warning: true });
  });

  it('warns when the point lies in another village than the record’s', () => {
    const status = locateInVillages([113.45, 22.85], features, { id: 1, name: '东山村' });
    expect(status).toEqual({ kind: 'otherVillage', villageName: '西岭社区', expectedName: '东山村' });
    expect(locationStatusText(status)).toEqual({ text: '该位置位于 西岭社区，与所属村/社区 东山村 不一致', warning: true });
  });

  it('compares by id for paired polygons, so a renamed village still matches', () => {
    expect(locateInVillages([113.55, 22.85], features, { id: 1, name: '东山社区' })).toEqual({ kind: 'inside', villageName: '东山村' });
  });

  it('compares by name for unpaired polygons', () => {
    expect(locateInVillages([113.65, 22.85], features, { id: 9, name: '林场' })).toEqual({ kind: 'inside', villageName: '林场' });
    expect(locateInVillages([113.65, 22.85], features, { id: 1, name: '东山村' })).toEqual({ kind: 'otherVillage', villageName: '林场', expectedName: '东山村' });
  });

  it('has nothing to disagree with when the record’s village is unknown', () => {
    expect(locateInVillages([113.45, 22.85], features, null)).toEqual({ kind: 'inside', villageName: '西岭社区' });
  });
});
