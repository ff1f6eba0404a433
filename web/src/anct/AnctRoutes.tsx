import { Route, Routes } from 'react-router';
import { AccountPage } from '../layout/AccountPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { AnctHomePage } from './AnctHomePage';
import { NationalFiguresPage } from './figures/NationalFiguresPage';

/** ANCT's back office (/anct/…), loaded on its own. */
export default function AnctRoutes() {
  return (
    <Routes>
      <Route index element={<AnctHomePage />} />
      <Route path="chiffres" element={<NationalFiguresPage />} />
      <Route path="compte" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
