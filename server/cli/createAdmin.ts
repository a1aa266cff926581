// The first secretariat account of a real installation (started with LOAD_DEMO=false, or a municipality on a
// shared service, which never gets the demo): `npm run create-admin -- <email> "<name>" [tenant-id]`.
// Uses the same database settings as the server; prints a one-time password to hand over.
import { openDb } from '../../db/client';
import { newUserBody } from '../contract/users';
import { readServerConfig } from '../config';
import { DomainError } from '../services/errors';
import { createUser } from '../services/users';
import { readTenantFile } from '../tenants';

const [email, name, tenantId] = process.argv.slice(2);
const input = newUserBody.safeParse({ email, name, role: 'admin' });
if (!input.success) {
  console.error('Brug: npm run create-admin -- <e-mail> "<navn>" [kommune-id fra TENANTS_FILE]');
  console.error(input.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const config = readServerConfig();
let database = config.database;
if (config.tenantsFile) {
  const tenant = readTenantFile(config.tenantsFile).find((t) => t.id === tenantId);
  if (!tenant) {
    console.error(`Angiv kommunens id fra ${config.tenantsFile} som tredje argument.`);
    process.exit(2);
  }
  database = tenant.databaseUrl;
}
const db = await openDb(database);
try {
  const { user, temporaryPassword } = await createUser(db, input.data);
  console.log(`Sekretariatskonto oprettet: ${user.email}`);
  console.log(`Engangsadgangskode (skiftes ved første login under "Skift adgangskode"): ${temporaryPassword}`);
} catch (e) {
  if (!(e instanceof DomainError)) throw e;
  console.error(`Ikke oprettet: ${e.message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
