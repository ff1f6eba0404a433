import { type Commune, settledCommune } from './commune-search';

const commune = (name: string, inseeCode: string, postalCodes: string[]): Commune => ({
  name,
  inseeCode,
  postalCodes,
  departementCode: inseeCode.slice(0, 2),
  kind: 'commune',
});
const villeurbanne = commune('Villeurbanne', '69266', ['69100']);
const irigny = commune('Irigny', '69100', ['69540']);
const lyon1 = commune('Lyon 1er Arrondissement', '69381', ['69001']);

describe('settledCommune', () => {
  it('takes the only match', () => {
    expect(settledCommune('Villeurb', [villeurbanne])).toBe(villeurbanne);
  });

  it('takes the one commune whose postcode was typed, not the one whose INSEE code it also is', () => {
    expect(settledCommune('69100', [villeurbanne, irigny])).toBe(villeurbanne);
  });

  it('leaves the choice to the person otherwise', () => {
    expect(settledCommune('Lyon', [lyon1, commune('Lyon 2e Arrondissement', '69382', ['69002'])])).toBeNull();
    expect(settledCommune('69540', [villeurbanne, lyon1])).toBeNull();
    expect(settledCommune('69', [])).toBeNull();
  });
});
