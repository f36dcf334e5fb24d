import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, toWgs84 } from '../../../src/shared/domain/geo/datum';
import { type BoundaryParseResult, parseBoundaryFile } from '../../../src/shared/domain/geo/geojson';

// The demo town's village map, shipped with the app (fictional, ours): the “good file”.
const demoTownText = fs.readFileSync(new URL('../../../resources/maps/demo-town.geojson', import.meta.url), 'utf8');

/** A closed square ring, counter-clockwise, `size` degrees wide, in 东莞 by default. */
function square(lng = 113.6, lat = 22.8, size = 0.01): number[][] {
  // Rounded so that expected values can be written as literals (113.6 + 0.01 is 113.61000000000001).
  const far = (value: number) => Math.round((value + size) * 1e9) / 1e9;
  return [
    [lng, lat],
    [far(lng), lat],
    [far(lng), far(lat)],
    [lng, far(lat)],
    [lng, lat],
  ];
}

function feature(name: string | undefined, geometry: unknown, extra: Record<string, unknown> = {}) {
  return { type: 'Feature', properties: name === undefined ? {} : { name, ...extra }, geometry };
}

function polygon(...rings: unknown[][]) {
  return { type: 'Polygon', coordinates: rings };
}

function collection(...features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
}

function parseWgs(text: string, nameProperty?: string): BoundaryParseResult {
  return parseBoundaryFile(text, { source: 'WGS84', nameProperty });
}

function errorsOf(result: BoundaryParseResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

function okOf(result: BoundaryParseResult) {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.errors.map((e) => e.message).join(' / ')}`);
  return result;
}

describe('a good file', () => {
  it('reads the demo town: 30 villages, each a MultiPolygon with its box', () => {
    const result = okOf(parseWgs(demoTownText));
    expect(result.features).toHaveLength(30);
    expect(result.nameProperty).toBe('name');
    expect(result.properties).toEqual(expect.arrayContaining(['name', 'kind', 'code']));
    expect(result.properties[0]).toBe('name');
    expect(result.warnings).toEqual([]);
    expect(result.features.map((f) => f.name)).toContain('工业园社区');
    for (const { geometry, bbox } of result.features) {
      expect(geometry.type).toBe('MultiPolygon');
      for (const [lng, lat] of geometry.coordinates.flat(2)) {
        expect(lng).toBeGreaterThanOrEqual(bbox[0]);
        expect(lat).toBeGreaterThanOrEqual(bbox[1]);
        expect(lng).toBeLessThanOrEqual(bbox[2]);
        expect(lat).toBeLessThanOrEqual(bbox[3]);
      }
    }
  });

  it('normalises a Polygon to a MultiPolygon, keeps holes and drops altitude and repeated points', () => {
    const outer = square(113.6, 22.8, 0.1);
    const hole = square(113.62, 22.82, 0.02).reverse();
    const withAltitude = [[113.7, 22.9, 15], [113.71, 22.9, 15], [113.71, 22.9, 15], [113.71, 22.91, 15], [113.7, 22.9, 15]];
    const result = okOf(parseWgs(collection(feature('东山村', polygon(outer, hole)), feature('西岭村', polygon(withAltitude)))));
    const [east, west] = result.features;
    expect(east.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[outer, hole]] });
    expect(east.bbox).toEqual([113.6, 22.8, 113.7, 22.9]);
    expect(west.geometry.coordinates).toEqual([[[[113.7, 22.9], [113.71, 22.9], [113.71, 22.91], [113.7, 22.9]]]]);
  });

  it('keeps MultiPolygons as they are', () => {
    const parts = [[square(113.6, 22.8)], [square(113.65, 22.8)]];
    const result = okOf(parseWgs(collection(feature('南塘村', { type: 'MultiPolygon', coordinates: parts }))));
    expect(result.features[0].geometry.coordinates).toEqual(parts);
    expect(result.features[0].bbox).toEqual([113.6, 22.8, 113.66, 22.81]);
  });

  it('converts every coordinate from the stated datum to WGS84', () => {
    const ring = square(113.67, 22.82);
    const text = collection(feature('东山村', polygon(ring)));
    const fromGcj = okOf(parseBoundaryFile(text, { source: 'GCJ02' }));
    expect(fromGcj.features[0].geometry.coordinates[0][0]).toEqual(ring.map(([lng, lat]) => gcj02ToWgs84([lng, lat])));
    const fromBaidu = okOf(parseBoundaryFile(text, { source: 'BD09' }));
    const first = fromBaidu.features[0].geometry.coordinates[0][0][0];
    expect(first).toEqual(toWgs84([113.67, 22.82], 'BD09'));
    // The box is that of the converted coordinates, not of the file's.
    expect(fromGcj.features[0].bbox[0]).toBeCloseTo(Math.min(...fromGcj.features[0].geometry.coordinates[0][0].map((p) => p[0])), 12);
    expect(fromGcj.features[0].bbox[0]).toBeLessThan(113.67);
  });

  it('accepts a byte-order mark, as written by Windows tools', () => {
    expect(parseWgs(`\uFEFF${collection(feature('东山村', polygon(square())))}`).ok).toBe(true);
  });

  it('chooses the name property: name first, else a known one, else the most filled text property', () => {
    const file = collection(
      { type: 'Feature', properties: { XZQMC: '东山村', DM: '441900117001', BZ: '' }, geometry: polygon(square()) },
      { type: 'Feature', properties: { XZQMC: '西岭村', DM: '441900117002' }, geometry: polygon(square(113.7)) },
    );
    const result = okOf(parseWgs(file));
    expect(result.nameProperty).toBe('XZQMC');
    expect(result.properties).toEqual(['XZQMC', 'DM']);
    expect(okOf(parseWgs(file, 'DM')).features.map((f) => f.name)).toEqual(['441900117001', '441900117002']);
    const unusual = collection({ type: 'Feature', properties: { cunming: '东山村', id: 7 }, geometry: polygon(square()) });
    expect(okOf(parseWgs(unusual)).nameProperty).toBe('cunming');
  });
});

describe('broken JSON', () => {
  it('tells the line and column and shows the text there', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [,]\n}';
    const [error] = errorsOf(parseWgs(text));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^文件不是有效的 JSON：第 3 行第 \d+ 列有语法错误/);
    expect(error.message).toContain('"features": [,]');
  });

  it.each([
    ['a missing comma between features', '{"type": "FeatureCollection",\n"features": [\n{"type": "Feature"}\n{"type": "Feature"}]}', 4, 1],
    ['single quotes', "{'type': 'FeatureCollection'}", 1, 2],
    ['an unquoted key', '{\n  type: "FeatureCollection"\n}', 2, 3],
    ['a bad escape', '{"type": "Feature\\x"}', 1, 18],
    ['text after the end', '{"type": "FeatureCollection", "features": []}\nxyz', 2, 1],
    ['NaN as a number', '{"a": [NaN]}', 1, 8],
  ])('finds the place of %s', (_what, text, line, column) => {
    const [error] = errorsOf(parseWgs(text));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toContain(`第 ${line} 行第 ${column} 列有语法错误`);
  });

  it('says the file ends too early when it was cut off', () => {
    const text = collection(feature('东山村', polygon(square()))).slice(0, 100);
    const [error] = errorsOf(parseWgs(text));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toContain('意外结束');
    expect(error.message).toContain('没有下载或复制完整');
  });

  it('rejects an empty file', () => {
    expect(errorsOf(parseWgs('  \n'))[0]).toMatchObject({ code: 'empty-file', message: '文件是空的。' });
  });
});

describe('not a FeatureCollection', () => {
  it.each([
    ['a single Feature', JSON.stringify(feature('东山村', polygon(square()))), '“Feature”'],
    ['a bare geometry', JSON.stringify(polygon(square())), '“Polygon”'],
    ['an array', '[]', '数组'],
    ['a FeatureCollection without features', '{"type":"FeatureCollection"}', '缺少 features 数组'],
  ])('rejects %s', (_what, text, got) => {
    const [error] = errorsOf(parseWgs(text));
    expect(error.code).toBe('not-feature-collection');
    expect(error.message).toContain(got);
    expect(error.message).toContain('FeatureCollection');
  });

  it('rejects a collection without features', () => {
    expect(errorsOf(parseWgs('{"type":"FeatureCollection","features":[]}'))[0].code).toBe('no-features');
  });

  it('rejects members that are not Features', () => {
    const errors = errorsOf(parseWgs(collection(feature('东山村', polygon(square())), polygon(square()))));
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-feature', featureIndex: 1, message: '第 2 个要素不是 GeoJSON Feature（实际为 “Polygon”）' })]);
  });
});

describe('wrong geometry', () => {
  it('names the feature by number and name: “第 3 个要素（南塘村）是 Point …”', () => {
    const text = collection(
      feature('东山村', polygon(square())),
      feature('西岭村', polygon(square(113.7))),
      feature('南塘村', { type: 'Point', coordinates: [113.6, 22.8] }),
      feature('北坑村', { type: 'LineString', coordinates: square() }),
    );
    const errors = errorsOf(parseWgs(text));
    expect(errors.map((e) => e.message)).toEqual([
      '第 3 个要素（南塘村）是 Point，边界须为 Polygon 或 MultiPolygon',
      '第 4 个要素（北坑村）是 LineString，边界须为 Polygon 或 MultiPolygon',
    ]);
    expect(errors[0]).toMatchObject({ code: 'wrong-geometry-type', featureIndex: 2, featureName: '南塘村' });
  });

  it('reports a feature without geometry', () => {
    const errors = errorsOf(parseWgs(collection(feature('东山村', null))));
    expect(errors[0]).toMatchObject({ code: 'missing-geometry', featureIndex: 0 });
    expect(errors[0].message).toBe('第 1 个要素（东山村）没有几何图形（geometry 为空），边界须为 Polygon 或 MultiPolygon');
  });

  it('reports a GeometryCollection as a wrong type', () => {
    const errors = errorsOf(parseWgs(collection(feature('东山村', { type: 'GeometryCollection', geometries: [] }))));
    expect(errors[0].message).toBe('第 1 个要素（东山村）是 GeometryCollection，边界须为 Polygon 或 MultiPolygon');
  });
});

describe('coordinates', () => {
  it('reports coordinates that are not numbers, with where they are', () => {
    const ring = square();
    const broken = [...ring.slice(0, 2), ['113.61', '22.81'], ...ring.slice(3)];
    const errors = errorsOf(parseWgs(collection(feature('东山村', polygon(broken)))));
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('invalid-coordinates');
    expect(errors[0].message).toBe('第 1 个要素（东山村）的外环第 3 个点不是 [经度, 纬度] 数字对（实际为 ["113.61","22.81"]）');
  });

  it('reports missing coordinates', () => {
    const errors = errorsOf(parseWgs(collection(feature('东山村', { type: 'Polygon', coordinates: [] }))));
    expect(errors[0]).toMatchObject({ code: 'invalid-coordinates', message: '第 1 个要素（东山村）的 coordinates 缺失或为空（实际为 []）' });
  });

  it('reports longitude out of range, counting repeats in the same feature', () => {
    const ring = square(200, 22.8);
    const [error] = errorsOf(parseWgs(collection(feature('东山村', polygon(ring)))));
    expect(error.code).toBe('coordinate-out-of-range');
    expect(error.message).toBe(
      '第 1 个要素（东山村）的外环第 1 个点 [200, 22.8] 经度超出范围（经度须在 -180 至 180 之间，纬度须在 -90 至 90 之间）（该要素共 5 处）',
    );
    expect(error.position).toEqual([200, 22.8]);
  });

  it('suspects swapped latitude and longitude', () => {
    const swapped = square().map(([lng, lat]) => [lat, lng]);
    const [error] = errorsOf(parseWgs(collection(feature('东山村', polygon(swapped)))));
    expect(error.message).toContain('纬度超出范围');
    expect(error.message).toContain('经纬度顺序可能写反了');
  });

  it('recognises projected coordinates in metres', () => {
    const projected = square(38_500_000, 2_520_000, 1000);
    const [error] = errorsOf(parseWgs(collection(feature('东山村', polygon(projected)))));
    expect(error.message).toContain('经度和纬度都超出范围');
    expect(error.message).toContain('投影坐标');
  });

  it('warns, without refusing, when points lie outside China', () => {
    const result = okOf(parseWgs(collection(feature('东山村', polygon(square())), feature('海外村', polygon(square(10, 50))))));
    expect(result.features).toHaveLength(2);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'outside-china',
        featureIndex: 1,
        message: '第 2 个要素（海外村）有 5 个点在中国范围以外（如 [10, 50]），请确认坐标系和经纬度顺序',
      }),
    ]);
  });

  it('warns about a declared projected CRS', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [feature('东山村', polygon(square()))],
    });
    expect(okOf(parseWgs(text)).warnings[0]).toMatchObject({ code: 'unknown-crs' });
    const lngLat = text.replace('EPSG::3857', 'OGC:1.3:CRS84');
    expect(okOf(parseWgs(lngLat)).warnings).toEqual([]);
  });
});

describe('rings', () => {
  it('reports a ring that is not closed', () => {
    const open = square().slice(0, 4);
    const [error] = errorsOf(parseWgs(collection(feature('东山村', polygon(open)))));
    expect(error.code).toBe('ring-not-closed');
    expect(error.message).toBe('第 1 个要素（东山村）的外环没有闭合：首点 [113.6, 22.8] 与末点 [113.6, 22.81] 不同');
  });

  it('reports a ring with fewer than 4 positions', () => {
    const [error] = errorsOf(parseWgs(collection(feature('东山村', polygon([[113.6, 22.8], [113.7, 22.8], [113.6, 22.8]])))));
    expect(error).toMatchObject({ code: 'ring-too-short', message: '第 1 个要素（东山村）的外环只有 3 个点，闭合的环至少要 4 个点（首尾为同一点）' });
  });

  it('names the polygon and hole within a MultiPolygon', () => {
    const hole = [[113.61, 22.81], [113.62, 22.81], [113.61, 22.81]];
    const geometry = { type: 'MultiPolygon', coordinates: [[square()], [square(113.6, 22.8, 0.1), hole]] };
    const [error] = errorsOf(parseWgs(collection(feature('东山村', geometry))));
    expect(error.message).toBe('第 1 个要素（东山村）的第 2 个多边形的第 1 个内环（洞）只有 3 个点，闭合的环至少要 4 个点（首尾为同一点）');
  });

  it('reports a self-intersecting ring (a bow tie) and where it crosses', () => {
    const bowTie = [[113.6, 22.8], [113.62, 22.82], [113.62, 22.8], [113.6, 22.82], [113.6, 22.8]];
    const text = collection(feature('东山村', polygon(square())), feature('西岭村', polygon(bowTie)));
    const [error] = errorsOf(parseWgs(text));
    expect(error).toMatchObject({ code: 'self-intersection', featureIndex: 1, featureName: '西岭村' });
    expect(error.message).toBe('第 2 个要素（西岭村）的外环自相交，交点约在 [113.61, 22.81]');
    expect(error.position?.[0]).toBeCloseTo(113.61, 9);
    expect(error.position?.[1]).toBeCloseTo(22.81, 9);
  });

  it('accepts concave rings and holes that do not cross anything', () => {
    const concave = [[113.6, 22.8], [113.7, 22.8], [113.7, 22.9], [113.65, 22.85], [113.6, 22.9], [113.6, 22.8]];
    const hole = [[113.62, 22.81], [113.63, 22.81], [113.63, 22.82], [113.62, 22.82], [113.62, 22.81]];
    expect(parseWgs(collection(feature('东山村', polygon(concave, hole)))).ok).toBe(true);
  });
});

describe('names', () => {
  it('reports features without a name', () => {
    const text = collection(feature('东山村', polygon(square())), feature(undefined, polygon(square(113.7))), feature('  ', polygon(square(113.8))));
    const errors = errorsOf(parseWgs(text));
    expect(errors.map((e) => e.message)).toEqual(['第 2 个要素没有名称：属性“name”缺失或为空', '第 3 个要素没有名称：属性“name”缺失或为空']);
    expect(errors.every((e) => e.code === 'missing-name')).toBe(true);
  });

  it('says so once, listing the alternatives, when the chosen name property is nowhere', () => {
    const text = collection(feature('东山村', polygon(square()), { code: '441900117001' }));
    const result = parseWgs(text, 'XZQMC');
    const errors = errorsOf(result);
    expect(errors).toEqual([expect.objectContaining({ code: 'name-property-absent', message: '没有任何要素有名称属性“XZQMC”。文件中可选的属性有：name、code。' })]);
    expect(result.properties).toEqual(['name', 'code']);
  });

  it('asks for a name property when the file has no text properties at all', () => {
    const text = collection({ type: 'Feature', properties: null, geometry: polygon(square()) });
    expect(errorsOf(parseWgs(text))[0].code).toBe('name-property-absent');
  });

  it('warns about duplicate names', () => {
    const text = collection(feature('东山村', polygon(square())), feature('西岭村', polygon(square(113.7))), feature('东山村', polygon(square(113.8))));
    expect(okOf(parseWgs(text)).warnings).toEqual([
      expect.objectContaining({ code: 'duplicate-name', message: '第 1、3 个要素同名（东山村），匹配村（社区）时需人工确认。' }),
    ]);
  });
});

describe('many problems', () => {
  it('lists every feature’s problems, each kind once per feature', () => {
    const text = collection(
      feature('东山村', { type: 'Point', coordinates: [1, 2] }),
      feature(undefined, polygon(square(200))),
      feature('南塘村', polygon(square())),
    );
    const errors = errorsOf(parseWgs(text));
    expect(errors.map((e) => [e.featureIndex, e.code])).toEqual([
      [0, 'wrong-geometry-type'],
      [1, 'missing-name'],
      [1, 'coordinate-out-of-range'],
    ]);
  });

  it('stops listing after 100 and says how many more there are', () => {
    const features = Array.from({ length: 150 }, (_, i) => feature(`点${i}`, { type: 'Point', coordinates: [113.6, 22.8] }));
    const errors = errorsOf(parseWgs(collection(...features)));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toMatchObject({ code: 'too-many-problems', message: '另有 50 个问题未列出，请先修正以上问题后重新导入。' });
  });
});
