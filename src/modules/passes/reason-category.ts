/**
 * Why the carnet is handed out: a closed list (never free text about the person), used by reports.
 * French labels are what prescribers see.
 */
export const REASON_CATEGORIES = [
  'administrative_procedures',
  'employment',
  'health',
  'social_ties',
  'education',
  'parenting',
  'housing',
  'everyday_life',
  'other',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export const REASON_CATEGORY_LABELS: Record<ReasonCategory, string> = {
  administrative_procedures: 'Démarches administratives',
  employment: 'Emploi',
  health: 'Santé',
  social_ties: 'Lien social',
  education: 'Éducation',
  parenting: 'Parentalité et suivi de la scolarité',
  housing: 'Logement',
  everyday_life: 'Vie quotidienne (banque, achats, transports)',
  other: 'Autre',
};
