/**
 * Every e2e file fails if `pg` warned, while it ran, that something it was asked to do is deprecated (collected by
 * `e2e-environment.js`). Run the file with `node --trace-deprecation` to see the call site.
 */
declare const __pgDeprecations: string[];

afterAll(async () => {
  // Node emits a warning on a later tick than the call that caused it.
  await new Promise((resolve) => setImmediate(resolve));
  expect(__pgDeprecations).toEqual([]);
});
