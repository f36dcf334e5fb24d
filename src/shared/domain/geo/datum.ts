/**
 * Geodetic datums used by Chinese map sources, and conversion between them. The app stores WGS84 only
 * (a phone's GPS reading is WGS84); boundaries and coordinates copied from AMap/DataV (GCJ-02) or Baidu
 * (BD-09) are converted on import. Mixing them up shifts a point by ~500 m in 东莞 — across a village border.
 *
 * GCJ-02 is WGS84 plus a published-by-reverse-engineering polynomial/trigonometric offset on the Krasovsky
 * ellipsoid; BD-09 is a further rotation-and-scale of GCJ-02. The formulas below are the ones every open
 * converter uses (eviltransform, coordtransform), written out here so the app needs no dependency.
 */

/** A coordinate system a source file or a typed-in point may be in. */
export type Datum = 'WGS84' | 'GCJ02' | 'BD09';

/** The datums, in the order the import form offers them. */
export const datums: readonly Datum[] = ['WGS84', 'GCJ02', 'BD09'];

/** How the import form names each datum, with where the user is likely to have got such data. */
export const datumLabels: Record<Datum, string> = {
  WGS84: 'WGS84（GPS、天地图、国际通用）',
  GCJ02: 'GCJ-02（高德、腾讯、DataV）',
  BD09: 'BD-09（百度地图）',
};

/** A point in GeoJSON order: longitude first. */
export type LngLat = [lng: number, lat: number];

// Krasovsky 1940 semi-major axis and eccentricity squared: the ellipsoid the GCJ-02 offset is scaled on.
const krasovskyA = 6378245.0;
// Published as 0.00669342162296594323; written to the digits a double holds (the same value).
const krasovskyEe = 0.006693421622965943;
// BD-09's angular constant: π·3000/180.
const baiduXPi = (Math.PI * 3000.0) / 180.0;

/**
 * True outside the box in which the GCJ-02 offset is applied. This is the box eviltransform uses
 * (lng 72.004–137.8347, lat 0.8293–55.8271): coarse — it includes parts of neighbouring countries — but it
 * is what AMap-compatible converters agree on, so staying with it keeps our output identical to theirs.
 */
export function outOfChina([lng, lat]: LngLat): boolean {
  return !(lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271);
}

function offsetLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function offsetLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** The GCJ-02 offset (degrees) to add to a WGS84 point inside China. */
function gcjDelta(lng: number, lat: number): LngLat {
  const dLat = offsetLat(lng - 105.0, lat - 35.0);
  const dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - krasovskyEe * Math.sin(radLat) * Math.sin(radLat);
  const sqrtMagic = Math.sqrt(magic);
  return [
    (dLng * 180.0) / ((krasovskyA / sqrtMagic) * Math.cos(radLat) * Math.PI),
    (dLat * 180.0) / (((krasovskyA * (1 - krasovskyEe)) / (magic * sqrtMagic)) * Math.PI),
  ];
}

/** WGS84 → GCJ-02. Points outside China are returned unchanged, as GCJ-02 is only defined inside. */
export function wgs84ToGcj02(point: LngLat): LngLat {
  if (outOfChina(point)) return [point[0], point[1]];
  const [dLng, dLat] = gcjDelta(point[0], point[1]);
  return [point[0] + dLng, point[1] + dLat];
}

/**
 * GCJ-02 → WGS84 by fixed-point iteration. GCJ-02 has no closed-form inverse; the common one-step shortcut
 * (subtract the offset evaluated at the GCJ-02 point) is off by 1–2 m because the offset varies with
 * position. Here w₀ = g and wₖ₊₁ = wₖ − (wgs84ToGcj02(wₖ) − g): the offset changes by well under a metre
 * per hundred metres, so each step shrinks the error by a factor of several hundred (≈600 m → ≈1 m → ≈2 mm
 * …). We stop when the residual is below 1e-9° (≈0.1 mm) — three to five steps across China — with a cap
 * of 10. Round trips WGS84 → GCJ-02 → WGS84 land within a micrometre, far inside the 0.5 m required.
 */
export function gcj02ToWgs84(point: LngLat): LngLat {
  if (outOfChina(point)) return [point[0], point[1]];
  let lng = point[0];
  let lat = point[1];
  for (let step = 0; step < 10; step += 1) {
    const [gLng, gLat] = wgs84ToGcj02([lng, lat]);
    const errLng = gLng - point[0];
    const errLat = gLat - point[1];
    lng -= errLng;
    lat -= errLat;
    if (Math.abs(errLng) < 1e-9 && Math.abs(errLat) < 1e-9) break;
  }
  return [lng, lat];
}

/** GCJ-02 → BD-09 (Baidu's rotation and scale on top of GCJ-02). */
export function gcj02ToBd09([lng, lat]: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * baiduXPi);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * baiduXPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * BD-09 → GCJ-02 with the usual closed-form inverse. It is not exact (the perturbation terms are evaluated
 * at the BD-09 point) but is off by at most ≈0.2 m across China (≈3 cm in 东莞). Every converter ships it
 * unrefined, so keeping it makes our results match what users compare against.
 */
export function bd09ToGcj02([lng, lat]: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * baiduXPi);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * baiduXPi);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** Rounds to the 6 decimals the forms and imports store (≈0.1 m), so what is saved is what the inputs show. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Converts a point given in `from` to WGS84, the system the app stores. */
export function toWgs84(point: LngLat, from: Datum): LngLat {
  switch (from) {
    case 'WGS84':
      return [point[0], point[1]];
    case 'GCJ02':
      return gcj02ToWgs84(point);
    case 'BD09':
      return gcj02ToWgs84(bd09ToGcj02(point));
  }
}

/** Converts a stored WGS84 point to `to`, e.g. to compare with a coordinate read off AMap or Baidu. */
export function fromWgs84(point: LngLat, to: Datum): LngLat {
  switch (to) {
    case 'WGS84':
      return [point[0], point[1]];
    case 'GCJ02':
      return wgs84ToGcj02(point);
    case 'BD09':
      return gcj02ToBd09(wgs84ToGcj02(point));
  }
}

/** Mean Earth radius (IUGG), metres. */
const earthRadius = 6_371_008.8;

/** Great-circle (haversine) distance between two points in metres; good to ~0.5 % anywhere, plenty for checks. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLng = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
}
