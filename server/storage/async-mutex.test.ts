import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './async-mutex';

describe('AsyncMutex', () => {
  it('runs work one at a time in call order, even when one fails', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    const slow = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([mutex.run(slow('a')), mutex.run(slow('b', true)), mutex.run(slow('c'))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
