import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/ui';
import { useI18n } from '../i18n';

export function CitizenLayout() {
  const { t } = useI18n();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <div>
            <p className="agency">{t('app.agency')}</p>
            <p className="site-title">
              <NavLink to="/">{t('app.title')}</NavLink>
            </p>
          </div>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.main')} className="wrap main-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/submit">{t('nav.submit')}</NavLink>
          <NavLink to="/track">{t('nav.track')}</NavLink>
          <NavLink to="/transparansi">{t('nav.transparency')}</NavLink>
        </nav>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="wrap site-footer">
        <p>{t('footer.basis')}</p>
        <p>
          <a href="/staff/login">{t('nav.staff')}</a> · <a href="/api/docs/">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}
