// The service standard (shared/seed/standar-pelayanan-pengaduan.md) for the citizen.
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/ui';
import { useI18n } from '../i18n';
import { CONTACTS } from './contacts';

export function Home() {
  const { t } = useI18n();
  const flow = [1, 2, 3, 4, 5, 6] as const;
  return (
    <>
      <PageTitle title={t('app.title')}>{t('app.title')}</PageTitle>
      <p className="lead">{t('home.intro')}</p>
      <p className="cta-row">
        <Link className="button primary" to="/submit">
          {t('home.ctaSubmit')}
        </Link>
        <Link className="button" to="/track">
          {t('home.ctaTrack')}
        </Link>
      </p>

      <ul className="facts" aria-label={t('home.factsLabel')}>
        <li>
          {t('home.factTime')} <strong>{t('home.factTimeValue')}</strong>
        </li>
        <li>
          {t('home.factFee')} <strong>{t('home.factFeeValue')}</strong>
        </li>
      </ul>

      <section aria-labelledby="req">
        <h2 id="req">{t('home.reqTitle')}</h2>
        <ol>
          <li>{t('home.req1')}</li>
          <li>{t('home.req2')}</li>
          <li>{t('home.req3')}</li>
        </ol>
        <p>{t('home.reqNote')}</p>
      </section>

      <section aria-labelledby="flow">
        <h2 id="flow">{t('home.flowTitle')}</h2>
        <ol className="flow">
          {flow.map((n) => (
            <li key={n}>
              <strong>{t(`home.flow${n}t`)}</strong> — {t(`home.flow${n}`)}
            </li>
          ))}
        </ol>
        <p>{t('home.flowNote')}</p>
      </section>

      <section aria-labelledby="channels">
        <h2 id="channels">{t('home.channelsTitle')}</h2>
        <ul className="channels">
          <li>
            {t('home.chWeb')}: <Link to="/submit">{t('nav.submit')}</Link>
          </li>
          <li>
            {t('home.chEmail')}: <a href={`mailto:${CONTACTS.email}`}>{CONTACTS.email}</a>
          </li>
          <li>
            {t('home.chPhone')}: <a href={CONTACTS.phoneHref}>{CONTACTS.phoneDisplay}</a>
          </li>
          <li>
            {t('home.chWa')}: <a href={CONTACTS.whatsappHref}>{CONTACTS.whatsappDisplay}</a>
          </li>
          <li>{t('home.chFb')}</li>
          <li>
            {t('home.chSite')}: <a href={CONTACTS.web}>{CONTACTS.webDisplay}</a>
          </li>
          <li>{t('home.chVisit')}</li>
          <li>{t('home.chLetter')}</li>
          <li>{t('home.chBox')}</li>
          <li>
            {t('home.chLapor')}: <a href={CONTACTS.lapor}>{CONTACTS.laporDisplay}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('home.privacyTitle')}</h2>
        <p>{t('home.privacy')}</p>
      </section>

      <section aria-labelledby="dev">
        <h2 id="dev">{t('home.devTitle')}</h2>
        <p>
          {t('home.dev')} <a href="/api/docs/">{t('footer.api')}</a>
        </p>
      </section>
    </>
  );
}
