/** A chèque the server said is redeemable here, waiting in the basket for the agent to confirm. */
export interface BasketEntry {
  /** Normalised code (16 characters, no dashes), as sent. */
  code: string;
  serial: string;
  valueCents: number;
}

/** The API takes at most this many chèques per redemption (RedeemVouchersDto). */
export const BASKET_MAX = 10;

export function addToBasket(basket: readonly BasketEntry[], entry: BasketEntry): BasketEntry[] {
  return basket.some((existing) => existing.code === entry.code) ? [...basket] : [...basket, entry];
}

export function removeFromBasket(basket: readonly BasketEntry[], code: string): BasketEntry[] {
  return basket.filter((entry) => entry.code !== code);
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
