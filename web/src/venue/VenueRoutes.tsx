import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { BankDetailsPage } from './bank/BankDetailsPage';
import { CounterPage } from './counter/CounterPage';
import { HistoryPage } from './history/HistoryPage';
import { StatementsPage } from './statements/StatementsPage';
import { VenueHomePage } from './VenueHomePage';

/** The venue's space (/guichet/…), loaded on its own: a venue agent's phone downloads no other space. */
export default function VenueRoutes() {
  return (
    <Routes>
      <Route index element={<VenueHomePage />} />
      <Route path="encaisser" element={<CounterPage />} />
      <Route path="historique" element={<HistoryPage />} />
      <Route path="releves" element={<StatementsPage />} />
      <Route path="banque" element={<BankDetailsPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
