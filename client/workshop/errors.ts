// Error texts of workshops, shared by the phone page and the leader's pages: our own codes first (workshop_closed …),
// then the app's common error texts.
import { ApiError } from '../api';
import { errorText } from '../components/ErrorMessage';
import type { Locale } from '../i18n';
import { translateWorkshop, type WorkshopKey } from '../i18n/workshops';

export function workshopErrorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const key = `error_${err.code}` as WorkshopKey;
    const text = translateWorkshop(locale, key);
    if (text !== key) return text;
  }
  return errorText(err, locale);
}
