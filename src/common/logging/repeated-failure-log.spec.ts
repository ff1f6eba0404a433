import { RepeatedFailureLog } from './repeated-failure-log';

function harness(windowMs = 1000) {
  let now = 0;
  const lines: string[] = [];
  const log = new RepeatedFailureLog(
    { warn: (message) => lines.push(`warn ${message}`), log: (message) => lines.push(`info ${message}`) },
    windowMs,
    () => now,
  );
  return { log, lines, advance: (ms: number) => (now += ms) };
}

describe('RepeatedFailureLog', () => {
  it('writes the first occurrence at once and only counts repeats within the window', () => {
    const { log, lines, advance } = harness();
    for (let i = 0; i < 500; i += 1) {
      log.report('redis', 'Redis unreachable');
      advance(1);
    }
    expect(lines).toEqual(['warn Redis unreachable']);
  });

  it('writes the next occurrence after the window with the number of repeats it did not write', () => {
    const { log, lines, advance } = harness();
    log.report('redis', 'Redis unreachable');
    advance(10);
    log.report('redis', 'Redis unreachable');
    log.report('redis', 'Redis unreachable');
    advance(1000);
    log.report('redis', 'Redis unreachable');
    expect(lines).toEqual(['warn Redis unreachable', 'warn Redis unreachable (2 more since the last report)']);
  });

  it('keeps kinds apart', () => {
    const { log, lines } = harness();
    log.report('redis', 'Redis unreachable');
    log.report('postgres', 'PostgreSQL closed a connection');
    log.report('redis', 'Redis unreachable');
    expect(lines).toEqual(['warn Redis unreachable', 'warn PostgreSQL closed a connection']);
  });

  it('says once that a failing kind works again, and reports its next failure at once', () => {
    const { log, lines } = harness();
    log.recovered('redis', 'Redis is back');
    log.report('redis', 'Redis unreachable');
    log.report('redis', 'Redis unreachable');
    log.recovered('redis', 'Redis is back');
    log.recovered('redis', 'Redis is back');
    log.report('redis', 'Redis unreachable');
    expect(lines).toEqual(['warn Redis unreachable', 'info Redis is back (after 1 unreported repeats)', 'warn Redis unreachable']);
  });
});
