import { Typologie } from '@gouvfr-anct/lieux-de-mediation-numerique';

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

/** The nine kinds of help (`services`). */
export const STANDARD_SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;

export const STANDARD_PUBLICS = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'] as const;

export const STANDARD_SPECIFIC_SUPPORT = [
  'Surdité',
  'Handicaps moteurs',
  'Handicaps mentaux',
  'Illettrisme',
  'Langues étrangères (anglais)',
  'Langues étrangères (autres)',
  'Déficience visuelle',
] as const;

export const STANDARD_FEES = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const;

export const STANDARD_NATIONAL_PROGRAMMES = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Relais numérique (Emmaüs Connect)',
] as const;

export const STANDARD_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const;

export const STANDARD_ACCESS_MODES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const;

export const STANDARD_SUPPORT_MODES = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'] as const;

export const STANDARD_ITINERANCE = ['Itinérant', 'Fixe'] as const;

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

export const STANDARD_TELEPHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;
export const STANDARD_SUMMARY_MAX_LENGTH = 280;

/**
 * The file name the standard recommends: `AAAAMMJJ_idProducteur_lieux-de-mediation-numerique_territoire.csv`
 * (creation date, the producer's SIRET, the territory without accents).
 */
export function standardFileName(createdOn: string, producerId: string, territory: string, extension: 'csv' | 'json'): string {
  return `${createdOn.replaceAll('-', '')}_${producerId}_lieux-de-mediation-numerique_${territory}.${extension}`;
}
