// drizzle-kit for the embedded SQLite schema; drizzle.postgres.config.ts does the same for PostgreSQL.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations/sqlite',
});
