// `npm run backup`: a timestamped copy of the database — of every municipality's with TENANTS_FILE — in BACKUP_DIR
// (./backups by default), safe while the server runs. Prints each file's path and size. See docs/operations.md.
import { readServerConfig } from '../config';
import { readTenantFile } from '../tenants';
import { BackupRefused, backupDatabase, type BackupTarget } from './backupFiles';

const config = readServerConfig();
const dir = process.env.BACKUP_DIR || './backups';
const targets: BackupTarget[] = config.tenantsFile
  ? readTenantFile(config.tenantsFile).map((t) => ({ name: `gevinstspor-${t.id}`, database: t.databaseUrl }))
  : [{ name: 'gevinstspor', database: config.database }];

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
try {
  for (const target of targets) {
    const { path, bytes } = await backupDatabase(target, dir);
    console.log(`${path}  ${kb(bytes)}`);
  }
} catch (e) {
  if (!(e instanceof BackupRefused)) throw e;
  console.error(`Ingen backup: ${e.message}`);
  process.exitCode = 2;
}
