// Texts of signing in through the municipality's identity provider (OpenID Connect) on the login page: the button
// and why a sign-in that came back from the provider was refused (?oidc_error=<code>).
import { makeTranslator } from './index';

const da = {
  oidcButton: 'Log ind med {label}',
  oidcDefaultLabel: 'kommunens login',
  oidcOr: 'eller med e-mail og adgangskode',
  'oidcError.oidc_no_role': 'Du er ikke med i en gruppe, der giver adgang til Gevinstspor. Bed din leder eller it-afdelingen om at tilføje dig, og prøv igen.',
  'oidcError.oidc_groups_overage': 'Identitetsudbyderen sendte ikke dine grupper (du er med i for mange). Bed it-afdelingen om kun at sende de grupper, der er tildelt Gevinstspor.',
  'oidcError.oidc_no_email': 'Identitetsudbyderen sendte ingen e-mailadresse for dig. Kontakt it-afdelingen.',
  'oidcError.oidc_email_taken': 'Der findes allerede en bruger med din e-mailadresse. Bed sekretariatet om at slette den eller koble den til dit login.',
  'oidcError.account_disabled': 'Din bruger er spærret. Kontakt sekretariatet.',
  'oidcError.oidc_state': 'Login blev startet i en anden fane eller er udløbet. Prøv igen.',
  'oidcError.oidc_denied': 'Login blev afbrudt eller afvist hos identitetsudbyderen.',
  'oidcError.oidc_invalid': 'Login kunne ikke bekræftes. Prøv igen.',
  'oidcError.oidc_unavailable': 'Identitetsudbyderen kan ikke nås lige nu. Prøv igen om lidt, eller log ind med adgangskode.',
  'oidcError.unknown': 'Login gennem identitetsudbyderen mislykkedes. Prøv igen.',
};
type Key = keyof typeof da;

const en: Record<Key, string> = {
  oidcButton: 'Log in with {label}',
  oidcDefaultLabel: "the municipality's login",
  oidcOr: 'or with e-mail and password',
  'oidcError.oidc_no_role': 'You are not in a group that gives access to Gevinstspor. Ask your manager or the IT department to add you, then try again.',
  'oidcError.oidc_groups_overage': 'The identity provider did not send your groups (you are in too many). Ask the IT department to send only the groups assigned to Gevinstspor.',
  'oidcError.oidc_no_email': 'The identity provider sent no e-mail address for you. Contact the IT department.',
  'oidcError.oidc_email_taken': 'A user with your e-mail address already exists. Ask the secretariat to delete it or link it to your login.',
  'oidcError.account_disabled': 'Your account has been disabled. Contact the secretariat.',
  'oidcError.oidc_state': 'The login was started in another tab or has expired. Try again.',
  'oidcError.oidc_denied': 'The login was cancelled or refused at the identity provider.',
  'oidcError.oidc_invalid': 'The login could not be verified. Try again.',
  'oidcError.oidc_unavailable': 'The identity provider cannot be reached right now. Try again shortly, or log in with your password.',
  'oidcError.unknown': 'Logging in through the identity provider failed. Try again.',
};

export const { useT: useOidcT } = makeTranslator<Key>({ da, en }, 'oidc');
export type OidcKey = Key;
