import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { FunderDashboardPage } from './dashboard/FunderDashboardPage';
import { ExpiryPage } from './expiry/ExpiryPage';
import { FunderHomePage } from './FunderHomePage';
import { NewOrderPage } from './orders/NewOrderPage';
import { OrderPage } from './orders/OrderPage';
import { OrdersPage } from './orders/OrdersPage';
import { ProgrammesPage } from './programmes/ProgrammesPage';
import { DormantStockPage } from './stock/DormantStockPage';
import { StockPage } from './stock/StockPage';
import { StructuresPage } from './structures/StructuresPage';

/** The funder's space (/financeur/…), loaded on its own. */
export default function FunderRoutes() {
  return (
    <Routes>
      <Route index element={<FunderHomePage />} />
      <Route path="tableau-de-bord" element={<FunderDashboardPage />} />
      <Route path="programmes" element={<ProgrammesPage />} />
      <Route path="commandes" element={<OrdersPage />} />
      <Route path="commandes/nouvelle" element={<NewOrderPage />} />
      <Route path="commandes/:id" element={<OrderPage />} />
      <Route path="stock" element={<StockPage />} />
      <Route path="stock-dormant" element={<DormantStockPage />} />
      <Route path="structures" element={<StructuresPage />} />
      <Route path="echeances" element={<ExpiryPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
