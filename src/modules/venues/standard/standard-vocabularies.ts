/**
 * The closed lists of the « standard des lieux de médiation numérique » (v1.0.1), with their exact values,
 * accents included. Kept apart from `standard-columns.ts` (which needs the reference library for the
 * typologies) so that the web forms import them without it.
 */
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

export const STANDARD_TELEPHONE_PATTERN = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;

/** `presentation_resume` holds 280 characters at most. */
export const STANDARD_SUMMARY_MAX_LENGTH = 280;
