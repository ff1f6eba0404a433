import { buildOpenApiDocument } from '../src/http-app';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts, venueAgent } from './support/actors';
import { uniqueEmail, uniqueSiren, uniqueSiret } from './support/identifiers';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, type StockCarnet } from './support/factories';
import { approvedOrder, draftOrder, enrolViaApi, paymentOf, programmeViaApi, submittedOrder } from './support/orders';
import { decide, issuedVouchers, randomUnknownCode, redeemRequest } from './support/redemption-fixtures';
import { randomUUID } from 'node:crypto';

type ActorName = 'anct' | 'funderA' | 'prescriberA' | 'venueA' | 'funderB' | 'prescriberB' | 'venueB';
const ALL_ACTORS: ActorName[] = ['anct', 'funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'];

interface Fixtures {
  actors: Record<ActorName, LoggedIn>;
  funderAApiKeyId: string;
  funderAColleagueId: string;
  /** An invitation prescriber A sent and nobody accepted yet. */
  prescriberAPendingUserId: string;
  /** A programme funder A is enrolled in, and orders of funder A in three states. */
  programmeAId: string;
  draftOrderId: string;
  submittedOrderId: string;
  approvedOrder: { id: string; totalDueCents: string };
  /** Carnets of funder A's order: allocated to prescriber A, and one handed out then cancelled. */
  prescriberACarnets: StockCarnet[];
  cancelledIssuedCarnetId: string;
  /** The person prescriber A handed that carnet to. */
  prescriberABeneficiaryId: string;
  prescriberAPrintRunId: string;
  jobRunId: string;
  venueAStatementId: string;
  paymentBatchId: string;
  funderAReportId: string;
  venueASiteId: string;
  venueAServiceId: string;
  venueARedemptionId: string;
}

const VENUE_AGENTS: ActorName[] = ['venueA', 'venueB'];
const site = () => ({
  name: 'Antenne',
  addressLine: '1 rue',
  postalCode: '69001',
  city: 'Lyon',
  communeInseeCode: '69381',
  openingHours: [],
});

interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, as in /docs-json. */
  route: string;
  url: (f: Fixtures) => string;
  body?: (f: Fixtures) => object;
  /** Who may succeed. Every other actor must get 403 or 404 and leave the database unchanged. */
  allowed: ActorName[];
}

/**
 * Every authenticated endpoint, with a valid request aimed at organisation A's objects.
 * The coverage test below fails when an endpoint is added without a row here.
 */
const ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    route: '/api/v1/organisations/funders',
    url: () => '/api/v1/organisations/funders',
    body: () => ({
      name: 'Région',
      siren: uniqueSiren(),
      funderKind: 'region',
      departementCode: '69',
      admin: { email: uniqueEmail('r'), displayName: 'R' },
    }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/organisations/venues',
    url: () => '/api/v1/organisations/venues',
    body: () => ({
      name: 'EPN',
      siret: uniqueSiret(),
      addressLine: '1 rue',
      postalCode: '69001',
      city: 'Lyon',
      communeInseeCode: '69381',
      admin: { email: uniqueEmail('v'), displayName: 'V' },
    }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/organisations/prescribers',
    url: () => '/api/v1/organisations/prescribers',
    body: () => ({ name: 'CCAS', siret: uniqueSiret(), communeInseeCode: '69266', admin: { email: uniqueEmail('p'), displayName: 'P' } }),
    allowed: ['funderA', 'funderB'],
  },
  { method: 'get', route: '/api/v1/organisations', url: () => '/api/v1/organisations', allowed: ALL_ACTORS },
  {
    method: 'get',
    route: '/api/v1/organisations/{id}',
    url: (f) => `/api/v1/organisations/${f.actors.funderA.organisationId}`,
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  { method: 'get', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', allowed: ALL_ACTORS },
  {
    method: 'post',
    route: '/api/v1/api-keys',
    url: () => '/api/v1/api-keys',
    body: () => ({ name: 'k' }),
    allowed: ['funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'],
  },
  {
    method: 'get',
    route: '/api/v1/api-keys',
    url: () => '/api/v1/api-keys',
    allowed: ['funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'],
  },
  { method: 'delete', route: '/api/v1/api-keys/{id}', url: (f) => `/api/v1/api-keys/${f.funderAApiKeyId}`, allowed: ['funderA'] },
  {
    method: 'get',
    route: '/api/v1/organisations/{organisationId}/api-keys',
    url: (f) => `/api/v1/organisations/${f.actors.funderA.organisationId}/api-keys`,
    allowed: ['anct'],
  },
  {
    method: 'delete',
    route: '/api/v1/organisations/{organisationId}/api-keys/{id}',
    url: (f) => `/api/v1/organisations/${f.actors.funderA.organisationId}/api-keys/${f.funderAApiKeyId}`,
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => ({ email: uniqueEmail('u'), displayName: 'U' }),
    allowed: ALL_ACTORS,
  },
  { method: 'get', route: '/api/v1/users', url: () => '/api/v1/users', allowed: ALL_ACTORS },
  // Into another organisation: ANCT anywhere, a funder into the prescriber structures it works with.
  {
    method: 'post',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: (f) => ({ email: uniqueEmail('u'), displayName: 'U', organisationId: f.actors.prescriberA.organisationId }),
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  {
    method: 'get',
    route: '/api/v1/users',
    url: (f) => `/api/v1/users?organisationId=${f.actors.prescriberA.organisationId}`,
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  {
    method: 'post',
    route: '/api/v1/users/{id}/invitation',
    url: (f) => `/api/v1/users/${f.prescriberAPendingUserId}/invitation`,
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  {
    method: 'delete',
    route: '/api/v1/users/{id}/invitation',
    url: (f) => `/api/v1/users/${f.prescriberAPendingUserId}/invitation`,
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  {
    method: 'post',
    route: '/api/v1/users/{id}/deactivate',
    url: (f) => `/api/v1/users/${f.funderAColleagueId}/deactivate`,
    allowed: ['anct', 'funderA'],
  },
  { method: 'get', route: '/api/v1/audit-events', url: () => '/api/v1/audit-events', allowed: ['anct'] },
  {
    method: 'post',
    route: '/api/v1/programmes',
    url: () => '/api/v1/programmes',
    body: () => ({ name: `Programme ${uniqueEmail('p')}`, year: 2026, validUntil: '2027-12-31' }),
    allowed: ['anct'],
  },
  { method: 'get', route: '/api/v1/programmes', url: () => '/api/v1/programmes', allowed: ['anct', 'funderA', 'funderB'] },
  { method: 'get', route: '/api/v1/programmes/{id}', url: (f) => `/api/v1/programmes/${f.programmeAId}`, allowed: ['anct', 'funderA'] },
  {
    method: 'patch',
    route: '/api/v1/programmes/{id}',
    url: (f) => `/api/v1/programmes/${f.programmeAId}`,
    body: () => ({ graceDays: 30 }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/programmes/{id}/enrolments',
    url: (f) => `/api/v1/programmes/${f.programmeAId}/enrolments`,
    body: (f) => ({ funderId: f.actors.funderB.organisationId }),
    allowed: ['anct'],
  },
  {
    method: 'get',
    route: '/api/v1/programmes/{id}/enrolments',
    url: (f) => `/api/v1/programmes/${f.programmeAId}/enrolments`,
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/orders',
    url: () => '/api/v1/orders',
    body: (f) => ({ programmeId: f.programmeAId, carnetCount: 200, carnetSize: 5 }),
    allowed: ['funderA'],
  },
  { method: 'get', route: '/api/v1/orders', url: () => '/api/v1/orders', allowed: ['anct', 'funderA', 'funderB'] },
  { method: 'get', route: '/api/v1/orders/{id}', url: (f) => `/api/v1/orders/${f.draftOrderId}`, allowed: ['anct', 'funderA'] },
  {
    method: 'get',
    route: '/api/v1/orders/{id}/ledger',
    url: (f) => `/api/v1/orders/${f.approvedOrder.id}/ledger`,
    allowed: ['anct', 'funderA'],
  },
  { method: 'post', route: '/api/v1/orders/{id}/submit', url: (f) => `/api/v1/orders/${f.draftOrderId}/submit`, allowed: ['funderA'] },
  { method: 'post', route: '/api/v1/orders/{id}/approve', url: (f) => `/api/v1/orders/${f.submittedOrderId}/approve`, allowed: ['anct'] },
  {
    method: 'post',
    route: '/api/v1/orders/{id}/reject',
    url: (f) => `/api/v1/orders/${f.submittedOrderId}/reject`,
    body: () => ({ reason: 'Hors règles' }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/orders/{id}/payment',
    url: (f) => `/api/v1/orders/${f.approvedOrder.id}/payment`,
    body: (f) => paymentOf(f.approvedOrder),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/orders/{id}/cancel',
    url: (f) => `/api/v1/orders/${f.draftOrderId}/cancel`,
    body: () => ({}),
    allowed: ['anct', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/carnets/stock',
    url: () => '/api/v1/carnets/stock',
    allowed: ['funderA', 'prescriberA', 'funderB', 'prescriberB'],
  },
  {
    method: 'get',
    route: '/api/v1/carnets',
    url: () => '/api/v1/carnets',
    allowed: ['anct', 'funderA', 'prescriberA', 'funderB', 'prescriberB'],
  },
  { method: 'get', route: '/api/v1/carnets/dormant-stock', url: () => '/api/v1/carnets/dormant-stock', allowed: ['funderA', 'funderB'] },
  {
    method: 'get',
    route: '/api/v1/carnets/alerts',
    url: () => '/api/v1/carnets/alerts',
    allowed: ['funderA', 'prescriberA', 'funderB', 'prescriberB'],
  },
  { method: 'get', route: '/api/v1/carnet-issuances', url: () => '/api/v1/carnet-issuances', allowed: ['prescriberA', 'prescriberB'] },
  {
    method: 'post',
    route: '/api/v1/carnets/holder-check',
    url: () => '/api/v1/carnets/holder-check',
    body: () => ({ fullName: 'Léa Martin', birthDate: '1970-05-04' }),
    allowed: ['prescriberA', 'prescriberB'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/allocations',
    url: () => '/api/v1/carnets/allocations',
    body: (f) => ({ prescriberId: f.actors.prescriberA.organisationId, count: 1 }),
    allowed: ['funderA'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/returns',
    url: () => '/api/v1/carnets/returns',
    body: (f) => ({ prescriberId: f.actors.prescriberA.organisationId, count: 1 }),
    allowed: ['funderA'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/{id}/issue',
    url: (f) => `/api/v1/carnets/${f.prescriberACarnets[0].id}/issue`,
    body: () => ({ firstName: 'Léa', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'health', consent: true }),
    allowed: ['prescriberA'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/{id}/replacement',
    url: (f) => `/api/v1/carnets/${f.cancelledIssuedCarnetId}/replacement`,
    body: (f) => ({ replacementCarnetId: f.prescriberACarnets[0].id }),
    allowed: ['prescriberA'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/{id}/opposition',
    url: (f) => `/api/v1/carnets/${f.prescriberACarnets[0].id}/opposition`,
    body: () => ({ reason: 'lost' }),
    allowed: ['prescriberA', 'funderA'],
  },
  {
    method: 'post',
    route: '/api/v1/carnets/opposition',
    url: () => '/api/v1/carnets/opposition',
    body: (f) => ({ fromNumber: f.prescriberACarnets[0].number, toNumber: f.prescriberACarnets[1].number, reason: 'lost' }),
    allowed: ['prescriberA', 'funderA'],
  },
  {
    method: 'post',
    route: '/api/v1/vouchers/{serial}/opposition',
    url: (f) => `/api/v1/vouchers/${f.prescriberACarnets[0].vouchers[0].serial}/opposition`,
    body: () => ({ reason: 'stolen' }),
    allowed: ['prescriberA', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/carnets/{id}/pdf',
    url: (f) => `/api/v1/carnets/${f.prescriberACarnets[0].id}/pdf`,
    allowed: ['prescriberA', 'funderA'],
  },
  {
    method: 'post',
    route: '/api/v1/print-runs',
    url: () => '/api/v1/print-runs',
    body: (f) => ({ carnetIds: [f.prescriberACarnets[0].id] }),
    allowed: ['prescriberA', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/print-runs',
    url: () => '/api/v1/print-runs',
    // ANCT watches the platform's jobs: it lists every organisation's runs, but opens neither a run nor its files.
    allowed: ['anct', 'funderA', 'prescriberA', 'funderB', 'prescriberB'],
  },
  {
    method: 'get',
    route: '/api/v1/print-runs/{id}',
    url: (f) => `/api/v1/print-runs/${f.prescriberAPrintRunId}`,
    allowed: ['prescriberA'],
  },
  {
    method: 'get',
    route: '/api/v1/print-runs/{id}/files/{index}',
    url: (f) => `/api/v1/print-runs/${f.prescriberAPrintRunId}/files/1`,
    allowed: ['prescriberA'],
  },
  { method: 'get', route: '/api/v1/job-runs', url: () => '/api/v1/job-runs', allowed: ['anct'] },
  { method: 'get', route: '/api/v1/job-runs/{id}', url: (f) => `/api/v1/job-runs/${f.jobRunId}`, allowed: ['anct'] },
  // The import takes a CSV body; the role guard refuses outsiders whatever the body.
  { method: 'post', route: '/api/v1/venue-imports', url: () => '/api/v1/venue-imports', body: () => ({}), allowed: ['anct'] },
  { method: 'get', route: '/api/v1/venue-imports', url: () => '/api/v1/venue-imports', allowed: ['anct'] },
  {
    method: 'get',
    route: '/api/v1/venue-imports/{id}',
    url: () => '/api/v1/venue-imports/00000000-0000-4000-8000-000000000000',
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/reimbursement-statement-runs',
    url: () => '/api/v1/reimbursement-statement-runs',
    body: () => ({}),
    allowed: ['anct'],
  },
  {
    method: 'get',
    route: '/api/v1/reimbursement-statements',
    url: () => '/api/v1/reimbursement-statements',
    allowed: ['anct', 'venueA', 'venueB'],
  },
  {
    method: 'get',
    route: '/api/v1/reimbursement-statements/{id}',
    url: (f) => `/api/v1/reimbursement-statements/${f.venueAStatementId}`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/reimbursement-statements/{id}/validate',
    url: (f) => `/api/v1/reimbursement-statements/${f.venueAStatementId}/validate`,
    allowed: ['anct'],
  },
  {
    method: 'get',
    route: '/api/v1/reimbursement-statements/{id}/statement.pdf',
    url: (f) => `/api/v1/reimbursement-statements/${f.venueAStatementId}/statement.pdf`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'get',
    route: '/api/v1/reimbursement-statements/{id}/statement.csv',
    url: (f) => `/api/v1/reimbursement-statements/${f.venueAStatementId}/statement.csv`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'put',
    route: '/api/v1/venues/{venueId}/bank-account',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/bank-account`,
    body: () => ({ iban: 'FR7630006000011234567890189', holderName: 'EPN' }),
    allowed: ['venueA'],
  },
  {
    method: 'get',
    route: '/api/v1/venues/{venueId}/bank-account',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/bank-account`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/payment-batches',
    url: () => '/api/v1/payment-batches',
    body: () => ({ statementIds: ['00000000-0000-4000-8000-000000000000'], requestedExecutionDate: '2099-01-01' }),
    allowed: ['anct'],
  },
  { method: 'get', route: '/api/v1/payment-batches', url: () => '/api/v1/payment-batches', allowed: ['anct'] },
  { method: 'get', route: '/api/v1/payment-batches/{id}', url: (f) => `/api/v1/payment-batches/${f.paymentBatchId}`, allowed: ['anct'] },
  {
    method: 'get',
    route: '/api/v1/payment-batches/{id}/sepa.xml',
    url: (f) => `/api/v1/payment-batches/${f.paymentBatchId}/sepa.xml`,
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/payment-batches/{id}/confirm',
    url: (f) => `/api/v1/payment-batches/${f.paymentBatchId}/confirm`,
    body: () => ({ paidOn: '2026-01-15' }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/payment-batches/{id}/cancel',
    url: (f) => `/api/v1/payment-batches/${f.paymentBatchId}/cancel`,
    allowed: ['anct'],
  },
  {
    method: 'get',
    route: '/api/v1/state-share',
    url: (f) => `/api/v1/state-share?programmeId=${f.programmeAId}`,
    allowed: ['anct', 'funderA', 'funderB'],
  },
  { method: 'post', route: '/api/v1/state-share-runs', url: () => '/api/v1/state-share-runs', allowed: ['anct'] },
  {
    method: 'post',
    route: '/api/v1/state-share-payments',
    url: () => '/api/v1/state-share-payments',
    body: () => ({
      programmeId: '00000000-0000-4000-8000-000000000000',
      funderId: '00000000-0000-4000-8000-000000000000',
      amountCents: 1,
      paidOn: '2026-01-15',
      reference: 'R',
    }),
    allowed: ['anct'],
  },
  {
    method: 'get',
    route: '/api/v1/ledger/balances',
    url: () => '/api/v1/ledger/balances',
    allowed: ['anct', 'funderA', 'funderB', 'venueA', 'venueB'],
  },
  {
    method: 'get',
    route: '/api/v1/ledger/entries',
    url: () => '/api/v1/ledger/entries',
    allowed: ['anct', 'funderA', 'funderB', 'venueA', 'venueB'],
  },
  { method: 'post', route: '/api/v1/expiry-runs', url: () => '/api/v1/expiry-runs', allowed: ['anct'] },
  { method: 'get', route: '/api/v1/expiry-warnings', url: () => '/api/v1/expiry-warnings', allowed: ['anct', 'funderA', 'funderB'] },
  { method: 'post', route: '/api/v1/reconciliation-runs', url: () => '/api/v1/reconciliation-runs', allowed: ['anct'] },
  { method: 'get', route: '/api/v1/reconciliation-runs', url: () => '/api/v1/reconciliation-runs', allowed: ['anct'] },
  { method: 'get', route: '/api/v1/reconciliation-runs/{id}', url: (f) => `/api/v1/reconciliation-runs/${f.jobRunId}`, allowed: ['anct'] },
  {
    method: 'get',
    route: '/api/v1/reconciliation-runs/{id}/anomalies',
    url: (f) => `/api/v1/reconciliation-runs/${f.jobRunId}/anomalies`,
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/funding-reports',
    url: () => '/api/v1/funding-reports',
    body: () => ({ programmeId: '00000000-0000-4000-8000-000000000000' }),
    allowed: ['anct', 'funderA', 'funderB'],
  },
  { method: 'get', route: '/api/v1/funding-reports', url: () => '/api/v1/funding-reports', allowed: ['anct', 'funderA', 'funderB'] },
  {
    method: 'get',
    route: '/api/v1/funding-reports/{id}',
    url: (f) => `/api/v1/funding-reports/${f.funderAReportId}`,
    allowed: ['anct', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/funding-reports/{id}/summary.csv',
    url: (f) => `/api/v1/funding-reports/${f.funderAReportId}/summary.csv`,
    allowed: ['anct', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/funding-reports/{id}/funnel.csv',
    url: (f) => `/api/v1/funding-reports/${f.funderAReportId}/funnel.csv`,
    allowed: ['anct', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/funding-reports/{id}/report.xlsx',
    url: (f) => `/api/v1/funding-reports/${f.funderAReportId}/report.xlsx`,
    allowed: ['anct', 'funderA'],
  },
  {
    method: 'get',
    route: '/api/v1/funding-figures',
    url: (f) => `/api/v1/funding-figures?programmeId=${f.programmeAId}&funderId=${f.actors.funderA.organisationId}`,
    allowed: ['anct', 'funderA'],
  },
  { method: 'get', route: '/api/v1/venues', url: () => '/api/v1/venues', allowed: ['anct'] },
  {
    method: 'get',
    route: '/api/v1/venues/{id}',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/venues/{id}/qualification',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/qualification`,
    body: () => ({ decision: 'suspend', reason: 'Contrôle' }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/api/v1/venues/{id}/sites',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/sites`,
    body: site,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'put',
    route: '/api/v1/venues/{id}/sites/{siteId}',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/sites/${f.venueASiteId}`,
    body: () => ({ ...site(), name: 'Antenne rebaptisée' }),
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'put',
    route: '/api/v1/venues/{id}/services/{serviceId}',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/services/${f.venueAServiceId}`,
    body: () => ({ label: 'Atelier rebaptisé', category: 'first_steps', durationMinutes: 90 }),
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/venues/{id}/sites/{siteId}/deactivate',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/sites/${f.venueASiteId}/deactivate`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/venues/{id}/services',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/services`,
    body: () => ({ label: 'Atelier', category: 'first_steps', durationMinutes: 60 }),
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/venues/{id}/services/{serviceId}/deactivate',
    url: (f) => `/api/v1/venues/${f.actors.venueA.organisationId}/services/${f.venueAServiceId}/deactivate`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/redemptions/check',
    url: () => '/api/v1/redemptions/check',
    body: () => ({ code: randomUnknownCode() }),
    allowed: VENUE_AGENTS,
  },
  {
    method: 'post',
    route: '/api/v1/redemptions',
    url: () => '/api/v1/redemptions',
    body: () => ({ serviceId: randomUUID(), vouchers: [{ code: randomUnknownCode() }] }),
    allowed: VENUE_AGENTS,
  },
  {
    method: 'post',
    route: '/api/v1/redemptions/offline-batches',
    url: () => '/api/v1/redemptions/offline-batches',
    body: () => ({ deviceId: 'd', scans: [{ code: randomUnknownCode(), scannedAt: new Date().toISOString(), serviceId: randomUUID() }] }),
    allowed: VENUE_AGENTS,
  },
  { method: 'get', route: '/api/v1/redemptions', url: () => '/api/v1/redemptions', allowed: ['anct', ...VENUE_AGENTS] },
  { method: 'get', route: '/api/v1/redemptions/totals', url: () => '/api/v1/redemptions/totals', allowed: VENUE_AGENTS },
  {
    method: 'get',
    route: '/api/v1/redemptions/{id}',
    url: (f) => `/api/v1/redemptions/${f.venueARedemptionId}`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/api/v1/redemptions/{id}/cancel',
    url: (f) => `/api/v1/redemptions/${f.venueARedemptionId}/cancel`,
    body: () => ({ reason: 'Erreur' }),
    allowed: ['venueA'],
  },
  { method: 'get', route: '/api/v1/notification-preferences', url: () => '/api/v1/notification-preferences', allowed: ALL_ACTORS },
  {
    method: 'put',
    route: '/api/v1/notification-preferences',
    url: () => '/api/v1/notification-preferences',
    body: () => ({ preferences: [{ kind: 'order_ready', enabled: true }] }),
    // Only funders receive "order ready": the others get 422 and nothing changes (the matrix only checks outsiders).
    allowed: ALL_ACTORS,
  },
  {
    method: 'get',
    route: '/api/v1/beneficiaries/{id}/personal-data',
    url: (f) => `/api/v1/beneficiaries/${f.prescriberABeneficiaryId}/personal-data`,
    allowed: ['anct', 'prescriberA'],
  },
  {
    method: 'post',
    route: '/api/v1/beneficiaries/{id}/erasure',
    url: (f) => `/api/v1/beneficiaries/${f.prescriberABeneficiaryId}/erasure`,
    allowed: ['anct', 'prescriberA'],
  },
];

const PUBLIC_ROUTES = [
  '/health',
  '/health/ready',
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/accept-invitation',
  // Browser sessions: open (login), renew and close; the CSRF rules guard them (test/web-app.e2e-spec.ts).
  '/api/v1/auth/session',
  '/api/v1/auth/session/refresh',
  '/api/v1/auth/password-reset-requests',
  '/api/v1/auth/password-reset',
  // Token-based: the invitation or reset token proves who the person is, then the session cookies are set.
  '/api/v1/auth/session/invitation',
  '/api/v1/auth/session/password-reset',
  // Whether ProConnect is offered on the login page, and its sign-out (an address on the provider's origin only).
  '/api/v1/auth/proconnect',
  '/api/v1/auth/proconnect/logout',
  '/api/v1/auth/proconnect/login',
  '/api/v1/auth/proconnect/callback',
  '/api/v1/public/signing-keys',
  '/api/v1/public/revocations',
  '/api/v1/venues/applications',
  '/api/v1/public/venues',
  '/api/v1/public/venues/export/csv',
  '/api/v1/public/venues/export/json',
  '/api/v1/public/venue-sites',
  '/api/v1/public/venue-sites/{id}',
  '/api/v1/public/communes',
];

describe('Role × endpoint × organisation matrix', () => {
  let testApp: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    const funderA = await funderManager(testApp, anct);
    const funderB = await funderManager(testApp, anct);
    const actors: Record<ActorName, LoggedIn> = {
      anct,
      funderA,
      funderB,
      prescriberA: await prescriberAgent(testApp, funderA),
      prescriberB: await prescriberAgent(testApp, funderB),
      venueA: await venueAgent(testApp, anct),
      venueB: await venueAgent(testApp, anct),
    };
    const key = await http(testApp).post('/api/v1/api-keys').set(bearer(funderA.token)).send({ name: 'A' }).expect(201);
    const colleague = await http(testApp)
      .post('/api/v1/users')
      .set(bearer(funderA.token))
      .send({ email: uniqueEmail('c'), displayName: 'C' })
      .expect(201);
    const pending = await http(testApp)
      .post('/api/v1/users')
      .set(bearer(actors.prescriberA.token))
      .send({ email: uniqueEmail('pending'), displayName: 'P' })
      .expect(201);
    const programme = await programmeViaApi(testApp, anct);
    await enrolViaApi(testApp, anct, programme.id, funderA.organisationId);
    const steps = { anct, funder: funderA, programmeId: programme.id };
    const stockProgramme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, stockProgramme.id, funderA.organisationId);
    const { carnets } = await createReadyOrder(testApp, { programme: stockProgramme, funderId: funderA.organisationId, carnetCount: 3 });
    await allocateCarnets(
      testApp,
      carnets.map((carnet) => carnet.id),
      actors.prescriberA.organisationId,
    );
    const issued = carnets[2];
    const handedOut = await http(testApp)
      .post(`/api/v1/carnets/${issued.id}/issue`)
      .set(bearer(actors.prescriberA.token))
      .send({ firstName: 'Léa', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'health', consent: true })
      .expect(201);
    await http(testApp)
      .post(`/api/v1/carnets/${issued.id}/opposition`)
      .set(bearer(actors.prescriberA.token))
      .send({ reason: 'lost' })
      .expect(200);
    const printRun = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(actors.prescriberA.token))
      .send({ carnetIds: [carnets[0].id] })
      .expect(202);
    const [run] = await testApp.dataSource.query(
      `INSERT INTO job_runs (kind, trigger, job_key, status) VALUES ('reconciliation', 'manual', 'matrix', 'completed') RETURNING id`,
    );
    const [statement] = await testApp.dataSource.query(
      `INSERT INTO reimbursement_statements (number, venue_id, run_id, period_start, period_end, redemption_count, total_cents)
       VALUES ('RB-2026-999999', $1, $2, '2026-01-01', '2026-01-31', 1, 1000) RETURNING id`,
      [actors.venueA.organisationId, run.id],
    );
    const [batch] = await testApp.dataSource.query(
      `INSERT INTO payment_batches (message_id, requested_execution_date, transfer_count, control_sum_cents, xml)
       VALUES ('PN-20260101-999999', '2026-01-02', 1, 1000, '<Document/>') RETURNING id`,
    );
    const [report] = await testApp.dataSource.query(
      `INSERT INTO funding_reports (programme_id, funder_id, requested_by_organisation_id) VALUES ($1, $2, $2) RETURNING id`,
      [programme.id, actors.funderA.organisationId],
    );
    const venueA = actors.venueA;
    const venueASite = await http(testApp)
      .post(`/api/v1/venues/${venueA.organisationId}/sites`)
      .set(bearer(venueA.token))
      .send(site())
      .expect(201);
    const service = await http(testApp)
      .post(`/api/v1/venues/${venueA.organisationId}/services`)
      .set(bearer(venueA.token))
      .send({ label: 'Atelier', category: 'first_steps', durationMinutes: 60 })
      .expect(201);
    await decide(testApp, anct, venueA.organisationId, 'qualify');
    const stock = await issuedVouchers(testApp, anct, { funder: funderA, carnetCount: 1, carnetSize: 1 });
    const redeemed = await redeemRequest(
      testApp,
      { agent: venueA, venueId: venueA.organisationId, serviceId: service.body.id, siteId: venueASite.body.id },
      [{ code: stock.vouchers[0].code }],
    ).expect(201);
    fixtures = {
      actors,
      funderAApiKeyId: key.body.id,
      funderAColleagueId: colleague.body.user.id,
      prescriberAPendingUserId: pending.body.user.id,
      programmeAId: programme.id,
      draftOrderId: (await draftOrder(testApp, steps)).id,
      submittedOrderId: (await submittedOrder(testApp, steps)).id,
      approvedOrder: await approvedOrder(testApp, steps),
      prescriberACarnets: carnets.slice(0, 2),
      cancelledIssuedCarnetId: issued.id,
      prescriberABeneficiaryId: handedOut.body.beneficiaryId,
      prescriberAPrintRunId: printRun.body.id,
      jobRunId: run.id,
      venueAStatementId: statement.id,
      paymentBatchId: batch.id,
      funderAReportId: report.id,
      venueASiteId: venueASite.body.id,
      venueAServiceId: service.body.id,
      venueARedemptionId: redeemed.body.redemptions[0].id,
    };
  });
  afterAll(() => testApp.close());

  it('lists every documented route either as public or in the matrix', () => {
    const document = buildOpenApiDocument(testApp.app);
    const documented = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method} ${route}`),
    );
    const covered = new Set([
      ...ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.route}`),
      ...PUBLIC_ROUTES.flatMap((route) => ['get', 'post', 'delete'].map((method) => `${method} ${route}`)),
    ]);
    expect(documented.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  for (const endpoint of ENDPOINTS) {
    const outsiders = ALL_ACTORS.filter((actor) => !endpoint.allowed.includes(actor));
    if (outsiders.length === 0) continue;
    it(`${endpoint.method.toUpperCase()} ${endpoint.route}: ${outsiders.join(', ')} get 403/404 and change nothing`, async () => {
      for (const outsider of outsiders) {
        const before = await tableCounts(testApp);
        let call = http(testApp)[endpoint.method](endpoint.url(fixtures)).set(bearer(fixtures.actors[outsider].token));
        if (endpoint.body) call = call.send(endpoint.body(fixtures));
        const response = await call;
        expect({ outsider, refused: [403, 404].includes(response.status) }).toEqual({ outsider, refused: true });
        expect(await tableCounts(testApp)).toEqual(before);
      }
    });
  }

  it('lets an allowed actor read what an outsider cannot', async () => {
    const { actors } = fixtures;
    await http(testApp).get(`/api/v1/organisations/${actors.funderA.organisationId}`).set(bearer(actors.prescriberA.token)).expect(200);
    await http(testApp).get(`/api/v1/organisations/${actors.funderA.organisationId}`).set(bearer(actors.prescriberB.token)).expect(404);
    const seenByFunderB = await http(testApp).get('/api/v1/organisations').set(bearer(actors.funderB.token)).expect(200);
    const ids = seenByFunderB.body.items.map((organisation: { id: string }) => organisation.id);
    expect(ids).toContain(actors.funderB.organisationId);
    expect(ids).not.toContain(actors.funderA.organisationId);
    expect(ids).not.toContain(actors.prescriberA.organisationId);
  });

  it('answers another organisation’s object exactly like a missing one', async () => {
    const { actors } = fixtures;
    const other = await http(testApp)
      .get(`/api/v1/organisations/${actors.venueA.organisationId}`)
      .set(bearer(actors.venueB.token))
      .expect(404);
    const missing = await http(testApp)
      .get('/api/v1/organisations/00000000-0000-4000-8000-000000000000')
      .set(bearer(actors.venueB.token))
      .expect(404);
    expect({ ...other.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
  });
});
