import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { PrescriberHomePage } from './PrescriberHomePage';

/** The prescriber structure's space (/prescripteur/…), loaded on its own. */
export default function PrescriberRoutes() {
  return (
    <Routes>
      <Route index element={<PrescriberHomePage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
