import { BrowserRouter, Route, Routes } from 'react-router';
import { AnctHomePage } from './anct/AnctHomePage';
import { FunderHomePage } from './funder/FunderHomePage';
import { AccountPage } from './layout/AccountPage';
import { AppLayout } from './layout/AppLayout';
import { PrescriberHomePage } from './prescriber/PrescriberHomePage';
import { HomeRedirect } from './public/HomeRedirect';
import { LoginPage } from './public/LoginPage';
import { NotFoundPage } from './public/NotFoundPage';
import { RequireSpace } from './session/RequireSpace';
import { SessionProvider } from './session/SessionContext';
import { CounterPage } from './venue/counter/CounterPage';
import { BankDetailsPage } from './venue/bank/BankDetailsPage';
import { HistoryPage } from './venue/history/HistoryPage';
import { StatementsPage } from './venue/statements/StatementsPage';
import { VenueHomePage } from './venue/VenueHomePage';

/** The routes: public pages, then one guarded space per role (see session/spaces.ts for the menus). */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="connexion" element={<LoginPage />} />
            <Route path="guichet" element={<RequireSpace role="venue_agent" />}>
              <Route index element={<VenueHomePage />} />
              <Route path="encaisser" element={<CounterPage />} />
              <Route path="historique" element={<HistoryPage />} />
              <Route path="releves" element={<StatementsPage />} />
              <Route path="banque" element={<BankDetailsPage />} />
              <Route path="compte" element={<AccountPage />} />
            </Route>
            <Route path="prescripteur" element={<RequireSpace role="prescriber_agent" />}>
              <Route index element={<PrescriberHomePage />} />
              <Route path="compte" element={<AccountPage />} />
            </Route>
            <Route path="financeur" element={<RequireSpace role="funder_manager" />}>
              <Route index element={<FunderHomePage />} />
              <Route path="compte" element={<AccountPage />} />
            </Route>
            <Route path="anct" element={<RequireSpace role="anct_admin" />}>
              <Route index element={<AnctHomePage />} />
              <Route path="compte" element={<AccountPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
