import { Typologie } from '@gouvfr-anct/lieux-de-mediation-numerique';
import {
  STANDARD_SERVICES,
  STANDARD_PUBLICS,
  STANDARD_SPECIFIC_SUPPORT,
  STANDARD_FEES,
  STANDARD_NATIONAL_PROGRAMMES,
  STANDARD_LABELS,
  STANDARD_ACCESS_MODES,
  STANDARD_SUPPORT_MODES,
  STANDARD_ITINERANCE,
} from './standard-vocabularies';

export {
  STANDARD_SERVICES,
  STANDARD_PUBLICS,
  STANDARD_SPECIFIC_SUPPORT,
  STANDARD_FEES,
  STANDARD_NATIONAL_PROGRAMMES,
  STANDARD_LABELS,
  STANDARD_ACCESS_MODES,
  STANDARD_SUPPORT_MODES,
  STANDARD_ITINERANCE,
  STANDARD_TELEPHONE_PATTERN,
  STANDARD_SUMMARY_MAX_LENGTH,
} from './standard-vocabularies';

/**
 * The « standard des lieux de médiation numérique », version 1.0.1 (LaMednum/standard-mediation-num,
 * `schema.json`, a Frictionless Table Schema): its columns in order and the exact values of its
 * vocabularies, accents included. A unit test checks these against the schema kept in
 * `test/fixtures/standard-mediation-num/schema.json`.
 */
export const STANDARD_VERSION = '1.0.1';

export const STANDARD_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

export const STANDARD_REQUIRED_COLUMNS: readonly StandardColumn[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** Structure types: data.inclusion's vocabulary, as the reference library carries it. */
export const STANDARD_TYPOLOGIES: readonly string[] = Object.values(Typologie) as string[];

/** The vocabulary of each closed multi-valued column. */
export const STANDARD_VOCABULARIES = {
  services: STANDARD_SERVICES,
  publics_specifiquement_adresses: STANDARD_PUBLICS,
  prise_en_charge_specifique: STANDARD_SPECIFIC_SUPPORT,
  frais_a_charge: STANDARD_FEES,
  dispositif_programmes_nationaux: STANDARD_NATIONAL_PROGRAMMES,
  formations_labels: STANDARD_LABELS,
  modalites_acces: STANDARD_ACCESS_MODES,
  modalites_accompagnement: STANDARD_SUPPORT_MODES,
  itinerance: STANDARD_ITINERANCE,
} as const satisfies Partial<Record<StandardColumn, readonly string[]>>;
export type VocabularyColumn = keyof typeof STANDARD_VOCABULARIES;

/** Between the values of a multi-valued cell. */
export const STANDARD_LIST_SEPARATOR = '|';

/**
 * The file name the standard recommends: `AAAAMMJJ_idProducteur_lieux-de-mediation-numerique_territoire.csv`
 * (creation date, the producer's SIRET, the territory without accents).
 */
export function standardFileName(createdOn: string, producerId: string, territory: string, extension: 'csv' | 'json'): string {
  return `${createdOn.replaceAll('-', '')}_${producerId}_lieux-de-mediation-numerique_${territory}.${extension}`;
}
