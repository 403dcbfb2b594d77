/**
 * The page's main-thread CPU time, from a Chrome trace (CDP `Tracing`,
 * category `toplevel`): each top-level task's thread time (`tdur`). On a
 * machine shared with other work, wall-clock figures include the time the
 * thread waited for a core; CPU time does not, so it tells the app's own
 * cost from the machine's load.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright';

/** A traced stretch: the main thread's top-level tasks, CPU ms each, in order. */
export interface MainThreadTrace {
  taskCpuMs: number[];
  /** Sum of `taskCpuMs`. */
  cpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
}

/** Options of {@link traceMainThread}. */
export interface TraceOptions {
  /**
   * Also record JavaScript, layout, paint and GC events, write the whole
   * trace there (Chrome's JSON trace format) and print the longest tasks
   * with what ran inside them. Heavier: for finding causes, not for figures.
   */
  writeTo?: string;
}

/** Categories of a detailed trace: what DevTools' Performance panel records, without screenshots. */
const detailedCategories = 'toplevel,__metadata,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,disabled-by-default-v8.gc';

/**
 * Traces `action` and answers its result with the renderer main thread's
 * top-level tasks (nested tasks are counted once, in their parent).
 *
 * @example const { result, trace } = await traceMainThread(page, () => page.evaluate(() => window.timedeskBench.result()));
 */
export async function traceMainThread<T>(page: Page, action: () => Promise<T>, options: TraceOptions = {}): Promise<{ result: T; trace: MainThreadTrace }> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types the events as plain objects; these are the trace-event fields read below.
  session.on('Tracing.dataCollected', (data) => void events.push(...(data.value as unknown as TraceEvent[])));
  try {
    await session.send('Tracing.start', { categories: options.writeTo ? detailedCategories : 'toplevel,__metadata', transferMode: 'ReportEvents' });
    const result = await action();
    const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await complete;
    if (options.writeTo) {
      writeFileSync(options.writeTo, JSON.stringify({ traceEvents: events }));
      printLongTasks(events, 12);
    }
    return { result, trace: mainThreadTasks(events) };
  } finally {
    await session.detach();
  }
}

function mainThreadEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const main = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  return events.filter((event) => event.ph === 'X' && main.has(`${event.pid}:${event.tid}`)).sort((left, right) => left.ts - right.ts);
}

/**
 * Prints the main thread's tasks over `overMs` of CPU (longest first, at
 * most 15), each with the events inside it summed by name (a function call
 * named by its function and file), so a long task says what it was.
 */
function printLongTasks(events: readonly TraceEvent[], overMs: number): void {
  const main = mainThreadEvents(events);
  const tasks = main.filter((event) => event.name === 'ThreadControllerImpl::RunTask' && (event.tdur ?? 0) / 1000 > overMs);
  tasks.sort((left, right) => (right.tdur ?? 0) - (left.tdur ?? 0));
  console.log(`  traced: ${tasks.length} main-thread tasks over ${overMs} ms of CPU`);
  for (const task of tasks.slice(0, 15)) {
    const end = task.ts + (task.dur ?? 0);
    const inside = new Map<string, number>();
    for (const event of main) {
      if (event === task || event.ts < task.ts || event.ts >= end || event.name === 'ThreadControllerImpl::RunTask') continue;
      const data = event.args?.data;
      const label = data?.functionName !== undefined || data?.url ? `${event.name} ${data?.functionName || '(anonymous)'} ${(data?.url ?? '').split('/').at(-1)}:${data?.lineNumber ?? ''}` : data?.type ? `${event.name} ${data.type}` : event.name;
      inside.set(label, (inside.get(label) ?? 0) + (event.dur ?? 0) / 1000);
    }
    const top = [...inside].sort((left, right) => right[1] - left[1]).slice(0, 12);
    console.log(`  task at ${((task.ts - (main[0]?.ts ?? 0)) / 1e6).toFixed(2)} s: ${((task.tdur ?? 0) / 1000).toFixed(1)} ms CPU, ${((task.dur ?? 0) / 1000).toFixed(1)} ms wall`);
    for (const [label, ms] of top) console.log(`      ${ms.toFixed(1).padStart(6)} ms  ${label}`);
  }
}

function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTrace {
  const tasks = mainThreadEvents(events).filter((event) => event.name === 'ThreadControllerImpl::RunTask');
  const taskCpuMs: number[] = [];
  let openUntil = 0;
  for (const task of tasks) {
    if (task.ts < openUntil) continue; // nested in the previous top-level task
    openUntil = task.ts + (task.dur ?? 0);
    taskCpuMs.push((task.tdur ?? 0) / 1000);
  }
  return { taskCpuMs, cpuMs: taskCpuMs.reduce((sum, ms) => sum + ms, 0) };
}
