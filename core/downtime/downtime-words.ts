import { z } from 'zod';

const word = z.string().trim().min(1).max(200);

/**
 * The pack's words in the desk's language. Plain strings, so a command can
 * validate them like any argument: the renderer fills them from its
 * Messages (`text.downtime`), and core never imports the renderer.
 *
 * @example downtimeWordsSchema.parse({ daySheet: 'Day sheet', … })
 */
export const downtimeWordsSchema = z.object({
  /** The day files' title, before the date: "Day sheet". */
  daySheet: word,
  /** The phone list's title: "Patients' phone list". */
  phoneList: word,
  /** Said on the day file where a provider (or the whole day) has nothing booked. */
  noBookings: word,
  /** "Written" before the date and time the pack was made, so paper says how fresh it is. */
  written: word,
  date: word,
  time: word,
  end: word,
  provider: word,
  patient: word,
  phone: word,
  reason: word,
  visits: word,
});

/** The words; see {@link downtimeWordsSchema}. */
export type DowntimeWords = z.infer<typeof downtimeWordsSchema>;
