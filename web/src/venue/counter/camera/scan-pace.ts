/** At most about eight readings a second: a chèque held up is found as fast as a person can notice. */
export const MIN_READING_INTERVAL_MS = 125;
/**
 * The longest pause: a chèque in view is read at least every reading + 250 ms, well within the 1.5 s after
 * which one out of view counts as taken away (sightings.ts).
 */
export const MAX_PAUSE_MS = 250;

/**
 * How long to wait before reading the camera's next image, given how long the last reading took (ms).
 * Each image is decoded on the page's own thread: reading every frame kept a cheap phone's processor busy all
 * the time, the page slow to answer a tap and the battery draining. A pause at least as long as the reading
 * leaves the page at least half of its time, and no reading starts sooner than MIN_READING_INTERVAL_MS after
 * the previous one started.
 */
export function pauseBeforeNextReading(readingMs: number): number {
  return Math.min(Math.max(MIN_READING_INTERVAL_MS - readingMs, readingMs), MAX_PAUSE_MS);
}
