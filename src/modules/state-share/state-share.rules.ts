/**
 * State co-financing (part de l'État): the State pays the funder `rate` of the face value of the
 * chèques actually redeemed, never more than the funder's envelope. All in integer cents (bigint):
 * the rate is in basis points and the product is rounded down, so the State never pays a fraction
 * of a cent above the rate.
 */

const BASIS_POINTS = 10_000n;

export function stateShareDue(redeemedCents: bigint, rateBp: number, capCents: bigint): bigint {
  if (redeemedCents < 0n || capCents < 0n || !Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new RangeError(`stateShareDue: invalid input (${redeemedCents}, ${rateBp}, ${capCents})`);
  }
  const share = (redeemedCents * BigInt(rateBp)) / BASIS_POINTS; // bigint division truncates: rounds down
  return share < capCents ? share : capCents;
}

/**
 * The ledger line a computation writes: what is due now minus what the ledger already says is due.
 * Negative when redemptions were cancelled since (the State owes less); zero writes nothing.
 */
export function stateShareDelta(dueNow: bigint, alreadyRecorded: bigint): bigint {
  return dueNow - alreadyRecorded;
}

export type StateSharePaymentCheck = { ok: true } | { ok: false; outstandingCents: bigint };

/** ANCT cannot record paying a funder more than the State share recorded as due and not yet paid. */
export function checkStateSharePayment(amountCents: bigint, dueCents: bigint, paidCents: bigint): StateSharePaymentCheck {
  const outstandingCents = dueCents - paidCents;
  return amountCents > 0n && amountCents <= outstandingCents ? { ok: true } : { ok: false, outstandingCents };
}
