import { STANDARD_COLUMNS } from '../../src/modules/venues/standard/standard-columns';
import { uniqueSiret } from './identifiers';

export type StandardLine = Partial<Record<(typeof STANDARD_COLUMNS)[number], string>>;

/** A complete, valid line of the national standard (v1.0.1), every vocabulary exercised. */
export function standardLine(overrides: StandardLine = {}): StandardLine {
  return {
    id: `lieu-${Math.random().toString(36).slice(2, 10)}`,
    pivot: uniqueSiret(),
    nom: 'Médiathèque Jean-Macé',
    commune: 'Reims',
    code_postal: '51100',
    code_insee: '51454',
    adresse: '12 BIS RUE DE LECLERCQ',
    complement_adresse: "Le patio du bois de l'Aulne",
    latitude: '49.2484',
    longitude: '4.0415',
    typologie: 'BIB|ASSO',
    telephone: '+33326000000',
    courriels: 'contact@mediatheque.example|accueil@mediatheque.example',
    site_web: 'https://mediatheque.example/',
    horaires: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
    presentation_resume: 'Ateliers numériques pour tous, sur rendez-vous ou en accès libre.',
    presentation_detail: 'Des médiateurs accompagnent les démarches en ligne, avec ou sans rendez-vous, « toute l’année ».',
    source: 'Hubik',
    itinerance: 'Fixe',
    structure_parente: 'Ville de Reims',
    date_maj: '2026-11-02',
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Compréhension du monde numérique',
    publics_specifiquement_adresses: 'Seniors|Familles et/ou enfants',
    prise_en_charge_specifique: 'Surdité|Langues étrangères (anglais)',
    frais_a_charge: 'Gratuit',
    dispositif_programmes_nationaux: 'Conseillers numériques|France Services',
    formations_labels: 'Formé à « Mon Espace Santé »',
    autres_formations_labels: 'Label et la bête',
    modalites_acces: 'Se présenter|Téléphoner',
    modalites_accompagnement: 'Accompagnement individuel|Dans un atelier collectif',
    fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/51-reims/a/bibliotheque-mediatheque/erp/mediatheque-1/',
    prise_rdv: 'https://www.rdv-solidarites.fr/',
    ...overrides,
  };
}

/** A CSV file of the standard: every column in order, `delimiter` between cells, RFC 4180 quoting. */
export function standardCsv(lines: StandardLine[], delimiter = ',', columns: readonly string[] = STANDARD_COLUMNS): string {
  const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return (
    [
      columns.join(delimiter),
      ...lines.map((line) => columns.map((column) => quote((line as Record<string, string>)[column] ?? '')).join(delimiter)),
    ].join('\n') + '\n'
  );
}
