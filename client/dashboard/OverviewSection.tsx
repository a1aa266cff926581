// The overview first: per behaviour one card with adoption before → after (interval and n), the server's label
// in words and numbers, the design (before/after or against a comparison group) and the response rates of the
// two waves. Primary behaviours come first. Cards stack on a phone; nothing scrolls sideways.
import { formatPercent } from '../format';
import { useDashT } from '../i18n/dashboard';
import type { BehaviourReport, Report, ReportWave } from './api';
import { DesignNote } from './comparison';
import { labelSentence } from './labels';
import { headlineWaves, overallOf } from './model';
import { measuredCell, useCellText, useWaveName } from './shared';

export function useRateText() {
  const t = useDashT();
  return (report: Report, wave: ReportWave | null) => {
    const r = wave ? report.responseRates.find((x) => x.waveId === wave.id) : undefined;
    if (!r) return '–';
    return r.hidden ? t('hiddenShort') : formatPercent(r.rr1, t.locale);
  };
}

export function BeforeAfter({ report, behaviour }: { report: Report; behaviour: BehaviourReport }) {
  const t = useDashT();
  const cellText = useCellText();
  const waveName = useWaveName();
  const rate = useRateText();
  const { from, to } = headlineWaves(report, behaviour);
  const item = behaviour.adoption;
  if (!item) return <p className="muted">{t('notMeasured')}</p>;
  const side = (label: string, wave: ReportWave | null) => {
    const c = wave ? overallOf(item.overall, wave.id) : undefined;
    const v = cellText(measuredCell(c), !!c && c.measured);
    return (
      <div className="ba-side">
        <span className="ba-label">{label}</span>
        <span className="ba-wave">{wave ? waveName(wave) : '–'}</span>
        <span className={`ba-value${v.hidden ? ' hidden-words' : ''}`}>{wave ? v.text : '–'}</span>
      </div>
    );
  };
  return (
    <>
      <div className="before-after">
        {from ? side(t('beforeLabel'), from) : <p className="muted ba-side">{t('overviewOneWave')}</p>}
        <span className="ba-arrow" aria-hidden="true">
          →
        </span>
        {side(from ? t('afterLabel') : t('beforeLabel'), to)}
      </div>
      <p className="legend-note">{t('overviewRates', { from: from ? rate(report, from) : '–', to: rate(report, to) })}</p>
    </>
  );
}

/** The server's label of a behaviour's headline change in words and numbers, or why there is none. */
export function ChangeLabel({ behaviour }: { behaviour: BehaviourReport }) {
  const t = useDashT();
  if (behaviour.change) return <p className="change-label">{labelSentence(behaviour.change.label, t.locale)}</p>;
  return <p className="change-label none">{behaviour.changeNote === 'different_units' ? t('changeDifferentUnits') : t('noChange')}</p>;
}

/** One behaviour's headline, as the overview card and the printable report show it: its title (with the primary
 *  tag), before → after, the label and the design. */
export function BehaviourHeadline({ report, behaviour, primary, detailed }: { report: Report; behaviour: BehaviourReport; primary: boolean; detailed?: boolean }) {
  const t = useDashT();
  return (
    <>
      <h3>
        {behaviour.title}
        {primary && (
          <>
            {' '}
            <span className="tag primary">{t('primaryTag')}</span>
          </>
        )}
      </h3>
      <BeforeAfter report={report} behaviour={behaviour} />
      {behaviour.adoption && <ChangeLabel behaviour={behaviour} />}
      <DesignNote behaviour={behaviour} detailed={detailed} />
    </>
  );
}

export function OverviewSection({ report, behaviours, primary }: { report: Report; behaviours: BehaviourReport[]; primary: Set<number> }) {
  const t = useDashT();
  if (behaviours.length === 0) return null;
  return (
    <section className="behaviour-report overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overviewTitle')}</h2>
      <p className="legend-note">{t('overviewIntro')}</p>
      <ul className="overview-cards">
        {behaviours.map((b) => (
          <li key={b.id} className="card overview-card">
            <BehaviourHeadline report={report} behaviour={b} primary={primary.has(b.id)} />
            {b.adoption && (
              <p className="no-print">
                <a href={`#behaviour-${b.id}`}>
                  {t('seeDetails')}
                  <span className="visually-hidden">: {b.title}</span>
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
