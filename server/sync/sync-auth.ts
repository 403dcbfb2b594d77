/**
 * Who is calling: the clinic and device a bearer token belongs to. Every sync
 * function takes it, and every storage call it makes is scoped by it.
 *
 * @example const auth: SyncAuth = { clinicId: 'c1', deviceId: 'desk-1' };
 */
export interface SyncAuth {
  clinicId: string;
  deviceId: string;
}

/** Epoch milliseconds now; injected so tests pin time. */
export type Clock = () => number;
