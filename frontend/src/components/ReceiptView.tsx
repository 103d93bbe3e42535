// The receipt ("tanda terima"): the tracking code large and easy to copy, the
// register number, and what was received. Prints on its own (see print CSS).
import { useState } from 'react';
import type { Receipt } from '../api/types';
import { useI18n } from '../i18n';

/** `receivedBy`: the officer who keyed it in (manual intake), with room to sign. */
export function ReceiptView({ receipt, receivedBy }: { receipt: Receipt; receivedBy?: string }) {
  const { t, dateTime, day } = useI18n();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt.tracking_code);
    } catch {
      // Older browsers: select the code so the user can copy it by hand.
      const node = document.getElementById('tracking-code');
      if (node) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    }
    setCopied(true);
  }

  return (
    <article className="receipt" aria-labelledby="receipt-heading">
      <header className="receipt-head">
        <p className="agency">{t('app.agency')}</p>
        <h2 id="receipt-heading">
          {t('receipt.title')} — {t('app.title')}
        </h2>
      </header>
      <div className="code-box">
        <p className="code-label" id="tracking-code-label">
          {t('receipt.code')}
        </p>
        <p className="tracking-code" id="tracking-code" aria-labelledby="tracking-code-label" data-testid="tracking-code">
          {receipt.tracking_code}
        </p>
        <button type="button" className="button no-print" onClick={copy}>
          {t('receipt.copy')}
        </button>
        <span className="copied no-print" role="status">
          {copied ? t('receipt.copied') : ''}
        </span>
      </div>
      <p className="alert warning keep">
        <strong>{t('receipt.keep')}</strong>
      </p>
      <dl className="details">
        <dt>{t('receipt.register')}</dt>
        <dd data-testid="register-number">{receipt.register_number}</dd>
        <dt>{t('receipt.receivedAt')}</dt>
        <dd>{dateTime(receipt.received_at)}</dd>
        <dt>{t('receipt.kind')}</dt>
        <dd>{t(`kind.${receipt.kind}`)}</dd>
        <dt>{t('receipt.channel')}</dt>
        <dd>{t(`channel.${receipt.channel}`)}</dd>
        <dt>{t('receipt.category')}</dt>
        <dd>{receipt.category}</dd>
        <dt>{t('receipt.subject')}</dt>
        <dd>{receipt.subject}</dd>
        <dt>{t('receipt.attachments')}</dt>
        <dd>{receipt.attachment_count}</dd>
        <dt>{t('receipt.verificationDue')}</dt>
        <dd>{day(receipt.verification_due_on)}</dd>
        <dt>{t('receipt.resolutionDue')}</dt>
        <dd>{day(receipt.resolution_due_on)}</dd>
      </dl>
      <p className="small">{t('receipt.free')}</p>
      {receivedBy ? (
        <div className="signature">
          <p>{t('receipt.receivedBy')}</p>
          <p className="signature-space" aria-hidden="true" />
          <p>
            <strong>{receivedBy}</strong>
          </p>
        </div>
      ) : null}
      <p className="small print-only">
        {t('track.title')}: {typeof location !== 'undefined' ? `${location.origin}/track/${receipt.tracking_code}` : ''}
      </p>
    </article>
  );
}
