import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { AnctHomePage } from './AnctHomePage';
import { AuditPage } from './audit/AuditPage';
import { JobsPage } from './jobs/JobsPage';
import { OrderPage } from './orders/OrderPage';
import { OrdersPage } from './orders/OrdersPage';
import { OrganisationPage } from './organisations/OrganisationPage';
import { OrganisationsPage } from './organisations/OrganisationsPage';
import { ProgrammePage } from './programmes/ProgrammePage';
import { ProgrammesPage } from './programmes/ProgrammesPage';
import { ReconciliationPage } from './reconciliation/ReconciliationPage';
import { ReconciliationRunPage } from './reconciliation/ReconciliationRunPage';
import { ReimbursementsPage } from './reimbursements/ReimbursementsPage';
import { StatementPage } from './reimbursements/StatementPage';
import { StateSharePage } from './state-share/StateSharePage';
import { VenuePage } from './venues/VenuePage';
import { VenuesPage } from './venues/VenuesPage';

/** ANCT's back office (/anct/…), loaded on its own. */
export default function AnctRoutes() {
  return (
    <Routes>
      <Route index element={<AnctHomePage />} />
      <Route path="programmes" element={<ProgrammesPage />} />
      <Route path="programmes/:id" element={<ProgrammePage />} />
      <Route path="commandes" element={<OrdersPage />} />
      <Route path="commandes/:id" element={<OrderPage />} />
      <Route path="lieux" element={<VenuesPage />} />
      <Route path="lieux/:id" element={<VenuePage />} />
      <Route path="remboursements" element={<ReimbursementsPage />} />
      <Route path="remboursements/releves/:id" element={<StatementPage />} />
      <Route path="part-etat" element={<StateSharePage />} />
      <Route path="rapprochement" element={<ReconciliationPage />} />
      <Route path="rapprochement/:id" element={<ReconciliationRunPage />} />
      <Route path="organisations" element={<OrganisationsPage />} />
      <Route path="organisations/:id" element={<OrganisationPage />} />
      <Route path="journal" element={<AuditPage />} />
      <Route path="traitements" element={<JobsPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
