import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../components/ui';
import { ReceiptView } from '../components/ReceiptView';
import { useI18n } from '../i18n';
import { recallReceipt } from './receipts';

export default function ReceiptPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const receipt = recallReceipt(code);
  return (
    <>
      <PageTitle title={t('receipt.title')}>{t('receipt.thanks')}</PageTitle>
      {receipt ? (
        <>
          <ReceiptView receipt={receipt} />
          <p className="cta-row no-print">
            <button type="button" className="button primary" onClick={() => window.print()}>
              {t('receipt.print')}
            </button>
            <Link className="button" to={`/track/${encodeURIComponent(code)}`}>
              {t('receipt.track')}
            </Link>
            <Link className="button" to="/submit">
              {t('receipt.another')}
            </Link>
          </p>
        </>
      ) : (
        <p>
          {t('receipt.missing')} <Link to={`/track/${encodeURIComponent(code)}`}>{t('receipt.track')}</Link>
        </p>
      )}
    </>
  );
}
