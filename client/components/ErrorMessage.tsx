// Shows an API error in the user's language, by code; falls back to the server's own message.
import { ApiError } from '../api';
import type { Locale } from '../i18n';
import { translate, useT, type CommonKey } from '../i18n/common';

export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}` as CommonKey;
    const text = translate(locale, key);
    if (text !== key) {
      const fields = err.fieldProblems.filter((f) => f.path).map((f) => `${f.path}: ${f.message}`);
      return err.code === 'invalid_input' && fields.length ? `${text} (${fields.join('; ')})` : text;
    }
    return err.message || translate(locale, 'error.unknown');
  }
  return translate(locale, 'error.unknown');
}

/** An alert that screen readers announce as soon as it appears. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="error-message" role="alert" id={id}>
      {errorText(error, t.locale)}
    </p>
  );
}
