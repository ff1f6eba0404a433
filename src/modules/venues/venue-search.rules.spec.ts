import { distanceKm, matchesFilters, nearestFirst, type SearchableSite } from './venue-search.rules';

const site = (overrides: Partial<SearchableSite>): SearchableSite => ({
  id: overrides.name ?? 'x',
  name: 'x',
  postalCode: '69007',
  communeInseeCode: '69387',
  latitude: null,
  longitude: null,
  services: ['Aide aux démarches administratives'],
  publics: [],
  specificSupport: [],
  openNow: null,
  ...overrides,
});

describe('finding a venue', () => {
  it('measures great-circle distances (Paris – Lyon ≈ 391.5 km)', () => {
    expect(distanceKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 45.764, longitude: 4.8357 })).toBeCloseTo(391.5, 1);
  });

  it('filters by service, public (no specific public = everyone), accessibility and open now', () => {
    const seniorsOnly = site({ publics: ['Seniors'] });
    expect(matchesFilters(site({}), { public: 'Jeunes' })).toBe(true);
    expect(matchesFilters(seniorsOnly, { public: 'Jeunes' })).toBe(false);
    expect(matchesFilters(seniorsOnly, { public: 'Seniors' })).toBe(true);
    expect(matchesFilters(site({}), { service: 'Loisirs et créations numériques' })).toBe(false);
    expect(matchesFilters(site({ specificSupport: ['Surdité'] }), { accessibility: 'Surdité' })).toBe(true);
    expect(matchesFilters(site({}), { accessibility: 'Surdité' })).toBe(false);
    expect(matchesFilters(site({ openNow: null }), { openNow: true })).toBe(false);
    expect(matchesFilters(site({ openNow: true }), { openNow: true })).toBe(true);
  });

  it('orders from the person’s position when given', () => {
    const sites = [
      site({ name: 'Villeurbanne', communeInseeCode: '69266', latitude: 45.7719, longitude: 4.8902 }),
      site({ name: 'Guillotière', latitude: 45.7485, longitude: 4.8467 }),
      site({ name: 'Sans coordonnées' }),
    ];
    expect(
      nearestFirst(sites, { point: { latitude: 45.75, longitude: 4.845 }, communeInseeCode: null, postalCode: null }).map((s) => [
        s.name,
        s.distanceKm,
      ]),
    ).toEqual([
      ['Guillotière', 0.2],
      ['Villeurbanne', 4.3],
      ['Sans coordonnées', null],
    ]);
  });

  it('without a position: the commune first, then its postcode, then by distance from the commune’s sites', () => {
    const sites = [
      site({ name: 'Loin', communeInseeCode: '69123', postalCode: '69009', latitude: 45.9, longitude: 4.9 }),
      site({ name: 'Proche', communeInseeCode: '69266', postalCode: '69100', latitude: 45.76, longitude: 4.85 }),
      site({ name: 'Même code postal', communeInseeCode: '69123', postalCode: '69007' }),
      site({ name: 'Dans la commune', latitude: 45.75, longitude: 4.84 }),
    ];
    expect(nearestFirst(sites, { point: null, communeInseeCode: '69387', postalCode: '69007' }).map((s) => s.name)).toEqual([
      'Dans la commune',
      'Même code postal',
      'Proche',
      'Loin',
    ]);
  });
});
