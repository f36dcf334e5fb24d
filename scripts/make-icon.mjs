#!/usr/bin/env node
/**
 * Draws the app icon (`resources/icons/icon.png`, 512×512 RGBA): an orange safety shield with a white check
 * mark, no text. Plain Node, no image library: shapes are sampled 4×4 per pixel and written as a PNG.
 *   node scripts/make-icon.mjs [output.png]
 * electron-builder turns the PNG into the Windows .ico and the Linux icon sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const size = 512;
const samples = 4;
const output = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'resources', 'icons', 'icon.png'));

const border = [196, 84, 8];
const fill = [245, 130, 32];
const highlight = [250, 160, 70];
const white = [255, 255, 255];

/** Shield outline in unit coordinates, shrunk by `inset`: straight sides, then a curve down to a point. */
function inShield(x, y, inset) {
  const top = 0.09 + inset;
  const shoulder = 0.52;
  const bottom = 0.93 - inset * 1.6;
  const half = 0.34 - inset;
  if (y < top || y > bottom) return false;
  const dx = Math.abs(x - 0.5);
  // Slightly domed top edge, lower toward the corners.
  if (y < top + 0.05 * (dx / half) ** 2) return false;
  if (y <= shoulder) return dx <= half;
  const t = (y - shoulder) / (bottom - shoulder);
  return dx <= half * (1 - t ** 1.7) ** 0.85;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

const check = [
  [0.34, 0.5],
  [0.46, 0.63],
  [0.67, 0.37],
];

/** Colour of one sample point, or null outside the icon. */
function colourAt(x, y) {
  if (!inShield(x, y, 0)) return null;
  if (!inShield(x, y, 0.03)) return border;
  const onCheck = segmentDistance(x, y, check[0], check[1]) < 0.042 || segmentDistance(x, y, check[1], check[2]) < 0.042;
  if (onCheck) return white;
  // Left half a little lighter, like light on a raised shield.
  return x < 0.5 ? highlight : fill;
}

const rowBytes = size * 4 + 1;
const raw = Buffer.alloc(rowBytes * size);
for (let py = 0; py < size; py++) {
  raw[py * rowBytes] = 0; // filter: none
  for (let px = 0; px < size; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let covered = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        covered++;
      }
    }
    const offset = py * rowBytes + 1 + px * 4;
    if (covered > 0) {
      raw[offset] = Math.round(r / covered);
      raw[offset + 1] = Math.round(g / covered);
      raw[offset + 2] = Math.round(b / covered);
      raw[offset + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, png);
console.log(`${path.relative(process.cwd(), output)}: ${size}×${size}, ${png.length} bytes`);
