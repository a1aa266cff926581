// The two engines must hold the same schema: same tables, columns, storage types, nullability, defaults,
// primary keys, foreign keys (with their delete rule), unique keys and indexes. Both sides are read from real
// databases migrated by the committed migrations, and compared with the tables the services query (db/schema.ts).
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { openTestDb } from '../support/testDb';

interface Shape {
  columns: Record<string, string>;
  primaryKey: string;
  foreignKeys: string[];
  unique: string[];
  indexes: string[];
}

const storage = (type: string) => {
  const t = type.toLowerCase();
  if (t === 'integer' || t === 'bigint') return 'integer';
  if (t === 'real' || t === 'double precision') return 'real';
  if (t === 'text') return 'text';
  return `unknown:${t}`;
};
const sorted = (xs: string[]) => [...xs].sort();

async function sqliteShapes(db: Db): Promise<Record<string, Shape>> {
  const conn = db.sqlite!.connection;
  const tables = conn.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[];
  const out: Record<string, Shape> = {};
  for (const { name } of tables) {
    const cols = conn.prepare(`pragma table_info('${name}')`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const fks = conn.prepare(`pragma foreign_key_list('${name}')`).all() as { table: string; from: string; to: string; on_delete: string }[];
    const idx = conn.prepare(`pragma index_list('${name}')`).all() as { name: string; unique: number; origin: string }[];
    const idxCols = (n: string) => (conn.prepare(`pragma index_info('${n}')`).all() as { name: string }[]).map((c) => c.name).join(',');
    out[name] = {
      columns: Object.fromEntries(cols.map((c) => [c.name, `${storage(c.type)} ${c.notnull || c.pk ? 'not null' : 'null'} ${c.dflt_value !== null ? 'default' : ''}`.trim()])),
      primaryKey: cols.filter((c) => c.pk).sort((a, b) => a.pk - b.pk).map((c) => c.name).join(','),
      foreignKeys: sorted(fks.map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`)),
      unique: sorted(idx.filter((i) => i.unique && i.origin !== 'pk').map((i) => idxCols(i.name))),
      indexes: sorted(idx.filter((i) => !i.unique).map((i) => idxCols(i.name))),
    };
  }
  return out;
}

async function postgresShapes(db: Db): Promise<Record<string, Shape>> {
  const q = async <T>(text: string) => ((await (db as unknown as { $client: { query: (t: string) => Promise<{ rows: T[] }> } }).$client.query(text)).rows);
  const cols = await q<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
    `select table_name, column_name, data_type, is_nullable, column_default, is_identity from information_schema.columns where table_schema = 'public'`,
  );
  const constraints = await q<{ table_name: string; constraint_name: string; constraint_type: string; columns: string; ref_table: string | null; ref_columns: string | null; delete_rule: string | null }>(`
    select c.conrelid::regclass::text as table_name, c.conname as constraint_name, c.contype as constraint_type,
      (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality k(att, ord) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att) as columns,
      c.confrelid::regclass::text as ref_table,
      (select string_agg(a.attname, ',' order by k.ord) from unnest(c.confkey) with ordinality k(att, ord) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.att) as ref_columns,
      case c.confdeltype when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade' when 'n' then 'set null' when 'd' then 'set default' end as delete_rule
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`);
  const indexes = await q<{ table_name: string; unique: boolean; columns: string; is_constraint: boolean }>(`
    select t.relname as table_name, i.indisunique as unique,
      (select string_agg(a.attname, ',' order by k.ord) from unnest(i.indkey) with ordinality k(att, ord) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.att) as columns,
      exists (select 1 from pg_constraint c where c.conindid = i.indexrelid) as is_constraint
    from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace where n.nspname = 'public'`);
  const out: Record<string, Shape> = {};
  for (const table of new Set(cols.map((c) => c.table_name))) {
    const mine = constraints.filter((c) => c.table_name === table);
    out[table] = {
      columns: Object.fromEntries(
        cols.filter((c) => c.table_name === table).map((c) => [c.column_name, `${storage(c.data_type)} ${c.is_nullable === 'NO' ? 'not null' : 'null'} ${c.column_default !== null ? 'default' : ''}`.trim()]),
      ),
      primaryKey: mine.find((c) => c.constraint_type === 'p')?.columns ?? '',
      foreignKeys: sorted(mine.filter((c) => c.constraint_type === 'f').map((f) => `${f.columns} -> ${f.ref_table}.${f.ref_columns} on delete ${f.delete_rule}`)),
      unique: sorted([
        ...mine.filter((c) => c.constraint_type === 'u').map((c) => c.columns),
        ...indexes.filter((i) => i.table_name === table && i.unique && !i.is_constraint).map((i) => i.columns),
      ]),
      indexes: sorted(indexes.filter((i) => i.table_name === table && !i.unique).map((i) => i.columns)),
    };
  }
  return out;
}

describe('schema parity between SQLite and PostgreSQL', () => {
  it('both engines migrate to the same tables, columns, keys and indexes', async () => {
    const lite = await openDb(':memory:');
    const pg = await openTestDb();
    const [a, b] = [await sqliteShapes(lite), await postgresShapes(pg)];
    // Identity columns are the PostgreSQL form of SQLite's integer primary key; neither has a literal default.
    for (const shape of Object.values(b)) if (shape.columns.id && shape.primaryKey === 'id') shape.columns.id = shape.columns.id.replace(' default', '');
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const table of Object.keys(a)) expect({ table, ...b[table] }).toEqual({ table, ...a[table] });
    await Promise.all([lite.close(), pg.close()]);
  });

  it('the committed migrations hold every table and column of db/schema.ts', async () => {
    const lite = await openDb(':memory:');
    const migrated = await sqliteShapes(lite);
    for (const table of Object.values(schema as Record<string, unknown>).filter((t): t is SQLiteTable => t instanceof SQLiteTable)) {
      const cfg = getTableConfig(table);
      expect(sorted(Object.keys(migrated[cfg.name]?.columns ?? {})), cfg.name).toEqual(sorted(cfg.columns.map((c) => c.name)));
    }
    await lite.close();
  });
});
