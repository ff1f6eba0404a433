/** French labels of what ANCT's back office shows (the shared ones are in layout/labels.ts). */
export const PROGRAMME_STATUS_LABELS: Record<string, string> = { open: 'Ouvert', closed: 'Clos' };

export const JOB_KIND_LABELS: Record<string, string> = {
  reimbursement_statements: 'Relevés de remboursement',
  expiry: 'Expiration des chèques',
  state_share: 'Part de l’État',
  reconciliation: 'Rapprochement',
};

export const JOB_STATUS_LABELS: Record<string, string> = {
  queued: 'En attente',
  running: 'En cours',
  completed: 'Terminé',
  failed: 'En échec',
};

export const JOB_TRIGGER_LABELS: Record<string, string> = { schedule: 'Planifié', manual: 'Manuel' };

export const STATEMENT_STATUS_LABELS: Record<string, string> = { draft: 'À valider', validated: 'Validé', paid: 'Payé' };

export const BATCH_STATUS_LABELS: Record<string, string> = {
  exported: 'Fichier émis, paiement à confirmer',
  confirmed: 'Payé',
  cancelled: 'Annulé',
};

export const FUNDER_KIND_LABELS: Record<string, string> = {
  region: 'Région',
  departement: 'Département',
  epci: 'EPCI',
  metropole: 'Métropole',
  commune: 'Commune',
  syndicat_mixte: 'Syndicat mixte',
};

export const QUALIFICATION_DECISION_LABELS: Record<string, string> = {
  qualify: 'Qualifier',
  refuse: 'Refuser',
  suspend: 'Suspendre',
  withdraw: 'Retirer',
};

/** Each reconciliation anomaly kind, said as the invariant it breaks (docs/reimbursements-and-reports.md). */
export const ANOMALY_KIND_LABELS: Record<string, string> = {
  order_payment_mismatch: 'Commande payée : paiements reçus différents de la valeur faciale plus les frais',
  order_due_mismatch: 'Commande validée : montants dus au grand livre différents de ceux de la commande',
  order_stock_mismatch: 'Commande prête : carnets ou chèques générés différents de la commande',
  voucher_carnet_state_mismatch: 'Chèque dans un état impossible pour l’état de son carnet',
  voucher_redemption_mismatch: 'Chèque encaissé sans encaissement actif, ou l’inverse, ou une autre valeur',
  voucher_in_two_statements: 'Chèque présent dans deux relevés',
  statement_total_mismatch: 'Relevé : nombre ou total différent de ses encaissements actifs',
  statement_payment_mismatch: 'Relevé : virements différents de son total',
  redemption_by_unqualified_venue: 'Encaissement par un lieu non qualifié',
  redemption_after_expiry: 'Encaissement après la fin de validité et le délai de grâce',
  redemption_outside_territory: 'Encaissement hors du territoire de la commande',
  redemption_ledger_mismatch: 'Encaissement : montant dû au lieu au grand livre différent de sa valeur',
  venue_balance_mismatch: 'Lieu : encaissé différent de remboursé plus en attente',
  credit_note_mismatch: 'Avoir différent de la valeur non utilisée de la commande',
  state_share_mismatch: 'Part de l’État due différente du taux appliqué à la valeur encaissée (plafonnée)',
  state_share_overpaid: 'Part de l’État versée supérieure à la part due',
};

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  api_key: 'Clé d’API',
  beneficiary: 'Bénéficiaire',
  carnet: 'Carnet',
  funder_state_share: 'Part de l’État d’un financeur',
  offline_batch: 'Lot hors ligne',
  order: 'Commande',
  organisation: 'Organisation',
  payment_batch: 'Lot de virements',
  print_run: 'Impression',
  programme: 'Programme',
  programme_enrolment: 'Inscription à un programme',
  redemption: 'Encaissement',
  reimbursement_statement: 'Relevé de remboursement',
  user: 'Personne',
  venue: 'Lieu',
  venue_bank_account: 'Coordonnées bancaires',
  venue_service: 'Service d’un lieu',
  venue_site: 'Site d’un lieu',
  voucher: 'Chèque',
};
