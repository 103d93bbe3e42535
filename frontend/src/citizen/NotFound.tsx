import { Link } from 'react-router-dom';
import { PageTitle } from '../components/ui';
import { useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
