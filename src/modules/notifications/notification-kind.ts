import type { OrganisationKind } from '../organisations/organisation-kind';

/**
 * Every kind of e-mail the platform sends. Invitations and password resets answer the person's own
 * request and are always sent; the others are notifications each user may turn off for themselves.
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'password_reset',
  'order_approved',
  'order_rejected',
  'order_ready',
  'carnets_expiring',
  'distribution_stopping',
  'statement_drawn_up',
  'statement_paid',
  'qualification_decided',
  'reconciliation_anomalies',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MANDATORY_NOTIFICATION_KINDS: ReadonlySet<NotificationKind> = new Set(['invitation', 'password_reset']);

/** Which organisations' users receive (and may turn off) each optional notification. */
export const OPTIONAL_NOTIFICATIONS_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly NotificationKind[]> = {
  anct: ['reconciliation_anomalies'],
  funder: ['order_approved', 'order_rejected', 'order_ready', 'carnets_expiring', 'distribution_stopping'],
  prescriber: ['carnets_expiring', 'distribution_stopping'],
  venue: ['statement_drawn_up', 'statement_paid', 'qualification_decided'],
};

/** What a user reads in their preferences. */
export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  invitation: 'Invitation à rejoindre la plateforme',
  password_reset: 'Réinitialisation du mot de passe',
  order_approved: 'Commande approuvée',
  order_rejected: 'Commande refusée',
  order_ready: 'Carnets de la commande disponibles',
  carnets_expiring: 'Carnets non utilisés qui arrivent à échéance (J-30)',
  distribution_stopping: 'Fin de la distribution des carnets (J-15)',
  statement_drawn_up: 'Relevé de remboursement établi',
  statement_paid: 'Relevé de remboursement payé',
  qualification_decided: 'Décision sur la qualification du lieu',
  reconciliation_anomalies: 'Anomalies trouvées par le rapprochement',
};
