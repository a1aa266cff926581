// The generated survey: preview (answerable, nothing is saved) in a phone-width frame, estimated time, versions.
import { Suspense, lazy, useEffect, useState } from 'react';
import { projectApi, type Phase, type ProjectDetail, type SurveyPreview } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, minutes } from '../../format';
import { useAdminT, type AdminKey } from '../../i18n/admin';
import { useLoad } from '../useLoad';

// SurveyJS is large: the admin screens load it only when a preview is opened.
const PreviewFrame = lazy(() => import('./SurveyPreview'));

export const phaseKey = (p: Phase) => `phase_${p}` as AdminKey;

export function SurveySection({ project }: { project: ProjectDetail }) {
  const t = useAdminT();
  const [phase, setPhase] = useState<Phase>('baseline');
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const versions = useLoad(() => projectApi.surveyVersions(project.id), [project.id]);

  // A changed project (new behaviour, new purpose) makes an open preview stale: close it.
  useEffect(() => setPreview(null), [project]);

  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await projectApi.previewSurvey(project.id, phase));
    } catch (e) {
      setError(e);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="survey-title">
      <h2 id="survey-title">{t('surveyTitle')}</h2>
      <p className="muted">{t('surveyIntro')}</p>
      <fieldset>
        <legend>{t('previewPhase')}</legend>
        <div className="radio-row">
          {(['baseline', 'followup'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name={`preview-phase-${project.id}`}
                value={p}
                checked={phase === p}
                onChange={() => {
                  setPhase(p);
                  setPreview(null);
                }}
              />
              {t(phaseKey(p))}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={() => void show()} disabled={busy}>
          {t('showPreview')}
        </button>
        {preview && (
          <button type="button" className="secondary" onClick={() => setPreview(null)}>
            {t('hidePreview')}
          </button>
        )}
      </div>
      <p role="status" className="muted">
        {busy ? t('previewLoading') : preview ? t('estimated', { minutes: minutes(preview.estimatedSeconds), items: preview.itemMap.items.length }) : ''}
      </p>
      <ErrorMessage error={error} />
      {preview && (
        <Suspense fallback={<p className="muted">{t('previewLoading')}</p>}>
          <PreviewFrame preview={preview} phase={phase} title={t('previewTitle', { phase: t(phaseKey(phase)) })} />
        </Suspense>
      )}

      <h3>{t('versionsTitle')}</h3>
      <p className="muted">{t('versionsIntro')}</p>
      <ErrorMessage error={versions.error} />
      {versions.data && versions.data.length === 0 && <p>{t('noVersions')}</p>}
      {versions.data && versions.data.length > 0 && (
        <ul>
          {versions.data.map((v) => (
            <li key={v.id}>{t('versionRow', { number: v.number, phase: t(phaseKey(v.phase)), date: formatDate(v.createdAt, t.locale) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

