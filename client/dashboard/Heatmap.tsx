// Heatmap units × behaviours: the latest per-unit level, or the change per unit, each cell coloured by the
// server's estimate (never by a p-value) from a colour-blind-safe palette, with its number as text in black or
// white by the background. Hidden cells show the server's words on a striped background; lagging cells get a
// ▼ and a frame besides the colour; each unit's go-live status has its own column.
import { useState } from 'react';
import { TableWrap } from '../components/TableWrap';
import { formatPercent } from '../format';
import { useDashT } from '../i18n/dashboard';
import { extras, type BehaviourReport, type Report } from './api';
import { points } from './labels';
import {
  CHANGE_BINS,
  CHANGE_COLOURS,
  LEVEL_COLOURS,
  changeColour,
  changeLags,
  levelColour,
  levelLags,
  levelWave,
  overallOf,
  textOn,
  type GoLive,
  notLiveAtWave,
} from './model';
import { GoLiveText, UnitName, pp, useWaveName } from './shared';

type Mode = 'level' | 'change';

function Swatch({ colour, text }: { colour: string; text: string }) {
  return (
    <li>
      <span className="swatch" style={{ background: colour, color: textOn(colour) }}>
        {text}
      </span>
    </li>
  );
}

// `label` (the behaviour's title) heads the cell when the table is one card per unit on a phone (table.stack).
function HiddenCell({ words, label }: { words: string; label: string }) {
  return (
    <td className="heat-cell heat-hidden" data-label={label}>
      {words}
    </td>
  );
}

function EmptyCell({ text, label }: { text: string; label: string }) {
  return (
    <td className="heat-cell heat-empty" data-label={label}>
      {text}
    </td>
  );
}

function ColouredCell({ colour, main, sub, lag, lagText, label }: { colour: string; main: string; sub?: string; lag: boolean; lagText: string; label: string }) {
  return (
    <td className={`heat-cell${lag ? ' lagging' : ''}`} data-label={label} style={{ background: colour, color: textOn(colour) }}>
      <span className="heat-main">
        {lag && (
          <span className="lag-mark" aria-hidden="true">
            ▼{' '}
          </span>
        )}
        {main}
      </span>
      {sub && <span className="heat-sub">{sub}</span>}
      {lag && <span className="visually-hidden"> ({lagText})</span>}
    </td>
  );
}

export function Heatmap({ report, behaviours, goLive }: { report: Report; behaviours: BehaviourReport[]; goLive: Map<string, GoLive | undefined> }) {
  const t = useDashT();
  const waveName = useWaveName();
  const [mode, setMode] = useState<Mode>('level');
  const measured = behaviours.filter((b) => b.adoption);
  if (measured.length === 0) return null;
  const wave = levelWave(report);
  const compare = extras.compare(report);
  const firstChange = measured.find((b) => b.change)?.change;
  const waveById = (id: number | null | undefined) => report.waves.find((w) => w.id === id);
  const fromWave = waveById(compare?.fromWaveId ?? firstChange?.fromWaveId);
  const toWave = waveById(compare?.toWaveId ?? firstChange?.toWaveId);
  const anyUnitChanges = measured.some((b) => extras.unitChanges(b));
  const caption =
    mode === 'level'
      ? t('heatmapCaptionLevel', { wave: wave ? waveName(wave) : '–' })
      : t('heatmapCaptionChange', { from: fromWave ? waveName(fromWave) : '–', to: toWave ? waveName(toWave) : '–' });
  const pctText = (p: number) => formatPercent(p, t.locale);
  const levelLegend = ['0–19 %', '20–39 %', '40–59 %', '60–79 %', '80–100 %'];
  const changeLegend = [`< ${points(CHANGE_BINS[0] / 100)}`, ...CHANGE_BINS.slice(0, -1).map((e, i) => `${points(e / 100)} til ${points(CHANGE_BINS[i + 1] / 100)}`), `≥ ${points(CHANGE_BINS[CHANGE_BINS.length - 1] / 100)}`];

  const changeCell = (c: { hidden: boolean; d: number | null; lo: number | null; hi: number | null; label?: { code: string } | null } | undefined, key: string, label: string) => {
    if (!c) return <EmptyCell key={key} text="–" label={label} />;
    if (c.hidden || c.d == null) return <HiddenCell key={key} words={t('hidden')} label={label} />;
    const lag = changeLags(c);
    const sub = c.lo != null && c.hi != null ? `${points(c.lo)} ${t.locale === 'da' ? 'til' : 'to'} ${points(c.hi)}` : undefined;
    return <ColouredCell key={key} colour={changeColour(c.d)} main={pp(c.d)} sub={sub} lag={lag} lagText={t('lagChange')} label={label} />;
  };

  return (
    <section className="behaviour-report" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t('heatmapTitle')}</h2>
      <p className="legend-note">{t('heatmapIntro')}</p>
      <fieldset className="heat-mode no-print">
        <legend>{t('heatmapMode')}</legend>
        <div className="radio-row">
          {(['level', 'change'] as const).map((m) => (
            <label className="inline" key={m}>
              <input type="radio" name="heatmap-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === 'level' ? t('heatmapModeLevel') : t('heatmapModeChange')}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'level' && !wave && <p className="notice">{t('heatmapNoUnits')}</p>}
      {mode === 'change' && !anyUnitChanges && <p className="notice">{t('heatmapNoChange')}</p>}
      {(mode === 'change' || wave) && (
        <>
        {/* The caption is read with the table; this copy keeps it on screen above the cells (and the cards on a phone). */}
        <p className="heat-caption" aria-hidden="true">
          {caption}
        </p>
        <TableWrap label={caption}>
          {/* "stack": one card per unit on a phone, each coloured cell headed by its behaviour. */}
          <table className="heatmap stack">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unit')}</th>
                <th scope="col" className="wrap">
                  {t('heatmapGoLive')}
                </th>
                {measured.map((b) => (
                  <th scope="col" key={b.id} className="wrap heat-col">
                    {b.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="heat-total">
                <th scope="row">{t('tableTotal')}</th>
                <td className="heat-golive-none" />
                {measured.map((b) => {
                  if (mode === 'change') return changeCell(b.change ? { hidden: false, ...b.change } : undefined, `t${b.id}`, b.title);
                  const c = overallOf(b.adoption!.overall, wave?.id);
                  if (!c || !c.measured) return <EmptyCell key={b.id} text={t('notMeasured')} label={b.title} />;
                  if (c.hidden || c.p == null) return <HiddenCell key={b.id} words={c.label?.[t.locale] ?? t('hidden')} label={b.title} />;
                  return <ColouredCell key={b.id} colour={levelColour(c.p)} main={pctText(c.p)} sub={t('nLine', { n: c.n })} lag={false} lagText="" label={b.title} />;
                })}
              </tr>
              {report.units.map((u) => (
                <tr key={u.key}>
                  <th scope="row">
                    <UnitName unit={{ unitName: u.name, group: u.group }} />
                  </th>
                  <td className="heat-golive" data-label={t('heatmapGoLive')}>
                    <GoLiveText status={goLive.get(u.key)} />
                  </td>
                  {measured.map((b) => {
                    const key = `${u.key}-${b.id}`;
                    if (mode === 'change') {
                      const changes = extras.unitChanges(b);
                      return changes ? changeCell(changes.find((c) => c.key === u.key), key, b.title) : <EmptyCell key={key} text="–" label={b.title} />;
                    }
                    const row = b.adoption!.units.find((r) => r.key === u.key);
                    const c = row?.cells.find((x) => x.waveId === wave?.id);
                    if (!c) return <EmptyCell key={key} text={t('notMeasured')} label={b.title} />;
                    if (c.hidden || c.p == null) return <HiddenCell key={key} words={c.label?.[t.locale] ?? t('hidden')} label={b.title} />;
                    // A unit not yet live when a follow-up opened is expected to be low (it may be the comparison
                    // group): it is said so, not marked as lagging.
                    const early = notLiveAtWave(goLive.get(u.key), wave);
                    const lag = !early && levelLags(c, overallOf(b.adoption!.overall, wave?.id));
                    const n = c.label?.code === 'indicative' ? `${t('nLine', { n: c.n })} · ${c.label[t.locale] ?? c.label.da}` : t('nLine', { n: c.n });
                    const words = early ? `${n} · ${t('notLiveAtWave')}` : n;
                    return <ColouredCell key={key} colour={levelColour(c.p)} main={pctText(c.p)} sub={words} lag={lag} lagText={t('lagLevel')} label={b.title} />;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        </>
      )}
      <div className="heat-legend">
        <p className="legend-note">{mode === 'level' ? t('legendLevel') : t('legendChange')}</p>
        <ul className="swatches">
          {mode === 'level'
            ? LEVEL_COLOURS.map((c, i) => <Swatch key={c} colour={c} text={levelLegend[i]} />)
            : CHANGE_COLOURS.map((c, i) => <Swatch key={c} colour={c} text={t.locale === 'da' ? changeLegend[i] : changeLegend[i].replace(' til ', ' to ')} />)}
          <li>
            <span className="swatch heat-hidden">{t('legendHidden')}</span>
          </li>
        </ul>
        <p className="legend-note">{mode === 'level' ? t('legendLagLevel') : t('legendLagChange')}</p>
      </div>
    </section>
  );
}
