export {
  zoneFor,
  parseWallTime,
  daysInMonth,
  wallPartsToLocalMs,
  localMsToWallTime,
  localMsToInstant,
  wallTimeToInstant,
  instantToWallTime,
} from './wall-time';
export type { WallTime, WallTimeParts } from './wall-time';
