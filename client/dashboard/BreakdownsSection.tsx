// Adoption of closed waves by background questions and the secretariat's choice questions. The server decides
// every hidden group (server/services/breakdowns.ts); this only shows what it sends. On a phone each group
// becomes a card (class "stack"), so the table never scrolls sideways.
import { ErrorMessage } from '../components/ErrorMessage';
import { TableWrap } from '../components/TableWrap';
import { formatInterval, formatPercent } from '../format';
import { useDashT } from '../i18n/dashboard';
import { useLoad } from '../admin/useLoad';
import { reportApi, type Report } from './api';

export function BreakdownsSection({ report }: { report: Report }) {
  const t = useDashT();
  const data = useLoad(() => reportApi.breakdowns(report.project.id), [report.project.id]);
  const waves = data.data?.waves.filter((w) => w.breakdowns.length > 0) ?? [];
  if (!data.error && waves.length === 0) return null;
  const title = (behaviourId: number | null) => report.behaviours.find((b) => b.id === behaviourId)?.title ?? '';
  return (
    <section className="behaviour-report" aria-labelledby="breakdowns-title">
      <h2 id="breakdowns-title">{t('breakdownsTitle')}</h2>
      <ErrorMessage error={data.error} />
      <p className="legend-note">{t('breakdownsIntro', { k: report.threshold })}</p>
      {waves.flatMap((w) =>
        w.breakdowns.map((b) => {
          const items = b.groups[0]?.items ?? [];
          const optionOf = (key: string) => b.groups.find((g) => g.key === key.replace(/^not:/, ''))?.label?.[t.locale] ?? '';
          return (
            <details key={`${w.waveId}-${b.key}`}>
              <summary>{t('breakdownsCaption', { question: b.text[t.locale] ?? b.text.da, wave: w.name })}</summary>
              <TableWrap label={t('breakdownsCaption', { question: b.text[t.locale] ?? b.text.da, wave: w.name })}>
                <table className="stack">
                  <caption className="visually-hidden">{t('breakdownsCaption', { question: b.text[t.locale] ?? b.text.da, wave: w.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('breakdownsGroup')}</th>
                      <th scope="col">{t('breakdownsRespondents')}</th>
                      {items.map((i) => (
                        <th scope="col" key={i.key}>
                          {title(i.behaviourId)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.groups.map((g) => (
                      <tr key={g.key}>
                        <th scope="row">{g.key.startsWith('not:') ? t('breakdownsOthers', { option: optionOf(g.key) }) : g.label?.[t.locale] ?? g.key}</th>
                        <td className={g.hidden ? 'hidden-cell' : undefined} data-label={t('breakdownsRespondents')}>
                          {g.respondents ?? t('hiddenShort')}
                        </td>
                        {g.items.map((i) => (
                          <td key={i.key} className={i.hidden ? 'hidden-cell' : undefined} data-label={title(i.behaviourId)}>
                            {i.hidden ? i.label[t.locale] : `${formatPercent(i.p, t.locale)} (${formatInterval(i.lo, i.hi, t.locale)}; n = ${i.n})`}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </details>
          );
        }),
      )}
    </section>
  );
}
