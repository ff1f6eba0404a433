import { EMPTY_SERVICE, serviceBody, serviceProblems } from './service-form-values';
import { EMPTY_SITE, siteBody, siteProblems } from './site-form-values';

describe('the site form', () => {
  const filled = {
    ...EMPTY_SITE,
    name: 'Médiathèque',
    addressLine: '1 rue de la Paix',
    postalCode: '69007',
    city: 'Lyon 7e Arrondissement',
    communeInseeCode: '69387',
  };

  it('asks for a name, a street and a commune, and accepts the rest empty', () => {
    expect(Object.keys(siteProblems(EMPTY_SITE)).sort()).toEqual(['addressLine', 'communeInseeCode', 'name']);
    expect(siteProblems(filled)).toEqual({});
  });

  it('says in French what is wrong with a phone, an e-mail, a web address, a long summary', () => {
    expect(siteProblems({ ...filled, phone: '04 72', email: 'contact@', website: 'www.epn.fr', summary: 'é'.repeat(281) })).toEqual({
      phone: 'Ce numéro de téléphone n’est pas complet. Exemple : 04 72 00 00 00.',
      email: 'Cette adresse e-mail n’est pas complète. Exemple : contact@mairie.fr.',
      website: 'Une adresse de site web commence par https://',
      summary: '280 caractères au plus.',
    });
  });

  it('sends the phone in the standard’s form and leaves empty text out', () => {
    expect(siteBody({ ...filled, phone: '04 72 00 00 00', email: ' contact@epn.fr ', addressComplement: '  ' })).toMatchObject({
      phone: '+33472000000',
      emails: ['contact@epn.fr'],
      websites: [],
      addressComplement: undefined,
      summary: undefined,
    });
  });
});

describe('the service form', () => {
  it('holds the server’s bounds: 15 to 480 minutes, 1 to 10 chèques, a name and a kind of help', () => {
    expect(Object.keys(serviceProblems(EMPTY_SERVICE)).sort()).toEqual(['category', 'label']);
    expect(serviceProblems({ label: 'Atelier', category: 'other', durationMinutes: '10', maxVouchers: '11' })).toEqual({
      durationMinutes: 'Entre 15 et 480 minutes.',
      maxVouchers: 'Entre 1 et 10 chèques.',
    });
    expect(serviceBody({ label: ' Atelier ', category: 'smartphone', durationMinutes: '90', maxVouchers: '2' })).toEqual({
      label: 'Atelier',
      category: 'smartphone',
      durationMinutes: 90,
      maxVouchers: 2,
    });
  });
});
