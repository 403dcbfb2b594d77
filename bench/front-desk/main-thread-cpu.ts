/**
 * The page's main-thread CPU time, from a Chrome trace (CDP `Tracing`,
 * category `toplevel`): each top-level task's thread time (`tdur`). On a
 * machine shared with other work, wall-clock figures include the time the
 * thread waited for a core; CPU time does not, so it tells the app's own
 * cost from the machine's load.
 */
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
  args?: { name?: string };
}

/**
 * Traces `action` and answers its result with the renderer main thread's
 * top-level tasks (nested tasks are counted once, in their parent).
 *
 * @example const { result, trace } = await traceMainThread(page, () => page.evaluate(() => window.timedeskBench.result()));
 */
export async function traceMainThread<T>(page: Page, action: () => Promise<T>): Promise<{ result: T; trace: MainThreadTrace }> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  // The protocol types the events as plain objects; these are the trace-event fields read below.
  session.on('Tracing.dataCollected', (data) => void events.push(...(data.value as unknown as TraceEvent[])));
  try {
    await session.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
    const result = await action();
    const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await complete;
    return { result, trace: mainThreadTasks(events) };
  } finally {
    await session.detach();
  }
}

function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTrace {
  const main = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks = events
    .filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && main.has(`${event.pid}:${event.tid}`))
    .sort((left, right) => left.ts - right.ts);
  const taskCpuMs: number[] = [];
  let openUntil = 0;
  for (const task of tasks) {
    if (task.ts < openUntil) continue; // nested in the previous top-level task
    openUntil = task.ts + (task.dur ?? 0);
    taskCpuMs.push((task.tdur ?? 0) / 1000);
  }
  return { taskCpuMs, cpuMs: taskCpuMs.reduce((sum, ms) => sum + ms, 0) };
}
