/**
 * Ratios shown in funding reports. Counts and cents stay exact integers; a ratio is only ever a
 * display value (a spreadsheet percentage), never summed or fed back into money.
 */

/** numerator / denominator, or null (an empty cell) when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Redemption rate: chèques redeemed among those ever handed to a beneficiary. */
export function redemptionRate(redeemed: number, everIssued: number): number | null {
  return ratio(redeemed, everIssued);
}

/** Share of carnets handed to the target public, among hand-outs whose public was recorded. */
export function targetPublicShare(targetPublic: number, withRecord: number): number | null {
  return ratio(targetPublic, withRecord);
}

/** Whether the share of the target public reaches the programme minimum (basis points); null when nothing was handed out. */
export function meetsTargetPublicMinimum(targetPublic: number, withRecord: number, minimumRateBp: number): boolean | null {
  if (withRecord === 0) return null;
  // Integer comparison: target / withRecord >= minimum / 10 000, without a float.
  return targetPublic * 10_000 >= minimumRateBp * withRecord;
}

/** "Oui" / "Non" against the programme minimum, as the report's cells say it; empty when nothing was handed out. */
export function targetPublicMet(targetPublic: number, withRecord: number, minimumRateBp: number): 'Oui' | 'Non' | null {
  const met = meetsTargetPublicMinimum(targetPublic, withRecord, minimumRateBp);
  return met === null ? null : met ? 'Oui' : 'Non';
}

/** bigint columns arrive as strings: exact numbers for exports, refused beyond 2^53. */
export function exactNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} is not a safe integer`);
  return value;
}
