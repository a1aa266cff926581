// "Skift adgangskode" (/password) for every logged-in user: current password, a new one twice. The server
// checks the current one and ends the user's other sessions; this one stays.
import { useEffect, useState, type FormEvent } from 'react';
import { StatusMessage, TextField } from '../../components/Field';
import { useAccountsT } from '../../i18n/accounts';
import { useUsersT } from '../../i18n/users';
import { useSession } from '../session';
import { accountApi } from './api';
import { UsersError, allShownAtFields, problemCodes } from './shared';
import './users.css';

const MIN = 10;
const MAX = 200;

/** `forced`: the account must replace a temporary password before anything else; `onChanged` then continues to the app. */
export function ChangePasswordPage({ forced = false, onChanged }: { forced?: boolean; onChanged?: () => void } = {}) {
  const t = useUsersT();
  const ta = useAccountsT();
  const title = forced ? ta('mustChangeTitle') : t('changeTitle');
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${title} – Gevinstspor`;
  }, [title]);

  const focusFirst = (problems: Record<string, string>) => {
    const first = ['currentPassword', 'newPassword', 'repeatPassword'].find((k) => problems[k]);
    if (first) document.getElementById(`pw-${first}`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = t('required');
    if (next.length < MIN) problems.newPassword = t('passwordTooShort');
    else if (next.length > MAX) problems.newPassword = t('passwordTooLong');
    if (!problems.newPassword && repeat !== next) problems.repeatPassword = t('passwordsDiffer');
    setErrors(problems);
    if (Object.keys(problems).length) {
      focusFirst(problems);
      return;
    }
    setBusy(true);
    try {
      await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus(t('passwordChanged'));
      onChanged?.();
    } catch (err) {
      const codes = problemCodes(err);
      const fields: Record<string, string> = {};
      if (codes.currentPassword) fields.currentPassword = codes.currentPassword === 'wrong_password' ? t('error.wrong_password') : t('required');
      if (codes.newPassword) fields.newPassword = codes.newPassword === 'too_big' ? t('passwordTooLong') : t('passwordTooShort');
      setErrors(fields);
      setError(allShownAtFields(err, Object.keys(fields)) ? null : err);
      focusFirst(fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-form">
      <h1>{title}</h1>
      <p className="muted">{forced ? ta('mustChangeIntro') : t('changeIntro')}</p>
      <form onSubmit={submit} noValidate>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          id="pw-currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          id="pw-newPassword"
          label={t('newPassword')}
          hint={t('newPasswordHint')}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.newPassword}
        />
        <TextField
          id="pw-repeatPassword"
          label={t('repeatPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={errors.repeatPassword}
        />
        <UsersError error={error} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('changeButton')}
          </button>
        </div>
        <StatusMessage message={busy ? t('changing') : status} />
      </form>
    </div>
  );
}
