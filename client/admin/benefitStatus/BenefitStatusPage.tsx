// Gevinststatus for the steering group (/projects/:id/gevinststatus): every benefit's status with its reason, next
// action and history beside the evidence, the units' actions and their own descriptions of the behaviour, and —
// for the benefit's owner, the project's editors and the secretariat — a form to set the status. Numbers and what
// is hidden are the server's (the report's own); who may set a status is decided there too (canSetStatus).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, StatusMessage, TextArea } from '../../components/Field';
import { useBenefitStatusT } from '../../i18n/benefitStatus';
import { Link } from '../../router';
import { useLoad } from '../useLoad';
import { benefitStatusApi, NEEDS_REASON, STATUS_TEXT_MAX, STATUS_VALUES, type BenefitStatusReport, type StatusBenefit, type StatusValue } from './api';
import { ActionsTable, Descriptions, Evidence, StatusBadge, StatusFacts, StatusHistory, statusKey } from './parts';

export function BenefitStatusPage({ projectId }: { projectId: number }) {
  const t = useBenefitStatusT();
  const data = useLoad(() => benefitStatusApi.report(projectId), [projectId]);
  const [message, setMessage] = useState<string | null>(null);
  const r = data.data;

  useEffect(() => {
    if (r) document.title = `${t('title', { project: r.project.name })} – Gevinstspor`;
  }, [r, t]);

  if (!r) {
    return data.error ? <ErrorMessage error={data.error} /> : <p role="status">{t('loading')}</p>;
  }
  return (
    <>
      <nav className="breadcrumbs no-print" aria-label={t('breadcrumbProject')}>
        <ol>
          <li>
            <Link to={`/projects/${projectId}`}>{t('breadcrumbProject')}</Link>
          </li>
          <li>
            <Link to={`/projects/${projectId}/report`}>{t('breadcrumbReport')}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t('title', { project: r.project.name })}</h1>
      <p>{t('intro', { k: r.threshold })}</p>
      <p className="no-print">
        <Link to={`/projects/${projectId}/report/print`}>{t('printLink')}</Link>
      </p>
      <StatusMessage message={message} />
      {r.benefits.length === 0 ? <p>{t('noBenefits')}</p> : <Overview report={r} />}
      {r.benefits.map((b) => (
        <BenefitCard
          key={b.id}
          benefit={b}
          report={r}
          onSaved={async (text) => {
            await data.reload();
            setMessage(text);
          }}
        />
      ))}
      <section aria-labelledby="bs-actions">
        <h2 id="bs-actions">{t('actionsTitle')}</h2>
        <ActionsTable actions={r.actions} />
      </section>
      <section aria-labelledby="bs-descriptions">
        <h2 id="bs-descriptions">{t('descriptionsTitle')}</h2>
        <Descriptions descriptions={r.descriptions} />
      </section>
    </>
  );
}

function Overview({ report }: { report: BenefitStatusReport }) {
  const t = useBenefitStatusT();
  return (
    <section aria-labelledby="bs-overview">
      <h2 id="bs-overview">{t('summaryTitle')}</h2>
      <div className="table-wrap" role="region" aria-label={t('summaryCaption')} tabIndex={0}>
        <table className="stack">
          <caption className="visually-hidden">{t('summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('benefit')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('owner')}</th>
              <th scope="col">{t('nextAction')}</th>
            </tr>
          </thead>
          <tbody>
            {report.benefits.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  <a href={`#benefit-status-${b.id}`}>{b.title}</a>
                  {b.direction === 'negative' && <span className="muted"> ({t('negativeShort')})</span>}
                </th>
                <td data-label={t('status')}>
                  <StatusBadge status={b.status} />
                </td>
                <td data-label={t('owner')}>{b.ownerUser?.name || b.owner || t('none')}</td>
                <td data-label={t('nextAction')}>{b.nextAction || t('none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BenefitCard({ benefit, report, onSaved }: { benefit: StatusBenefit; report: BenefitStatusReport; onSaved: (message: string) => Promise<void> }) {
  const t = useBenefitStatusT();
  const headingId = useId();
  return (
    <article className={`card benefit-status-card ${benefit.direction}`} aria-labelledby={headingId} id={`benefit-status-${benefit.id}`}>
      <h2 id={headingId}>
        {benefit.title} <StatusBadge status={benefit.status} />
      </h2>
      <p className="muted">{benefit.direction === 'negative' ? t('negative') : t('positive')}</p>
      <StatusFacts benefit={benefit} />
      {benefit.canSetStatus && <StatusForm benefit={benefit} onSaved={onSaved} />}
      <h3>{t('evidenceTitle')}</h3>
      <Evidence benefit={benefit} all={report.benefits} waves={report.waves} />
      <h3>{t('historyTitle')}</h3>
      <StatusHistory benefit={benefit} />
    </article>
  );
}

function StatusForm({ benefit, onSaved }: { benefit: StatusBenefit; onSaved: (message: string) => Promise<void> }) {
  const t = useBenefitStatusT();
  const headingId = useId();
  const [status, setStatus] = useState<StatusValue>(benefit.status ?? 'paa_vej');
  const [reason, setReason] = useState('');
  const [nextAction, setNextAction] = useState(benefit.nextAction);
  const [errors, setErrors] = useState<{ reason?: string; nextAction?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (NEEDS_REASON.includes(status) && !reason.trim()) errs.reason = t('reasonRequired');
    if (reason.length > STATUS_TEXT_MAX) errs.reason = t('tooLong', { max: STATUS_TEXT_MAX });
    if (nextAction.length > STATUS_TEXT_MAX) errs.nextAction = t('tooLong', { max: STATUS_TEXT_MAX });
    setErrors(errs);
    setError(null);
    if (Object.keys(errs).length) {
      // To the field that needs words, so a keyboard or screen-reader user lands where the message is.
      document.getElementById(`${headingId}-${errs.reason ? 'reason' : 'next'}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await benefitStatusApi.setStatus(benefit.id, { status, reason: reason.trim(), nextAction: nextAction.trim(), version: benefit.version });
      setReason('');
      await onSaved(t('saved', { benefit: benefit.title }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale_version') await onSaved(t('stale'));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="status-form no-print" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{t('formTitle', { benefit: benefit.title })}</h3>
      <p className="hint">{t('formIntro')}</p>
      <SelectField label={t('statusLabel')} value={status} onChange={(e) => setStatus(e.target.value as StatusValue)}>
        {STATUS_VALUES.map((s) => (
          <option key={s} value={s}>
            {t(statusKey(s))}
          </option>
        ))}
      </SelectField>
      <TextArea id={`${headingId}-reason`} label={t('reasonLabel')} hint={t('reasonHint', { max: STATUS_TEXT_MAX })} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={STATUS_TEXT_MAX} rows={3} error={errors.reason} required={NEEDS_REASON.includes(status)} />
      <TextArea id={`${headingId}-next`} label={t('nextActionLabel')} value={nextAction} onChange={(e) => setNextAction(e.target.value)} maxLength={STATUS_TEXT_MAX} rows={2} error={errors.nextAction} />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
    </form>
  );
}
