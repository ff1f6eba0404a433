/**
 * How reports write a ratio, in a module of its own (no Node import) so that the web pages showing the
 * same figures write them the same way.
 */

/** 0.125 → "12,5%" (one decimal, as the XLSX export shows it); French Excel reads it as 0.125. */
export function formatPercentFr(ratio: number): string {
  const text = (ratio * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`.replace('.', ',');
}
