// Shown once after creating an account with an invitation, making a new invitation or resetting a password:
// the one-time link, readable and copyable; focus moves to its heading so screen readers announce it.
import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from '../../components/copyText';
import { StatusMessage } from '../../components/Field';
import { formatDate } from '../../format';
import { useAccountsT } from '../../i18n/accounts';

export interface OneTimeLink {
  purpose: 'invite' | 'reset';
  url: string;
  expiresAt: string;
}

export function AccountLinkBox({ name, link, onDone }: { name: string; link: OneTimeLink; onDone: () => void }) {
  const t = useAccountsT();
  const headingId = useId();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
    setMessage(null);
  }, [link.url]);

  return (
    <section className="temp-password" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {link.purpose === 'invite' ? t('linkBoxInvite', { name }) : t('linkBoxReset', { name })}
      </h2>
      <p>{t('linkBoxText', { name, expires: formatDate(link.expiresAt, t.locale) })}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('linkLabel')}</label>
        <input id={inputId} type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} translate="no" />
      </div>
      <div className="form-actions">
        <button type="button" onClick={async () => setMessage((await copyText(link.url)) ? t('linkCopied') : t('linkCopyFailed'))}>
          {t('copyLink')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('linkDone')}
        </button>
      </div>
      <StatusMessage message={message} />
    </section>
  );
}
