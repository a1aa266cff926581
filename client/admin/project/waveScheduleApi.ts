// The staff app's calls for a wave's schedule: the suggested schedule from go-live dates and reminder texts per
// unit. Types are the server's own, through the typed client in ../../api.
import { api, call, id, type Ok } from '../../api';

const suggested = api.projects[':projectId'].waves['suggested-schedule'];
const reminders = api.waves[':id'].reminders;

export type ScheduleSuggestion = Ok<typeof suggested.$get>;
export type SuggestedWave = ScheduleSuggestion['waves'][number];
export type WaveReminders = Ok<typeof reminders.$get>;
export type UnitReminder = WaveReminders['units'][number];

export const waveScheduleApi = {
  suggested: (projectId: number) => call(suggested.$get({ param: { projectId: id(projectId) } })),
  reminders: (waveId: number, locale: 'da' | 'en') => call(reminders.$get({ param: { id: id(waveId) }, query: { locale } })),
};
