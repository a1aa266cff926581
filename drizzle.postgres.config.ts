// drizzle-kit for the PostgreSQL mirror of the schema (db/schema.pg.ts); `npm run db:generate` runs both.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.pg.ts',
  out: './db/migrations/postgres',
});
