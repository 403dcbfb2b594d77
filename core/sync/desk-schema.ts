/**
 * The oldest desk data schema (core/db's Dexie version) a sync server
 * accepts. v4 replaced the weekday rules with schedule blocks: a desk still
 * on v3 would push rules the clinic no longer has and misread the blocks it
 * pulls, so the server refuses it with `desk-outdated` ("update this desk")
 * instead — on push (each mutation carries `schemaVersion`) and on pull (the
 * desk names its schema in the `schema` query parameter; a v3 desk sends
 * none). Nothing is lost: the refused desk keeps its outbox, and its Dexie
 * upgrade rewrites what is queued when it is updated.
 *
 * @example oldestSyncableDeskSchema // 4
 */
export const oldestSyncableDeskSchema = 4;
