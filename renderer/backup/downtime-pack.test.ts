import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../../core/commands/commands.fixture';
import { nobodySignedIn } from '../../core/commands';
import type { DowntimePackRequest, DowntimePackResult, TimedeskBridge } from '../../electron/bridge-contract';
import { makeDowntimePack } from './downtime-pack';

/** A shell that records what it was asked to write and answers `answer`. */
function fakeShell(answer: DowntimePackResult) {
  const requests: DowntimePackRequest[] = [];
  const bridge = { writeDowntimePack: async (request: DowntimePackRequest) => (requests.push(request), answer) } as unknown as TimedeskBridge;
  return { bridge, requests };
}

describe('makeDowntimePack (desktop)', () => {
  it('hands the pack, in the clinic’s locale and the desk’s words, to the shell and says where it went', async () => {
    const fixture = await clinicFixture(Date.UTC(2026, 2, 9, 13));
    await fixture.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-03-10T11:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const shell = fakeShell({ outcome: 'written', folder: '/media/usb/downtime', names: [], pdfProblem: null });
    expect(await makeDowntimePack({ db: fixture.db, commands: fixture.commands, bridge: shell.bridge }, manager)).toEqual({ outcome: 'written', folder: '/media/usb/downtime', pdfProblem: null });
    const [request] = shell.requests;
    expect(request!.files.map((file) => file.name)).toContain('2026-03-15-day-sheet.html');
    const tuesday = request!.files.find((file) => file.name === '2026-03-10-day-sheet.html')!.text;
    expect(tuesday).toContain('Alan Turing');
    expect(tuesday).toContain('Tuesday, March 10, 2026'); // the clinic's en-US
    expect(tuesday).not.toContain('No bookings');
    expect(request!.files.find((file) => file.name === '2026-03-09-day-sheet.html')!.text).toContain('<p>No bookings</p>');
  });

  it('says what the shell answered: no folder, a refusal; the front desk is refused by the command', async () => {
    const fixture = await clinicFixture(Date.UTC(2026, 2, 9, 13));
    expect(await makeDowntimePack({ db: fixture.db, commands: fixture.commands, bridge: fakeShell({ outcome: 'no-folder' }).bridge }, nobodySignedIn)).toEqual({ outcome: 'no-folder' });
    expect(await makeDowntimePack({ db: fixture.db, commands: fixture.commands, bridge: fakeShell({ outcome: 'failed', message: 'disk full' }).bridge }, manager)).toEqual({ outcome: 'failed', problem: 'disk full' });
    const shell = fakeShell({ outcome: 'no-folder' });
    expect(await makeDowntimePack({ db: fixture.db, commands: fixture.commands, bridge: shell.bridge }, frontDesk)).toMatchObject({ outcome: 'failed' });
    expect(shell.requests).toHaveLength(0);
  });
});
