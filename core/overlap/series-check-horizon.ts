/**
 * How far ahead a series is checked for conflicts from its first occurrence:
 * a year (366 days, so a yearly rule always has one occurrence inside). A
 * rule that runs longer is checked for its first year. The desk
 * (core/commands) and the sync server (server/sync) share this one value so
 * they refuse the same series.
 *
 * @example expandSeries(series, exceptions, { from: msToInstant(start), to: msToInstant(start + seriesCheckHorizonMs), includeCancelled: false })
 */
export const seriesCheckHorizonMs = 366 * 86_400_000;
