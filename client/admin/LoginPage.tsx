// Login for the secretariat and managers. Staff never log in.
import { useEffect, useState, type FormEvent } from 'react';
import { authApi, type SignedIn } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { setLocale } from '../i18n';
import { useAdminT } from '../i18n/admin';
import { OidcButton } from './OidcButton';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (signedIn: SignedIn) => void }) {
  const t = useAdminT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.title = `${t('loginTitle')} – Gevinstspor`;
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await authApi.login(email.trim(), password);
      // The user's own language choice wins only if they have not picked one on this device.
      if (!localStorage.getItem('gevinstspor.locale') && signedIn.user.locale) setLocale(signedIn.user.locale);
      onLoggedIn(signedIn);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <h1>{t('loginTitle')}</h1>
      <p className="muted">{t('loginIntro')}</p>
      <OidcButton />
      <form onSubmit={submit} noValidate={false} aria-describedby={error ? 'login-error' : undefined}>
        <TextField label={t('email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorMessage error={error} id="login-error" />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('loginButton')}
          </button>
        </div>
        <p role="status" className="muted">
          {busy ? t('loggingIn') : ''}
        </p>
      </form>
    </div>
  );
}
