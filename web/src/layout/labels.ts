/** French labels of the enumerations the pages show. */
export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  anct: 'ANCT',
  funder: 'Financeur',
  prescriber: 'Prescripteur',
  venue: 'Lieu de médiation',
};

export const ROLE_LABELS: Record<string, string> = {
  anct_admin: 'Administrateur ANCT',
  funder_manager: 'Gestionnaire financeur',
  prescriber_agent: 'Agent prescripteur',
  venue_agent: 'Agent de lieu de médiation',
};

export const ORDER_STATUS_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  submitted: 'Envoyée',
  approved: 'Validée',
  rejected: 'Refusée',
  paid: 'Payée',
  generating: 'En préparation',
  ready: 'Prête',
  cancelled: 'Annulée',
};

export const CARNET_STATUS_LABELS: Record<string, string> = {
  in_stock: 'En stock',
  allocated: 'Attribué',
  issued: 'Remis',
  fully_used: 'Entièrement utilisé',
  expired: 'Expiré',
  cancelled: 'Annulé',
};

export const QUALIFICATION_LABELS: Record<string, string> = {
  pending: 'En attente de qualification',
  qualified: 'Qualifié',
  refused: 'Refusé',
  suspended: 'Suspendu',
  withdrawn: 'Retiré',
};

export function label(labels: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return labels[value] ?? value;
}

const EURO = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
export function euros(cents: number | string): string {
  return EURO.format(Number(cents) / 100);
}

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });
export function frenchDate(value: string | null | undefined): string {
  return value ? DATE.format(new Date(value)) : '—';
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });
export function frenchDateTime(value: string | null | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}

export const LEDGER_ENTRY_KIND_LABELS: Record<string, string> = {
  order_face_value_due: 'Valeur des chèques due',
  operator_fee_due: 'Frais de gestion dus',
  funder_payment_received: 'Paiement reçu',
  redemption_owed_to_venue: 'Encaissement dû au lieu',
  venue_payment_made: 'Remboursement versé au lieu',
  expired_value_credit_note: 'Avoir sur chèques non utilisés',
  state_share_due: "Part de l'État due",
  state_share_paid: "Part de l'État versée",
};
