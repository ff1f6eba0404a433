import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { HandOutPage } from './hand-out/HandOutPage';
import { OppositionPage } from './opposition/OppositionPage';
import { PrescriberHomePage } from './PrescriberHomePage';
import { PrintRunsPage } from './print-runs/PrintRunsPage';
import { StockPage } from './stock/StockPage';

/** The prescriber structure's space (/prescripteur/…), loaded on its own. */
export default function PrescriberRoutes() {
  return (
    <Routes>
      <Route index element={<PrescriberHomePage />} />
      <Route path="remettre" element={<HandOutPage />} />
      <Route path="stock" element={<StockPage />} />
      <Route path="opposition" element={<OppositionPage />} />
      <Route path="impressions" element={<PrintRunsPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
