/**
 * `npm run bench -- front-desk`: issue 4's front-desk targets, in the real
 * app in Chromium (system Chromium through Playwright), on the page's real,
 * on-disk IndexedDB:
 *
 * - a day switch with 40 provider columns, from the → key press to painted:
 *   median < 150 ms;
 * - opening the appointment dialog (N) until painted: median < 50 ms;
 * - the audit viewer scrolled through every entry at a steady rate:
 *   0 dropped frames (frames over 1.5× the display's frame interval).
 *
 * Each is measured on the big clinic (40 providers, 200,000 appointments,
 * 100,000 audit entries) and, as the same-run baseline, on a small one (40
 * providers, 200 appointments, 100 audit entries); the ratio big/small says
 * what the data's size costs. A MISS is printed, not thrown: benchmarks report.
 *
 * The renderer is a production build (`vite build` into a temp folder) served
 * by `vite preview` on TIMEDESK_BENCH_PORT (default: a free port); each clinic gets
 * its own temporary Chromium profile. TIMEDESK_BENCH_REPS (default 20) sets
 * the repetitions, TIMEDESK_BENCH_ONLY=small|big runs one clinic.
 * TIMEDESK_BENCH_AUDIT_ONLY=1 measures only the audit viewer and seeds 2,000
 * appointments instead of 200,000 (same 100,000 audit entries): a quicker
 * loop while working on the audit list. TIMEDESK_BENCH_TRACE_FILE=<path>
 * writes the audit scroll's Chrome trace (with JavaScript, layout, paint and
 * GC events) there for chrome://tracing or Perfetto, and prints its longest
 * tasks with what ran inside them.
 */
import type { Page } from 'playwright';
import { appointmentsOnDate, shiftDate } from './front-desk/clinic-plan';
import { openDeskProfile } from './front-desk/desk-profile';
import type { ClinicPlan } from './front-desk/clinic-plan';
import type { ScrollReport } from './front-desk/frame-probes';
import { traceMainThread } from './front-desk/main-thread-cpu';
import type { MainThreadTrace } from './front-desk/main-thread-cpu';
import type { DayExpectation } from './front-desk/in-page';
import { benchPort, inPageScript, serveRendererBuild } from './front-desk/renderer-server';
import type { RendererServer } from './front-desk/renderer-server';
import type { BenchAdmin, SeedReport } from './front-desk/seed-clinic';

const repetitions = Math.max(15, Number(process.env.TIMEDESK_BENCH_REPS ?? 20));
const warmups = 3;
/** Extra runs traced for main-thread CPU after the timed ones (tracing would skew the timed ones). */
const tracedRuns = 5;
/** Rows the audit list is scrolled by each frame: 100,000 entries in about half a minute at 60 Hz. */
const auditRowsPerFrame = 50;
const timeZone = 'America/New_York';
const admin: BenchAdmin = { displayName: 'Bench Admin', username: 'bench.admin', passphrase: 'correct horse battery' };
const targets = { daySwitchMs: 150, dialogMs: 50, droppedFrames: 0 };
const dayMs = 86_400_000;
/** A task longer than this leaves too little of a 16.7 ms frame for style, layout and paint. */
const longTaskMs = 12;
const auditOnly = process.env.TIMEDESK_BENCH_AUDIT_ONLY === '1';
const traceFile = process.env.TIMEDESK_BENCH_TRACE_FILE;

/** Today on the clinic's calendar, as the app works it out (the page runs in the clinic's zone too). */
function clinicToday(now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function plans(today: string): ClinicPlan[] {
  const perDay = 40 * 12;
  return [
    { label: 'small', providers: 40, appointments: 200, patients: 100, auditEntries: 100, firstDate: shiftDate(today, -2), days: 30, timeZone },
    { label: 'big', providers: 40, appointments: auditOnly ? 2_000 : 200_000, patients: 5_000, auditEntries: 100_000, firstDate: shiftDate(today, -200), days: Math.ceil(200_000 / perDay), timeZone },
  ];
}

function stats(samples: readonly number[]): { median: number; p95: number; worst: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { median: at(0.5), p95: at(0.95), worst: sorted.at(-1) as number };
}

interface ClinicFigures {
  plan: ClinicPlan;
  seed: SeedReport;
  daySwitch: number[];
  /** Main-thread CPU ms from key press to painted, traced runs. */
  daySwitchCpu: number[];
  /** The day's read alone (readDaySheet, no React), on dates not shown yet. */
  dayRead: number[];
  dialog: number[];
  dialogCpu: number[];
  /** From clicking "Audit log" until the chain status shows its verdict: the first opening, which verifies the whole log. */
  auditChainSeconds: number;
  /** The same, opened again: only the entries since the first opening's check (issue 11). */
  auditReopenSeconds: number;
  /** How many new entries that second opening checked (its status words). */
  auditReopenNewEntries: number;
  audit: ScrollReport;
  /** The main thread's tasks during the scroll (traced: top-level tasks only, light). */
  auditTrace: MainThreadTrace;
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /^(Sign in|Screen locked)$/ }).waitFor({ timeout: 120_000 });
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Passphrase').fill(admin.passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('day-title').waitFor({ timeout: 120_000 });
}

async function measureDaySwitch(page: Page, plan: ClinicPlan, today: string): Promise<{ samples: number[]; cpu: number[] }> {
  const expectation = (date: string): DayExpectation => ({ date, columns: plan.providers, appointments: appointmentsOnDate(plan, date) });
  await page.waitForFunction((expected) => window.timedeskBench.isDayShown(expected), expectation(today), { timeout: 120_000 });
  await page.evaluate(() => window.timedeskBench.settle(1_000));
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < warmups + repetitions + tracedRuns; index += 1) {
    const expected = expectation(shiftDate(today, index + 1));
    if (index === 0) console.log(`  day switch: each → shows ${expected.appointments} bookings in ${expected.columns} columns`);
    const switchDay = async () => {
      await page.evaluate((day) => {
        window.timedeskBench.blur();
        window.timedeskBench.armDaySwitch(day);
      }, expected);
      await page.keyboard.press('ArrowRight');
      return page.evaluate(() => window.timedeskBench.result());
    };
    if (index < warmups + repetitions) {
      const result = await switchDay();
      if (index >= warmups) samples.push(result.ms);
    } else {
      cpu.push((await traceMainThread(page, switchDay)).trace.cpuMs);
    }
    await page.evaluate(() => window.timedeskBench.settle(300));
  }
  return { samples, cpu };
}

async function measureDialog(page: Page): Promise<{ samples: number[]; cpu: number[] }> {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < warmups + repetitions + tracedRuns; index += 1) {
    const open = async () => {
      await page.evaluate(() => {
        window.timedeskBench.blur();
        window.timedeskBench.armDialog();
      });
      await page.keyboard.press('n');
      return page.evaluate(() => window.timedeskBench.result());
    };
    if (index < warmups + repetitions) {
      const result = await open();
      if (index === 0) console.log(`  dialog: ${result.shown}`);
      if (index >= warmups) samples.push(result.ms);
    } else {
      cpu.push((await traceMainThread(page, open)).trace.cpuMs);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
    await page.evaluate(() => window.timedeskBench.settle(300));
  }
  return { samples, cpu };
}

/** Clicks "Audit log" and waits for the chain's verdict; the seconds it took and what the status says the check covered. */
async function openAudit(page: Page): Promise<{ seconds: number; detail: string }> {
  const opened = performance.now();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="chain-status"]')?.getAttribute('data-state') !== 'checking', undefined, { timeout: 300_000 });
  const seconds = (performance.now() - opened) / 1000;
  const state = await page.getByTestId('chain-status').getAttribute('data-state');
  if (state !== 'ok') throw new Error(`the seeded audit chain did not verify (chain status ${state})`);
  return { seconds, detail: (await page.getByTestId('chain-detail').textContent()) ?? '' };
}

async function measureAudit(page: Page): Promise<{ chainSeconds: number; reopenSeconds: number; reopenNewEntries: number; scroll: ScrollReport; trace: MainThreadTrace }> {
  // First opening: nothing verified on this profile yet, so the whole log is (as "Verify the whole log" does).
  const first = await openAudit(page);
  if (!first.detail.startsWith('(checked the whole log')) throw new Error(`the first opening did not verify the whole log: "${first.detail}"`);
  // Away and back: the screen opens again and checks only the entries since the first check.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await page.getByTestId('day-title').waitFor();
  const again = await openAudit(page);
  const fresh = /^\(checked ([\d,]+) new entr|^\(no new entries/.exec(again.detail);
  if (!fresh) throw new Error(`opening again did not check only the new entries: "${again.detail}"`);
  await page.locator('.audit-scroller [role="row"][data-action]').first().waitFor();
  await page.evaluate(() => window.timedeskBench.settle(1_000));
  const { result: scroll, trace } = await traceMainThread(page, () => page.evaluate((rows) => window.timedeskBench.scrollAudit(rows), auditRowsPerFrame), traceFile ? { writeTo: traceFile } : {});
  return { chainSeconds: first.seconds, reopenSeconds: again.seconds, reopenNewEntries: Number((fresh[1] ?? '0').replace(/,/g, '')), scroll, trace };
}

async function measureClinic(plan: ClinicPlan, server: RendererServer, script: string, today: string): Promise<ClinicFigures> {
  const { context, close } = await openDeskProfile(plan.label, timeZone);
  try {
    await context.addInitScript({ content: script });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor({ timeout: 120_000 });
    const now = Date.now();
    const seed = await page.evaluate(([clinic, who, setupAt, auditUntil]) => window.timedeskBench.seed(clinic, who, setupAt, auditUntil), [plan, admin, now - 400 * dayMs, now - 60_000] as const);
    if (seed.appointments !== plan.appointments || seed.bookings !== plan.appointments || seed.resources !== plan.providers || seed.patients !== plan.patients || seed.auditEntries < plan.auditEntries) {
      throw new Error(`seeding wrote something else than planned: ${JSON.stringify(seed)}`);
    }
    const { seconds } = seed;
    console.log(
      `  seeded ${seed.appointments.toLocaleString('en-US')} appointments (+ bookings rows), ${seed.patients.toLocaleString('en-US')} patients, ${seed.auditEntries.toLocaleString('en-US')} audit entries: ` +
        `set-up ${seconds.setup.toFixed(1)} s, patients ${seconds.patients.toFixed(1)} s, appointments ${seconds.appointments.toFixed(1)} s, audit ${seconds.audit.toFixed(1)} s`,
    );
    await page.reload();
    await signIn(page);
    const daySwitch = auditOnly ? { samples: [], cpu: [] } : await measureDaySwitch(page, plan, today);
    const readDates = Array.from({ length: repetitions }, (_, index) => shiftDate(today, warmups + repetitions + tracedRuns + 2 + index));
    const dayRead = auditOnly ? [] : (await page.evaluate(([dates, zone]) => window.timedeskBench.timeDaySheet(dates, zone), [readDates, timeZone] as const)).slice(2);
    const dialog = auditOnly ? { samples: [], cpu: [] } : await measureDialog(page);
    const audit = await measureAudit(page);
    return { plan, seed, daySwitch: daySwitch.samples, daySwitchCpu: daySwitch.cpu, dayRead, dialog: dialog.samples, dialogCpu: dialog.cpu, auditChainSeconds: audit.chainSeconds, auditReopenSeconds: audit.reopenSeconds, auditReopenNewEntries: audit.reopenNewEntries, audit: audit.scroll, auditTrace: audit.trace };
  } finally {
    await close();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

function reportAudit(entry: ClinicFigures): void {
  const audit = entry.audit;
  const big = entry.plan.label === 'big';
  if (auditOnly) console.log(`\n${entry.plan.label} clinic (audit only): ${entry.plan.appointments.toLocaleString('en-US')} appointments, ${entry.seed.auditEntries.toLocaleString('en-US')} audit entries`);
  console.log(`  audit log opened the first time, whole chain verified in ${entry.auditChainSeconds.toFixed(1)} s`);
  console.log(
    `  audit log opened again, ${entry.auditReopenNewEntries.toLocaleString('en-US')} new entries verified from the kept head in ${entry.auditReopenSeconds.toFixed(2)} s ` +
      `(${(entry.auditChainSeconds / Math.max(0.001, entry.auditReopenSeconds)).toFixed(1)}x faster than the whole chain)`,
  );
  console.log(
    `  audit scroll (${auditRowsPerFrame} rows a frame, to row ${audit.lastRowIndex - 1}): ${audit.frames} frames in ${audit.seconds.toFixed(1)} s at a ${ms(audit.frameIntervalMs)} frame interval, ` +
      `${audit.droppedFrames} dropped (> ${ms(audit.frameIntervalMs * 1.5)}), worst frame ${ms(audit.worstFrameMs)}, ${audit.waitingFrames} frames waiting for rows` +
      `${big ? `  [target ${targets.droppedFrames} dropped: ${verdict(audit.droppedFrames <= targets.droppedFrames)}]` : ''}`,
  );
  const tasks = entry.auditTrace.taskCpuMs;
  console.log(
    `  audit scroll, main thread: ${(entry.auditTrace.cpuMs / 1000).toFixed(1)} s CPU in ${audit.seconds.toFixed(1)} s; ${tasks.filter((cpu) => cpu > audit.frameIntervalMs * 1.5).length} tasks over ${ms(audit.frameIntervalMs * 1.5)} of CPU, the longest ${ms(Math.max(0, ...tasks))} ` +
      `(a dropped frame with no such task waited for a core, not for the app); ${tasks.filter((cpu) => cpu > longTaskMs).length} over ${ms(longTaskMs)}`,
  );
}

function report(figures: ClinicFigures[]): void {
  const small = figures.find((entry) => entry.plan.label === 'small');
  for (const entry of figures) {
    if (auditOnly) {
      reportAudit(entry);
      continue;
    }
    const day = stats(entry.daySwitch);
    const dialog = stats(entry.dialog);
    const audit = entry.audit;
    const big = entry.plan.label === 'big';
    console.log(`\n${entry.plan.label} clinic: ${entry.plan.providers} providers, ${entry.plan.appointments.toLocaleString('en-US')} appointments, ${entry.seed.auditEntries.toLocaleString('en-US')} audit entries`);
    console.log(`  day switch (→ to painted, ${entry.daySwitch.length} runs): median ${ms(day.median)}, p95 ${ms(day.p95)}, worst ${ms(day.worst)}${big ? `  [target median < ${targets.daySwitchMs} ms: ${verdict(day.median < targets.daySwitchMs)}]` : ''}`);
    console.log(`  main-thread CPU per day switch, key to painted (${entry.daySwitchCpu.length} traced runs): median ${ms(stats(entry.daySwitchCpu).median)}, worst ${ms(stats(entry.daySwitchCpu).worst)}`);
    const read = stats(entry.dayRead);
    console.log(`  the day's read alone (readDaySheet, no React, ${entry.dayRead.length} runs): median ${ms(read.median)}, p95 ${ms(read.p95)}`);
    console.log(`  appointment dialog (N to painted, ${entry.dialog.length} runs): median ${ms(dialog.median)}, p95 ${ms(dialog.p95)}, worst ${ms(dialog.worst)}${big ? `  [target median < ${targets.dialogMs} ms: ${verdict(dialog.median < targets.dialogMs)}]` : ''}`);
    console.log(`  main-thread CPU per dialog opening (${entry.dialogCpu.length} traced runs): median ${ms(stats(entry.dialogCpu).median)}, worst ${ms(stats(entry.dialogCpu).worst)}`);
    reportAudit(entry);
    if (big && small) {
      const baseDay = stats(small.daySwitch);
      const baseDialog = stats(small.dialog);
      console.log(
        `  ratio big/small: day switch ${(day.median / baseDay.median).toFixed(2)}x (CPU ${(stats(entry.daySwitchCpu).median / stats(small.daySwitchCpu).median).toFixed(2)}x), dialog ${(dialog.median / baseDialog.median).toFixed(2)}x, ` +
          `dropped frames ${audit.droppedFrames} vs ${small.audit.droppedFrames}, worst frame ${(audit.worstFrameMs / Math.max(1, small.audit.worstFrameMs)).toFixed(2)}x`,
      );
    }
  }
}

/** Builds and serves the renderer, measures the small clinic (baseline) and the big one, prints figures, ratios and PASS/MISS. */
export async function run(): Promise<void> {
  const only = process.env.TIMEDESK_BENCH_ONLY;
  const today = clinicToday(Date.now());
  // A traced run keeps function names readable in the trace's stacks.
  const server = await serveRendererBuild(await benchPort(), traceFile ? { minify: false } : {});
  console.log(`front-desk: production renderer build (${server.buildSeconds.toFixed(1)} s) served by vite preview at ${server.url}; Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}, on-disk profile; ${repetitions} runs after ${warmups} warm-ups`);
  try {
    const script = await inPageScript();
    const figures: ClinicFigures[] = [];
    for (const plan of plans(today)) {
      if (only && only !== plan.label) continue;
      console.log(`\n${plan.label} clinic:`);
      figures.push(await measureClinic(plan, server, script, today));
    }
    report(figures);
  } finally {
    await server.close();
  }
}
