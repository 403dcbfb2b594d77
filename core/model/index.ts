export { idSchema, isId, newId } from './ids';
export type { Id } from './ids';
export { instantSchema, instantToMs, msToInstant } from './instant';
export type { Instant } from './instant';
export { wallTimeSchema, timeZoneSchema, calendarDateSchema, timeOfDaySchema, timeOfDayWindowSchema, minutesOfDay } from './calendar-fields';
export type { CalendarDate, TimeOfDay } from './calendar-fields';
export { parseWith, toValidationError, labelForPath, addCodedIssue } from './zod-to-validation';
export { resourceIdsSchema } from './resource-ids';
export { resourceSchema, resourceKinds, parseResource } from './resource';
export type { Resource, ResourceKind } from './resource';
export { availabilityRuleSchema, availabilityKinds, parseAvailabilityRule } from './availability';
export type { AvailabilityRule, AvailabilityKind } from './availability';
export {
  scheduleBlockSchema,
  scheduleBlockKinds,
  blockoutEnforcements,
  scheduleBlockLengthLimits,
  parseScheduleBlockShape,
} from './schedule-block';
export type { ScheduleBlock, ScheduleBlockKind, BlockoutEnforcement, BlockoutBlock, LeaveBlock } from './schedule-block';
export { closureSchema, parseClosure } from './closure';
export type { Closure } from './closure';
export { patientSchema, parsePatient } from './patient';
export type { Patient } from './patient';
export { staffMemberSchema, staffRoles, parseStaffMember } from './staff-member';
export type { StaffMember, StaffRole } from './staff-member';
export {
  appointmentStatuses,
  statusTransitions,
  statusChangeSchema,
  statusHistorySchema,
  allowedTransitions,
  canTransition,
  bookedHistory,
  currentStatus,
  transition,
  undoLastTransition,
} from './appointment-status';
export type { AppointmentStatus, StatusChange, StatusChangeContext } from './appointment-status';
export {
  appointmentSchema,
  appointmentInputSchema,
  durationMinutesSchema,
  durationLimits,
  parseAppointment,
  buildAppointment,
} from './appointment';
export type { Appointment, AppointmentInput, NewRecordContext } from './appointment';
export { seriesSchema, rruleSchema, seriesExceptionSchema, parseSeries, parseSeriesException } from './series';
export type { Series, SeriesException } from './series';
export { seriesOccurrenceSchema, occurrenceId, parseSeriesOccurrence } from './occurrence';
export type { SeriesOccurrence } from './occurrence';
export { validationResult } from './validation-result';
export type { ValidationResult } from './validation-result';
export { checkDateOfBirth, ageOn, plausibleAgeYears } from './date-of-birth';
export { textLimits } from './text-fields';
export { deskLanguages, deskLanguageSchema, languageOfLocale } from './desk-language';
export type { DeskLanguage } from './desk-language';
export { clinicLocales, clinicLocaleSchema, canonicalLocale } from './clinic-locale';
export type { ClinicLocale } from './clinic-locale';
export { waitlistPriorities, offeredSlotSchema, waitlistStateSchema, waitlistRequestSchema, waitlistEntrySchema, parseWaitlistRequest, parseWaitlistEntry } from './waitlist-entry';
export type { WaitlistPriority, WaitlistState, WaitlistRequest, WaitlistEntry } from './waitlist-entry';
export {
  confirmationStatuses,
  confirmationMethods,
  confirmationActorKinds,
  confirmationChangeSchema,
  visitConfirmationSchema,
  parseVisitConfirmation,
} from './visit-confirmation';
export type { ConfirmationStatus, ConfirmationMethod, ConfirmationChange, VisitConfirmation } from './visit-confirmation';
export { contactChannels, contactConsentAnswerFields, contactConsentAnswerSchema, contactConsentSchema, parseContactConsent, contactPermission } from './contact-consent';
export type { ContactChannel, ContactConsentAnswer, ContactConsent, ContactPermission } from './contact-consent';
