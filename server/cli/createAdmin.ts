// The first secretariat account of a real installation (started with LOAD_DEMO=false, or a municipality on a
// shared service, which never gets the demo). `npm run admin:create` (also `npm run create-admin`):
//   npm run admin:create -- --email chef@kommune.dk --name "Navn" [--password-stdin | (ADMIN_PASSWORD=…)] [--tenant id]
//   npm run admin:create -- chef@kommune.dk "Navn" [tenant]        (the older positional form)
// Without a password it prints a temporary one that must be changed at first login. With no e-mail given and
// stdin a terminal, it asks for each value (the password without echo). Uses the server's database settings.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDb } from '../../db/client';
import { newUserBody } from '../contract/users';
import { readServerConfig } from '../config';
import { systemClock } from '../services/clock';
import { DomainError } from '../services/errors';
import { createUser } from '../services/users';
import { readTenantFile, tenantPublicUrl } from '../tenants';

const USAGE = 'Brug: npm run admin:create -- --email <e-mail> --name "<navn>" [--password-stdin] [--tenant <kommune-id>]  (eller ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD)';

const { values, positionals } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, tenant: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal; `secret` hides what is typed. */
async function ask(question: string, secret = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (secret) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : s.replace(/[^\r\n]/g, ''));
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
    if (secret) process.stdout.write('\n');
  }
}

let email = values.email ?? positionals[0] ?? process.env.ADMIN_EMAIL;
let name = values.name ?? positionals[1] ?? process.env.ADMIN_NAME;
const tenantId = values.tenant ?? positionals[2] ?? process.env.ADMIN_TENANT;
let password = values['password-stdin'] ? await readAll(process.stdin) : process.env.ADMIN_PASSWORD || undefined;

if (!email && process.stdin.isTTY) {
  email = await ask('E-mail: ');
  name = name ?? (await ask('Navn: '));
  const typed = await ask('Adgangskode (mindst 10 tegn; tom = engangsadgangskode): ', true);
  password = typed || undefined;
}

const input = newUserBody.safeParse({ email, name, role: 'admin', ...(password === undefined ? { setup: 'temporaryPassword' } : { password }) });
if (!input.success) {
  console.error(USAGE);
  console.error(input.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const config = readServerConfig();
let database = config.database;
let publicUrl = config.publicUrl;
if (config.tenantsFile) {
  const tenant = readTenantFile(config.tenantsFile).find((t) => t.id === tenantId);
  if (!tenant) {
    console.error(`Angiv kommunens id fra ${config.tenantsFile} med --tenant.`);
    process.exit(2);
  }
  database = tenant.databaseUrl;
  publicUrl = tenantPublicUrl(tenant);
}
const db = await openDb(database);
try {
  const { user, temporaryPassword } = await createUser(db, input.data, { publicUrl, clock: systemClock });
  console.log(`Sekretariatskonto oprettet: ${user.email}`);
  if (temporaryPassword) console.log(`Engangsadgangskode (skal skiftes ved første login): ${temporaryPassword}`);
} catch (e) {
  if (!(e instanceof DomainError)) throw e;
  console.error(`Ikke oprettet: ${e.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
