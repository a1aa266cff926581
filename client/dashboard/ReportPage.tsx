// The manager report for /projects/:id/report: the overview first (per behaviour before → after, label, response
// rate; primary behaviours first), then the heatmap of units × behaviours, then one drill-down per behaviour,
// the secretariat's own questions, comments and response rates. Every number and every decision about what is
// hidden comes from the server; this page only shows it.
import { useEffect, useState, type FormEvent } from 'react';
import { useLoad } from '../admin/useLoad';
import { extras, reportApi, type Report } from './api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDashT } from '../i18n/dashboard';
import { useBenefitStatusT } from '../i18n/benefitStatus';
import { Link } from '../router';
import { BehaviourDrilldown } from './BehaviourDrilldown';
import { BreakdownsSection } from './BreakdownsSection';
import { CommentsSection } from './CommentsSection';
import { ExportLinks } from './ExportLinks';
import { Heatmap } from './Heatmap';
import { levelWave, shownWaves } from './model';
import { OverviewSection } from './OverviewSection';
import { PairedSection } from './PairedSection';
import { ResponseRates } from './ResponseRates';
import { ItemTable, ReportLoading, useWaveName } from './shared';
import { compareFromUrl, useReportData } from './useReportData';

export default function ReportPage({ projectId }: { projectId: number }) {
  const t = useDashT();
  const tbs = useBenefitStatusT();
  const [compare, setCompare] = useState(compareFromUrl);
  const { report, usage, behaviours, primary, goLive } = useReportData(projectId, compare);
  const r = report.data;
  // Comments once for the page: each drill-down shows its behaviour's, the comments section the general ones.
  const comments = useLoad(() => reportApi.comments(projectId), [projectId]);

  useEffect(() => {
    if (r) document.title = `${t('reportTitle', { project: r.project.name })} – Gevinstspor`;
  }, [r, t]);

  if (!r) return <ReportLoading report={report} />;

  const shown = shownWaves(r);
  const pending = r.waves.filter((w) => !w.resultsShown && w.status !== 'draft');
  const live = r.waves.filter((w) => w.resultsShown && !w.unitResultsShown);
  const barrierWave = levelWave(r) ?? shown[shown.length - 1] ?? null;
  const query = compare ? `?from=${compare.from}&to=${compare.to}` : '';

  return (
    <>
      <nav className="breadcrumbs no-print" aria-label={t('breadcrumb')}>
        <ol>
          <li>
            <Link to={`/projects/${r.project.id}`}>{t('backToProject')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('reportTitle', { project: r.project.name })}</h1>
      <p>{t('reportIntro', { k: r.threshold })}</p>
      <ExportLinks projectId={r.project.id} compare={compare} />
      <p className="legend-note">{t('dontKnowNote')}</p>
      <p className="no-print report-links">
        <Link to={`/projects/${r.project.id}/report/print${query}`}>{t('printLink')}</Link>
        {' · '}
        <Link to={`/projects/${r.project.id}/gevinststatus`}>{tbs('navLink')}</Link>
      </p>
      {pending.length > 0 && <p className="notice">{t('wavesPending', { waves: pending.map((w) => w.name).join(', ') })}</p>}
      {live.length > 0 && <p className="notice">{t('wavesLive', { waves: live.map((w) => w.name).join(', '), k: r.threshold })}</p>}
      {shown.length === 0 && <p className="notice">{t('noWavesShown')}</p>}
      {shown.length > 0 && r.behaviours.length === 0 && <p>{t('noBehaviours')}</p>}
      {shown.length > 1 && extras.compare(r) && (
        <CompareForm
          report={r}
          onCompare={(c) => {
            setCompare(c);
            window.history.replaceState(null, '', `${window.location.pathname}?from=${c.from}&to=${c.to}`);
          }}
        />
      )}
      {compare && report.error ? <ErrorMessage error={report.error} /> : null}
      {shown.length > 0 && <OverviewSection report={r} behaviours={behaviours} primary={primary} />}
      {shown.length > 0 && <Heatmap report={r} behaviours={behaviours} goLive={goLive} />}
      {shown.length > 0 &&
        behaviours.map((b) => <BehaviourDrilldown key={b.id} behaviour={b} waves={shown} barrierWave={barrierWave} goLive={goLive} withComments={!comments.data?.narrowedToUnits} comments={comments.data?.waves} usage={usage.data?.behaviours.find((x) => x.id === b.id)} />)}
      {shown.length > 0 && r.customItems.length > 0 && (
        <section className="behaviour-report" aria-labelledby="custom-title">
          <h2 id="custom-title">{t('customTitle')}</h2>
          <ItemTable summary={t('customSummary')} caption={t('customCaption')} items={r.customItems} waves={shown} open />
        </section>
      )}
      {shown.length > 0 && <BreakdownsSection report={r} />}
      {shown.length > 0 && <PairedSection report={r} />}
      {shown.length > 0 && <CommentsSection comments={comments} />}
      <ResponseRates report={r} />
    </>
  );
}

/** "Sammenlign": the two shown waves the headline compares; the server works out the numbers. */
function CompareForm({ report, onCompare }: { report: Report; onCompare: (c: { from: number; to: number }) => void }) {
  const t = useDashT();
  const waveName = useWaveName();
  const shown = shownWaves(report);
  const current = extras.compare(report);
  const [from, setFrom] = useState(String(current?.fromWaveId ?? shown[0]?.id ?? ''));
  const [to, setTo] = useState(String(current?.toWaveId ?? shown[shown.length - 1]?.id ?? ''));
  const [problem, setProblem] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = (id: string) => shown.findIndex((w) => String(w.id) === id);
    if (!from || !to || at(from) >= at(to)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    onCompare({ from: Number(from), to: Number(to) });
  };
  const waveSelect = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {shown.map((w) => (
          <option key={w.id} value={w.id}>
            {waveName(w)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="compare-form no-print" onSubmit={submit} aria-labelledby="compare-title">
      <h2 id="compare-title">{t('compareTitle')}</h2>
      <div className="compare-fields">
        {waveSelect('compare-from', t('compareFrom'), from, setFrom)}
        {waveSelect('compare-to', t('compareTo'), to, setTo)}
        <div className="field compare-submit">
          <button type="submit">{t('compareSubmit')}</button>
        </div>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t('compareSame')}
        </p>
      )}
    </form>
  );
}
