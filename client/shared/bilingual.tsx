// A text in the reader's language: English where the secretariat filled it in, else the Danish, marked as such
// (lang="da" for screen readers, and a small "Danish only" tag for the eye).
import type { ReactNode } from 'react';
import type { Locale } from '../i18n';

export function Bilingual({ da, en, locale, marker, as: Tag = 'span' }: { da: string; en: string; locale: Locale; marker: string; as?: 'span' | 'p' | 'h1' | 'h3' }): ReactNode {
  if (locale === 'da' || en.trim()) return <Tag>{locale === 'en' ? en : da}</Tag>;
  if (!da.trim()) return null;
  return (
    <Tag lang="da">
      {da} <span className="danish-only" lang="en">{marker}</span>
    </Tag>
  );
}
