import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimumWindowSize } from './window-options';
import {
  clampToDisplays,
  defaultWindowState,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  saveWindowStateSync,
  serializeWindowState,
  windowStateFileName,
} from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const rightMonitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads a valid file', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"isMaximized":true}')).toEqual({ x: 10, y: 20, width: 1000, height: 700, isMaximized: true });
  });

  it.each([
    ['no file', undefined],
    ['not JSON', '{"width":'],
    ['wrong types', '{"width":"wide","height":700}'],
    ['a negative size', '{"width":-5,"height":700}'],
    ['huge numbers', '{"width":1e12,"height":700}'],
    ['fractional coordinates', '{"x":1.5,"y":2,"width":1000,"height":700}'],
    ['an array', '[1000,700]'],
    ['null', 'null'],
  ])('falls back to the default for %s', (_name, text) => {
    expect(parseWindowState(text)).toEqual(defaultWindowState);
  });

  it('drops a lone coordinate and ignores unknown keys', () => {
    expect(parseWindowState('{"x":10,"width":1000,"height":700,"zoom":3}')).toEqual({ width: 1000, height: 700, isMaximized: false });
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is on a display', () => {
    expect(clampToDisplays({ x: 1500, y: -100, width: 1200, height: 900, isMaximized: false }, [laptop, rightMonitor])).toEqual({
      x: 1500,
      y: -100,
      width: 1200,
      height: 900,
      isMaximized: false,
    });
  });

  it('drops the position when the monitor it was on is gone', () => {
    expect(clampToDisplays({ x: 1500, y: -100, width: 1200, height: 800, isMaximized: false }, [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('drops the position when only a sliver or no title bar would be visible', () => {
    expect(clampToDisplays({ x: 1400, y: 100, width: 1000, height: 700, isMaximized: false }, [laptop])).not.toHaveProperty('x');
    expect(clampToDisplays({ x: 100, y: -650, width: 1000, height: 700, isMaximized: false }, [laptop])).not.toHaveProperty('x');
  });

  it('shrinks a window larger than every display and grows one below the minimum', () => {
    expect(clampToDisplays({ width: 5000, height: 3000, isMaximized: false }, [laptop])).toEqual({ width: 1440, height: 860, isMaximized: false });
    expect(clampToDisplays({ width: 10, height: 10, isMaximized: true }, [laptop])).toEqual({ ...minimumWindowSize, isMaximized: true });
  });

  it('never exceeds a display smaller than the minimum size', () => {
    expect(clampToDisplays({ width: 1000, height: 700, isMaximized: false }, [{ x: 0, y: 0, width: 800, height: 480 }])).toEqual({ width: 800, height: 480, isMaximized: false });
  });

  it('uses the default when no display is reported', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 1000, height: 700, isMaximized: false }, [])).toEqual(defaultWindowState);
  });
});

describe('load and save', () => {
  let userData: string;
  beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'td-window-state-'));
  });
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  it('round-trips through the file in userData', async () => {
    await saveWindowState(userData, { x: 100, y: 80, width: 1000.4, height: 699.6, isMaximized: false });
    expect(JSON.parse(readFileSync(path.join(userData, windowStateFileName), 'utf8'))).toEqual({ x: 100, y: 80, width: 1000, height: 700, isMaximized: false });
    expect(await loadWindowState(userData, [laptop])).toEqual({ x: 100, y: 80, width: 1000, height: 700, isMaximized: false });
  });

  it('saves synchronously too, creating the folder', () => {
    const nested = path.join(userData, 'profile');
    saveWindowStateSync(nested, { width: 1100, height: 750, isMaximized: true });
    expect(readFileSync(path.join(nested, windowStateFileName), 'utf8')).toBe(serializeWindowState({ width: 1100, height: 750, isMaximized: true }));
  });

  it('loads the default from a corrupt file and clamps a stale one', async () => {
    writeFileSync(path.join(userData, windowStateFileName), '\u0000garbage');
    expect(await loadWindowState(userData, [laptop])).toEqual(defaultWindowState);
    writeFileSync(path.join(userData, windowStateFileName), JSON.stringify({ x: 4000, y: 0, width: 3000, height: 700, isMaximized: false }));
    expect(await loadWindowState(userData, [laptop])).toEqual({ width: 1440, height: 700, isMaximized: false });
  });

  it('refuses to write an invalid state', async () => {
    await expect(saveWindowState(userData, { width: Number.NaN, height: 700, isMaximized: false })).rejects.toThrow();
  });
});
