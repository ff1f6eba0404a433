import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { Loading } from './layout/Loading';
import { HomeRedirect } from './public/HomeRedirect';
import { WEB_PATHS } from '../../src/web/web-paths';
import { ForgottenPasswordPage } from './public/identity/ForgottenPasswordPage';
import { InvitationPage } from './public/identity/InvitationPage';
import { NewPasswordPage } from './public/identity/NewPasswordPage';
import { LoginPage } from './public/LoginPage';
import { NotFoundPage } from './public/NotFoundPage';
import { RequireSpace } from './session/RequireSpace';
import { SessionProvider } from './session/SessionContext';

// Each role's space is its own chunk, fetched when that space is opened: the counter on a venue agent's
// phone does not download the funder's charts or ANCT's back office. Its pages are routed in its folder.
const VenueRoutes = lazy(() => import('./venue/VenueRoutes'));
const PrescriberRoutes = lazy(() => import('./prescriber/PrescriberRoutes'));
const FunderRoutes = lazy(() => import('./funder/FunderRoutes'));
const AnctRoutes = lazy(() => import('./anct/AnctRoutes'));
// Public pages, each its own small chunk: a beneficiary's phone downloads only the page it opens.
const FindVenuePage = lazy(() => import('./public/find/FindVenuePage').then((module) => ({ default: module.FindVenuePage })));
const VenueSitePage = lazy(() => import('./public/find/VenueSitePage').then((module) => ({ default: module.VenueSitePage })));
const ApplyPage = lazy(() => import('./public/apply/ApplyPage').then((module) => ({ default: module.ApplyPage })));
const MyPassPage = lazy(() => import('./public/MyPassPage').then((module) => ({ default: module.MyPassPage })));

/** The routes: public pages, then one guarded space per role (see session/spaces.ts for the menus). */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="connexion" element={<LoginPage />} />
            <Route
              path="trouver-un-lieu"
              element={
                <Suspense fallback={<Loading />}>
                  <FindVenuePage />
                </Suspense>
              }
            />
            <Route
              path="lieux/:siteId"
              element={
                <Suspense fallback={<Loading />}>
                  <VenueSitePage />
                </Suspense>
              }
            />
            <Route
              path="candidater"
              element={
                <Suspense fallback={<Loading />}>
                  <ApplyPage />
                </Suspense>
              }
            />
            <Route
              path="mon-pass-numerique"
              element={
                <Suspense fallback={<Loading />}>
                  <MyPassPage />
                </Suspense>
              }
            />
            {/* The pages e-mail links open (their addresses are built by the server from the same WEB_PATHS). */}
            <Route path={WEB_PATHS.forgottenPassword} element={<ForgottenPasswordPage />} />
            <Route path={WEB_PATHS.newPassword} element={<NewPasswordPage />} />
            <Route path={WEB_PATHS.invitation} element={<InvitationPage />} />
            <Route element={<RequireSpace role="venue_agent" />}>
              <Route
                path="guichet/*"
                element={
                  <Suspense fallback={<Loading />}>
                    <VenueRoutes />
                  </Suspense>
                }
              />
            </Route>
            <Route element={<RequireSpace role="prescriber_agent" />}>
              <Route
                path="prescripteur/*"
                element={
                  <Suspense fallback={<Loading />}>
                    <PrescriberRoutes />
                  </Suspense>
                }
              />
            </Route>
            <Route element={<RequireSpace role="funder_manager" />}>
              <Route
                path="financeur/*"
                element={
                  <Suspense fallback={<Loading />}>
                    <FunderRoutes />
                  </Suspense>
                }
              />
            </Route>
            <Route element={<RequireSpace role="anct_admin" />}>
              <Route
                path="anct/*"
                element={
                  <Suspense fallback={<Loading />}>
                    <AnctRoutes />
                  </Suspense>
                }
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
