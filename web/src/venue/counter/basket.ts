/** What is sent for one chèque: the normalised code typed (16 characters, no dashes), or the scanned QR's text. */
export type ChequeInput = { code: string } | { qr: string };

/** A chèque the server said is redeemable here, waiting in the basket for the agent to confirm. */
export interface BasketEntry {
  /** Sent as it came: a scanned QR keeps its signature, which the server verifies again at redemption. */
  input: ChequeInput;
  /** The chèque's identity: a code typed and the QR of the same chèque give the same serial. */
  serial: string;
  valueCents: number;
}

/** The API takes at most this many chèques per redemption (RedeemVouchersDto). */
export const BASKET_MAX = 10;

export function addToBasket(basket: readonly BasketEntry[], entry: BasketEntry): BasketEntry[] {
  return basket.some((existing) => existing.serial === entry.serial) ? [...basket] : [...basket, entry];
}

export function removeFromBasket(basket: readonly BasketEntry[], serial: string): BasketEntry[] {
  return basket.filter((entry) => entry.serial !== serial);
}

/** The entry that came from this very input (same code typed, same QR text), known without asking the server. */
export function basketEntryOf(basket: readonly BasketEntry[], input: ChequeInput): BasketEntry | undefined {
  return basket.find((entry) =>
    'code' in input ? 'code' in entry.input && entry.input.code === input.code : 'qr' in entry.input && entry.input.qr === input.qr,
  );
}

/** Why the basket cannot be redeemed for this service as it is, in French; null when it can. */
export function basketProblem(basket: readonly BasketEntry[], service: { maxVouchers: number } | null): string | null {
  if (basket.length === 0) return 'Le panier est vide.';
  if (!service) return 'Choisissez le service.';
  const most = Math.min(service.maxVouchers, BASKET_MAX);
  if (basket.length > most) {
    return `Ce service prend au plus ${most} chèque${most > 1 ? 's' : ''} par personne : retirez-en ${basket.length - most}.`;
  }
  return null;
}
