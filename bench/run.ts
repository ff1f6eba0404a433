import 'reflect-metadata';

/**
 * `npm run bench -- <name>`: runs one benchmark (or all with no name). Each prints its figures,
 * the raw baseline named in its issue, the ratio, and peak memory. Benchmarks are not tests: they
 * measure, they do not pass or fail the build.
 */
const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  generate: () => import('./generate.bench.js'),
  print: () => import('./print.bench.js'),
  report: () => import('./report.bench.js'),
  redeem: () => import('./redeem.bench.js'),
  web: () => import('./web.bench.js'),
  'venue-import': () => import('./venue-import.bench.js'),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  for (const name of names) {
    const load = BENCHMARKS[name];
    if (!load) {
      process.stderr.write(`Unknown benchmark "${name}". Available: ${Object.keys(BENCHMARKS).join(', ') || 'none yet'}\n`);
      process.exit(2);
    }
    process.stdout.write(`\n=== bench ${name} ===\n`);
    await (await load()).run();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
