import { NaturalBatcher } from './natural-batcher';

/** A `runBatch` whose calls stay pending until the test settles them. */
function controlledRunner() {
  const calls: { items: number[]; settle: (results: string[]) => void; fail: (error: Error) => void }[] = [];
  const runBatch = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ items, settle: resolve, fail: reject });
    });
  return { calls, runBatch };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('NaturalBatcher', () => {
  it('sends an item alone and at once while a lane is free', async () => {
    const { calls, runBatch } = controlledRunner();
    const batcher = new NaturalBatcher(2, 10, runBatch);
    const first = batcher.submit(1);
    const second = batcher.submit(2);
    expect(calls.map((call) => call.items)).toEqual([[1], [2]]);
    calls[0].settle(['one']);
    calls[1].settle(['two']);
    await expect(first).resolves.toBe('one');
    await expect(second).resolves.toBe('two');
  });

  it('gathers the items that arrive while every lane is busy into the next batch, in order, at most maxBatchSize at a time', async () => {
    const { calls, runBatch } = controlledRunner();
    const batcher = new NaturalBatcher(1, 3, runBatch);
    const results = [1, 2, 3, 4, 5, 6].map((item) => batcher.submit(item));
    expect(calls.map((call) => call.items)).toEqual([[1]]);
    calls[0].settle(['r1']);
    await flush();
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4]]);
    expect(batcher.runningBatches).toBe(1);
    calls[1].settle(['r2', 'r3', 'r4']);
    await flush();
    expect(calls[2].items).toEqual([5, 6]);
    calls[2].settle(['r5', 'r6']);
    await expect(Promise.all(results)).resolves.toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(batcher.runningBatches).toBe(0);
  });

  it('keeps items flowing through the other lane while one batch is held up (a lock wait)', async () => {
    const { calls, runBatch } = controlledRunner();
    const batcher = new NaturalBatcher(2, 10, runBatch);
    const held = batcher.submit(1);
    const flowing = [2, 3, 4].map((item) => batcher.submit(item));
    expect(calls.map((call) => call.items)).toEqual([[1], [2]]);
    calls[1].settle(['r2']);
    await flush();
    expect(calls[2].items).toEqual([3, 4]);
    calls[2].settle(['r3', 'r4']);
    await expect(Promise.all(flowing)).resolves.toEqual(['r2', 'r3', 'r4']);
    expect(batcher.runningBatches).toBe(1);
    calls[0].settle(['r1']);
    await expect(held).resolves.toBe('r1');
  });

  it('rejects only the items of a batch that failed, and goes on with the next', async () => {
    const { calls, runBatch } = controlledRunner();
    const batcher = new NaturalBatcher(1, 10, runBatch);
    const first = batcher.submit(1);
    const second = batcher.submit(2);
    const third = batcher.submit(3);
    calls[0].fail(new Error('deadlock'));
    await expect(first).rejects.toThrow('deadlock');
    await flush();
    expect(calls[1].items).toEqual([2, 3]);
    calls[1].settle(['two', 'three']);
    await expect(Promise.all([second, third])).resolves.toEqual(['two', 'three']);
  });

  it('rejects the whole batch when runBatch answers with a wrong number of results', async () => {
    const { calls, runBatch } = controlledRunner();
    const batcher = new NaturalBatcher(1, 10, runBatch);
    batcher.submit(1).catch(() => undefined);
    const pending = [batcher.submit(2), batcher.submit(3)];
    calls[0].settle(['one']);
    await flush();
    calls[1].settle(['only one']);
    for (const result of pending) await expect(result).rejects.toThrow('A batch of 2 items returned 1 results');
  });

  it('rejects the items when runBatch throws before returning a promise', async () => {
    const batcher = new NaturalBatcher<number, string>(1, 10, () => {
      throw new Error('bad parameters');
    });
    await expect(batcher.submit(1)).rejects.toThrow('bad parameters');
    expect(batcher.runningBatches).toBe(0);
  });

  it('refuses nonsensical sizes', () => {
    expect(() => new NaturalBatcher(0, 1, async () => [])).toThrow(RangeError);
    expect(() => new NaturalBatcher(1, 1.5, async () => [])).toThrow(RangeError);
  });
});
