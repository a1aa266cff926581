// The headline's design in plain words: before/after without a comparison group (no causal words), or the
// server's difference in differences against units not yet live, in words and numbers.
import { useDashT } from '../i18n/dashboard';
import { extras, type BehaviourReport } from './api';
import { points } from './labels';

export function DesignNote({ behaviour, detailed }: { behaviour: BehaviourReport; detailed?: boolean }) {
  const t = useDashT();
  const comparison = extras.comparison(behaviour);
  const design = behaviour.change ? extras.design(behaviour.change) : null;
  if (comparison?.available) {
    const words = comparison.label[t.locale] ?? comparison.label.da;
    return (
      <div className="design-note comparison">
        <p className="comparison-result">
          <strong>{t('comparisonTitle')}:</strong>{' '}
          {t('comparisonSentence', { words, d: points(comparison.did), lo: points(comparison.lo), hi: points(comparison.hi), cohorts: comparison.cohorts })}
        </p>
        {detailed && comparison.placebo && (
          <p className="legend-note">{t('placeboSentence', { d: points(comparison.placebo.did), lo: points(comparison.placebo.lo), hi: points(comparison.placebo.hi) })}</p>
        )}
      </div>
    );
  }
  if (!behaviour.change && !comparison) return null;
  if (design === 'comparison' && !comparison) return null;
  return (
    <div className="design-note before-after">
      <p>
        <strong>{t('designBeforeAfter')}.</strong> {t('designBeforeAfterNote')}
      </p>
      {detailed && comparison && !comparison.available && <p className="legend-note">{t('comparisonUnavailable')}</p>}
    </div>
  );
}
