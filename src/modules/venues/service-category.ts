/**
 * What a venue offers, by kind of help (the categories ANCT reports on). Kept small and stable:
 * a venue describes the service itself in its label.
 */
export const SERVICE_CATEGORIES = [
  'first_steps', // découvrir l'ordinateur, la tablette, internet
  'online_procedures', // démarches administratives en ligne
  'employment', // recherche d'emploi, CV, candidatures
  'communication', // messagerie, visio, réseaux sociaux
  'online_safety', // sécurité, vie privée, arnaques
  'office_software', // bureautique
  'smartphone', // prise en main du smartphone
  'parenting', // accompagner la scolarité numérique des enfants
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** French labels for public pages. */
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  first_steps: 'Premiers pas avec le numérique',
  online_procedures: 'Démarches administratives en ligne',
  employment: "Recherche d'emploi",
  communication: 'Communiquer en ligne',
  online_safety: 'Sécurité et vie privée en ligne',
  office_software: 'Bureautique',
  smartphone: 'Smartphone et tablette',
  parenting: 'Accompagner ses enfants',
  other: 'Autre accompagnement',
};

/** The French label of a category as venues read it on their statements; a code outside the list is shown as it is. */
export function serviceCategoryLabel(category: string): string {
  return (SERVICE_CATEGORY_LABELS as Record<string, string | undefined>)[category] ?? category;
}

/**
 * The kind of help of the national standard (`services`) each of our categories belongs to: a venue
 * registered here says what it offers through its catalogue, and the export says it in the standard's
 * words (a line without any service means, to the national tools, a place that receives no public).
 */
export const STANDARD_SERVICE_OF_CATEGORY: Record<ServiceCategory, string | null> = {
  first_steps: 'Maîtrise des outils numériques du quotidien',
  online_procedures: 'Aide aux démarches administratives',
  employment: 'Insertion professionnelle via le numérique',
  communication: 'Maîtrise des outils numériques du quotidien',
  online_safety: 'Utilisation sécurisée du numérique',
  office_software: 'Maîtrise des outils numériques du quotidien',
  smartphone: 'Maîtrise des outils numériques du quotidien',
  parenting: 'Parentalité et éducation avec le numérique',
  other: null,
};
