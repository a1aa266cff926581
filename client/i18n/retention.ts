// Texts of a project's retention settings and the DPO export (client/admin/project/RetentionSettings.tsx).
import { makeTranslator } from './index';

const da = {
  title: 'Opbevaring og sletning af svar',
  intro:
    'Efter opbevaringsdatoen sletter Gevinstspor projektets rå svar: hvert enkelt svar og al fritekst fra de afsluttede målinger og workshops. Rapportens tal bevares – antal besvarelser og optællingerne pr. spørgsmål – men kommentarer, opdelinger og parrede svar kan derefter ikke vises. En måling, der lukker efter datoen, slettes, når den lukker. Sletningen kan ikke fortrydes og når ikke backups, der allerede er taget.',
  stateNone: 'Der er ingen opbevaringsdato: de rå svar opbevares, indtil de slettes.',
  stateUntil: 'De rå svar opbevares til og med {date} (dansk tid) og slettes dagen efter.',
  statePassed: 'Opbevaringsdatoen {date} er passeret: de rå svar slettes inden for ti minutter.',
  stateDeleted: 'De rå svar er slettet ({date}). Kun rapportens tal er tilbage.',
  dateLabel: 'Opbevar rå svar til og med',
  dateHint: 'I dag eller senere. Tomt felt: ingen dato.',
  saveDate: 'Gem opbevaringsdato',
  clearDate: 'Fjern opbevaringsdatoen',
  dateSaved: 'Opbevaringsdatoen er gemt.',
  dateCleared: 'Opbevaringsdatoen er fjernet.',
  deleteTitle: 'Slet rå svar nu',
  deleteHint: 'Sletter med det samme de rå svar fra projektets afsluttede målinger, uden at vente på datoen. Det kan ikke lade sig gøre, mens en måling er åben eller planlagt.',
  deleteButton: 'Slet rå svar nu',
  confirmTitle: 'Slet de rå svar nu?',
  confirmText: 'Alle enkeltsvar og al fritekst fra projektets afsluttede målinger slettes med det samme og kan ikke genskabes. Rapportens tal bevares.',
  confirmYes: 'Ja, slet de rå svar',
  confirmNo: 'Annullér',
  deleted: 'De rå svar er slettet: {n} besvarelser.',
  dpoTitle: 'Eksport til databeskyttelsesrådgiveren (DPO)',
  dpoIntro:
    'Én JSON-fil med alt, hvad Gevinstspor har om projektet: tekster, enheder, målinger og links (uden koder), hvilke rå data der findes (som antal), opbevaringen, de offentliggjorte tal, hvem der kan se hvad, og logbogen for projektet. Ingen enkeltsvar, koder eller hemmeligheder. Eksporten skrives i logbogen.',
  dpoButton: 'DPO-eksport',
  err_wave_open: 'En måling i projektet er åben eller planlagt. Luk den, før de rå svar slettes.',
  err_raw_deleted: 'De rå svar er allerede slettet; datoen kan ikke længere ændres.',
  err_retention_in_past: 'Vælg i dag eller en senere dag. Vil du slette nu, så brug "Slet rå svar nu".',
};

const en: typeof da = {
  title: 'Keeping and deleting answers',
  intro:
    "After the retention date Gevinstspor deletes the project's raw answers: every single answer and all free text from closed waves and workshops. The report's numbers stay – response counts and the tallies per question – but comments, breakdowns and paired answers can no longer be shown. A wave that closes after the date is deleted when it closes. Deleting cannot be undone and does not reach backups already taken.",
  stateNone: 'There is no retention date: the raw answers are kept until they are deleted.',
  stateUntil: 'The raw answers are kept through {date} (Danish time) and deleted the day after.',
  statePassed: 'The retention date {date} has passed: the raw answers are deleted within ten minutes.',
  stateDeleted: "The raw answers were deleted ({date}). Only the report's numbers are left.",
  dateLabel: 'Keep raw answers through',
  dateHint: 'Today or later. Empty: no date.',
  saveDate: 'Save retention date',
  clearDate: 'Remove the retention date',
  dateSaved: 'The retention date is saved.',
  dateCleared: 'The retention date is removed.',
  deleteTitle: 'Delete raw answers now',
  deleteHint: "Deletes the raw answers of the project's closed waves at once, without waiting for the date. Not possible while a wave is open or scheduled.",
  deleteButton: 'Delete raw answers now',
  confirmTitle: 'Delete the raw answers now?',
  confirmText: "Every single answer and all free text of the project's closed waves are deleted at once and cannot be restored. The report's numbers stay.",
  confirmYes: 'Yes, delete the raw answers',
  confirmNo: 'Cancel',
  deleted: 'The raw answers are deleted: {n} responses.',
  dpoTitle: 'Export for the data protection officer (DPO)',
  dpoIntro:
    'One JSON file with everything Gevinstspor holds about the project: texts, units, waves and links (without codes), what raw data there is (as counts), retention, the published numbers, who can see what, and the audit log for the project. No single answers, codes or secrets. The export is recorded in the audit log.',
  dpoButton: 'DPO export',
  err_wave_open: 'A wave of the project is open or scheduled. Close it before deleting raw answers.',
  err_raw_deleted: 'The raw answers are already deleted; the date can no longer change.',
  err_retention_in_past: 'Choose today or a later day. To delete now, use "Delete raw answers now".',
};

export type RetentionKey = keyof typeof da;
export const hasRetentionKey = (key: string): key is RetentionKey => key in da;
export const { useT: useRetentionT, translate: translateRetention } = makeTranslator<RetentionKey>({ da, en }, 'retention');
