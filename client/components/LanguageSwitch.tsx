// Dansk / English switch. Two toggle buttons in a labelled group; the choice is remembered.
import { LOCALES, setLocale, useLocale, type Locale } from '../i18n';
import { useT } from '../i18n/common';

const NAMES: Record<Locale, string> = { da: 'Dansk', en: 'English' };

export function LanguageSwitch({ onChange }: { onChange?: (l: Locale) => void }) {
  const locale = useLocale();
  const t = useT();
  return (
    // "Sprog / Language", so someone who does not read Danish finds it; in English just "Language", not twice.
    <div className="lang-switch" role="group" aria-label={locale === 'en' ? t('language') : `${t('language')} / Language`}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          onClick={() => {
            setLocale(l);
            onChange?.(l);
          }}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
