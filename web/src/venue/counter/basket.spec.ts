import { addToBasket, basketEntryOf, basketProblem, removeFromBasket } from './basket';

const a = { input: { code: 'A'.repeat(16) }, serial: '2026-0001-000001-01', valueCents: 1000 };
const b = { input: { qr: 'PN1:B' }, serial: '2026-0001-000001-02', valueCents: 1000 };

describe('basket', () => {
  it('holds each chèque once, and lets one be taken out', () => {
    const basket = addToBasket(addToBasket(addToBasket([], a), b), a);
    expect(basket).toEqual([a, b]);
    expect(removeFromBasket(basket, a.serial)).toEqual([b]);
  });

  it('knows a chèque by its serial, however it came: its QR scanned after its code was typed is not added twice', () => {
    const scanned = { input: { qr: 'PN1:A' }, serial: a.serial, valueCents: 1000 };
    expect(addToBasket([a], scanned)).toEqual([a]);
  });

  it('finds the entry that came from the same code or the same QR text, before asking the server', () => {
    const basket = [a, b];
    expect(basketEntryOf(basket, { code: 'A'.repeat(16) })).toBe(a);
    expect(basketEntryOf(basket, { qr: 'PN1:B' })).toBe(b);
    expect(basketEntryOf(basket, { qr: 'A'.repeat(16) })).toBeUndefined();
    expect(basketEntryOf(basket, { code: 'PN1:B' })).toBeUndefined();
  });

  it('says why it cannot be redeemed: empty, no service, more chèques than the service takes', () => {
    expect(basketProblem([], { maxVouchers: 2 })).toBe('Le panier est vide.');
    expect(basketProblem([a], null)).toBe('Choisissez le service.');
    expect(basketProblem([a, b], { maxVouchers: 1 })).toBe('Ce service prend au plus 1 chèque par personne : retirez-en 1.');
    expect(basketProblem([a, b], { maxVouchers: 2 })).toBeNull();
  });
});
