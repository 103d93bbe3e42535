// Routes. The home page is in the first bundle; every other page loads on
// demand, and the staff side is a separate chunk a citizen never downloads.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { CitizenLayout } from './citizen/CitizenLayout';
import { Home } from './citizen/Home';
import { Loading } from './components/ui';
import { I18nProvider } from './i18n';

const Submit = lazy(() => import('./citizen/Submit'));
const ReceiptPage = lazy(() => import('./citizen/ReceiptPage'));
const Track = lazy(() => import('./citizen/Track'));
const Transparency = lazy(() => import('./citizen/Transparency'));
const NotFound = lazy(() => import('./citizen/NotFound'));
const StaffApp = lazy(() => import('./staff/StaffApp'));

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/staff/*" element={<StaffApp />} />
            <Route element={<CitizenLayout />}>
              <Route index element={<Home />} />
              <Route path="submit" element={<Submit />} />
              <Route path="receipt/:code" element={<ReceiptPage />} />
              <Route path="track" element={<Track />} />
              <Route path="track/:code" element={<Track />} />
              <Route path="transparansi" element={<Transparency />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </I18nProvider>
  );
}
