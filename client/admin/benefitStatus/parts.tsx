// Pieces of benefit status shared by the steering group's page and the printed report: the status badge, the
// evidence (from the server's report numbers; nothing is computed or hidden here), the history, and the units'
// actions and agreed descriptions.
import { Fragment } from 'react';
import { formatDate, formatNumber, formatPercent } from '../../format';
import { useBenefitStatusT, type BenefitStatusKey } from '../../i18n/benefitStatus';
import { TableWrap } from '../../components/TableWrap';
import { points } from '../../dashboard/labels';
import type { BenefitStatusReport, StatusAction, StatusBenefit, StatusValue, UnitDescription } from './api';
import './benefitStatus.css';

export const statusKey = (s: StatusValue | null) => `status_${s ?? 'none'}` as BenefitStatusKey;

export function StatusBadge({ status }: { status: StatusValue | null }) {
  const t = useBenefitStatusT();
  return <span className={`status-badge status-${status ?? 'none'}`}>{t(statusKey(status))}</span>;
}

type Waves = BenefitStatusReport['waves'];
type Overall = NonNullable<StatusBenefit['evidence']['behaviours'][number]['adoption']>['overall'];
type Words = { da: string; en: string } | null | undefined;

/** One item's project total per shown wave: the share, or "hidden" exactly where the server hid it. */
function OverallTable({ caption, overall, waves }: { caption: string; overall: Overall; waves: Waves }) {
  const t = useBenefitStatusT();
  const rows = overall.filter((o) => waves.some((w) => w.id === o.waveId && w.resultsShown));
  if (!rows.length) return <p className="muted">{t('noResults')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wave')}</th>
            <th scope="col">{t('share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.waveId}>
              <th scope="row">{waves.find((w) => w.id === o.waveId)?.name}</th>
              <td data-label={t('share')}>{!o.measured ? t('notMeasured') : o.hidden || o.p == null ? t('hiddenCell') : `${formatPercent(o.p, t.locale)} (n = ${o.n})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const words = (w: Words, locale: 'da' | 'en') => (w ? (w[locale] ?? w.da) : '');

export function Evidence({ benefit, all, waves }: { benefit: StatusBenefit; all: StatusBenefit[]; waves: Waves }) {
  const t = useBenefitStatusT();
  const { kpi, behaviours, staff, drawbackIds } = benefit.evidence;
  const unit = kpi.measureUnit ? ` ${kpi.measureUnit}` : '';
  const value = (v: number | null) => (v == null ? t('none') : `${formatNumber(v, t.locale)}${unit}`);
  const dated = (v: number | null, day: string | null) => (v == null ? t('none') : day ? t('valueOn', { value: value(v), date: formatDate(day, t.locale) }) : value(v));
  const drawbacks = all.filter((b) => drawbackIds.includes(b.id));
  return (
    <div className="evidence">
      <h4>{t('adoptionTitle')}</h4>
      {behaviours.length === 0 && <p className="muted">{t('noBehaviours')}</p>}
      {behaviours.map((b) => {
        const comparison = b.comparison as { available: boolean; label?: Words; did?: number; lo?: number; hi?: number } | null;
        return (
          <div key={b.id}>
            <p>
              <strong>{b.title}</strong>
            </p>
            {b.adoption ? <OverallTable caption={t('adoptionCaption', { behaviour: b.title })} overall={b.adoption.overall} waves={waves} /> : <p className="muted">{t('noResults')}</p>}
            {b.change && (
              <p>
                {words(b.change.label, t.locale)}: {t('pointsRange', { d: points(b.change.d), lo: points(b.change.lo), hi: points(b.change.hi) })}
              </p>
            )}
            {comparison?.available ? (
              <p>
                {t('comparisonGroup')}: {words(comparison.label, t.locale)}
                {comparison.did != null && `: ${t('pointsRange', { d: points(comparison.did), lo: points(comparison.lo ?? 0), hi: points(comparison.hi ?? 0) })}`}
              </p>
            ) : (
              b.adoption && <p className="muted">{t('comparisonNone')}</p>
            )}
          </div>
        );
      })}
      <h4>{t('kpiTitle')}</h4>
      <dl className="dl">
        {kpi.measure && (
          <>
            <dt>{t('kpiTitle')}</dt>
            <dd>{kpi.measure}</dd>
          </>
        )}
        <dt>{t('baseline')}</dt>
        <dd>{dated(kpi.baseline.value, kpi.baseline.date)}</dd>
        <dt>{t('target')}</dt>
        <dd>{dated(kpi.target.value, kpi.target.date)}</dd>
        <dt>{t('latest')}</dt>
        <dd>{kpi.progress.latest ? dated(kpi.progress.latest.value, kpi.progress.latest.measuredOn) : t('noMeasurement')}</dd>
        {kpi.progress.share != null && (
          <>
            <dt>{t('progress')}</dt>
            <dd>{formatPercent(kpi.progress.share, t.locale)}</dd>
          </>
        )}
      </dl>
      {staff.map((s) => {
        if (!s.item) return null;
        // One question per behaviour that creates the benefit: name the behaviour it was asked under.
        const heading = `${benefit.direction === 'negative' ? t('staffDrawback') : t('staffBenefit')}: ${behaviours.find((b) => b.id === s.behaviourId)?.title ?? ''}`;
        return (
          <div key={s.behaviourId}>
            <h4>{heading}</h4>
            <OverallTable caption={heading} overall={s.item.overall} waves={waves} />
          </div>
        );
      })}
      {drawbacks.length > 0 && (
        <>
          <h4>{t('drawbacksTitle')}</h4>
          <ul>
            {drawbacks.map((d) => (
              <li key={d.id}>
                {d.title} <StatusBadge status={d.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Newest first. `plain` (inside a benefit card that is itself a list item, as in the printed report): paragraphs
 *  rather than a nested list. */
export function StatusHistory({ benefit, plain = false }: { benefit: StatusBenefit; plain?: boolean }) {
  const t = useBenefitStatusT();
  if (!benefit.history.length) return <p className="muted">{t('historyEmpty')}</p>;
  const List = plain ? 'div' : 'ol';
  const Entry = plain ? 'p' : 'li';
  return (
    <List className="status-history">
      {[...benefit.history].reverse().map((h) => (
        <Entry key={h.id}>
          {t('historyEntry', { date: formatDate(h.changedAt, t.locale), status: t(statusKey(h.status)), who: h.changedByName || h.changedByEmail })}
          {h.reason && (
            <>
              <br />
              {t('reason')}: {h.reason}
            </>
          )}
          {h.nextAction && (
            <>
              <br />
              {t('nextAction')}: {h.nextAction}
            </>
          )}
        </Entry>
      ))}
    </List>
  );
}

/** The status, reason, next action and owner of a benefit, as a definition list. */
export function StatusFacts({ benefit }: { benefit: StatusBenefit }) {
  const t = useBenefitStatusT();
  return (
    <dl className="dl">
      <dt>{t('status')}</dt>
      <dd>
        <StatusBadge status={benefit.status} />
        {benefit.statusChangedAt && <span className="muted"> {t('changedOn', { date: formatDate(benefit.statusChangedAt, t.locale) })}</span>}
      </dd>
      <dt>{t('owner')}</dt>
      <dd>{[benefit.owner, benefit.ownerUser ? `${benefit.ownerUser.name} (${benefit.ownerUser.email})` : ''].filter(Boolean).join(' – ') || t('noOwner')}</dd>
      <dt>{t('reason')}</dt>
      <dd className="unit-description">{benefit.statusReason || t('none')}</dd>
      <dt>{t('nextAction')}</dt>
      <dd className="unit-description">{benefit.nextAction || t('none')}</dd>
    </dl>
  );
}

/** The units' actions; `compact` (the A4 report) folds barrier, owner and status into fewer columns. */
export function ActionsTable({ actions, compact = false }: { actions: StatusAction[]; compact?: boolean }) {
  const t = useBenefitStatusT();
  if (!actions.length) return <p>{t('actionsNone')}</p>;
  const type = (a: StatusAction) => t(`actionType_${a.type}` as BenefitStatusKey);
  const state = (a: StatusAction) => t(`actionStatus_${a.status}` as BenefitStatusKey);
  const due = (a: StatusAction) => (
    <>
      {a.dueDate ? formatDate(a.dueDate, t.locale) : t('none')}
      {a.overdue && <span className="overdue-tag"> {t('overdue')}</span>}
    </>
  );
  return (
    <TableWrap label={t('actionsCaption')}>
      {/* "stack": one card per action on a phone, each value under its column's name. */}
      <table className="stack">
        <caption className="visually-hidden">{t('actionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('behaviour')}</th>
            <th scope="col">{t('action')}</th>
            {!compact && <th scope="col">{t('actionType')}</th>}
            {!compact && <th scope="col">{t('actionOwner')}</th>}
            <th scope="col">{t('due')}</th>
            <th scope="col">{t('actionStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.unitName}</th>
              <td data-label={t('behaviour')}>{a.behaviourTitle}</td>
              <td data-label={t('action')}>
                {a.title}
                {compact && (
                  <div className="muted">
                    {type(a)}
                    {a.owner && ` · ${t('actionOwner')}: ${a.owner}`}
                  </div>
                )}
                {a.note && <div className="muted unit-description">{a.note}</div>}
              </td>
              {!compact && <td data-label={t('actionType')}>{type(a)}</td>}
              {!compact && <td data-label={t('actionOwner')}>{a.owner || t('none')}</td>}
              <td data-label={t('due')}>{due(a)}</td>
              <td data-label={t('actionStatus')}>{state(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Descriptions({ descriptions }: { descriptions: UnitDescription[] }) {
  const t = useBenefitStatusT();
  if (!descriptions.length) return <p>{t('descriptionsNone')}</p>;
  const behaviours = [...new Map(descriptions.map((d) => [d.behaviourId, d.behaviourTitle])).entries()];
  return (
    <>
      {behaviours.map(([id, title]) => (
        <div key={id}>
          <h3>{title}</h3>
          <dl className="dl">
            {descriptions
              .filter((d) => d.behaviourId === id)
              .map((d) => (
                <Fragment key={d.unitId}>
                  <dt>{d.unitName}</dt>
                  <dd className="unit-description" lang={t.locale === 'en' && d.descriptionEn ? 'en' : 'da'}>
                    {t.locale === 'en' && d.descriptionEn ? d.descriptionEn : d.description}
                  </dd>
                </Fragment>
              ))}
          </dl>
        </div>
      ))}
    </>
  );
}
