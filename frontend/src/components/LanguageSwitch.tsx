import { useI18n } from '../i18n';

/** Switches between Indonesian and English; the choice is remembered. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      aria-label={t('app.switchToLabel')}
      onClick={() => setLang(next)}
      data-testid="lang-switch"
    >
      {t('app.switchTo')}
    </button>
  );
}
