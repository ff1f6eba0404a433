import { MAX_PAUSE_MS, MIN_READING_INTERVAL_MS, pauseBeforeNextReading } from './scan-pace';

describe('pauseBeforeNextReading', () => {
  it('starts readings no more often than every MIN_READING_INTERVAL_MS when reading is quick', () => {
    expect(pauseBeforeNextReading(5)).toBe(MIN_READING_INTERVAL_MS - 5);
    expect(pauseBeforeNextReading(0)).toBe(MIN_READING_INTERVAL_MS);
  });

  it('waits as long as the reading took when reading is slow, so the page keeps half of its time', () => {
    expect(pauseBeforeNextReading(100)).toBe(100);
    expect(pauseBeforeNextReading(MIN_READING_INTERVAL_MS / 2)).toBe(MIN_READING_INTERVAL_MS / 2);
  });

  it('never waits longer than MAX_PAUSE_MS, so a chèque in view is not taken for one taken away', () => {
    expect(pauseBeforeNextReading(400)).toBe(MAX_PAUSE_MS);
    expect(pauseBeforeNextReading(Number.POSITIVE_INFINITY)).toBe(MAX_PAUSE_MS);
  });
});
