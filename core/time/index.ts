export {
  zoneFor,
  parseWallTime,
  daysInMonth,
  wallPartsToLocalMs,
  localMsToWallTime,
  localMsToInstant,
  wallTimeToInstant,
  instantToWallTime,
  instantToLocalMs,
} from './wall-time';
export { offsetMinutesAt } from './zone-offsets';
export { isoInstant, isoDate } from './iso-text';
export type { WallTime, WallTimeParts } from './wall-time';
