import {
  COMMUNE_INSEE_CODE_PATTERN,
  DEPARTEMENT_CODE_PATTERN,
  departementOfCommune,
  isValidSiren,
  isValidSiret,
} from './organisations.rules';

describe('organisation identifiers', () => {
  it.each([
    ['732829320', true], // a real SIREN
    ['732829321', false],
    ['73282932', false],
    ['73282932A', false],
  ])('SIREN %s valid=%s', (siren, valid) => expect(isValidSiren(siren)).toBe(valid));

  it.each([
    ['73282932000074', true],
    ['73282932000075', false],
    ['35600000000048', true], // La Poste head office follows Luhn
    ['35600000012341', true], // La Poste establishment: digit sum multiple of 5
    ['35600000012345', false],
    ['7328293200007', false],
  ])('SIRET %s valid=%s', (siret, valid) => expect(isValidSiret(siret)).toBe(valid));

  it('catches every single-digit substitution of a SIRET', () => {
    const siret = '73282932000074';
    for (let position = 0; position < siret.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === siret[position]) continue;
        const altered = siret.slice(0, position) + digit + siret.slice(position + 1);
        expect(isValidSiret(altered)).toBe(false);
      }
    }
  });

  it.each([
    ['75', true],
    ['2A', true],
    ['2B', true],
    ['20', false],
    ['971', true],
    ['977', false],
    ['00', false],
    ['96', false],
  ])('département %s valid=%s', (code, valid) => expect(DEPARTEMENT_CODE_PATTERN.test(code)).toBe(valid));

  it.each([
    ['75056', true, '75'],
    ['2A004', true, '2A'],
    ['97411', true, '974'],
    ['7505', false, ''],
  ])('commune %s valid=%s', (code, valid, departement) => {
    expect(COMMUNE_INSEE_CODE_PATTERN.test(code)).toBe(valid);
    if (valid) expect(departementOfCommune(code)).toBe(departement);
  });
});
