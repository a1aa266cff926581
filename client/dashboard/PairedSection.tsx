// The paired view: staff who gave the same optional pairing code in two closed waves, compared with themselves
// (GET /projects/:id/report/paired). The server decides what is shown (pairs ≥ k, cells under k left out); this
// only words it. Left out entirely when neither wave asked the code.
import { api, call, id, type Ok } from '../api';
import { useLoad } from '../admin/useLoad';
import { ErrorMessage } from '../components/ErrorMessage';
import { TableWrap } from '../components/TableWrap';
import { formatPercent } from '../format';
import { useDashT } from '../i18n/dashboard';
import type { Report } from './api';
import { useWaveName } from './shared';

const paired = api.projects[':projectId'].report.paired;
export type PairedReport = Ok<typeof paired.$get>['paired'];
type PairedBehaviour = PairedReport['behaviours'][number];
type ShownBehaviour = Extract<PairedBehaviour, { shown: true }>;

const loadPaired = (projectId: number) => call(paired.$get({ param: { projectId: id(projectId) }, query: {} })).then((r) => r.paired);

/** Percentage points, signed: "+18", "−4", "0". */
function points(value: number, locale: 'da' | 'en', signed: boolean) {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value * 100);
}

export function PairedSection({ report }: { report: Report }) {
  const t = useDashT();
  const waveName = useWaveName();
  const data = useLoad(() => loadPaired(report.project.id), [report.project.id]);
  const p = data.data;
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!p || !p.pairingAsked) return null;
  const wave = (waveId: number | null) => report.waves.find((w) => w.id === waveId);
  const from = wave(p.fromWaveId);
  const to = wave(p.toWaveId);
  const match = p.matchRate?.rate != null ? formatPercent(p.matchRate.rate, t.locale) : '–';
  const reasonText = (reason: string | null) => (reason === 'too_few_pairs' ? t('pairedTooFew', { k: p.threshold }) : reason === 'no_waves' ? t('pairedNoWaves') : t('pairedProtected'));
  return (
    <section className="behaviour-report" aria-labelledby="paired-title">
      <h2 id="paired-title">{t('pairedTitle')}</h2>
      <p className="legend-note">{t('pairedIntro', { k: p.threshold })}</p>
      {from && to && <p>{t('pairedWaves', { from: waveName(from), to: waveName(to) })}</p>}
      {!p.shown && <p className="notice">{reasonText(p.reason)}</p>}
      {p.shown && p.matchRate && to && <p>{t('pairedMatch', { pairs: p.matchRate.pairs, respondents: p.matchRate.respondents, wave: waveName(to), match })}</p>}
      {p.shown &&
        p.behaviours.map((b) => (
          <div key={b.id} className="paired-behaviour">
            <h3>{b.title}</h3>
            {b.shown ? <PairedResult b={b} match={match} k={p.threshold} /> : <p className="notice">{reasonText(b.reason)}</p>}
          </div>
        ))}
    </section>
  );
}

function PairedResult({ b, match, k }: { b: ShownBehaviour; match: string; k: number }) {
  const t = useDashT();
  // data-label: on a phone the table becomes one card per row (table.stack in styles.css), each cell labelled.
  const cell = (n: number | null, label: string) =>
    n === null ? (
      <td className="hidden-cell" data-label={label}>
        {t('pairedCellHidden', { k })}
      </td>
    ) : (
      <td className="num" data-label={label}>
        {n}
      </td>
    );
  const after = t('pairedAfter');
  const afterNo = t('pairedAfterNo');
  const before = t('pairedBefore');
  const caption = t('pairedCaption', { behaviour: b.title, n: b.pairs });
  return (
    <>
      <p>
        <strong>{t('pairedSentence', { n: b.pairs, match, d: points(b.d, t.locale, true), lo: points(b.lo, t.locale, false), hi: points(b.hi, t.locale, false) })}</strong>
      </p>
      <TableWrap label={caption}>
        <table className="stack">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{before}</th>
              <th scope="col">{after}</th>
              <th scope="col">{afterNo}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" data-label={before}>
                {t('pairedYes')}
              </th>
              {cell(b.table.yesYes, after)}
              {cell(b.table.yesNo, afterNo)}
            </tr>
            <tr>
              <th scope="row" data-label={before}>
                {t('pairedNo')}
              </th>
              {cell(b.table.noYes, after)}
              {cell(b.table.noNo, afterNo)}
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p className="legend-note">{t('pairedP', { p: (b.p < 0.001 ? '< 0.001' : b.p.toFixed(3)).replace('.', t.locale === 'da' ? ',' : '.') })}</p>
    </>
  );
}
