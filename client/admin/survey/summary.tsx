// Small survey pieces shared by the project page and the survey editor: the estimated answer time per phase
// (with the 4-minute warning) and the list of locked versions with the waves that use them.
// Kept free of surveys/spec (zod) so the project page bundle stays small.
import { everyMember, type Phase } from '../../api';
import type { SurveyPreview, SurveyVersionSummary, WaveSummary } from '../api';
import { TableWrap } from '../../components/TableWrap';
import { durationText, estimateMinutes } from '../../../surveys/duration';
import { formatDate } from '../../format';
import { useSurveyEditorT, type SurveyEditorKey } from '../../i18n/surveyEditor';
import './summary.css';

/** Staff should finish in 2–4 minutes; above this the editor warns. */
export const MAX_SECONDS = 240;
export const PHASES = everyMember<Phase>()(['baseline', 'followup']);
export const phaseKey = (p: Phase) => `phase_${p}` as SurveyEditorKey;

/** "2 minutter": the same whole-minute estimate the survey's intro page and the posters promise (surveys/duration.ts). */
export function useDuration() {
  const t = useSurveyEditorT();
  return (seconds: number) => durationText(seconds)[t.locale];
}

export type Previews = Partial<Record<Phase, SurveyPreview>>;

/** "Nulpunktsmåling: ca. 1 minut (11 spørgsmål)" per phase, and the warning above 4 minutes. */
export function EstimateSummary({ previews, headingLevel = 2, id }: { previews: Previews | undefined; headingLevel?: 2 | 3; id?: string }) {
  const t = useSurveyEditorT();
  const duration = useDuration();
  const H: 'h2' | 'h3' = `h${headingLevel}`;
  return (
    <div className="estimate" id={id}>
      <H className="estimate-title">{t('estimateTitle')}</H>
      <ul className="estimate-list">
        {PHASES.map((p) => {
          const pv = previews?.[p];
          if (!pv) return previews ? <li key={p}>{t('estimateUnknown', { phase: t(phaseKey(p)) })}</li> : null;
          // Worded in whole minutes, so warned in whole minutes: "ca. 4 minutter" is never "over 4 minutter".
          const over = estimateMinutes(pv.estimatedSeconds) > MAX_SECONDS / 60;
          return (
            <li key={p} data-phase={p} className={over ? 'over' : undefined}>
              <span className="estimate-line">{t('estimateLine', { phase: t(phaseKey(p)), time: duration(pv.estimatedSeconds), items: pv.itemMap.items.length })}</span>
              {over && <strong className="estimate-warning">{t('estimateWarning')}</strong>}
            </li>
          );
        })}
      </ul>
      <p className="muted small-print">{t('estimateNote')}</p>
    </div>
  );
}

const waveStatusKey = (s: WaveSummary['status']) => `wave_${s}` as SurveyEditorKey;

/** The locked versions, newest first, with the waves that froze each one. */
export function VersionsTable({
  versions,
  waves,
  onShow,
}: {
  versions: SurveyVersionSummary[];
  waves: WaveSummary[] | undefined;
  onShow?: (v: SurveyVersionSummary) => void;
}) {
  const t = useSurveyEditorT();
  if (versions.length === 0) return <p>{t('noVersions')}</p>;
  return (
    <TableWrap label={t('versionsCaption')}>
      {/* "stack": one card per version on a phone, so the "Vis version" button is never cut off. */}
      <table className="versions-table stack">
        <caption>{t('versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colVersion')}</th>
            <th scope="col">{t('colPhase')}</th>
            <th scope="col">{t('colCreated')}</th>
            <th scope="col">{t('colWaves')}</th>
            {onShow && <th scope="col">{t('colShow')}</th>}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const using = (waves ?? []).filter((w) => w.surveyVersionId === v.id);
            return (
              <tr key={v.id}>
                <th scope="row" data-label={t('colVersion')}>
                  {v.number}
                </th>
                <td data-label={t('colPhase')}>{t(phaseKey(v.phase))}</td>
                <td data-label={t('colCreated')}>{formatDate(v.createdAt, t.locale)}</td>
                <td data-label={t('colWaves')}>
                  {using.length === 0
                    ? t('noWaveUses')
                    : using.map((w, i) => (
                        <span key={w.id}>
                          {i > 0 && ', '}
                          {t('waveStatus', { wave: w.name, status: t(waveStatusKey(w.status)) })}
                        </span>
                      ))}
                </td>
                {onShow && (
                  <td>
                    <button type="button" className="secondary small" onClick={() => onShow(v)}>
                      {t('showVersion', { number: v.number })}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** "Åbne målinger, som ikke ændres: Opfølgning efter 6 måneder (version 3)." — or nothing. */
export function OpenWavesNote({ waves, versions }: { waves: WaveSummary[] | undefined; versions: SurveyVersionSummary[] | undefined }) {
  const t = useSurveyEditorT();
  const open = (waves ?? []).filter((w) => w.status === 'open');
  if (open.length === 0) return null;
  const list = open
    .map((w) => {
      const v = versions?.find((x) => x.id === w.surveyVersionId);
      return v ? t('waveWithVersion', { wave: w.name, number: v.number }) : w.name;
    })
    .join(', ');
  return <p className="muted">{t('openWavesNote', { waves: list })}</p>;
}
