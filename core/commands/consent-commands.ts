import { contactConsentAnswerFields, idSchema, parseContactConsent } from '../model';
import type { ContactConsent } from '../model';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { fieldChanges } from './field-changes';

/**
 * Contact consent per patient (issue 16): what the desk last heard when it
 * asked whether the clinic may email or text them. Any signed-in staff member
 * records it; it is audited field by field (before/after) and synced as a
 * `contactConsent` record keyed by the patient, which the reminders read.
 */
export const consentCommands = {
  /**
   * Records the patient's answer as a whole — email and SMS allowed or not,
   * the preferred channel (one that is allowed), opted out of all messages
   * (with a reason) — under the signed-in staff member and now. The patient
   * must exist; a bad answer is refused naming the field, nothing stored.
   *
   * @example run('patient/set-consent', { patientId: 'p1', emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false }, session)
   */
  'patient/set-consent': defineCommand({
    args: contactConsentAnswerFields.extend({ patientId: idSchema }).strict(),
    async run(scope, args) {
      const { patientId, ...answer } = args;
      const patient = await scope.db.patients.get(patientId);
      if (!patient) return refuse('unknown-entity', 'patientId', `There is no patient "${patientId}".`);
      const before = await scope.db.contactConsents.get(patientId);
      // The record's rules (preferred channel allowed, an opt-out's reason) name the argument's own field.
      const after: ContactConsent = parseContactConsent({
        id: patientId,
        patientId,
        ...answer,
        recordedBy: scope.session.staffId,
        recordedAt: scope.at,
        version: (before?.version ?? 0) + 1,
        createdAt: before?.createdAt ?? scope.at,
        updatedAt: scope.at,
      });
      await scope.db.contactConsents.put(after);
      scope.audit({
        action: 'CONTACT_CONSENT_SET',
        entityType: 'contact-consent',
        entityId: patientId,
        patientId,
        changes: fieldChanges(before ?? null, after, ['id', 'patientId', 'version', 'createdAt', 'updatedAt']),
        reason: after.optOutReason ?? null,
      });
      return { ok: true, value: after, baseVersion: before?.version ?? null };
    },
  }),
};
