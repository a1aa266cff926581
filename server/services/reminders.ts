// Ready-to-send reminder texts per unit while a wave runs: for the intranet, a Teams message, an e-mail and a
// note to read out at the staff meeting. Each carries the unit's own link, its short code and short address,
// the close time in Copenhagen time, the answer time and the anonymity promise with the configured threshold.
// Texts only: nothing about answers or response rates (those stay under the disclosure policy).
import type { Db } from '../../db/client';
import { closingText } from '../../surveys/closing';
import { answerTimeText } from '../../surveys/duration';
import type { AppConfig } from '../config';
import type { Clock } from './clock';
import { posterData } from './waveLinks';
import { getWaveRow, waveView } from './waves';

export type ReminderChannel = 'intranet' | 'teams' | 'email' | 'meeting';

interface Facts {
  project: string;
  wave: string;
  unit: string;
  url: string;
  shortUrl: string;
  shortCode: string | null;
  /** When it closes: a day and a time, or (closing at midnight) its last open day. */
  closes: { text: string; timed: boolean } | null;
  minutes: string | null;
  k: number;
}

const da = (f: Facts): Record<ReminderChannel, { subject?: string; text: string }> => {
  const code = f.shortCode ? `Eller gå til ${f.shortUrl} og skriv koden ${f.shortCode}.` : '';
  const closes = !f.closes ? '' : f.closes.timed ? `Spørgeskemaet lukker ${f.closes.text}.` : `Spørgeskemaet er åbent til og med ${f.closes.text}.`;
  const time = f.minutes ? `Det tager ${f.minutes}.` : '';
  const promise = `Du er anonym: ingen kan se, hvad du har svaret, og resultater vises kun for grupper med mindst ${f.k} svar.`;
  return {
    intranet: {
      subject: `Hvordan går det med ${f.project}? ${f.closes ? `Svar senest ${f.closes.text}` : 'Svar, inden målingen lukker'}`,
      text: [`Vi vil gerne høre, hvordan det går med ${f.project} i ${f.unit}. Dine svar viser, hvad der virker, og hvor der skal hjælp til.`, `Svar her: ${f.url}`, code, [time, closes].filter(Boolean).join(' '), promise].filter(Boolean).join('\n\n'),
    },
    teams: { text: [`Husk spørgeskemaet om ${f.project} (${f.wave}). ${time}`.trim(), `${f.url}${f.shortCode ? ` · kode ${f.shortCode} på ${f.shortUrl}` : ''}`, [closes, `Anonymt – resultater kun for grupper med mindst ${f.k} svar.`].filter(Boolean).join(' ')].join('\n') },
    email: {
      subject: `Påmindelse: spørgeskema om ${f.project}${!f.closes ? '' : f.closes.timed ? ` – lukker ${f.closes.text}` : ` – åbent til og med ${f.closes.text}`}`,
      text: ['Kære alle', `Har du endnu ikke svaret på spørgeskemaet om ${f.project} (${f.wave})? Der er stadig tid. ${time}`.trim(), `Link for ${f.unit}: ${f.url}`, code, closes, promise, 'På forhånd tak.'].filter(Boolean).join('\n\n'),
    },
    meeting: {
      text: [`Til personalemødet: Spørgeskemaet om ${f.project} (${f.wave}) er åbent. ${time}`.trim(), f.shortCode ? `Gå til ${f.shortUrl} og skriv koden ${f.shortCode} – eller scan QR-koden på plakaten.` : `Brug linket: ${f.url}`, closes, `Det er anonymt, og resultater vises kun for grupper med mindst ${f.k} svar. Giv gerne 5 minutter nu, så alle kan nå det.`].filter(Boolean).join('\n'),
    },
  };
};

const en = (f: Facts): Record<ReminderChannel, { subject?: string; text: string }> => {
  const code = f.shortCode ? `Or go to ${f.shortUrl} and enter the code ${f.shortCode}.` : '';
  const closes = !f.closes ? '' : f.closes.timed ? `The survey closes on ${f.closes.text}.` : `The survey is open until the end of ${f.closes.text}.`;
  const time = f.minutes ? `It takes ${f.minutes}.` : '';
  const promise = `You are anonymous: nobody can see what you answered, and results are only shown for groups of at least ${f.k} answers.`;
  return {
    intranet: {
      subject: `How is ${f.project} going? ${f.closes ? `Please answer by ${f.closes.text}` : 'Please answer before the survey closes'}`,
      text: [`We would like to hear how ${f.project} is going in ${f.unit}. Your answers show what works and where help is needed.`, `Answer here: ${f.url}`, code, [time, closes].filter(Boolean).join(' '), promise].filter(Boolean).join('\n\n'),
    },
    teams: { text: [`Remember the survey on ${f.project} (${f.wave}). ${time}`.trim(), `${f.url}${f.shortCode ? ` · code ${f.shortCode} at ${f.shortUrl}` : ''}`, [closes, `Anonymous – results only for groups of at least ${f.k} answers.`].filter(Boolean).join(' ')].join('\n') },
    email: {
      subject: `Reminder: survey on ${f.project}${!f.closes ? '' : f.closes.timed ? ` – closes ${f.closes.text}` : ` – open until the end of ${f.closes.text}`}`,
      text: ['Dear all', `Have you not yet answered the survey on ${f.project} (${f.wave})? There is still time. ${time}`.trim(), `Link for ${f.unit}: ${f.url}`, code, closes, promise, 'Thank you.'].filter(Boolean).join('\n\n'),
    },
    meeting: {
      text: [`For the staff meeting: the survey on ${f.project} (${f.wave}) is open. ${time}`.trim(), f.shortCode ? `Go to ${f.shortUrl} and enter the code ${f.shortCode} – or scan the QR code on the poster.` : `Use the link: ${f.url}`, closes, `It is anonymous, and results are only shown for groups of at least ${f.k} answers. Feel free to take 5 minutes now so everyone can make it.`].filter(Boolean).join('\n'),
    },
  };
};

/** The reminder texts of every unit link of the wave (revoked links left out), in the given language. */
export async function waveReminders(db: Db, waveId: number, locale: 'da' | 'en', config: AppConfig, clock: Clock) {
  const wave = waveView(await getWaveRow(db, waveId), clock);
  const poster = await posterData(db, waveId, config.publicUrl, config);
  // The English texts use the English names where given, else the Danish ones (as the answer page does).
  const named = (da: string, en: string) => (locale === 'en' && en.trim() ? en : da);
  const project = named(poster.project.name, poster.project.nameEn);
  // The same words as the answer page and the poster (surveys/closing.ts).
  const closes = closingText(wave, locale);
  const minutes = poster.answerSeconds ? answerTimeText(poster.answerSeconds, locale) : null;
  return {
    wave: { id: wave.id, name: wave.name, status: wave.status, closesAt: wave.closesAt, closesAtLocal: wave.closesAtLocal },
    locale,
    threshold: config.anonymityThreshold,
    units: poster.links.map((l) => {
      const facts: Facts = { project, wave: named(wave.name, wave.nameEn), unit: named(l.unitName, l.unitNameEn), url: l.url, shortUrl: l.shortUrl, shortCode: l.shortCode, closes, minutes, k: config.anonymityThreshold };
      const texts = (locale === 'en' ? en : da)(facts);
      return { linkId: l.id, unitId: l.unitId, unitName: l.unitName, url: l.url, shortCode: l.shortCode, shortUrl: l.shortUrl, codeUrl: l.codeUrl, texts };
    }),
  };
}
