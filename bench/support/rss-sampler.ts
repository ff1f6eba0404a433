/**
 * Peak resident memory of the whole process (main thread, worker threads, native buffers), sampled
 * every 20 ms from now on. Call the returned function at the end of the phase: it stops sampling and
 * gives the peak in MB.
 */
export function rssSampler(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  // A benchmark that fails mid-phase must still be able to exit.
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024;
  };
}
