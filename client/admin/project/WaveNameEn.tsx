// A wave's English name, shown in the English survey's heading: what it is now (or "Mangler engelsk", as the
// survey editor says too) and a small form to set it while the wave is not closed.
import { useId, useState, type FormEvent } from 'react';
import { waveApi, type WaveSummary } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField, fieldErrors } from '../../components/Field';
import { useBilingualT } from '../../i18n/bilingual';

export function WaveNameEn({ wave, onSaved }: { wave: WaveSummary; onSaved: (msg: string) => Promise<void> }) {
  const tb = useBilingualT();
  const [open, setOpen] = useState(false);
  const [nameEn, setNameEn] = useState(wave.nameEn);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await waveApi.update(wave.id, { nameEn: nameEn.trim(), version: wave.version });
      setOpen(false);
      await onSaved(tb('englishNameSaved', { name: wave.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wave-name-en">
      <p>
        {wave.nameEn.trim() ? <span lang="en">{tb('englishName', { name: wave.nameEn })}</span> : <span className="tag">{tb('missingTag')}</span>}{' '}
        <button type="button" className="secondary small" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((o) => !o)}>
          {tb('editEnglishName')}
        </button>
      </p>
      <div id={formId}>
        {open && (
          <form onSubmit={submit} className="inline-form">
            <TextField label={tb('waveNameEn')} hint={tb('waveNameEnHint')} lang="en" maxLength={300} value={nameEn} onChange={(e) => setNameEn(e.target.value)} error={fieldErrors(error).nameEn} />
            <ErrorMessage error={error} />
            <button type="submit" className="small" disabled={busy}>
              {tb('saveEnglishName', { name: wave.name })}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
