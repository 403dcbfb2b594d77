import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { minimumWindowSize } from './window-options';

/**
 * Remembers the window's size and position between runs in
 * `<userData>/window-state.json`. The file is untrusted on read (hand-edited,
 * from another machine, a display since unplugged): it is validated and the
 * window is pulled back onto a display that exists now.
 */

/** A screen rectangle in DIP, as Electron's `screen` reports it. */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is stored. x/y are optional: absent means "centre on the primary display". */
export interface WindowState {
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
  isMaximized: boolean;
}

/** File name inside userData. */
export const windowStateFileName = 'window-state.json';

/** Size used on first start, or when the stored state is unusable. */
export const defaultWindowState: WindowState = { width: 1280, height: 800, isMaximized: false };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

/**
 * The stored shape. Unknown keys are tolerated (older or newer versions of the
 * app), wrong types are not.
 *
 * @example windowStateSchema.safeParse({ width: 'wide', height: 800 }).success // false
 */
export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  isMaximized: z.boolean().default(false),
});

/** How much of the window must overlap a display's work area to count as visible. */
const minimumVisible = { width: 120, height: 60 };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Fits a stored state to the displays present now: the size is clamped between
 * the minimum window size and the largest work area; a position whose window
 * would show less than a title bar's worth on every display is dropped (the OS
 * centres the window instead).
 *
 * @example clampToDisplays({ x: 5000, y: 0, width: 1000, height: 700, isMaximized: false }, [{ x: 0, y: 0, width: 1920, height: 1040 }]) // { width: 1000, height: 700, isMaximized: false }
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return { ...defaultWindowState };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.max(Math.min(state.width, maxWidth), Math.min(minimumWindowSize.width, maxWidth));
  const height = Math.max(Math.min(state.height, maxHeight), Math.min(minimumWindowSize.height, maxHeight));
  const sized: WindowState = { width, height, isMaximized: state.isMaximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const bounds = { x: state.x, y: state.y, width, height };
  const visible = workAreas.some((area) => {
    const shared = overlap(bounds, area);
    // The top edge must be on the display too, or the title bar is unreachable.
    const topOnDisplay = bounds.y >= area.y && bounds.y < area.y + area.height;
    return shared.width >= minimumVisible.width && shared.height >= minimumVisible.height && topOnDisplay;
  });
  return visible ? { ...sized, x: state.x, y: state.y } : sized;
}

/**
 * Parses file contents (or anything) into a state, falling back to the
 * default for missing, corrupt or invalid data; never throws.
 *
 * @example parseWindowState('{"width":1000,"height":700}') // { width: 1000, height: 700, isMaximized: false }
 * @example parseWindowState('not json') // defaultWindowState
 */
export function parseWindowState(text: string | undefined): WindowState {
  if (text === undefined) return { ...defaultWindowState };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...defaultWindowState };
  }
  const parsed = windowStateSchema.safeParse(json);
  if (!parsed.success) return { ...defaultWindowState };
  const { x, y, width, height, isMaximized } = parsed.data;
  // A position is meaningful only as a pair.
  return x !== undefined && y !== undefined ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

/**
 * Reads, validates and clamps the stored state for the given displays.
 *
 * @example await loadWindowState(app.getPath('userData'), screen.getAllDisplays().map((d) => d.workArea))
 */
export async function loadWindowState(userDataDir: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  let text: string | undefined;
  try {
    text = await readFile(path.join(userDataDir, windowStateFileName), 'utf8');
  } catch {
    text = undefined;
  }
  return clampToDisplays(parseWindowState(text), workAreas);
}

/**
 * The file's text for a state: rounded to whole DIP (fractional bounds come
 * from scaled displays) and validated, so a bad state is never written.
 *
 * @example serializeWindowState({ x: 10.4, y: 20, width: 1000, height: 700, isMaximized: false }) // '{\n  "x": 10,\n …'
 */
export function serializeWindowState(state: WindowState): string {
  const rounded = {
    ...(state.x !== undefined && state.y !== undefined ? { x: Math.round(state.x), y: Math.round(state.y) } : {}),
    width: Math.round(state.width),
    height: Math.round(state.height),
    isMaximized: state.isMaximized,
  };
  return `${JSON.stringify(windowStateSchema.parse(rounded), null, 2)}\n`;
}

/**
 * Writes the state atomically (temp file + rename), so a crash mid-write leaves
 * the previous file, not half a JSON document.
 *
 * @example await saveWindowState(app.getPath('userData'), { ...window.getNormalBounds(), isMaximized: window.isMaximized() })
 */
export async function saveWindowState(userDataDir: string, state: WindowState): Promise<void> {
  const text = serializeWindowState(state);
  await mkdir(userDataDir, { recursive: true });
  const target = path.join(userDataDir, windowStateFileName);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, target);
}

/**
 * The same, synchronously: for the window's `close` event, after which the
 * process may exit before a promise would settle.
 *
 * @example window.on('close', () => saveWindowStateSync(userData, { ...window.getNormalBounds(), isMaximized: window.isMaximized() }))
 */
export function saveWindowStateSync(userDataDir: string, state: WindowState): void {
  const text = serializeWindowState(state);
  mkdirSync(userDataDir, { recursive: true });
  const target = path.join(userDataDir, windowStateFileName);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, target);
}
