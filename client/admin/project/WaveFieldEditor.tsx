// One field of a wave edited in place behind a toggle button (the English name, the close time): the form starts
// from the wave as it is when opened and saves from that version, so a save that comes second opens the
// stale-edit dialog (reload, or keep mine on top of the new version) instead of a bare error.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { waveApi, type WaveSummary } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField, fieldErrors } from '../../components/Field';
import { useVersionsT } from '../../i18n/versions';
import { useVersionedSave } from '../useVersionedSave';

type WaveField = 'nameEn' | 'closesAtLocal';

export function WaveFieldEditor<F extends WaveField>(props: {
  wave: WaveSummary;
  field: F;
  /** The field as the form shows it. */
  textOf: (wave: WaveSummary) => string;
  /** What is sent for the text typed. */
  valueOf: (text: string) => WaveSummary[F];
  /** Shown before the toggle button, in the same paragraph (what the field holds now). */
  lead?: ReactNode;
  className?: string;
  toggle: string;
  submit: string;
  input: { label: string; hint?: string; type?: string; lang?: string; maxLength?: number };
  onSaved: (updated: Awaited<ReturnType<typeof waveApi.update>>) => Promise<void>;
}) {
  const { wave, field } = props;
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatWave'));
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(wave);
  const [text, setText] = useState(props.textOf(wave));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const toggle = () => {
    // Opening starts the edit from the wave as shown now.
    if (!open) {
      setLoaded(wave);
      setText(props.textOf(wave));
      setError(null);
    }
    setOpen((o) => !o);
  };

  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await versioned.save({
        base: loaded,
        mine: { [field]: props.valueOf(text) } as Record<F, WaveSummary[F]>,
        version: loaded.version,
        send: (body) => waveApi.update(wave.id, body),
        labels: { [field]: props.input.label },
        runAgain: run,
        onSaved: (updated) => {
          setOpen(false);
          void props.onSaved(updated);
        },
        onReload: (current) => {
          const next = current as unknown as WaveSummary;
          setLoaded(next);
          setText(props.textOf(next));
        },
      });
    });
  };

  const button = (
    <button type="button" className="secondary small" aria-expanded={open} aria-controls={formId} onClick={toggle}>
      {props.toggle}
    </button>
  );
  return (
    <div className={props.className}>
      {props.lead ? (
        <p>
          {props.lead} {button}
        </p>
      ) : (
        button
      )}
      <div id={formId}>
        {open && (
          <form onSubmit={submit} className="inline-form">
            <TextField {...props.input} value={text} onChange={(e) => setText(e.target.value)} error={fieldErrors(error)[field]} />
            <ErrorMessage error={error} />
            {versioned.dialog}
            <button type="submit" className="small" disabled={busy}>
              {props.submit}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
