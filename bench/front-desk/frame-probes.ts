/**
 * Runs in the benchmark page: timings taken with the page's own clock
 * (performance.now and event timestamps), so Playwright's round trips never
 * count. "Painted" means the DOM shows the result AND a frame has run after
 * it: requestAnimationFrame, then a MessageChannel message, which is
 * delivered after that frame's paint.
 */

/**
 * Resolves with performance.now() just after the next frame has been painted.
 *
 * @example const paintedAt = await afterNextPaint();
 */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** What a key press led to: ms from the keydown event's timestamp to painted. */
export interface KeyToPaint {
  ms: number;
  /** ms from the keydown until the DOM showed the result (the rest is style, layout, paint and the frame's wait). */
  domMs: number;
  /** What the page showed when it counted as done (for the figures' sanity). */
  shown: string;
}

/**
 * Arms a measurement: the next keydown's timestamp starts the clock; the
 * clock stops after the first paint following a DOM mutation for which
 * `done()` returns a description (a string). Call before pressing the key;
 * await the result after. Rejects after `timeoutMs`.
 *
 * @example const result = armKeyToPaint(() => (document.querySelector('dialog[open]') ? 'dialog' : null)); await page.keyboard.press('n'); await result;
 */
export function armKeyToPaint(done: () => string | null, timeoutMs = 30_000): Promise<KeyToPaint> {
  return new Promise((resolve, reject) => {
    let keyAt: number | undefined;
    let finished = false;
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      finished = true;
      observer.disconnect();
      reject(new Error(`not painted within ${timeoutMs} ms (key ${keyAt === undefined ? 'never pressed' : 'pressed'})`));
    }, timeoutMs);
    function check() {
      if (finished || keyAt === undefined) return;
      const shown = done();
      if (shown === null) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      const start = keyAt;
      const domMs = performance.now() - start;
      void afterNextPaint().then((paintedAt) => resolve({ ms: paintedAt - start, domMs, shown }));
    }
    // Capture on window: runs before the app's own listener, which may change the DOM synchronously.
    window.addEventListener(
      'keydown',
      (event) => {
        keyAt = event.timeStamp;
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        queueMicrotask(check);
      },
      { capture: true, once: true },
    );
  });
}

/**
 * Waits until the page has run `quietMs` without a long frame (> 50 ms
 * between animation frames), so a measurement does not start while the app
 * is still busy (a start-up audit check, a live query settling). Returns the
 * ms it waited.
 *
 * @example await settle(1000);
 */
export function settle(quietMs: number, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let quietSince = started;
    let last = started;
    function frame(now: number) {
      if (now - last > 50) quietSince = now;
      last = now;
      if (now - quietSince >= quietMs) return resolve(now - started);
      if (now - started > timeoutMs) return reject(new Error(`page never went quiet for ${quietMs} ms within ${timeoutMs} ms`));
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  });
}

/** The display's frame interval: the median of `frames` idle requestAnimationFrame deltas. */
export function frameInterval(frames = 60): Promise<number> {
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let last: number | undefined;
    function frame(now: number) {
      if (last !== undefined) deltas.push(now - last);
      last = now;
      if (deltas.length < frames) return requestAnimationFrame(frame);
      deltas.sort((left, right) => left - right);
      resolve(deltas[Math.floor(deltas.length / 2)] as number);
    }
    requestAnimationFrame(frame);
  });
}

/** A scroll through a list, frame by frame. */
export interface ScrollReport {
  frameIntervalMs: number;
  frames: number;
  /** Frames that took over 1.5× the frame interval. */
  droppedFrames: number;
  worstFrameMs: number;
  seconds: number;
  /** Frames in which the steady target was past the rows loaded so far (the list was still reading). */
  waitingFrames: number;
  /** `aria-rowindex` of the last row in the DOM at the end (header is 1, so entries + 1 when all were reached). */
  lastRowIndex: number;
}

/**
 * Scrolls `scroller` from the top to the very bottom at a steady
 * `pxPerFrame`, one step per animation frame, recording each frame's
 * duration (requestAnimationFrame deltas). A list that reads more rows as it
 * nears its end keeps growing; the scroll goes on until the bottom is reached
 * and `stillLoading()` is false.
 *
 * @example await scrollToBottom(document.querySelector('.audit-scroller')!, 1440, () => document.querySelector('.audit-more') !== null);
 */
export async function scrollToBottom(scroller: HTMLElement, pxPerFrame: number, stillLoading: () => boolean, lastRowIndex: () => number, timeoutMs = 300_000): Promise<ScrollReport> {
  const interval = await frameInterval();
  scroller.scrollTop = 0;
  await afterNextPaint();
  return new Promise((resolve, reject) => {
    const deltas: number[] = [];
    let waitingFrames = 0;
    let target = 0;
    let last: number | undefined;
    const started = performance.now();
    function frame(now: number) {
      if (last !== undefined) deltas.push(now - last);
      last = now;
      const bottom = scroller.scrollHeight - scroller.clientHeight;
      if (scroller.scrollTop >= bottom - 1 && !stillLoading()) {
        const dropped = deltas.filter((delta) => delta > interval * 1.5);
        resolve({
          frameIntervalMs: interval,
          frames: deltas.length,
          droppedFrames: dropped.length,
          worstFrameMs: Math.max(0, ...deltas),
          seconds: (now - started) / 1000,
          waitingFrames,
          lastRowIndex: lastRowIndex(),
        });
        return;
      }
      if (now - started > timeoutMs) {
        reject(new Error(`scroll did not reach the bottom within ${timeoutMs} ms (at ${scroller.scrollTop} of ${bottom} px)`));
        return;
      }
      // The target never runs ahead of the rows loaded, so the list never jumps once they arrive.
      if (target + pxPerFrame > bottom) waitingFrames += 1;
      target = Math.min(target + pxPerFrame, bottom);
      scroller.scrollTop = target;
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  });
}
