// The public pages behind the one-time links an admin hands out: /invite/<token> and /reset/<token>. Shows whose
// account it is, lets the person choose a password (twice), and logs them in; used, expired and unknown links
// get a plain explanation instead of the form.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, type SignedIn } from '../../api';
import { StatusMessage, TextField } from '../../components/Field';
import { useAccountsT } from '../../i18n/accounts';
import { useUsersT } from '../../i18n/users';
import { Link } from '../../router';
import { accountApi } from './api';
import { UsersError } from './shared';
import './users.css';

const MIN = 10;
const MAX = 200;

type Purpose = 'invite' | 'reset';
type LinkInfo = Awaited<ReturnType<typeof accountApi.describeLink>>;
type State = { s: 'checking' } | { s: 'ok'; link: LinkInfo } | { s: 'bad'; code: string } | { s: 'error'; error: unknown };

const badKey = (code: string) => (code === 'link_used' ? 'linkUsed' : code === 'link_expired' ? 'linkExpired' : 'linkInvalid');
const isLinkProblem = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 410 || err.code.startsWith('link_'));

export function AccountLinkPage({ purpose, token, onLoggedIn }: { purpose: Purpose; token: string; onLoggedIn: (s: SignedIn) => void }) {
  const t = useAccountsT();
  const tu = useUsersT();
  const [state, setState] = useState<State>({ s: 'checking' });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = purpose === 'invite' ? t('inviteTitle') : t('resetTitle');

  useEffect(() => {
    document.title = `${title} – Gevinstspor`;
  }, [title]);

  useEffect(() => {
    let live = true;
    accountApi
      .describeLink(purpose, token)
      .then((link) => live && setState({ s: 'ok', link }))
      .catch((err) => live && setState(isLinkProblem(err) ? { s: 'bad', code: (err as ApiError).code } : { s: 'error', error: err }));
    return () => {
      live = false;
    };
  }, [purpose, token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problems: Record<string, string> = {};
    if (password.length < MIN) problems.password = tu('passwordTooShort');
    else if (password.length > MAX) problems.password = tu('passwordTooLong');
    else if (repeat !== password) problems.repeat = tu('passwordsDiffer');
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`link-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const signedIn = await accountApi.useLink(purpose, token, password);
      onLoggedIn(signedIn);
    } catch (err) {
      if (isLinkProblem(err)) setState({ s: 'bad', code: (err as ApiError).code });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-form">
      <h1>{title}</h1>
      {state.s === 'checking' && <p role="status">{t('linkChecking')}</p>}
      {state.s === 'error' && <UsersError error={state.error} />}
      {state.s === 'bad' && (
        <>
          <p className="error-message" role="alert">
            {t(badKey(state.code))}
          </p>
          <p>
            <Link to="/login">{t('goToLogin')}</Link>
          </p>
        </>
      )}
      {state.s === 'ok' && (
        <>
          <p className="muted">{purpose === 'invite' ? t('inviteIntro') : t('resetIntro')}</p>
          <p>{t('linkAccount', { name: state.link.name, email: state.link.email })}</p>
          <form onSubmit={submit} noValidate>
            <input type="email" name="username" autoComplete="username" value={state.link.email} readOnly hidden />
            <TextField
              id="link-password"
              label={t('linkPassword')}
              hint={tu('newPasswordHint')}
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <TextField
              id="link-repeat"
              label={t('linkRepeat')}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={errors.repeat}
            />
            <UsersError error={error} />
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                {t('linkSubmit')}
              </button>
            </div>
            <StatusMessage message={busy ? t('linkSaving') : null} />
          </form>
        </>
      )}
    </div>
  );
}
