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
