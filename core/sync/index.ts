export { hlcSend, hlcReceive, hlcToString, hlcParse, HlcError, initialHlcState, maxClockDriftMs } from './hlc';
export type { HlcState, HlcTimestamp } from './hlc';
