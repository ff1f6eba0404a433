import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { FunderDashboardPage } from './dashboard/FunderDashboardPage';
import { FunderHomePage } from './FunderHomePage';

/** The funder's space (/financeur/…), loaded on its own. */
export default function FunderRoutes() {
  return (
    <Routes>
      <Route index element={<FunderHomePage />} />
      <Route path="tableau-de-bord" element={<FunderDashboardPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
