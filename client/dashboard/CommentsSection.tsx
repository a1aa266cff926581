// Free-text comments of closed waves. The server decides what may be shown (≥ 10 respondents, never per unit);
// comments are plain text — React escapes them, nothing is ever interpreted as HTML. Comments to a behaviour's own
// question are shown in its drill-down; this section has the general ones. A view narrowed to some units never
// gets comments: the section says so once, instead of listing waves with nothing under them.
import type { Comments } from './api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDashT } from '../i18n/dashboard';
import type { Loaded } from '../admin/useLoad';

export function CommentsSection({ comments }: { comments: Loaded<Comments> }) {
  const t = useDashT();
  const data = comments.data && { ...comments.data, waves: comments.data.waves.map((w) => ({ ...w, questions: w.questions.filter((q) => q.behaviourId === null) })) };
  const underBehaviours = comments.data?.waves.some((w) => w.questions.some((q) => q.behaviourId !== null));
  if (!data && !comments.error) return null;
  return (
    <section className="behaviour-report" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('commentsTitle')}</h2>
      <ErrorMessage error={comments.error} />
      {data?.narrowedToUnits && <p>{t('commentsNarrowedView')}</p>}
      {data && !data.narrowedToUnits && <p className="legend-note">{t('commentsRule', { k: data.threshold })}</p>}
      {underBehaviours && <p className="legend-note">{t('commentsUnderBehaviours')}</p>}
      {!data?.narrowedToUnits && data?.waves.map((w) => (
        <details key={w.waveId}>
          <summary>
            {w.name} – {w.shown ? t('commentsCount', { n: w.questions.reduce((s, q) => s + q.comments.length, 0) }) : t('commentsHidden')}
          </summary>
          {w.questions.map((q) => (
            <div key={q.key}>
              <h3>{q.text[t.locale] ?? q.text.da}</h3>
              <ul className="comments">
                {q.comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
