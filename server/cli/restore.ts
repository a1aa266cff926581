// `npm run restore -- <file> [--to <path or postgres:// URL> | --tenant <id>] [--force]`: puts a backup from
// `npm run backup` back. Checks the file first (integrity_check / pg_restore --list), refuses a database a server
// has open, and replaces an existing one only with --force. See docs/operations.md.
import { parseArgs } from 'node:util';
import { readServerConfig } from '../config';
import { readTenantFile } from '../tenants';
import { BackupRefused, restoreDatabase } from './backupFiles';

const usage = 'Brug: npm run restore -- <backupfil> [--to <sti eller postgres://…> | --tenant <kommune-id>] [--force]';
const options = { to: { type: 'string' }, tenant: { type: 'string' }, force: { type: 'boolean', default: false } } as const;
const parse = () => {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
};
const args = parse();
const [file, ...rest] = args.positionals;
if (!file || rest.length) {
  console.error(usage);
  process.exit(2);
}

function targetDatabase(): string {
  if (args.values.to) return args.values.to;
  const config = readServerConfig();
  if (!config.tenantsFile) return config.database;
  const tenant = readTenantFile(config.tenantsFile).find((t) => t.id === args.values.tenant);
  if (!tenant) throw new BackupRefused(`Angiv kommunen med --tenant <id fra ${config.tenantsFile}> eller målet med --to`);
  return tenant.databaseUrl;
}

try {
  const target = targetDatabase();
  await restoreDatabase({ file, target, force: args.values.force });
  console.log(`Genskabt ${file} i ${target.replace(/\/\/[^@/]*@/, '//…@')}. Start serveren: den migrerer databasen til sin version.`);
} catch (e) {
  if (!(e instanceof BackupRefused)) throw e;
  console.error(`Ikke genskabt: ${e.message}`);
  process.exitCode = 2;
}
