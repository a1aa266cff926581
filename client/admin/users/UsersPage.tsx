// The secretariat's account management (/users): create accounts (an invitation link or a temporary password, shown once), and per
// account change name/role/language, choose the units and projects a manager sees, reset the password or delete.
// The server decides everything (requireAdmin, the last-admin rule); this page only asks and shows.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { unitApi, type ProjectSummary, type Unit } from '../api';
import { SelectField, StatusMessage, TextField } from '../../components/Field';
import { formatDate } from '../../format';
import { useT } from '../../i18n/common';
import { useUsersT } from '../../i18n/users';
import { useVersionsT } from '../../i18n/versions';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { useVersionedSave } from '../useVersionedSave';
import { usersApi, type ManagedUser, type UserLocale, type UserRole } from './api';
import { TemporaryPassword, UsersError, allShownAtFields, problemCodes } from './shared';
import { AccountLinkBox, type OneTimeLink } from './AccountLinkBox';
import { useAccountsT } from '../../i18n/accounts';
import './users.css';

type UsersT = ReturnType<typeof useUsersT>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const byName = (a: ManagedUser, b: ManagedUser) => a.name.localeCompare(b.name, 'da', { sensitivity: 'base' }) || a.id - b.id;
const focusField = (id: string) => document.getElementById(id)?.focus();

/** A field's problem from the server, in the user's language, by code and field. */
function fieldText(t: UsersT, path: string, code: string): string {
  if (code === 'email_taken' || code === 'last_admin' || code === 'wrong_password') return t(`error.${code}`);
  if (path === 'email') return t('invalidEmail');
  if (/password/i.test(path)) return code === 'too_big' ? t('passwordTooLong') : t('passwordTooShort');
  return t('required');
}

export function UsersPage() {
  const t = useUsersT();
  const tc = useT();
  const { isAdmin, user } = useSession();
  useEffect(() => {
    document.title = `${t('usersTitle')} – Gevinstspor`;
  }, [t]);
  if (!isAdmin) {
    return (
      <>
        <h1>{t('usersTitle')}</h1>
        <p className="error-message" role="alert">
          {tc('error.forbidden')}
        </p>
      </>
    );
  }
  return <UsersAdmin meId={user.id} />;
}

function UsersAdmin({ meId }: { meId: number }) {
  const t = useUsersT();
  const tc = useT();
  const users = useLoad(() => usersApi.list(), []);
  const units = useLoad(() => unitApi.list(), []);
  const projects = useLoad(() => usersApi.allProjects(), []);
  const ta = useAccountsT();
  // What was handed back once: a temporary password or a one-time link (invitation, reset).
  const [revealed, setRevealed] = useState<{ name: string; password?: string; link?: OneTimeLink } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const listHeadingRef = useRef<HTMLHeadingElement>(null);

  const replace = (u: ManagedUser) => users.setData((prev) => (prev ?? []).map((x) => (x.id === u.id ? u : x)).sort(byName));
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('da');
    return (users.data ?? []).filter((u) => !q || u.name.toLocaleLowerCase('da').includes(q) || u.email.includes(q));
  }, [users.data, query]);
  const focusList = () => {
    listHeadingRef.current?.focus();
  };

  return (
    <>
      <h1>{t('usersTitle')}</h1>
      <p className="muted">{t('usersIntro')}</p>
      <StatusMessage message={status} />
      {revealed?.password && (
        <TemporaryPassword
          name={revealed.name}
          password={revealed.password}
          onDone={() => {
            setRevealed(null);
            focusList();
          }}
        />
      )}
      {revealed?.link && (
        <AccountLinkBox
          name={revealed.name}
          link={revealed.link}
          onDone={() => {
            setRevealed(null);
            focusList();
          }}
        />
      )}

      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('newUserTitle')}</h2>
        <NewUserForm
          onCreated={(user, temporaryPassword, link) => {
            users.setData((prev) => [...(prev ?? []), user].sort(byName));
            setStatus(t(user.role === 'admin' ? 'adminCreated' : 'userCreated', { name: user.name }));
            if (temporaryPassword || link) setRevealed({ name: user.name, password: temporaryPassword, link });
          }}
        />
      </section>

      <section className="section" aria-labelledby="user-list-title">
        <h2 id="user-list-title" ref={listHeadingRef} tabIndex={-1}>
          {t('listTitle', { n: users.data?.length ?? 0 })}
        </h2>
        {users.loading && !users.data && (
          <p role="status" className="page-loading">
            {tc('loading')}
          </p>
        )}
        <UsersError error={users.error ?? units.error ?? projects.error} />
        {users.data && (
          <>
            <div className="user-search">
              <TextField label={t('search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
            </div>
            {shown.length === 0 && <p>{t('noMatches')}</p>}
            <ul className="user-list">
              {shown.map((u) => (
                <UserCard
                  key={u.id}
                  user={u}
                  isSelf={u.id === meId}
                  open={openId === u.id}
                  onToggle={() => setOpenId((id) => (id === u.id ? null : u.id))}
                  units={units.data ?? []}
                  projects={projects.data ?? []}
                  onChanged={replace}
                  onReveal={(link) => {
                    setRevealed({ name: u.name, link });
                    setStatus(link.purpose === 'reset' ? ta('resetLinkDone', { name: u.name }) : ta('invitationDone', { name: u.name }));
                  }}
                  onDeleted={() => {
                    users.setData((prev) => (prev ?? []).filter((x) => x.id !== u.id));
                    setOpenId(null);
                    if (revealed?.name === u.name) setRevealed(null);
                    setStatus(t('userDeleted', { name: u.name }));
                    focusList();
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function NewUserForm({ onCreated }: { onCreated: (user: ManagedUser, temporaryPassword?: string, link?: OneTimeLink) => void }) {
  const t = useUsersT();
  const ta = useAccountsT();
  const [setup, setSetup] = useState<'invite' | 'temporaryPassword'>('invite');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems.email = t('required');
    else if (!EMAIL_SHAPE.test(email.trim())) problems.email = t('invalidEmail');
    if (!name.trim()) problems.name = t('required');
    setErrors(problems);
    setError(null);
    if (problems.email || problems.name) {
      focusField(problems.email ? 'new-user-email' : 'new-user-name');
      return;
    }
    setBusy(true);
    try {
      const res = await usersApi.create({ email: email.trim(), name: name.trim(), role, setup });
      setEmail('');
      setName('');
      setRole('manager');
      setSetup('invite');
      onCreated(res.user, res.temporaryPassword, res.link);
    } catch (err) {
      const codes = problemCodes(err);
      const fields = Object.fromEntries(['email', 'name', 'role'].filter((p) => codes[p]).map((p) => [p, fieldText(t, p, codes[p])]));
      setErrors(fields);
      setError(allShownAtFields(err, Object.keys(fields)) ? null : err);
      const first = ['email', 'name', 'role'].find((p) => fields[p]);
      if (first) focusField(`new-user-${first}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid two">
        <TextField id="new-user-email" label={t('email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} maxLength={200} />
        <TextField id="new-user-name" label={t('name')} autoComplete="off" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={200} />
      </div>
      <SelectField id="new-user-role" label={t('role')} hint={t('roleHint')} value={role} onChange={(e) => setRole(e.target.value as UserRole)} error={errors.role}>
        <option value="manager">{t('roleManager')}</option>
        <option value="editor">{ta('roleEditor')}</option>
        <option value="admin">{t('roleAdmin')}</option>
      </SelectField>
      <SelectField id="new-user-setup" label={ta('setup')} value={setup} onChange={(e) => setSetup(e.target.value as typeof setup)}>
        <option value="invite">{ta('setupInvite')}</option>
        <option value="temporaryPassword">{ta('setupTemporary')}</option>
      </SelectField>
      <UsersError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('createUser')}
        </button>
      </div>
      <p role="status" className="muted">
        {busy ? t('creating') : ''}
      </p>
    </form>
  );
}

interface CardProps {
  user: ManagedUser;
  isSelf: boolean;
  open: boolean;
  onToggle: () => void;
  units: Unit[];
  projects: ProjectSummary[];
  onChanged: (u: ManagedUser) => void;
  onReveal: (link: OneTimeLink) => void;
  onDeleted: () => void;
}

function UserCard({ user, isSelf, open, onToggle, ...rest }: CardProps) {
  const t = useUsersT();
  const ta = useAccountsT();
  const editorId = `user-editor-${user.id}`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <li className="card user-card">
      <div className="user-head">
        <div>
          <h3>
            {user.name}
            {isSelf && <span className="tag">{t('you')}</span>}
            {user.disabledAt && <span className="tag">{ta('disabled')}</span>}
          </h3>
          <p className="muted">
            {user.email} · {user.role === 'editor' ? ta('roleEditor') : t(user.role === 'admin' ? 'roleAdmin' : 'roleManager')} · {t(user.locale === 'en' ? 'langEn' : 'langDa')} · {t('createdOn', { date: formatDate(user.createdAt, t.locale) })}
          </p>
          <ScopeSummary user={user} />
        </div>
        <button ref={buttonRef} type="button" className="secondary small" aria-expanded={open} aria-controls={editorId} onClick={onToggle}>
          {open ? t('closeEditor') : t('edit')}
          <span className="visually-hidden">{t('editFor', { name: user.name })}</span>
        </button>
      </div>
      <div id={editorId}>{open && <UserEditor user={user} isSelf={isSelf} {...rest} />}</div>
    </li>
  );
}

function ScopeSummary({ user }: { user: ManagedUser }) {
  const t = useUsersT();
  if (user.role === 'admin') {
    return (
      <p>
        <strong>{t('access')}:</strong> {t('accessAll')}
      </p>
    );
  }
  if (!user.scopes.length) {
    return (
      <p>
        <strong>{t('access')}:</strong> <span className="no-access">{t('accessNone')}</span>
      </p>
    );
  }
  return (
    <div className="scope-summary">
      <strong>{t('access')}:</strong>
      <ul className="scope-tags">
        {user.scopes.map((s) => (
          <li key={s.id} className="tag">
            {s.unitId != null ? t('scopeUnit', { name: s.unitName ?? '' }) : t('scopeProject', { name: s.projectName ?? '' })}
          </li>
        ))}
      </ul>
    </div>
  );
}

type EditorProps = Omit<CardProps, 'open' | 'onToggle'>;

function UserEditor({ user, isSelf, units, projects, onChanged, onReveal, onDeleted }: EditorProps) {
  const t = useUsersT();
  const ta = useAccountsT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  /** One account action: busy while it runs, its error shown below the buttons. */
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const invite = () => run(async () => onReveal(await usersApi.invite(user.id)));
  const toggleDisabled = () =>
    run(async () => {
      const updated = await usersApi.setDisabled(user.id, !user.disabledAt);
      onChanged(updated);
      setStatus(ta(updated.disabledAt ? 'userDisabled' : 'userEnabled', { name: user.name }));
    });
  const endSessions = () =>
    run(async () => {
      await usersApi.endSessions(user.id);
      setStatus(ta('sessionsEnded', { name: user.name }));
    });

  const reset = async () => {
    if (!window.confirm(t('confirmReset', { name: user.name }))) return;
    setBusy(true);
    setError(null);
    try {
      onReveal(await usersApi.resetPassword(user.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('confirmDelete', { name: user.name, email: user.email }))) return;
    setBusy(true);
    setError(null);
    try {
      await usersApi.remove(user.id);
      onDeleted();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="user-editor">
      <DetailsForm user={user} onChanged={onChanged} />
      <ScopesForm user={user} units={units} projects={projects} onChanged={onChanged} />
      {isSelf ? (
        <p className="notice">{t('selfNote')}</p>
      ) : (
        <div className="editor-actions">
          <div>
            <h4>{t('passwordTitle')}</h4>
            <p className="muted">{t('resetHint')}</p>
            <button type="button" className="secondary" disabled={busy} onClick={() => void reset()}>
              {t('resetPassword')}
            </button>
          </div>
          <div>
            <h4>{ta('accessTitle')}</h4>
            <p className="muted">{ta('accessHint')}</p>
            <div className="form-actions">
              <button type="button" className="secondary" disabled={busy} onClick={() => void toggleDisabled()}>
                {user.disabledAt ? ta('enable') : ta('disable')}
                <span className="visually-hidden"> {user.name}</span>
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => void endSessions()}>
                {ta('endSessions')}
                <span className="visually-hidden"> ({user.name})</span>
              </button>
            </div>
            <p className="muted">{ta('invitationHint')}</p>
            <button type="button" className="secondary" disabled={busy} onClick={() => void invite()}>
              {ta('newInvitation')}
            </button>
            <StatusMessage message={status} />
          </div>
          <div>
            <h4>{t('deleteTitle')}</h4>
            <p className="muted">{t('deleteHint')}</p>
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {t('deleteUser')}
            </button>
          </div>
          <UsersError error={error} />
        </div>
      )}
    </div>
  );
}

function DetailsForm({ user, onChanged }: { user: ManagedUser; onChanged: (u: ManagedUser) => void }) {
  const t = useUsersT();
  const ta = useAccountsT();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<UserRole>(user.role);
  const [locale, setLocale] = useState<UserLocale>(user.locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `user-${user.id}`;
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatUser'));
  // The account as this form loaded it; the stale dialog's "get the new version" starts the form over from the new one.
  const [loaded, setLoaded] = useState({ name: user.name, role: user.role, locale: user.locale, version: user.version });
  // Scopes and disabling give the account a new version without touching these fields: take that version on.
  useEffect(() => {
    setLoaded((l) => (l.name === user.name && l.role === user.role && l.locale === user.locale && user.version > l.version ? { ...l, version: user.version } : l));
  }, [user.version, user.name, user.role, user.locale]);
  const roleName: Record<UserRole, string> = { manager: t('roleManager'), editor: ta('roleEditor'), admin: t('roleAdmin') };
  const langName: Record<UserLocale, string> = { da: t('langDa'), en: t('langEn') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    if (!name.trim()) {
      setErrors({ name: t('required') });
      focusField(`${base}-name`);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await versioned.save({
        base: loaded,
        mine: { name: name.trim(), role, locale },
        version: loaded.version,
        send: (body) => usersApi.update(user.id, body),
        labels: { name: t('name'), role: t('role'), locale: t('language') },
        display: { role: (v) => roleName[v as UserRole] ?? String(v), locale: (v) => langName[v as UserLocale] ?? String(v) },
        onSaved: (updated) => {
          // After "keep my changes" the stored account also has the other's changes: the form shows them.
          setLoaded({ name: updated.name, role: updated.role, locale: updated.locale, version: updated.version });
          setName(updated.name);
          setRole(updated.role);
          setLocale(updated.locale);
          onChanged(updated);
          setStatus(t('detailsSaved', { name: updated.name }));
        },
        onReload: (c) => {
          const current = c as unknown as ManagedUser;
          setLoaded({ name: current.name, role: current.role, locale: current.locale, version: current.version });
          setName(current.name);
          setRole(current.role);
          setLocale(current.locale);
          onChanged(current);
        },
      });
    } catch (err) {
      const codes = problemCodes(err);
      const fields = Object.fromEntries(['name', 'role', 'locale'].filter((p) => codes[p]).map((p) => [p, fieldText(t, p, codes[p])]));
      setErrors(fields);
      setError(allShownAtFields(err, Object.keys(fields)) ? null : err);
      const first = ['name', 'role', 'locale'].find((p) => fields[p]);
      if (first) focusField(`${base}-${first}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="editor-part" aria-labelledby={`${base}-details`}>
      <h4 id={`${base}-details`}>{t('detailsTitle')}</h4>
      <TextField id={`${base}-name`} label={t('name')} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={200} autoComplete="off" />
      <SelectField id={`${base}-role`} label={t('role')} value={role} onChange={(e) => setRole(e.target.value as UserRole)} error={errors.role}>
        <option value="manager">{t('roleManager')}</option>
        <option value="editor">{ta('roleEditor')}</option>
        <option value="admin">{t('roleAdmin')}</option>
      </SelectField>
      <SelectField id={`${base}-locale`} label={t('language')} value={locale} onChange={(e) => setLocale(e.target.value as UserLocale)} error={errors.locale}>
        <option value="da" lang="da">
          {t('langDa')}
        </option>
        <option value="en" lang="en">
          {t('langEn')}
        </option>
      </SelectField>
      <UsersError error={error} />
      {versioned.dialog}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('saveDetails')}
        </button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}

function ScopesForm({ user, units, projects, onChanged }: { user: ManagedUser; units: Unit[]; projects: ProjectSummary[]; onChanged: (u: ManagedUser) => void }) {
  const t = useUsersT();
  // What the account has now; retired units and archived projects are offered only when already chosen.
  const initial = useMemo(
    () => ({
      units: new Set(user.scopes.flatMap((s) => (s.unitId != null ? [s.unitId] : []))),
      projects: new Set(user.scopes.flatMap((s) => (s.projectId != null ? [s.projectId] : []))),
    }),
    [user.scopes],
  );
  const [unitIds, setUnitIds] = useState(() => new Set(initial.units));
  const [projectIds, setProjectIds] = useState(() => new Set(initial.projects));
  const initialLed = useMemo(() => new Set(user.ledProjects.map((p) => p.projectId)), [user.ledProjects]);
  const [ledIds, setLedIds] = useState(() => new Set(initialLed));
  const ta = useAccountsT();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `user-${user.id}-scopes`;

  const unitChoices = units.filter((u) => !u.retiredAt || initial.units.has(u.id));
  const projectChoices = projects.filter((p) => !p.archivedAt || initial.projects.has(p.id));
  const codes = problemCodes(error);
  const unitProblem = Object.keys(codes).some((p) => p.startsWith('unitIds'));
  const projectProblem = Object.keys(codes).some((p) => p.startsWith('projectIds'));

  const toggle = (set: Set<number>, id: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      // Ids the lists do not show (not loaded, or gone since) are kept as they are.
      const shownUnits = new Set(unitChoices.map((u) => u.id));
      const shownProjects = new Set(projectChoices.map((p) => p.id));
      const updated = await usersApi.setScopes(user.id, {
        unitIds: [...unitChoices.filter((u) => unitIds.has(u.id)).map((u) => u.id), ...[...initial.units].filter((id) => !shownUnits.has(id))],
        projectIds: [...projectChoices.filter((p) => projectIds.has(p.id)).map((p) => p.id), ...[...initial.projects].filter((id) => !shownProjects.has(id))],
        // Only an editor leads projects; for other roles the led projects are left as they are.
        ...(user.role === 'editor' ? { ledProjectIds: [...projectChoices.filter((p) => ledIds.has(p.id)).map((p) => p.id), ...[...initialLed].filter((id) => !shownProjects.has(id))] } : {}),
      });
      onChanged(updated);
      setStatus(t('scopesSaved', { name: updated.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="editor-part" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('scopesTitle', { name: user.name })}</h4>
      <p className="muted">{t('scopesIntro')}</p>
      {user.role === 'admin' && <p className="notice">{t('scopesAdminNote')}</p>}
      <fieldset aria-describedby={unitProblem ? `${base}-units-err` : undefined}>
        <legend>{t('unitsLegend')}</legend>
        {unitChoices.length === 0 ? (
          <p className="muted">{t('noUnitsToPick')}</p>
        ) : (
          <ul className="scope-list">
            {unitChoices.map((u) => (
              <li key={u.id} style={{ '--depth': u.depth } as CSSProperties}>
                <label className="inline">
                  <input type="checkbox" checked={unitIds.has(u.id)} onChange={(e) => setUnitIds((s) => toggle(s, u.id, e.target.checked))} />
                  {u.name}
                  {u.retiredAt ? ` ${t('retired')}` : ''}
                </label>
              </li>
            ))}
          </ul>
        )}
        {unitProblem && (
          <p className="field-error" role="alert" id={`${base}-units-err`}>
            {t('error.unknown_scope')}
          </p>
        )}
      </fieldset>
      <fieldset aria-describedby={projectProblem ? `${base}-projects-err` : undefined}>
        <legend>{t('projectsLegend')}</legend>
        <ProjectChecklist choices={projectChoices} checked={projectIds} onToggle={(id, on) => setProjectIds((s) => toggle(s, id, on))} />
        {projectProblem && (
          <p className="field-error" role="alert" id={`${base}-projects-err`}>
            {t('error.unknown_scope')}
          </p>
        )}
      </fieldset>
      {user.role === 'editor' && (
        <fieldset>
          <legend>{ta('ledProjects', { name: user.name })}</legend>
          <ProjectChecklist choices={projectChoices} checked={ledIds} onToggle={(id, on) => setLedIds((s) => toggle(s, id, on))} />
        </fieldset>
      )}
      {!unitProblem && !projectProblem && <UsersError error={error} />}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('saveScopes')}
        </button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}

/** A checkbox per project: the projects a manager may read, or those an editor leads. */
function ProjectChecklist({ choices, checked, onToggle }: { choices: { id: number; name: string; archivedAt: string | null }[]; checked: Set<number>; onToggle: (id: number, on: boolean) => void }) {
  const t = useUsersT();
  if (choices.length === 0) return <p className="muted">{t('noProjectsToPick')}</p>;
  return (
    <ul className="scope-list">
      {choices.map((p) => (
        <li key={p.id}>
          <label className="inline">
            <input type="checkbox" checked={checked.has(p.id)} onChange={(e) => onToggle(p.id, e.target.checked)} />
            {p.name}
            {p.archivedAt ? ` ${t('archived')}` : ''}
          </label>
        </li>
      ))}
    </ul>
  );
}
