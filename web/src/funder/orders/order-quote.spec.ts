import type { ProgrammeView } from '../funder-api';
import { quoteTyped } from './order-quote';

const PROGRAMME = {
  faceValueCents: 1000,
  allowedCarnetSizes: [5, 10],
  minimumOrderCents: 1_000_000,
  defaultFunderCapCents: 300_000_000,
  operatorFeeRateBp: 400,
  stateShareRateBp: 5000,
  enrolment: { envelopeCents: 5_000_000, reservedCents: 4_600_000 },
} as ProgrammeView;

/** French formatting puts narrow no-break spaces in amounts; compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('quoteTyped: the order form reads what the officer types and prices it with the server rules', () => {
  it('prices 200 carnets of 10: face value, fee, total, and a State share capped by what is left of the envelope', () => {
    expect(quoteTyped(PROGRAMME, '200', 10)).toEqual({
      state: 'priced',
      price: {
        faceValueTotalCents: 2_000_000n,
        feeCents: 80_000n,
        totalDueCents: 2_080_000n,
        stateShareAtRateCents: 1_000_000n,
        maxStateShareCents: 400_000n,
        remainingEnvelopeCents: 400_000n,
      },
    });
  });

  it('reads spaces typed between thousands', () => {
    expect(quoteTyped(PROGRAMME, ' 1 000 ', 5)).toMatchObject({ state: 'priced', price: { faceValueTotalCents: 5_000_000n } });
  });

  it.each([
    ['', { state: 'incomplete' }],
    ['12a', { state: 'incomplete', problem: 'Saisissez un nombre entier de carnets, en chiffres.' }],
    ['0', { state: 'incomplete', problem: 'Commandez au moins un carnet.' }],
    ['1000001', { state: 'refused' }],
  ])('does not price %p', (typed, expected) => {
    expect(quoteTyped(PROGRAMME, typed, 10)).toMatchObject(expected);
  });

  it('says, with the figures, which programme rule the server would refuse', () => {
    const below = quoteTyped(PROGRAMME, '199', 5);
    expect(below.state).toBe('refused');
    expect(plain((below as { problem: string }).problem)).toBe(
      'La commande minimale de ce programme est de 10 000,00 € en valeur des chèques ; celle-ci en fait 9 950,00 €.',
    );
    expect(quoteTyped(PROGRAMME, '200', 7)).toEqual({
      state: 'refused',
      problem: 'Ce programme n’autorise que les carnets de 5 ou 10 chèques.',
    });
    const above = quoteTyped({ ...PROGRAMME, defaultFunderCapCents: 999_999 }, '200', 10);
    expect(plain((above as { problem: string }).problem)).toBe(
      'La part de l’État de cette commande (10 000,00 €) dépasserait le plafond par financeur du programme (9 999,99 €).',
    );
  });
});
