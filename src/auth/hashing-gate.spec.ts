import { RateLimitedError } from '../common/errors/common-errors';
import { HashingGate } from './hashing-gate';

describe('HashingGate', () => {
  const limits = { concurrency: 2, maxWaiting: 3, perClient: 2, retryAfterSeconds: 2 };

  /** A hash that finishes when told to. */
  function pendingWork() {
    let finish!: () => void;
    const done = new Promise<string>((resolve) => (finish = () => resolve('hashed')));
    return { work: () => done, finish };
  }

  it('runs at most `concurrency` hashes at once, the others in arrival order', async () => {
    const gate = new HashingGate({ ...limits, perClient: 10 });
    const started: number[] = [];
    const works = [0, 1, 2, 3].map(() => pendingWork());
    const results = works.map((work, index) =>
      gate.run('a', () => {
        started.push(index);
        return work.work();
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    works[1].finish();
    await results[1];
    await new Promise(setImmediate);
    expect(started).toEqual([0, 1, 2]);
    works.forEach((work) => work.finish());
    await expect(Promise.all(results)).resolves.toEqual(['hashed', 'hashed', 'hashed', 'hashed']);
  });

  it('refuses a client past its own hashes in flight with 429 and Retry-After, while others still get in', async () => {
    const gate = new HashingGate(limits);
    const flood = [pendingWork(), pendingWork()];
    const accepted = flood.map((work) => gate.run('flooder', work.work));
    const refused = gate.run('flooder', async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
    const other = pendingWork();
    const legitimate = gate.run('someone else', other.work);
    other.finish();
    flood.forEach((work) => work.finish());
    await expect(legitimate).resolves.toBe('hashed');
    await Promise.all(accepted);
    // Once its hashes are done, the client may hash again.
    await expect(gate.run('flooder', async () => 'again')).resolves.toBe('again');
  });

  it('refuses anyone once the queue is full, and recovers when it drains', async () => {
    const gate = new HashingGate({ ...limits, perClient: 1 });
    const works = [0, 1, 2, 3, 4].map(() => pendingWork());
    const accepted = works.map((work, index) => gate.run(`client-${index}`, work.work));
    await expect(gate.run('late', async () => 'never')).rejects.toBeInstanceOf(RateLimitedError);
    works.forEach((work) => work.finish());
    await Promise.all(accepted);
    await expect(gate.run('late', async () => 'now')).resolves.toBe('now');
  });

  it('frees its slot when a hash fails', async () => {
    const gate = new HashingGate({ ...limits, concurrency: 1, perClient: 1 });
    await expect(gate.run('a', async () => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    await expect(gate.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
