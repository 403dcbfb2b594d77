import { describe, expect, it } from 'vitest';
import type { AuditChainReport, VerifiedHead } from '../../core/audit';
import { clinicFormat } from '../i18n';
import { chainStatusWords } from './chain-status-words';
import type { ShownCheck } from './useChainStatus';

const format = clinicFormat('en-US', 'America/New_York');
// Tuesday 8 December 2026, 9:05 AM in New York.
const at = Date.parse('2026-12-08T14:05:00Z');
const head = (seq: number, fullVerifiedAt = '2026-12-01T15:30:00.000Z'): VerifiedHead => ({ deviceId: 'desk-1', seq, hash: 'a'.repeat(64), verifiedAt: '2026-12-07T20:00:00.000Z', fullVerifiedAt });
const ok = (count: number, headSeq: number): AuditChainReport => ({ ok: true, count, headSeq, headHash: 'b'.repeat(64), heads: [{ deviceId: 'desk-1', seq: headSeq, hash: 'b'.repeat(64), count }] });
const checked = (check: ShownCheck) => chainStatusWords({ status: 'checked', check, at }, format);

describe('chainStatusWords', () => {
  it('says what is being verified while it runs', () => {
    expect(chainStatusWords({ status: 'checking', wholeChain: false }, format)).toMatchObject({ tone: 'checking', verdict: 'Verifying…', detail: null });
    expect(chainStatusWords({ status: 'checking', wholeChain: true }, format).verdict).toBe('Verifying the whole log…');
  });

  it('after new entries only: up to which entry, how many were new, and when the whole log last verified', () => {
    const words = checked({ report: ok(12, 100_234), scope: 'new-entries', wholeChainBecause: null, previous: head(100_222), next: { ...head(100_234), verifiedAt: '2026-12-08T14:05:00.000Z' } });
    expect(words).toMatchObject({ tone: 'ok', verdict: 'Chain verified up to entry 100,234', cause: null, headHash: 'b'.repeat(64) });
    expect(words.detail).toMatch(/^\(checked 12 new entries at 9:05\sAM\)$/);
    expect(words.lastWhole).toMatch(/^Whole log last verified Dec 1, 2026, 10:30\sAM; older entries are checked again by “Verify the whole log”\.$/);
  });

  it('says so when nothing was new, and counts one entry as one', () => {
    expect(checked({ report: ok(0, 40), scope: 'new-entries', wholeChainBecause: null, previous: head(40), next: head(40) }).detail).toMatch(/^\(no new entries since the last check; checked at 9:05\sAM\)$/);
    expect(checked({ report: ok(1, 41), scope: 'new-entries', wholeChainBecause: null, previous: head(40), next: head(41) }).detail).toMatch(/^\(checked 1 new entry at/);
  });

  it('after the whole log: how many entries, and no separate "last verified" line', () => {
    const words = checked({ report: ok(5_001, 5_001), scope: 'whole-chain', wholeChainBecause: 'asked', previous: head(4_990), next: head(5_001, '2026-12-08T14:05:00.000Z') });
    expect(words).toMatchObject({ verdict: 'Chain verified up to entry 5,001', lastWhole: null });
    expect(words.detail).toMatch(/^\(checked the whole log, 5,001 entries, at 9:05\sAM\)$/);
    // The export's own verification has no verified head behind it: the same words.
    expect(checked({ report: ok(3, 3), scope: 'whole-chain', wholeChainBecause: 'asked', previous: null, next: null }).detail).toMatch(/^\(checked the whole log, 3 entries/);
  });

  it('an empty log has nothing to be verified up to', () => {
    expect(checked({ report: ok(0, 0), scope: 'whole-chain', wholeChainBecause: 'no-verified-head', previous: null, next: null })).toMatchObject({ tone: 'ok', verdict: 'Chain verified: no entries on this desk yet.', headHash: null });
  });

  it('names the first break as before, and why the whole log was checked when the verified entry changed or went', () => {
    const truncated: AuditChainReport = { ok: false, problem: 'truncated', index: 31, seq: 32, deviceId: 'desk-1', message: 'the log ends at seq 31 but the recorded head is seq 40: entries seq 32–40 were cut off.' };
    expect(checked({ report: truncated, scope: 'whole-chain', wholeChainBecause: 'verified-head-missing', previous: head(40), next: null })).toEqual({
      tone: 'broken',
      verdict: 'Chain broken at entry 32: the latest entries are missing.',
      detail: truncated.message,
      cause: 'Entry 40, verified earlier, is gone, so the whole log was verified.',
      lastWhole: null,
      headHash: null,
    });
    const edited: AuditChainReport = { ok: false, problem: 'edited', index: 39, seq: 40, deviceId: 'desk-1', message: 'entry seq 40 differs from the recorded head' };
    expect(checked({ report: edited, scope: 'whole-chain', wholeChainBecause: 'verified-head-changed', previous: head(40), next: null }).cause).toBe('Entry 40, verified earlier, has changed, so the whole log was verified.');
    expect(checked({ report: edited, scope: 'whole-chain', wholeChainBecause: 'new-entries-broken', previous: head(30), next: null })).toMatchObject({ verdict: 'Chain broken at entry 40: edited.', cause: null });
    expect(chainStatusWords({ status: 'failed', error: new Error('disk') }, format)).toMatchObject({ tone: 'broken', verdict: 'The audit chain could not be read.' });
  });
});
