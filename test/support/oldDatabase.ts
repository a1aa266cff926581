// A SQLite file migrated only up to an earlier migration, as a database made by an older release looks, for
// tests of what a later migration does with the data already stored.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const migrations = join(import.meta.dirname, '../../db/migrations/sqlite');

/** Runs `fill` on a connection to a file migrated by the migrations before `beforeTag` (e.g. '0003'), then
 *  `check` on the file's path (open it with the current code there); the directory is removed afterwards. */
export async function withOldDatabase(beforeTag: string, fill: (conn: Database.Database) => void, check: (file: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'gs-mig-'));
  try {
    const old = join(dir, 'migrations');
    cpSync(migrations, old, { recursive: true });
    const journal = JSON.parse(readFileSync(join(old, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < beforeTag);
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify(journal));
    const file = join(dir, 'old.db');
    const conn = new Database(file);
    migrate(drizzle(conn), { migrationsFolder: old });
    fill(conn);
    conn.close();
    await check(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
