// "Indstillinger" (admin): the municipality's name and logo, printed on the posters for staff. The logo is read in
// the browser as a data: URL; only PNG and JPEG up to 200 KB are offered, and the server checks the bytes again.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { StatusMessage, TextField } from '../../components/Field';
import { useT } from '../../i18n/common';
import { useLinksT, type LinksKey } from '../../i18n/waveLinks';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { settingsApi, type MunicipalitySettings } from '../waveLinksApi';
import './settings.css';

const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg'];

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('not a data URL')));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

export function SettingsPage() {
  const tl = useLinksT();
  const tc = useT();
  const { isAdmin } = useSession();
  const loaded = useLoad(() => settingsApi.get(), []);

  useEffect(() => {
    document.title = `${tl('settingsTitle')} – Gevinstspor`;
  }, [tl]);

  return (
    <>
      <h1>{tl('settingsTitle')}</h1>
      <p>{tl('settingsIntro')}</p>
      {!isAdmin ? (
        <p>{tc('error.forbidden')}</p>
      ) : loaded.data ? (
        <SettingsForm initial={loaded.data} />
      ) : loaded.loading ? (
        <p role="status" className="page-loading">
          {tc('loading')}
        </p>
      ) : (
        <ErrorMessage error={loaded.error} />
      )}
    </>
  );
}

function SettingsForm({ initial }: { initial: MunicipalitySettings }) {
  const tl = useLinksT();
  const [name, setName] = useState(initial.municipalityName);
  const [logo, setLogo] = useState<string | null>(initial.logo);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setLogoError(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(tl('logoError.type'));
    if (file.size > MAX_LOGO_BYTES) return setLogoError(tl('logoError.size'));
    try {
      setLogo(await readAsDataUrl(file));
    } catch {
      setLogoError(tl('logoError.read'));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await settingsApi.save({ municipalityName: name.trim(), logo });
      setName(saved.municipalityName);
      setLogo(saved.logo);
      setMessage(tl('settingsSaved'));
    } catch (err) {
      // The server's logo checks have their own words; other errors as everywhere.
      const key = err instanceof ApiError ? (`error.${err.code}` as LinksKey) : null;
      if (key && tl(key) !== key) setLogoError(tl(key));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="settings-form">
      <TextField label={tl('municipalityName')} hint={tl('municipalityNameHint')} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="organization" />
      <div className="field">
        <label htmlFor={fileId}>{tl('logo')}</label>
        <p className="hint" id={`${fileId}-hint`}>
          {tl('logoHint')}
        </p>
        <input
          id={fileId}
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby={logoError ? `${fileId}-hint ${fileId}-err` : `${fileId}-hint`}
          aria-invalid={logoError ? true : undefined}
          onChange={(e) => void choose(e)}
        />
        {logoError && (
          <p className="field-error" id={`${fileId}-err`} role="alert">
            {logoError}
          </p>
        )}
      </div>
      <figure className="logo-preview">
        <figcaption>{tl('logoPreview')}</figcaption>
        {logo ? <img src={logo} alt={tl('logoAlt')} /> : <p className="muted">{tl('logoNone')}</p>}
      </figure>
      {logo && (
        <p>
          <button type="button" className="secondary small" onClick={() => setLogo(null)}>
            {tl('removeLogo')}
          </button>
        </p>
      )}
      <ErrorMessage error={error} />
      <StatusMessage message={message} />
      <FormActions submit={tl('saveSettings')} busy={busy} />
    </form>
  );
}
