// The steering group's benefits realisation report (gevinstrealiseringsrapport) for /projects/:id/report/print:
// one A4 document that stands on its own in a meeting — benefits (negative ones as prominent as positive), each
// behaviour before → after with its label, where it lags, response rates, and what the evidence can and cannot
// say. "Udskriv / gem som PDF" opens the browser's print dialog. Numbers and hiding are the server's.
// With issue 12 it also carries each benefit's status, reason, next action and history, the units' actions and
// their own descriptions of the behaviour (GET …/benefit-status), so it stands on its own in a steering group.
import { useEffect } from 'react';
import { benefitStatusApi, type StatusBenefit } from '../admin/benefitStatus/api';
import { ActionsTable, Descriptions, StatusBadge, StatusHistory } from '../admin/benefitStatus/parts';
import { useLoad } from '../admin/useLoad';
import { useBenefitStatusT } from '../i18n/benefitStatus';
import { formatDate, formatNumber, formatPercent } from '../format';
import { useDashT } from '../i18n/dashboard';
import { Link } from '../router';
import { extras, type Benefit, type Report } from './api';
import { AdoptionChart } from './AdoptionChart';
import { points } from './labels';
import { laggingRows, levelWave, shownWaves } from './model';
import { BehaviourHeadline } from './OverviewSection';
import { compareFromUrl, useReportData } from './useReportData';
import { RateTable } from './ResponseRates';
import { pp, ReportLoading, useWaveName } from './shared';

function BenefitCard({ benefit, status }: { benefit: Benefit; status?: StatusBenefit }) {
  const t = useDashT();
  const ts = useBenefitStatusT();
  const value = (v: number | null) => (v == null ? '–' : `${formatNumber(v, t.locale)}${benefit.measureUnit ? ` ${benefit.measureUnit}` : ''}`);
  const dated = (v: number | null, day: string | null) => (v == null ? '–' : day ? t('benefitValueOn', { value: value(v), date: formatDate(day, t.locale) }) : value(v));
  const latest = benefit.progress.latest;
  const negative = benefit.direction === 'negative';
  return (
    <li className={`card benefit-card ${negative ? 'negative' : 'positive'}`}>
      <h3>
        <span className={`direction-badge ${negative ? 'negative' : 'positive'}`}>{negative ? t('benefitNegative') : t('benefitPositive')}</span> {benefit.title}
      </h3>
      <dl className="dl print-dl">
        {(benefit.owner || benefit.ownerUnitName) && (
          <>
            <dt>{t('benefitOwner')}</dt>
            <dd>{[benefit.owner, benefit.ownerUnitName].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {benefit.measure && (
          <>
            <dt>{t('benefitMeasure')}</dt>
            <dd>{benefit.measure}</dd>
          </>
        )}
        <dt>{t('benefitBaseline')}</dt>
        <dd>{dated(benefit.baselineValue, benefit.baselineDate)}</dd>
        <dt>{t('benefitTarget')}</dt>
        <dd>{dated(benefit.targetValue, benefit.targetDate)}</dd>
        <dt>{t('benefitLatest')}</dt>
        <dd>{latest ? dated(latest.value, latest.measuredOn) : t('benefitNone')}</dd>
        {status && (
          <>
            <dt>{ts('status')}</dt>
            <dd>
              <StatusBadge status={status.status} />
              {status.statusChangedAt && ` ${ts('changedOn', { date: formatDate(status.statusChangedAt, t.locale) })}`}
            </dd>
            {status.ownerUser && (
              <>
                <dt>{ts('ownerAccount')}</dt>
                <dd>{status.ownerUser.name || status.ownerUser.email}</dd>
              </>
            )}
            {status.statusReason && (
              <>
                <dt>{ts('reason')}</dt>
                <dd className="unit-description">{status.statusReason}</dd>
              </>
            )}
            {status.nextAction && (
              <>
                <dt>{ts('nextAction')}</dt>
                <dd className="unit-description">{status.nextAction}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {status && status.history.length > 0 && (
        <>
          <h4>{ts('historyTitle')}</h4>
          <StatusHistory benefit={status} plain />
        </>
      )}
    </li>
  );
}

function Lagging({ report }: { report: Report }) {
  const t = useDashT();
  const waveName = useWaveName();
  const wave = levelWave(report);
  const rows = laggingRows(report);
  return (
    <section className="print-section" aria-labelledby="print-lag">
      <h2 id="print-lag">{t('printLagTitle')}</h2>
      {wave && <p className="legend-note">{t('printLagIntro', { wave: waveName(wave) })}</p>}
      {rows.length === 0 ? (
        <p>{t('printLagNone')}</p>
      ) : (
        <ul className="lag-list">
          {rows.map((r) => (
            <li key={`${r.behaviourId}-${r.unitName}`}>
              <strong>{r.unitName}</strong>
              {r.group && <span className="muted"> ({t('reportingGroup')})</span>} – {r.behaviourTitle}:{' '}
              {r.level && t('printLagLevel', { p: formatPercent(r.level.p, t.locale), total: formatPercent(r.level.total, t.locale) })}
              {r.level && r.change && '; '}
              {r.change?.d != null && (
                <>
                  {r.change.label ? `${r.change.label[t.locale] ?? r.change.label.da}: ` : ''}
                  {pp(r.change.d)}
                  {r.change.lo != null && r.change.hi != null && ` (${points(r.change.lo)} ${t.locale === 'da' ? 'til' : 'to'} ${points(r.change.hi)})`}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function PrintReport({ projectId }: { projectId: number }) {
  const t = useDashT();
  const waveName = useWaveName();
  const compare = compareFromUrl();
  const { report, project, behaviours, primary } = useReportData(projectId, compare);
  const r = report.data;
  const detail = project.data;
  const ts = useBenefitStatusT();
  const statuses = useLoad(() => benefitStatusApi.report(projectId), [projectId]);
  const status = statuses.data;

  useEffect(() => {
    if (r) document.title = `${t('printTitle')}: ${r.project.name} – Gevinstspor`;
  }, [r, t]);

  if (!r) return <ReportLoading report={report} />;

  const shown = shownWaves(r);
  const benefits = (detail?.benefits ?? []).filter((b) => !b.archivedAt);
  const anyComparison = r.behaviours.some((b) => extras.comparison(b)?.available);
  const rates = r.responseRates.filter((x) => r.waves.some((w) => w.id === x.waveId && w.status !== 'draft'));
  const query = compare ? `?from=${compare.from}&to=${compare.to}` : '';

  return (
    <article className="print-report">
      <div className="print-toolbar no-print">
        <button type="button" onClick={() => window.print()}>
          {t('printButton')}
        </button>
        <Link to={`/projects/${r.project.id}/report${query}`}>{t('printBack')}</Link>
      </div>
      <header className="print-head">
        <h1>
          {t('printTitle')}: {r.project.name}
        </h1>
        <p className="muted">{t('printDate', { date: formatDate(new Date().toISOString(), t.locale) })}</p>
        {detail?.purpose && (
          <p>
            <strong>{t('printPurpose')}:</strong> {detail.purpose}
          </p>
        )}
        {detail?.projectLead && (
          <p>
            <strong>{t('printLead')}:</strong> {detail.projectLead}
          </p>
        )}
      </header>

      <section className="print-section" aria-labelledby="print-benefits">
        <h2 id="print-benefits">{t('printBenefitsTitle')}</h2>
        {project.error ? <p className="notice">{t('printLoadFailed')}</p> : null}
        {detail && benefits.length === 0 && <p>{t('printNoBenefits')}</p>}
        {benefits.length > 0 && (
          <ul className="benefit-list">
            {benefits.map((b) => (
              <BenefitCard key={b.id} benefit={b} status={status?.benefits.find((s) => s.id === b.id)} />
            ))}
          </ul>
        )}
      </section>

      <section className="print-section" aria-labelledby="print-behaviours">
        <h2 id="print-behaviours">{t('printBehavioursTitle')}</h2>
        {shown.length === 0 && <p>{t('noWavesShown')}</p>}
        {shown.length > 0 &&
          behaviours.map((b) => (
            <div key={b.id} className="print-behaviour">
              <BehaviourHeadline report={r} behaviour={b} primary={primary.has(b.id)} detailed />
              {b.adoption && <AdoptionChart behaviourTitle={b.title} item={b.adoption} waves={shown} png={false} />}
            </div>
          ))}
      </section>

      {shown.length > 0 && <Lagging report={r} />}

      {statuses.error ? <p className="notice">{t('printLoadFailed')}</p> : null}
      {status && (
        <>
          <section className="print-section" aria-labelledby="print-actions">
            <h2 id="print-actions">{ts('actionsTitle')}</h2>
            <ActionsTable actions={status.actions} compact />
          </section>
          <section className="print-section" aria-labelledby="print-descriptions">
            <h2 id="print-descriptions">{ts('descriptionsTitle')}</h2>
            <Descriptions descriptions={status.descriptions} />
          </section>
        </>
      )}

      {rates.length > 0 && (
        <section className="print-section" aria-labelledby="print-rates">
          <h2 id="print-rates">{t('rateTitle')}</h2>
          <RateTable
            caption={t('rateCaption')}
            captionHidden
            rowHeader={t('rateWave')}
            rows={rates.map((x) => {
              const w = r.waves.find((v) => v.id === x.waveId)!;
              return { key: x.waveId, header: waveName(w), numbers: x.hidden ? null : x, hiddenText: t('hiddenShort') };
            })}
          />
        </section>
      )}

      <section className="print-section evidence" aria-labelledby="print-evidence">
        <h2 id="print-evidence">{t('evidenceTitle')}</h2>
        <ul>
          <li>{t('evidenceK', { k: r.threshold })}</li>
          <li>{t('evidenceInterval')}</li>
          <li>{t('evidenceBeforeAfter')}</li>
          {anyComparison && <li>{t('evidenceComparison')}</li>}
          <li>{t('evidenceRates')}</li>
          <li>{t('evidenceBenefits')}</li>
        </ul>
      </section>
    </article>
  );
}
