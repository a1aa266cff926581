// "Log ind med <label>" on the login page when the municipality's identity provider is configured, and why a
// sign-in that came back from the provider was refused (the server sends the browser to /login?oidc_error=<code>).
// A plain link: the sign-in is a chain of full-page redirects through the provider, not a fetch.
import { useEffect, useState } from 'react';
import { api, call } from '../api';
import { useOidcT, type OidcKey } from '../i18n/oidc';

type LoginOptions = Awaited<ReturnType<typeof loadOptions>>;
const loadOptions = () => call(api.auth.config.$get());

export function OidcButton() {
  const t = useOidcT();
  const [options, setOptions] = useState<LoginOptions | null>(null);
  // Read once: the code belongs to the sign-in that just came back, not to later visits of the page.
  const [errorCode] = useState(() => new URLSearchParams(window.location.search).get('oidc_error'));

  useEffect(() => {
    let live = true;
    // Without an answer the page keeps the password form only.
    loadOptions().then((o) => live && setOptions(o), () => undefined);
    return () => {
      live = false;
    };
  }, []);

  const errorKey = `oidcError.${errorCode}` as OidcKey;
  const errorText = errorCode ? (t(errorKey) === errorKey ? t('oidcError.unknown') : t(errorKey)) : '';
  const oidc = options?.oidc;
  if (!oidc && !errorCode) return null;
  return (
    <div className="oidc-login">
      {errorText && (
        <p className="error-message" role="alert">
          {errorText}
        </p>
      )}
      {oidc && (
        <>
          <p>
            <a className="button" href="/api/auth/oidc/start">
              {t('oidcButton', { label: oidc.label ?? t('oidcDefaultLabel') })}
            </a>
          </p>
          <p className="muted">{t('oidcOr')}</p>
        </>
      )}
    </div>
  );
}
