import { describe, expect, it } from 'vitest';
import type { MapLayers } from '../../../shared/api/maps';
import { buildPointSeries, layerOfSeries } from './layerSeries';

const layers: MapLayers = {
  enterprises: [
    [1, 113.5, 22.8, '甲厂', 10, '化工', 'red', true, '在产'],
    [2, 113.6, 22.9, '乙厂', 10, '化工', 'red', false, '停产'],
    [3, 113.7, 22.7, '丙厂', 20, '工贸-轻工', 'blue', false, '在产'],
  ],
  tanks: [
    [7, 113.5, 22.8, 'T-1', '一般化工企业储罐', '在用', '甲厂', 10],
    [8, 113.7, 22.7, 'T-2', '四闲场所储罐', '闲置', '某仓库', 20],
  ],
  idleSites: [[5, 113.55, 22.85, '某仓库', 20, '非法储存', '待处置']],
  works: [
    [11, 113.5, 22.8, 'BB-1', '动火', '甲厂', '作业中', false, 10],
    [12, 113.6, 22.9, 'BB-2', '吊装', '乙厂', '待审核', true, 10],
  ],
  hazards: [
    [21, 113.5, 22.8, 'YH-1', '重大', '整改中', true, '甲厂', 10, '储罐区无防火堤'],
    [22, 113.7, 22.7, 'YH-2', '一般', '待整改', false, '丙厂', 20, '灭火器过期'],
  ],
  unlocated: { enterprises: 0, tanks: 0, idleSites: 0, works: 0, hazards: 0 },
  today: '2026-12-02',
};

/** Series id → the record ids it draws (the third value indexes the layer's rows). */
function drawn(result: ReturnType<typeof buildPointSeries>, source: MapLayers = layers) {
  return Object.fromEntries(
    result.series
      .filter((series) => series.data.length > 0)
      .map((series) => [series.id, series.data.map(([, , index]) => source[layerOfSeries(series.id)!][index][0])]),
  );
}

describe('buildPointSeries', () => {
  it('splits enterprises by colour and key supervision, and draws only the visible layers', () => {
    const result = buildPointSeries(layers, ['enterprises', 'hazards'], {});
    expect(drawn(result)).toEqual({ 'enterprises:red:plain': [2], 'enterprises:red:key': [1], 'enterprises:blue:plain': [3], 'hazards:general': [22], 'hazards:major': [21] });
    expect(result.counts).toEqual({ enterprises: 3, tanks: 0, idleSites: 0, works: 0, hazards: 2 });
    // Key-supervised enterprises are drawn larger, under the same legend entry as their colour.
    const key = result.series.find((series) => series.id === 'enterprises:red:key')!;
    const plain = result.series.find((series) => series.id === 'enterprises:red:plain')!;
    expect(key.symbolSize).toBeGreaterThan(plain.symbolSize);
    expect(key.name).toBe(plain.name);
    expect(result.legend.filter((entry) => entry.name === key.name)).toHaveLength(1);
    const major = result.series.find((series) => series.id === 'hazards:major')!;
    expect(major.symbolSize).toBeGreaterThan(result.series.find((series) => series.id === 'hazards:general')!.symbolSize);
  });

  it('applies the village to every layer and industry, risk and status to enterprises only', () => {
    const all = ['enterprises', 'tanks', 'idleSites', 'works', 'hazards'] as const;
    expect(drawn(buildPointSeries(layers, all, { villageId: 20 }))).toEqual({
      'enterprises:blue:plain': [3],
      'tanks:四闲场所储罐': [8],
      idleSites: [5],
      'hazards:general': [22],
    });
    const filtered = buildPointSeries(layers, all, { industry: '化工', riskLevel: 'red', status: '停产' });
    expect(drawn(filtered)).toMatchObject({ 'enterprises:red:plain': [2], 'works:normal': [11], 'works:flagged': [12] });
    expect(filtered.counts).toEqual({ enterprises: 1, tanks: 2, idleSites: 1, works: 2, hazards: 2 });
  });

  it('switches to ECharts large mode only past the threshold', () => {
    const many: MapLayers = { ...layers, enterprises: Array.from({ length: 2500 }, (_, i) => [i + 1, 113.5, 22.8, `厂${i}`, 10, '化工', 'blue', false, '在产'] as MapLayers['enterprises'][number]) };
    const result = buildPointSeries(many, ['enterprises'], {});
    expect(result.series.find((series) => series.id === 'enterprises:blue:plain')!.large).toBe(true);
    expect(buildPointSeries(layers, ['enterprises'], {}).series.every((series) => !series.large)).toBe(true);
  });
});
