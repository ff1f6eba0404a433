import { findCommune, normaliseCommuneName, resolveCommune, searchCommunes } from './communes.rules';

describe('communes (official dataset)', () => {
  it('knows current communes and municipal arrondissements, with their département', () => {
    expect(findCommune('69123')).toMatchObject({ name: 'Lyon', departementCode: '69', kind: 'commune' });
    expect(findCommune('69387')).toMatchObject({ name: 'Lyon 7e Arrondissement', postalCodes: ['69007'], kind: 'arrondissement' });
    expect(findCommune('2a004')).toMatchObject({ name: 'Ajaccio', departementCode: '2A' });
    expect(findCommune('97411')).toMatchObject({ name: 'Saint-Denis', departementCode: '974' });
    expect(findCommune('99999')).toBeNull();
  });

  it('finds communes by postcode, INSEE code or the start of a name', () => {
    expect(searchCommunes('69007', 10).map((c) => c.inseeCode)).toEqual(expect.arrayContaining(['69123', '69387']));
    expect(searchCommunes('51454', 10).map((c) => c.name)).toEqual(['Reims']);
    expect(searchCommunes('saint etienne', 3)[0]).toMatchObject({ inseeCode: '42218' });
    expect(searchCommunes('REIMS', 5)[0]).toMatchObject({ inseeCode: '51454' });
    expect(searchCommunes('zzzz-nowhere', 5)).toEqual([]);
  });

  it('ignores accents, case, hyphens and the abbreviation St', () => {
    expect(normaliseCommuneName('Saint-Étienne')).toBe(normaliseCommuneName('st etienne'));
  });

  it('resolves an address to its commune by postcode and name, or checks a given INSEE code', () => {
    expect(resolveCommune({ postalCode: '51100', city: 'Reims' })?.inseeCode).toBe('51454');
    expect(resolveCommune({ postalCode: '69007', city: 'LYON' })?.inseeCode).toBe('69123');
    expect(resolveCommune({ postalCode: '69007', city: 'Lyon', inseeCode: '69387' })?.inseeCode).toBe('69387');
    expect(resolveCommune({ postalCode: '75001', city: 'Lyon', inseeCode: '69387' })).toBeNull();
    expect(resolveCommune({ postalCode: '51100', city: 'Nulle-Part' })).toBeNull();
  });
});
