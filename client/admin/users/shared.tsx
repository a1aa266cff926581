// Pieces shared by the users page and the change-password page: error texts by code (this page's codes first,
// then the common ones), field problems by path, and the one-time temporary password box with a copy button.
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { copyText } from '../../components/copyText';
import { errorText } from '../../components/ErrorMessage';
import { StatusMessage } from '../../components/Field';
import type { Locale } from '../../i18n';
import { translateUsers, useUsersT, type UsersKey } from '../../i18n/users';

export function usersErrorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}` as UsersKey;
    const text = translateUsers(locale, key);
    if (text !== key) return text;
  }
  return errorText(err, locale);
}

/** An alert that screen readers announce as soon as it appears. */
export function UsersError({ error, id }: { error: unknown; id?: string }) {
  const t = useUsersT();
  if (!error) return null;
  return (
    <p className="error-message" role="alert" id={id}>
      {usersErrorText(error, t.locale)}
    </p>
  );
}

/** The first problem code per field path of an error answer ("email" → "email_taken"). */
export function problemCodes(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const p of err.fieldProblems) if (!(p.path in out)) out[p.path] = p.code;
  return out;
}

/** True when every problem of the error is shown next to a field, so no separate alert is needed. */
export const allShownAtFields = (err: unknown, shown: string[]) =>
  err instanceof ApiError && err.fieldProblems.length > 0 && err.fieldProblems.every((p) => shown.includes(p.path));


/** Shown once after creating an account or resetting its password; focus moves to its heading. */
export function TemporaryPassword({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const t = useUsersT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
    setMessage(null);
  }, [password]);

  return (
    <section className="temp-password" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('tempTitle', { name })}
      </h2>
      <p>{t('tempText', { name })}</p>
      <p className="temp-password-value">
        {t('tempPasswordLabel')}:{' '}
        <code className="temp-password-code" translate="no">
          {password}
        </code>
      </p>
      <div className="form-actions">
        <button type="button" onClick={async () => setMessage((await copyText(password)) ? t('copied') : t('copyFailed'))}>
          {t('copyPassword')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('tempDone')}
        </button>
      </div>
      <StatusMessage message={message} />
    </section>
  );
}
