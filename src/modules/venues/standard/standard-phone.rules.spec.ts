import { readablePhone, toStandardPhone } from './standard-phone.rules';

describe('toStandardPhone', () => {
  it.each([
    ['04 72 00 00 00', '+33472000000'],
    ['04.72.00.00.00', '+33472000000'],
    ['0472000000', '+33472000000'],
    ['+33 4 72 00 00 00', '+33472000000'],
    ['0033472000000', '+33472000000'],
    ['+262 262 00 00 00', '+262262000000'],
  ])('reads %s as %s', (typed, standard) => {
    expect(toStandardPhone(typed)).toBe(standard);
  });

  it.each(['', '12', '04 72 00 00', '+44 20 7946 0000', 'téléphone'])('refuses %s', (typed) => {
    expect(toStandardPhone(typed)).toBeNull();
  });
});

describe('readablePhone', () => {
  it('writes a French number in pairs, others as they are', () => {
    expect(readablePhone('+33472000000')).toBe('04 72 00 00 00');
    expect(readablePhone('+262262000000')).toBe('+262262000000');
  });
});
