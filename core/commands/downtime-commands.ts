import { z } from 'zod';
import { downtimeDays, downtimePack, downtimeWordsSchema } from '../downtime';
import type { DowntimePack, DowntimeVisit } from '../downtime';
import { calendarRange, dayRange, nextDate } from '../queries';
import { instantToWallTime } from '../time';
import { automaticBackupActor } from './backup-commands';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { isManager, nobodySignedIn } from './session';

const localeSchema = z
  .string()
  .min(2)
  .max(35)
  .refine((tag) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
    } catch {
      return false;
    }
  }, 'Not a language tag this desk can write dates in.');

/**
 * The downtime pack puts the whole clinic's next week — every patient's
 * name and phone — into files outside the database, so making one is a
 * command that records who made it and when, like `calendar-file/export`.
 */
export const downtimeCommands = {
  /**
   * Makes the downtime pack (core/downtime) of the next seven days from
   * today in the clinic's zone: every provider's visits, read through
   * core/queries in the command's transaction, so the audit matches the
   * files. Managers and admins only — the same as a calendar export with
   * names, which discloses the same: the front desk prints the one day it
   * works from (`day-sheet/print`). Under `nobodySignedIn` it is the
   * refresh after the daily backup, and the audit names the automatic backup
   * as actor. One `DOWNTIME_PACK_WRITTEN` entry per patient on it (each
   * patient's access history shows it), or one for an empty week. Audited,
   * not synced.
   *
   * @example run('downtime/pack', { locale: 'en-GB', words }, manager) // { from: '2026-03-09', to: '2026-03-15', files: [...] }
   */
  'downtime/pack': defineCommand({
    args: z.object({ locale: localeSchema, words: downtimeWordsSchema }),
    sync: false,
    async run(scope, args) {
      const automatic = scope.session.staffId === nobodySignedIn.staffId;
      if (!automatic && !isManager(scope.session)) return refuse('not-permitted', 'session', 'Only a manager or admin can make the downtime pack.');
      const zone = scope.clinic.timeZone;
      const from = instantToWallTime(Date.parse(scope.at), zone).slice(0, 10);
      const resources = (await scope.db.resources.toArray()).filter((resource) => resource.kind === 'provider' && resource.active).sort((left, right) => left.name.localeCompare(right.name, args.locale));
      const range = { from: dayRange(from, zone).from, to: dayRange(nextDate(from, downtimeDays), zone).from };
      const items = resources.length === 0 ? [] : await calendarRange(scope.db, { resourceIds: resources.map((resource) => resource.id), ...range, includeCancelled: false });
      const visits: DowntimeVisit[] = items.map((item) => (item.kind === 'appointment' ? item.appointment : item.occurrence));
      const patientIds = [...new Set(visits.map((visit) => visit.patientId))].sort();
      const patients = new Map((await scope.db.patients.bulkGet(patientIds)).filter((patient) => patient !== undefined).map((patient) => [patient.id, patient]));
      const pack = downtimePack({ clinic: { name: scope.clinic.name, timeZone: zone }, from, resources, visits, patients, locale: args.locale, words: args.words, now: Date.parse(scope.at) });
      const record = {
        entityType: 'downtime-pack',
        entityId: `${pack.from}..${pack.to}`,
        changes: { files: { before: null, after: pack.files.length }, visits: { before: null, after: pack.visitCount } },
        ...(automatic ? { actor: automaticBackupActor } : {}),
      };
      if (pack.patientIds.length === 0) scope.audit({ action: 'DOWNTIME_PACK_WRITTEN', ...record });
      for (const patientId of pack.patientIds) scope.audit({ action: 'DOWNTIME_PACK_WRITTEN', ...record, patientId });
      const value: DowntimePack = pack;
      return { ok: true, value };
    },
  }),
};
