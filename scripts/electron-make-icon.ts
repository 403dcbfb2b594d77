/**
 * Draws the Timedesk app icon (a white clock on a blue rounded square) and
 * writes build/icon.png (512×512, used for Linux and macOS) and build/icon.ico
 * (16–256 px, Windows) — no image tools needed. `npx tsx scripts/electron-make-icon.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Brand blue of the icon tile (sRGB). */
export const iconBackground = [0x25, 0x63, 0xeb] as const;

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

/**
 * CRC-32 as PNG chunks use it.
 *
 * @example crc32(Buffer.from('IEND')) // 0xae426082
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes straight RGBA pixels (row-major, 4 bytes each) as a PNG.
 *
 * @example encodePng(1, 1, new Uint8Array([255, 0, 0, 255])).subarray(1, 4).toString() // 'PNG'
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distances in a 512-unit design space; negative is inside.
function roundedSquare(x: number, y: number, inset: number, radius: number): number {
  const half = 256 - inset;
  const qx = Math.abs(x - 256) - (half - radius);
  const qy = Math.abs(y - 256) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function capsule(x: number, y: number, ax: number, ay: number, bx: number, by: number, radius: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - radius;
}

/**
 * Renders the icon at `size`×`size` as straight RGBA: the tile, a clock ring
 * with hands at ten past ten, twelve hour ticks; edges anti-aliased by
 * distance to the shape (one pixel wide).
 *
 * @example renderIcon(16).length // 1024
 */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 512 / size;
  const coverage = (distance: number): number => Math.max(0, Math.min(1, 0.5 - distance / scale));
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const x = (column + 0.5) * scale;
      const y = (row + 0.5) * scale;
      const tile = coverage(roundedSquare(x, y, 24, 104));
      const centre = Math.hypot(x - 256, y - 256);
      let glyph = coverage(Math.abs(centre - 140) - 16); // ring
      for (let hour = 0; hour < 12; hour += 1) {
        const angle = (hour / 12) * Math.PI * 2;
        const [sin, cos] = [Math.sin(angle), Math.cos(angle)];
        const tick = capsule(x, y, 256 + sin * 96, 256 - cos * 96, 256 + sin * (hour % 3 === 0 ? 80 : 88), 256 - cos * (hour % 3 === 0 ? 80 : 88), 6);
        glyph = Math.max(glyph, coverage(tick));
      }
      glyph = Math.max(glyph, coverage(capsule(x, y, 256, 256, 256 - 52, 256 - 34, 14))); // hour hand (10)
      glyph = Math.max(glyph, coverage(capsule(x, y, 256, 256, 256 + 62, 256 - 70, 11))); // minute hand (2)
      glyph = Math.max(glyph, coverage(Math.hypot(x - 256, y - 256) - 20)); // hub
      const offset = (row * size + column) * 4;
      const white = glyph * tile;
      pixels[offset] = Math.round(iconBackground[0] * (1 - white) + 255 * white);
      pixels[offset + 1] = Math.round(iconBackground[1] * (1 - white) + 255 * white);
      pixels[offset + 2] = Math.round(iconBackground[2] * (1 - white) + 255 * white);
      pixels[offset + 3] = Math.round(255 * tile);
    }
  }
  return pixels;
}

/**
 * An .ico holding PNG-compressed images (Windows Vista and later read these).
 *
 * @example encodeIco([{ size: 16, png: encodePng(16, 16, renderIcon(16)) }]).readUInt16LE(4) // 1 image
 */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/**
 * Writes build/icon.png and build/icon.ico.
 *
 * @example writeIcons('build') // ['build/icon.png', 'build/icon.ico']
 */
export function writeIcons(outDir = path.join(repositoryRoot, 'build')): string[] {
  mkdirSync(outDir, { recursive: true });
  const pngPath = path.join(outDir, 'icon.png');
  const icoPath = path.join(outDir, 'icon.ico');
  writeFileSync(pngPath, encodePng(512, 512, renderIcon(512)));
  writeFileSync(icoPath, encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: encodePng(size, size, renderIcon(size)) }))));
  return [pngPath, icoPath];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of writeIcons()) console.log(`wrote ${path.relative(repositoryRoot, file)}`);
}
