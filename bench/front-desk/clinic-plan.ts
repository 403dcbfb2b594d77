/**
 * The shape of a seeded benchmark clinic, as plain numbers: Node uses it to
 * know what each day should show, the page uses it to write the rows. Both
 * sides derive every id, date and slot from it, so nothing is shipped between
 * them but the plan itself.
 */

/** A clinic to seed: how many of everything, and which dates the bookings cover. */
export interface ClinicPlan {
  /** Shown in the figures ("big", "small"). */
  label: string;
  providers: number;
  appointments: number;
  patients: number;
  /** Audit entries added on top of the ones the set-up commands write, as one valid chain. */
  auditEntries: number;
  /** First date with bookings (clinic calendar). */
  firstDate: string;
  /** Bookings are spread evenly over this many consecutive dates from `firstDate`. */
  days: number;
  timeZone: string;
}

/** One planned booking. */
export interface PlannedAppointment {
  id: string;
  date: string;
  providerId: string;
  patientId: string;
  /** `YYYY-MM-DDTHH:mm` on the clinic's clock. */
  wallStart: string;
  durationMinutes: number;
}

/** Bookings start at 08:00 and follow each other every 45 minutes in a provider's column. */
const firstSlotMinute = 8 * 60;
const slotSpacing = 45;
const lengths = [30, 45, 15, 30] as const;

/**
 * `date` plus `days` calendar days (UTC arithmetic on a date has no DST).
 *
 * @example shiftDate('2026-11-30', 2) // '2026-12-02'
 */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Provider id `index` (0-based), zero-padded so names sort like numbers.
 *
 * @example providerId(7) // 'bench-provider-07'
 */
export function providerId(index: number): string {
  return `bench-provider-${String(index).padStart(2, '0')}`;
}

/**
 * Patient id `index` (0-based).
 *
 * @example patientId(42) // 'bench-patient-00042'
 */
export function patientId(index: number): string {
  return `bench-patient-${String(index).padStart(5, '0')}`;
}

/**
 * How many bookings the plan puts on the date `dayIndex` days after its
 * first date: the total spread as evenly as whole numbers allow (0 outside
 * the planned dates).
 *
 * @example appointmentsOnDay({ appointments: 200, days: 30, … }, 0) // 6
 */
export function appointmentsOnDay(plan: ClinicPlan, dayIndex: number): number {
  if (dayIndex < 0 || dayIndex >= plan.days) return 0;
  return Math.floor((plan.appointments * (dayIndex + 1)) / plan.days) - Math.floor((plan.appointments * dayIndex) / plan.days);
}

/**
 * How many bookings the plan puts on `date`.
 *
 * @example appointmentsOnDate(plan, plan.firstDate) === appointmentsOnDay(plan, 0) // true
 */
export function appointmentsOnDate(plan: ClinicPlan, date: string): number {
  return appointmentsOnDay(plan, Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${plan.firstDate}T00:00:00Z`)) / 86_400_000));
}

/**
 * Every planned booking, day by day: the k-th booking of a day goes to
 * provider k mod providers, in that provider's next 45-minute slot from
 * 08:00, so no two bookings of a provider overlap. Ids carry the date
 * (`a-2026-11-26-p07-s03`), which is how the page recognises a day's blocks.
 *
 * @example [...plannedAppointments(plan)].length === plan.appointments // true
 */
export function* plannedAppointments(plan: ClinicPlan): Generator<PlannedAppointment> {
  let serial = 0;
  for (let day = 0; day < plan.days; day += 1) {
    const date = shiftDate(plan.firstDate, day);
    const count = appointmentsOnDay(plan, day);
    for (let k = 0; k < count; k += 1) {
      const provider = k % plan.providers;
      const slot = Math.floor(k / plan.providers);
      const minute = firstSlotMinute + slot * slotSpacing;
      if (minute + slotSpacing > 24 * 60) throw new Error(`Plan "${plan.label}" puts more bookings on a day than ${plan.providers} providers can hold.`);
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      yield {
        id: `a-${date}-p${String(provider).padStart(2, '0')}-s${String(slot).padStart(2, '0')}`,
        date,
        providerId: providerId(provider),
        patientId: patientId((serial * 7919) % plan.patients),
        wallStart: `${date}T${time}`,
        durationMinutes: lengths[(provider + slot) % lengths.length] as number,
      };
      serial += 1;
    }
  }
}
