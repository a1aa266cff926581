// Ready-to-send reminder texts per unit while a wave runs (intranet, Teams, e-mail, staff meeting), each with the
// unit's link, code, closing time and the anonymity promise, in the screen's language, with a copy button.
import { useState } from 'react';
import { copyText } from '../../components/copyText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, StatusMessage } from '../../components/Field';
import { useScheduleT } from '../../i18n/waveSchedule';
import { useLoad } from '../useLoad';
import { waveScheduleApi } from './waveScheduleApi';

const channels = ['intranet', 'teams', 'email', 'meeting'] as const;
type Channel = (typeof channels)[number];

export function ReminderTexts({ waveId }: { waveId: number }) {
  const t = useScheduleT();
  const reminders = useLoad(() => waveScheduleApi.reminders(waveId, t.locale), [waveId, t.locale]);
  const [message, setMessage] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const units = reminders.data?.units ?? [];
  const unit = units.find((u) => u.unitId === unitId) ?? units[0];

  const copy = async (text: string, channel: Channel, unitName: string) => {
    setMessage((await copyText(text)) ? t(`copied_${channel}`, { unit: unitName }) : t('copyFailed'));
  };

  return (
    <section aria-labelledby={`reminders-${waveId}`} className="reminders">
      <h4 id={`reminders-${waveId}`}>{t('remindersTitle')}</h4>
      <p className="muted">{t('remindersIntro')}</p>
      <ErrorMessage error={reminders.error} />
      <StatusMessage message={message} />
      {units.length > 1 && (
        <SelectField label={t('reminderUnit')} value={unit?.unitId ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
          {units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.unitName}
            </option>
          ))}
        </SelectField>
      )}
      {unit &&
        channels.map((c) => {
          const text = unit.texts[c];
          const channel = t(`channel_${c}`);
          const full = text.subject ? `${t('subject')}: ${text.subject}\n\n${text.text}` : text.text;
          return (
            <div key={c} className="reminder card">
              <h5>{channel}</h5>
              {text.subject && (
                <p>
                  <strong>{t('subject')}:</strong> {text.subject}
                </p>
              )}
              <pre className="reminder-text">{text.text}</pre>
              <button type="button" className="secondary small" onClick={() => void copy(full, c, unit.unitName)}>
                {t(`copy_${c}`, { unit: unit.unitName })}
              </button>
            </div>
          );
        })}
    </section>
  );
}
