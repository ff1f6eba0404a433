import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../layout/Loading';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { BankDetailsPage } from './bank/BankDetailsPage';
import { CounterPage } from './counter/CounterPage';
import { HistoryPage } from './history/HistoryPage';
import { StatementsPage } from './statements/StatementsPage';
import { VenueHomePage } from './VenueHomePage';

// The administrator's pages load the opening-hours parser: apart, so that the counter's phone does not download it.
const SitesAndServicesPage = lazy(() =>
  import('./sites/SitesAndServicesPage').then((module) => ({ default: module.SitesAndServicesPage })),
);
const SiteEditPage = lazy(() => import('./sites/SiteEditPage').then((module) => ({ default: module.SiteEditPage })));
const ServiceFormPage = lazy(() => import('./services/ServiceFormPage').then((module) => ({ default: module.ServiceFormPage })));

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
      <Route
        path="lieu"
        element={
          <Suspense fallback={<Loading />}>
            <SitesAndServicesPage />
          </Suspense>
        }
      />
      <Route
        path="lieu/sites/:siteId"
        element={
          <Suspense fallback={<Loading />}>
            <SiteEditPage />
          </Suspense>
        }
      />
      <Route
        path="lieu/services/nouveau"
        element={
          <Suspense fallback={<Loading />}>
            <ServiceFormPage />
          </Suspense>
        }
      />
      <Route
        path="lieu/services/:serviceId"
        element={
          <Suspense fallback={<Loading />}>
            <ServiceFormPage key="edit" />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
