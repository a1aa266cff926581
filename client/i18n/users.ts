// Texts of account management (the secretariat's "Brugere" page) and of "Skift adgangskode" for everyone.
import { makeTranslator } from './index';

const da = {
  navUsers: 'Brugere',
  navChangePassword: 'Skift adgangskode',

  usersTitle: 'Brugere',
  usersIntro: 'Konti til sekretariatet og til ledere. Medarbejdere har ingen konto – de svarer via et link eller en QR-kode.',

  // create
  newUserTitle: 'Opret bruger',
  email: 'E-mail',
  name: 'Navn',
  role: 'Rolle',
  roleManager: 'Leder',
  roleAdmin: 'Sekretariat (administrator)',
  roleHint: 'Sekretariatet kan alt, også oprette brugere. En projektleder kan redigere de projekter, vedkommende leder. En leder ser kun resultater for de enheder og projekter, du giver adgang til.',
  createUser: 'Opret bruger',
  creating: 'Opretter …',
  userCreated: '{name} er oprettet. Giv nu lederen adgang under "Redigér".',
  adminCreated: '{name} er oprettet.',

  // temporary password
  tempTitle: 'Midlertidig adgangskode til {name}',
  tempText: 'Giv adgangskoden til {name} nu – den vises kun denne ene gang og kan ikke findes frem igen. Bed brugeren om at vælge sin egen under "Skift adgangskode" efter første login.',
  tempPasswordLabel: 'Adgangskode',
  copyPassword: 'Kopiér adgangskoden',
  copied: 'Adgangskoden er kopieret.',
  copyFailed: 'Kopiering lykkedes ikke. Markér adgangskoden, og kopiér den selv.',
  tempDone: 'Skjul adgangskoden',

  // list
  listTitle: 'Alle brugere ({n})',
  search: 'Søg efter navn eller e-mail',
  noMatches: 'Ingen brugere passer til søgningen.',
  you: 'dig',
  createdOn: 'Oprettet {date}',
  language: 'Sprog',
  langDa: 'Dansk',
  langEn: 'English',
  access: 'Adgang',
  accessAll: 'Ser alle projekter og enheder',
  accessNone: 'Ingen adgang endnu – ser ingen projekter',
  scopeUnit: 'Enhed: {name}',
  scopeProject: 'Projekt: {name}',
  edit: 'Redigér',
  editFor: ' {name}',
  closeEditor: 'Luk',

  // details
  detailsTitle: 'Navn, rolle og sprog',
  saveDetails: 'Gem navn, rolle og sprog',
  detailsSaved: 'Ændringerne for {name} er gemt.',

  // scopes
  scopesTitle: 'Adgang for {name}',
  scopesIntro: 'En leder ser de projekter, der er udrullet til de valgte enheder, med tal for de enheder og enhederne under dem. Et valgt projekt ses med alle sine enheder.',
  scopesAdminNote: 'Sekretariatet ser altid alt. Adgangen her gælder kun, hvis brugeren bliver leder.',
  unitsLegend: 'Enheder',
  projectsLegend: 'Projekter',
  noUnitsToPick: 'Der er ingen enheder endnu.',
  noProjectsToPick: 'Der er ingen projekter endnu.',
  retired: '(nedlagt)',
  archived: '(arkiveret)',
  saveScopes: 'Gem adgang',
  scopesSaved: 'Adgangen for {name} er gemt.',

  // reset and delete
  passwordTitle: 'Adgangskode',
  resetPassword: 'Nulstil adgangskode',
  resetHint: 'Giver et link, som brugeren vælger en ny adgangskode med (gyldigt i 24 timer), og brugeren bliver logget ud alle steder.',
  confirmReset: 'Nulstil adgangskoden for {name}? Den gamle holder op med at virke, og brugeren bliver logget ud.',
  resetDone: 'Adgangskoden for {name} er nulstillet.',
  deleteTitle: 'Slet bruger',
  deleteUser: 'Slet bruger',
  deleteHint: 'Brugeren kan ikke længere logge ind. Projekter, målinger og svar bevares.',
  confirmDelete: 'Slet {name} ({email})? Det kan ikke fortrydes.',
  userDeleted: '{name} er slettet.',
  selfNote: 'Det er din egen konto. Du kan ikke slette den her, og din adgangskode skifter du under "Skift adgangskode".',

  // change own password
  changeTitle: 'Skift adgangskode',
  changeIntro: 'Du forbliver logget ind her. Alle andre steder, hvor du er logget ind, bliver du logget ud.',
  currentPassword: 'Nuværende adgangskode',
  newPassword: 'Ny adgangskode',
  newPasswordHint: 'Mindst 10 tegn. En sætning på nogle få ord er nem at huske og svær at gætte.',
  repeatPassword: 'Gentag ny adgangskode',
  changeButton: 'Skift adgangskode',
  changing: 'Skifter …',
  passwordChanged: 'Din adgangskode er skiftet.',

  // field messages
  required: 'Skal udfyldes.',
  invalidEmail: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
  passwordTooShort: 'Brug mindst 10 tegn.',
  passwordTooLong: 'Brug højst 200 tegn.',
  passwordsDiffer: 'De to nye adgangskoder er ikke ens.',

  // error codes from /api/users and /api/auth/password
  'error.email_taken': 'Der findes allerede en bruger med den e-mail.',
  'error.last_admin': 'Der skal være mindst én bruger i sekretariatet. Giv først en anden bruger rollen.',
  'error.cannot_delete_self': 'Du kan ikke slette din egen konto.',
  'error.wrong_password': 'Den nuværende adgangskode er forkert.',
  'error.unknown_scope': 'Nogle af de valgte enheder eller projekter findes ikke længere. Genindlæs siden, og prøv igen.',
};

type Key = keyof typeof da;

const en: Record<Key, string> = {
  navUsers: 'Users',
  navChangePassword: 'Change password',

  usersTitle: 'Users',
  usersIntro: 'Accounts for the secretariat and for managers. Staff have no account – they answer through a link or a QR code.',

  newUserTitle: 'Create user',
  email: 'E-mail',
  name: 'Name',
  role: 'Role',
  roleManager: 'Manager',
  roleAdmin: 'Secretariat (administrator)',
  roleHint: 'The secretariat can do everything, including creating users. A project lead can edit the projects they lead. A manager only sees results for the units and projects you give them access to.',
  createUser: 'Create user',
  creating: 'Creating …',
  userCreated: '{name} has been created. Now give the manager access under "Edit".',
  adminCreated: '{name} has been created.',

  tempTitle: 'Temporary password for {name}',
  tempText: 'Give the password to {name} now – it is shown only this once and cannot be looked up again. Ask them to choose their own under "Change password" after their first login.',
  tempPasswordLabel: 'Password',
  copyPassword: 'Copy the password',
  copied: 'The password has been copied.',
  copyFailed: 'Copying did not work. Select the password and copy it yourself.',
  tempDone: 'Hide the password',

  listTitle: 'All users ({n})',
  search: 'Search by name or e-mail',
  noMatches: 'No users match the search.',
  you: 'you',
  createdOn: 'Created {date}',
  language: 'Language',
  langDa: 'Dansk',
  langEn: 'English',
  access: 'Access',
  accessAll: 'Sees every project and unit',
  accessNone: 'No access yet – sees no projects',
  scopeUnit: 'Unit: {name}',
  scopeProject: 'Project: {name}',
  edit: 'Edit',
  editFor: ' {name}',
  closeEditor: 'Close',

  detailsTitle: 'Name, role and language',
  saveDetails: 'Save name, role and language',
  detailsSaved: 'The changes for {name} have been saved.',

  scopesTitle: 'Access for {name}',
  scopesIntro: 'A manager sees the projects rolled out to the chosen units, with figures for those units and the units below them. A chosen project is shown with all its units.',
  scopesAdminNote: 'The secretariat always sees everything. The access here only applies if the user becomes a manager.',
  unitsLegend: 'Units',
  projectsLegend: 'Projects',
  noUnitsToPick: 'There are no units yet.',
  noProjectsToPick: 'There are no projects yet.',
  retired: '(retired)',
  archived: '(archived)',
  saveScopes: 'Save access',
  scopesSaved: 'The access for {name} has been saved.',

  passwordTitle: 'Password',
  resetPassword: 'Reset password',
  resetHint: 'Gives a link with which the user chooses a new password (valid 24 hours), and the user is logged out everywhere.',
  confirmReset: 'Reset the password for {name}? The old one stops working and they are logged out.',
  resetDone: 'The password for {name} has been reset.',
  deleteTitle: 'Delete user',
  deleteUser: 'Delete user',
  deleteHint: 'The user can no longer log in. Projects, survey rounds and answers are kept.',
  confirmDelete: 'Delete {name} ({email})? This cannot be undone.',
  userDeleted: '{name} has been deleted.',
  selfNote: 'This is your own account. You cannot delete it here, and you change your password under "Change password".',

  changeTitle: 'Change password',
  changeIntro: 'You stay logged in here. Everywhere else you are logged in, you will be logged out.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 10 characters. A sentence of a few words is easy to remember and hard to guess.',
  repeatPassword: 'Repeat new password',
  changeButton: 'Change password',
  changing: 'Changing …',
  passwordChanged: 'Your password has been changed.',

  required: 'Required.',
  invalidEmail: 'Enter a valid e-mail address, e.g. name@kommune.dk.',
  passwordTooShort: 'Use at least 10 characters.',
  passwordTooLong: 'Use at most 200 characters.',
  passwordsDiffer: 'The two new passwords are not the same.',

  'error.email_taken': 'A user with this e-mail already exists.',
  'error.last_admin': 'There must be at least one user in the secretariat. Give another user the role first.',
  'error.cannot_delete_self': 'You cannot delete your own account.',
  'error.wrong_password': 'The current password is wrong.',
  'error.unknown_scope': 'Some of the chosen units or projects no longer exist. Reload the page and try again.',
};

export const { useT: useUsersT, translate: translateUsers } = makeTranslator<Key>({ da, en }, 'users');
export type UsersKey = Key;
