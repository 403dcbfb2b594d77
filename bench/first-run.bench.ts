/**
 * `npm run bench -- first-run`: issue 11's first-run target, in the real app
 * in Chromium (system Chromium through Playwright) on an on-disk profile:
 * loading the sample clinic (six providers, 300 patients, four weeks of
 * bookings with the past played out: some 2,500 commands) in under 5 s.
 *
 * - **The app:** first run's form filled in with *Load the sample clinic*,
 *   from the click on *Create clinic* until the sign-in screen shows (the
 *   passphrase hashing, the one transaction and React included).
 * - **The same plan in-page, one transaction** (core/auth `setUpFirstRun` +
 *   core/clinic-plan `loadClinicPlan` in core/commands' batch), without the UI.
 * - **Baseline, same run:** the per-command path — the same plan, each
 *   record its own command and transaction, as first run did before.
 *
 * The renderer is a production build served by `vite preview` on
 * TIMEDESK_BENCH_PORT (default: a free port). TIMEDESK_BENCH_REPS (default 3)
 * sets the repetitions of the first two; the slow baseline runs once
 * (TIMEDESK_BENCH_BASELINE_REPS); TIMEDESK_BENCH_ONLY=app|batch|per-command
 * runs one of them. A MISS is printed, not thrown.
 */
import { loadavg } from 'node:os';
import type { LoadReport } from './first-run/in-page';
import { openDeskProfile } from './front-desk/desk-profile';
import { benchPort, inPageScript, serveRendererBuild } from './front-desk/renderer-server';

const repetitions = Math.max(1, Number(process.env.TIMEDESK_BENCH_REPS ?? 3));
const baselineRepetitions = Math.max(1, Number(process.env.TIMEDESK_BENCH_BASELINE_REPS ?? 1));
const targetSeconds = 5;
/** `app`, `batch` or `per-command`: only that one (a quicker loop while working on it). */
const only = process.env.TIMEDESK_BENCH_ONLY;
const wanted = (which: string) => !only || only === which;
const timeZone = 'America/New_York';
const admin = { name: 'Bench Admin', username: 'bench.admin', passphrase: 'correct horse battery' };

const freshContext = () => openDeskProfile('first-run', timeZone);

/** The app's own first run with the sample clinic: click → sign-in screen, in seconds. */
async function firstRunInTheApp(url: string): Promise<number> {
  const { context, close } = await freshContext();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor({ timeout: 120_000 });
    await page.getByLabel('Clinic name').fill('Bench Clinic');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
    await page.getByLabel('Passphrase again').fill(admin.passphrase);
    await page.getByLabel('Load the sample clinic instead (to try Timedesk out)').check();
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Create clinic' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 600_000 });
    return ((await page.evaluate(() => performance.now())) - started) / 1000;
  } finally {
    await close();
  }
}

async function inPage(url: string, script: string, oneTransaction: boolean, run: number): Promise<LoadReport> {
  const { context, close } = await freshContext();
  try {
    await context.addInitScript({ content: script });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    return await page.evaluate(([name, now, one]) => window.timedeskFirstRunBench.load(name, now, one), [`bench-first-run-${run}`, Date.now(), oneTransaction] as const);
  } finally {
    await close();
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const seconds = (value: number) => `${value.toFixed(2)} s`;

/** Builds and serves the renderer, times the three ways, prints them beside each other with PASS/MISS. */
export async function run(): Promise<void> {
  const server = await serveRendererBuild(await benchPort());
  console.log(`first-run: production renderer build (${server.buildSeconds.toFixed(1)} s) at ${server.url}; Chromium, on-disk profile each run; load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (machine shared)`);
  try {
    const script = await inPageScript(new URL('./first-run/in-page.ts', import.meta.url));
    const app: number[] = [];
    for (let index = 0; index < repetitions && wanted('app'); index += 1) app.push(await firstRunInTheApp(server.url));
    const batch: LoadReport[] = [];
    for (let index = 0; index < repetitions && wanted('batch'); index += 1) batch.push(await inPage(server.url, script, true, index));
    const perCommand: LoadReport[] = [];
    for (let index = 0; index < baselineRepetitions && wanted('per-command'); index += 1) perCommand.push(await inPage(server.url, script, false, index));

    const sample = batch[0] ?? perCommand[0];
    const steps = sample?.steps ?? 0;
    const appointments = sample?.appointments ?? 0;
    const batchMedian = median(batch.map((report) => report.seconds));
    const baseMedian = median(perCommand.map((report) => report.seconds));
    console.log(`  sample clinic: ${steps.toLocaleString('en-US')} commands (${appointments.toLocaleString('en-US')} appointments, ${(batch[0]?.auditEntries ?? 0).toLocaleString('en-US')} audit entries)`);
    if (app.length > 0) console.log(`  the app, Create clinic → sign-in screen (${app.length} runs): median ${seconds(median(app))}, worst ${seconds(Math.max(...app))}  [target < ${targetSeconds} s: ${median(app) < targetSeconds ? 'PASS' : 'MISS'}]`);
    if (batch.length > 0) console.log(`  one transaction, in-page (${batch.length} runs): median ${seconds(batchMedian)} (${((batchMedian * 1000) / steps).toFixed(2)} ms per command)`);
    if (perCommand.length > 0) console.log(`  baseline, one transaction per command (${perCommand.length} run${perCommand.length > 1 ? 's' : ''}): median ${seconds(baseMedian)} (${((baseMedian * 1000) / steps).toFixed(2)} ms per command)`);
    if (batch.length > 0 && perCommand.length > 0) console.log(`  ratio per-command / one transaction: ${(baseMedian / batchMedian).toFixed(1)}x`);
    console.log(`  load average now ${loadavg()[0]?.toFixed(1)}`);
    if (perCommand.some((report) => report.appointments !== appointments)) throw new Error('the two paths stored different samples');
  } finally {
    await server.close();
  }
}
