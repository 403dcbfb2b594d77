import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodeIco, encodePng, iconBackground, renderIcon } from './electron-make-icon';

/** Minimal PNG reader for our own files: checks every chunk CRC and returns RGBA rows. */
function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array; pixel(x: number, y: number): number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(rows[y * (width * 4 + 1)], 'filter type').toBe(0);
    rgba.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba, pixel: (x, y) => [...rows.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)] };
}

describe('app icon', () => {
  it('build/icon.png is the generator’s 512×512 output', () => {
    // Pixels, not bytes: another zlib may compress the same image differently.
    const image = decodePng(readFileSync('build/icon.png'));
    expect([image.width, image.height]).toEqual([512, 512]);
    expect(Buffer.from(image.rgba).equals(Buffer.from(renderIcon(512)))).toBe(true);
  });

  it('has transparent corners, a blue tile and a white clock', () => {
    const image = decodePng(readFileSync('build/icon.png'));
    expect(image.pixel(2, 2)[3]).toBe(0);
    expect(image.pixel(60, 256)).toEqual([...iconBackground, 255]);
    expect(image.pixel(256, 256)).toEqual([255, 255, 255, 255]); // hub
    expect(image.pixel(256 + 140, 256)).toEqual([255, 255, 255, 255]); // ring
  });

  it('build/icon.ico holds PNG images from 16 to 256 px', () => {
    const ico = readFileSync('build/icon.ico');
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 7]);
    const sizes = Array.from({ length: 7 }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const first = ico.readUInt32LE(6 + 12);
    expect(decodePng(ico.subarray(first, first + ico.readUInt32LE(6 + 8))).width).toBe(16);
    expect(encodeIco([{ size: 16, png: encodePng(16, 16, renderIcon(16)) }]).readUInt16LE(4)).toBe(1);
  });

  it('computes the PNG CRC-32', () => {
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });
});
