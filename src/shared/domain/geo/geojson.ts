/**
 * Reading a boundary file (GeoJSON FeatureCollection of the town's villages) for import. Everything is
 * checked before anything is stored, and every problem is reported in words an office clerk can act on:
 * which feature (its number in the file and its name), what is wrong, and where. Coordinates are converted
 * from the datum the user states to WGS84, the only system the app stores.
 */
import { type Datum, type LngLat, outOfChina, toWgs84 } from './datum';
import type { BBox, MultiPolygonCoordinates } from './pointInPolygon';
import { findRingSelfIntersection } from './selfIntersection';

/** One village's boundary, ready to store: named, in WGS84, always a MultiPolygon. */
export interface BoundaryFeature {
  name: string;
  geometry: { type: 'MultiPolygon'; coordinates: MultiPolygonCoordinates };
  bbox: BBox;
}

export type BoundaryProblemCode =
  | 'empty-file'
  | 'invalid-json'
  | 'not-feature-collection'
  | 'no-features'
  | 'invalid-feature'
  | 'missing-geometry'
  | 'wrong-geometry-type'
  | 'invalid-coordinates'
  | 'coordinate-out-of-range'
  | 'ring-too-short'
  | 'ring-not-closed'
  | 'self-intersection'
  | 'missing-name'
  | 'name-property-absent'
  | 'outside-china'
  | 'duplicate-name'
  | 'unknown-crs'
  | 'too-many-problems';

/** One error or warning, with the feature it concerns (0-based index in the file, and name if known). */
export interface BoundaryProblem {
  code: BoundaryProblemCode;
  message: string;
  featureIndex?: number;
  featureName?: string;
  /** Where in the file's own coordinates, when the problem has a place (e.g. a self-intersection). */
  position?: LngLat;
}

export interface ParseBoundaryOptions {
  /** Property holding the village name; by default `name` or the likeliest candidate. */
  nameProperty?: string;
  /** The datum the file's coordinates are in; they are converted from it to WGS84. */
  source: Datum;
}

export type BoundaryParseResult =
  | {
      ok: true;
      features: BoundaryFeature[];
      /** Properties that hold text in at least one feature — the choices for “名称属性”, likeliest first. */
      properties: string[];
      /** The name property actually used. */
      nameProperty: string;
      warnings: BoundaryProblem[];
    }
  | {
      ok: false;
      errors: BoundaryProblem[];
      /** As on success, so the form can offer another name property when that was the problem. */
      properties: string[];
    };

// Beyond this many errors the rest of the list helps nobody; the count still tells how bad the file is.
const maxErrors = 100;
// Property names that usually hold a village's name, in order of preference when the user has not chosen.
const preferredNameProperties = ['name', 'NAME', 'Name', '名称', '村名', 'XZQMC', 'MC', 'CUNMC', 'JMC'];
// Declared CRSs that mean plain longitude/latitude (CGCS2000 differs from WGS84 by centimetres).
const geographicCrs = /CRS84|EPSG:*4326|EPSG:*4490|WGS\s*84|CGCS\s*2000/i;

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'object') {
    const type = (value as Record<string, Json>).type;
    return typeof type === 'string' ? `“${type}”` : '没有 type 的对象';
  }
  if (typeof value === 'string') return '字符串';
  if (typeof value === 'number') return '数字';
  return typeof value;
}

function formatPosition(position: readonly unknown[]): string {
  return `[${position.map((value) => (typeof value === 'number' ? String(value) : JSON.stringify(value))).join(', ')}]`;
}

function brief(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonSyntaxError {
  constructor(readonly offset: number) {}
}

const jsonNumber = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const jsonEscape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first syntax error in text that JSON.parse rejected. JSON.parse's message carries a
 * position in some V8 versions (“… at position 123”) but not in others (“Unexpected token ',', … is not
 * valid JSON”), so on failure the text is scanned again by this small recursive-descent checker.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const expect = (char: string) => {
    if (text[i] !== char) fail();
    i += 1;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        jsonEscape.lastIndex = i;
        if (!jsonEscape.test(text)) fail();
        i = jsonEscape.lastIndex;
      } else i += 1;
    }
    expect('"');
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[i] === ',') i += 1;
        else return expect('}');
      }
    }
    if (char === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i += 1;
        else return expect(']');
      }
    }
    if (char === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    jsonNumber.lastIndex = i;
    if (!jsonNumber.test(text)) fail();
    i = jsonNumber.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.offset;
    return -1; // nesting too deep for the stack: fall back to JSON.parse's own words
  }
}

function jsonError(text: string, error: unknown): BoundaryProblem {
  const detail = error instanceof Error ? error.message : String(error);
  const offset = jsonErrorOffset(text);
  if (offset < 0) return { code: 'invalid-json', message: `文件不是有效的 JSON。（${detail}）` };
  const { line, column } = lineAndColumn(text, offset);
  if (offset >= text.length) {
    return { code: 'invalid-json', message: `文件不是有效的 JSON：在第 ${line} 行第 ${column} 列意外结束，文件可能没有下载或复制完整。` };
  }
  const snippet = text.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
  return {
    code: 'invalid-json',
    message: `文件不是有效的 JSON：第 ${line} 行第 ${column} 列有语法错误，附近内容为“${snippet}”。（${detail}）`,
  };
}

/** Properties with a text value in some feature, most widely filled first, then in order of appearance. */
function candidateNameProperties(features: readonly Json[]): string[] {
  const counts = new Map<string, number>();
  for (const feature of features) {
    if (!isObject(feature) || !isObject(feature.properties)) continue;
    for (const [key, value] of Object.entries(feature.properties)) {
      const filled = typeof value === 'string' && value.trim() !== '' ? 1 : 0;
      if (typeof value === 'string') counts.set(key, (counts.get(key) ?? 0) + filled);
    }
  }
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => key);
}

function chooseNameProperty(candidates: readonly string[]): string | undefined {
  return preferredNameProperties.find((key) => candidates.includes(key)) ?? candidates[0];
}

function nameOf(feature: Json, nameProperty: string | undefined): string {
  if (nameProperty === undefined || !isObject(feature) || !isObject(feature.properties)) return '';
  const value = feature.properties[nameProperty];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** “第 3 个要素（东山村）” — 1-based, as a clerk counts, with the name when there is one. */
function featureLabel(index: number, name: string): string {
  return name ? `第 ${index + 1} 个要素（${name}）` : `第 ${index + 1} 个要素`;
}

/** “第 2 个多边形的外环” / “第 3 个内环” — the polygon is named only when there are several. */
function ringLabel(polygonIndex: number, polygonCount: number, ringIndex: number): string {
  const polygon = polygonCount > 1 ? `第 ${polygonIndex + 1} 个多边形的` : '';
  return polygon + (ringIndex === 0 ? '外环' : `第 ${ringIndex} 个内环（洞）`);
}

/** Why a longitude/latitude pair is out of range, with a hint at the usual cause. */
function rangeProblem(lng: number, lat: number): string | null {
  const lngBad = lng < -180 || lng > 180;
  const latBad = lat < -90 || lat > 90;
  if (!lngBad && !latBad) return null;
  const what = lngBad && latBad ? '经度和纬度都' : lngBad ? '经度' : '纬度';
  let hint = '';
  if (Math.abs(lng) > 1000 || Math.abs(lat) > 1000) hint = '，看起来是以米为单位的投影坐标，请先在 GIS 软件中转换为经纬度';
  else if (!outOfChina([lat, lng])) hint = '，经纬度顺序可能写反了（GeoJSON 要求先经度、后纬度）';
  return `${what}超出范围（经度须在 -180 至 180 之间，纬度须在 -90 至 90 之间）${hint}`;
}

/** Per-feature tally: the first occurrence of each kind of problem is described, the rest only counted. */
class FeatureTally {
  private readonly first = new Map<BoundaryProblemCode, BoundaryProblem>();
  private readonly counts = new Map<BoundaryProblemCode, number>();
  /** Every problem added, repeats included. */
  total = 0;

  constructor(
    private readonly index: number,
    private readonly name: string,
  ) {}

  add(code: BoundaryProblemCode, detail: string, position?: LngLat): void {
    this.total += 1;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.first.has(code)) return;
    const problem: BoundaryProblem = { code, message: `${featureLabel(this.index, this.name)}${detail}`, featureIndex: this.index };
    if (this.name) problem.featureName = this.name;
    if (position) problem.position = position;
    this.first.set(code, problem);
  }

  problems(): BoundaryProblem[] {
    return [...this.first.values()].map((problem) => {
      const count = this.counts.get(problem.code) ?? 1;
      return count > 1 ? { ...problem, message: `${problem.message}（该要素共 ${count} 处）` } : problem;
    });
  }
}

/** Drops repeated consecutive positions: harmless in a file, but zero-length edges confuse the checks. */
function withoutRepeats(ring: number[][]): number[][] {
  const out: number[][] = [];
  for (const position of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  return out;
}

/**
 * Checks one feature's geometry and returns its polygons (source datum, 2-D, repeats dropped) or null
 * when it has errors — which are added to the tally, together with outside-China counts for warnings.
 */
function checkGeometry(geometry: Record<string, Json>, tally: FeatureTally, warnings: FeatureTally): number[][][][] | null {
  const isPolygon = geometry.type === 'Polygon';
  const raw = geometry.coordinates;
  if (!Array.isArray(raw) || raw.length === 0) {
    tally.add('invalid-coordinates', `的 coordinates 缺失或为空（实际为 ${brief(raw)}）`);
    return null;
  }
  const polygonsRaw: Json[] = isPolygon ? [raw] : raw;
  const polygons: number[][][][] = [];
  let outside = 0;
  let firstOutside: number[] | undefined;
  const errorsBefore = tally.total;

  polygonsRaw.forEach((polygonRaw, p) => {
    if (!Array.isArray(polygonRaw) || polygonRaw.length === 0) {
      tally.add('invalid-coordinates', `的第 ${p + 1} 个多边形不是由环组成的数组（实际为 ${brief(polygonRaw)}）`);
      return;
    }
    const rings: number[][][] = [];
    polygonRaw.forEach((ringRaw, r) => {
      const where = ringLabel(p, polygonsRaw.length, r);
      if (!Array.isArray(ringRaw)) {
        tally.add('invalid-coordinates', `的${where}不是坐标数组（实际为 ${brief(ringRaw)}）`);
        return;
      }
      const ring: number[][] = [];
      let ringOk = true;
      ringRaw.forEach((position, k) => {
        if (!Array.isArray(position) || position.length < 2 || !position.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v))) {
          tally.add('invalid-coordinates', `的${where}第 ${k + 1} 个点不是 [经度, 纬度] 数字对（实际为 ${brief(position)}）`);
          ringOk = false;
          return;
        }
        const lng = position[0] as number;
        const lat = position[1] as number;
        const range = rangeProblem(lng, lat);
        if (range) {
          tally.add('coordinate-out-of-range', `的${where}第 ${k + 1} 个点 ${formatPosition([lng, lat])} ${range}`, [lng, lat]);
          ringOk = false;
          return;
        }
        if (outOfChina([lng, lat])) {
          outside += 1;
          firstOutside ??= [lng, lat];
        }
        ring.push([lng, lat]);
      });
      if (!ringOk) return;
      if (ring.length < 4) {
        tally.add('ring-too-short', `的${where}只有 ${ring.length} 个点，闭合的环至少要 4 个点（首尾为同一点）`);
        return;
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        tally.add('ring-not-closed', `的${where}没有闭合：首点 ${formatPosition(first)} 与末点 ${formatPosition(last)} 不同`, [last[0], last[1]]);
        return;
      }
      const clean = withoutRepeats(ring);
      if (clean.length < 4) {
        tally.add('ring-too-short', `的${where}去掉重复点后只剩 ${clean.length} 个点，围不成面`);
        return;
      }
      const crossing = findRingSelfIntersection(clean);
      if (crossing) {
        const at = crossing.point;
        tally.add('self-intersection', `的${where}自相交，交点约在 ${formatPosition(at.map((v) => Math.round(v * 1e6) / 1e6))}`, at);
        return;
      }
      rings.push(clean);
    });
    polygons.push(rings);
  });

  if (outside > 0 && firstOutside) {
    warnings.add('outside-china', `有 ${outside} 个点在中国范围以外（如 ${formatPosition(firstOutside)}），请确认坐标系和经纬度顺序`, [firstOutside[0], firstOutside[1]]);
  }
  return tally.total > errorsBefore ? null : polygons;
}

function toBoundaryFeature(name: string, polygons: number[][][][], source: Datum): BoundaryFeature {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const coordinates = polygons.map((rings) =>
    rings.map((ring) =>
      ring.map((position) => {
        const [lng, lat] = toWgs84([position[0], position[1]], source);
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
        return [lng, lat];
      }),
    ),
  );
  return { name, geometry: { type: 'MultiPolygon', coordinates }, bbox: [minLng, minLat, maxLng, maxLat] };
}

/**
 * Parses and validates a boundary file. On success every feature is a named MultiPolygon in WGS84 with its
 * box; on failure `errors` lists every problem found (up to 100), each naming the feature by its 1-based
 * number and name, e.g. “第 3 个要素（东山村）是 Point，边界须为 Polygon 或 MultiPolygon”. Points outside
 * China, duplicate names and an unexpected declared CRS are warnings: the file may still be right.
 */
export function parseBoundaryFile(text: string, options: ParseBoundaryOptions): BoundaryParseResult {
  // Files saved by Windows tools often start with a byte-order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, errors: [{ code: 'empty-file', message: '文件是空的。' }], properties: [] };

  let root: Json;
  try {
    root = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [jsonError(body, error)], properties: [] };
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const got = isObject(root) && root.type === 'FeatureCollection' ? '“FeatureCollection”但缺少 features 数组' : describeJsonType(root);
    return {
      ok: false,
      errors: [{ code: 'not-feature-collection', message: `文件不是 GeoJSON FeatureCollection（实际为 ${got}）。边界文件须是由各村（社区）Polygon 或 MultiPolygon 要素组成的 FeatureCollection。` }],
      properties: [],
    };
  }
  const rawFeatures: Json[] = root.features;
  const properties = candidateNameProperties(rawFeatures);
  if (rawFeatures.length === 0) {
    return { ok: false, errors: [{ code: 'no-features', message: '文件中没有任何要素（features 为空）。' }], properties };
  }

  const errors: BoundaryProblem[] = [];
  const warnings: BoundaryProblem[] = [];
  let nameProperty = options.nameProperty ?? chooseNameProperty(properties);
  if (nameProperty === undefined) {
    errors.push({ code: 'name-property-absent', message: '要素都没有可作名称的文字属性，请在文件中为每个要素加上村（社区）名称属性（如 name）。' });
  } else if (!rawFeatures.some((feature) => nameOf(feature, nameProperty) !== '')) {
    const choices = properties.length > 0 ? `文件中可选的属性有：${properties.join('、')}` : '文件中没有可作名称的文字属性';
    errors.push({ code: 'name-property-absent', message: `没有任何要素有名称属性“${nameProperty}”。${choices}。` });
    nameProperty = undefined;
  }

  const crs = isObject(root.crs) && isObject(root.crs.properties) ? root.crs.properties.name : undefined;
  if (typeof crs === 'string' && !geographicCrs.test(crs)) {
    warnings.push({ code: 'unknown-crs', message: `文件声明的坐标参考系为“${crs}”。本程序按经纬度读取坐标；若是以米为单位的投影坐标，请先转换为经纬度。` });
  }

  const features: BoundaryFeature[] = [];
  const indexesByName = new Map<string, number[]>();
  rawFeatures.forEach((feature, index) => {
    const name = nameOf(feature, nameProperty);
    const tally = new FeatureTally(index, name);
    const warningTally = new FeatureTally(index, name);
    if (!isObject(feature) || feature.type !== 'Feature') {
      tally.add('invalid-feature', `不是 GeoJSON Feature（实际为 ${describeJsonType(feature)}）`);
    } else {
      if (nameProperty !== undefined && name === '') {
        tally.add('missing-name', `没有名称：属性“${nameProperty}”缺失或为空`);
      }
      const geometry = feature.geometry;
      if (!isObject(geometry)) {
        tally.add('missing-geometry', '没有几何图形（geometry 为空），边界须为 Polygon 或 MultiPolygon');
      } else if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
        const type = typeof geometry.type === 'string' ? geometry.type : '未知类型';
        tally.add('wrong-geometry-type', `是 ${type}，边界须为 Polygon 或 MultiPolygon`);
      } else {
        const polygons = checkGeometry(geometry, tally, warningTally);
        if (polygons && tally.total === 0) features.push(toBoundaryFeature(name, polygons, options.source));
      }
    }
    errors.push(...tally.problems());
    warnings.push(...warningTally.problems());
    if (name) indexesByName.set(name, [...(indexesByName.get(name) ?? []), index]);
  });

  for (const [name, indexes] of indexesByName) {
    if (indexes.length < 2) continue;
    warnings.push({
      code: 'duplicate-name',
      message: `第 ${indexes.map((i) => i + 1).join('、')} 个要素同名（${name}），匹配村（社区）时需人工确认。`,
      featureIndex: indexes[0],
      featureName: name,
    });
  }

  if (errors.length > 0) {
    const shown = errors.slice(0, maxErrors);
    if (errors.length > maxErrors) {
      shown.push({ code: 'too-many-problems', message: `另有 ${errors.length - maxErrors} 个问题未列出，请先修正以上问题后重新导入。` });
    }
    return { ok: false, errors: shown, properties };
  }
  return { ok: true, features, properties, nameProperty: nameProperty as string, warnings };
}
