// Texts of answering on a phone that came with drafts, kiosk mode and short codes (the answer page's older
// texts live in common.ts). Only the answer bundle imports this.
import { makeTranslator } from './index';

const da = {
  draftRestored: 'Vi har gemt dine svar på denne telefon eller computer, så du kan fortsætte, hvor du slap.',
  startOver: 'Start forfra',
  startOverConfirm: 'Slette de svar, du har givet indtil nu, og starte forfra?',
  sendingBusy: 'Serveren har travlt lige nu. Vi prøver automatisk igen om et øjeblik – dit svar tælles kun én gang.',
  answeredBeforeTitle: 'Du har allerede svaret',
  answeredBefore: 'Du har allerede svaret på denne måling fra denne telefon eller computer. Vil du svare igen (fx hvis en kollega låner telefonen)?',
  answerAgain: 'Ja, svar igen',
  noThanks: 'Nej tak',
  alreadyDoneText: 'Tak. Dit svar er talt med – du kan lukke siden.',
  kioskThanks: 'Tak for dit svar. Skemaet starter forfra om {n} sekunder til den næste.',
  kioskNext: 'Næste person',
  kioskBadge: 'Fælles tablet',
  codeTitle: 'Skriv koden fra plakaten',
  codeLabel: 'Kode',
  codeHint: 'Koden står under QR-koden, fx K7QM-4TXH. Store og små bogstaver, mellemrum og bindestreg er lige meget.',
  codeSubmit: 'Åbn spørgeskemaet',
  codeLooking: 'Finder spørgeskemaet …',
  codeUnknown: 'Vi kender ikke den kode. Tjek den på plakaten, og prøv igen.',
  codeRevoked: 'Koden virker ikke længere. Spørg din leder efter den nye plakat.',
  codeEmpty: 'Skriv koden fra plakaten.',
  codeLength: 'En kode har 8 tegn, fx K7QM-4TXH. Tjek den på plakaten, og prøv igen.',
  codeFailed: 'Forbindelsen svigtede. Prøv igen.',
  linkRevokedTitle: 'Linket virker ikke længere',
  linkRevokedText: 'Linket er udskiftet. Scan QR-koden på den nye plakat, eller spørg din leder.',
  /** A scheduled wave: the page says when it opens just below, so not "your manager knows when". */
  notOpenTextScheduled: 'Prøv igen, når det åbner.',
};

const en: typeof da = {
  draftRestored: 'Your answers were kept on this device, so you can continue where you left off.',
  startOver: 'Start over',
  startOverConfirm: 'Delete the answers you have given so far and start over?',
  sendingBusy: 'The server is busy right now. We will try again automatically in a moment – your answer is only counted once.',
  answeredBeforeTitle: 'You have already answered',
  answeredBefore: 'You have already answered this survey from this device. Do you want to answer again (e.g. if a colleague is borrowing the phone)?',
  answerAgain: 'Yes, answer again',
  noThanks: 'No thanks',
  alreadyDoneText: 'Thank you. Your answer has been counted – you can close this page.',
  kioskThanks: 'Thank you for your answer. The survey starts over for the next person in {n} seconds.',
  kioskNext: 'Next person',
  kioskBadge: 'Shared tablet',
  codeTitle: 'Type the code from the poster',
  codeLabel: 'Code',
  codeHint: 'The code is below the QR code, e.g. K7QM-4TXH. Upper or lower case, spaces and dashes do not matter.',
  codeSubmit: 'Open the survey',
  codeLooking: 'Finding the survey …',
  codeUnknown: 'We do not know that code. Check it on the poster and try again.',
  codeRevoked: 'The code no longer works. Ask your manager for the new poster.',
  codeEmpty: 'Type the code from the poster.',
  codeLength: 'A code has 8 characters, e.g. K7QM-4TXH. Check it on the poster and try again.',
  codeFailed: 'The connection failed. Try again.',
  linkRevokedTitle: 'This link no longer works',
  linkRevokedText: 'The link has been replaced. Scan the QR code on the new poster, or ask your manager.',
  notOpenTextScheduled: 'Try again when it opens.',
};

export const { useT: useAnswerT } = makeTranslator<keyof typeof da>({ da, en }, 'answering');
