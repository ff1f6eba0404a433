import { addToBasket, basketProblem, removeFromBasket } from './basket';

const a = { code: 'A'.repeat(16), serial: '2026-0001-000001-01', valueCents: 1000 };
const b = { code: 'B'.repeat(16), serial: '2026-0001-000001-02', valueCents: 1000 };

describe('basket', () => {
  it('holds each chèque once, and lets one be taken out', () => {
    const basket = addToBasket(addToBasket(addToBasket([], a), b), a);
    expect(basket).toEqual([a, b]);
    expect(removeFromBasket(basket, a.code)).toEqual([b]);
  });

  it('says why it cannot be redeemed: empty, no service, more chèques than the service takes', () => {
    expect(basketProblem([], { maxVouchers: 2 })).toBe('Le panier est vide.');
    expect(basketProblem([a], null)).toBe('Choisissez le service.');
    expect(basketProblem([a, b], { maxVouchers: 1 })).toBe('Ce service prend au plus 1 chèque par personne : retirez-en 1.');
    expect(basketProblem([a, b], { maxVouchers: 2 })).toBeNull();
  });
});
