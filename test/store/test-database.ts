import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrate, openPool } from '../../src/store/database.js';

/**
 * A PostgreSQL database of its own for one test file: a fresh database on the server at DATABASE_URL when it is set
 * (CI, this project's machines), otherwise PGlite served over the wire protocol on 127.0.0.1, so the same `pg` code
 * runs either way. `kind` says which, and the first use says it on stderr.
 */
export interface TestDatabase {
  readonly url: string;
  readonly kind: 'postgresql' | 'pglite';
  drop(): Promise<void>;
}

let announced = false;
function announce(kind: string): void {
  if (announced) return;
  announced = true;
  process.stderr.write(`store tests run against ${kind}\n`);
}

export async function testDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server !== undefined && server.trim() !== '') {
    announce(`PostgreSQL at ${new URL(server).host} (DATABASE_URL)`);
    const name = `stack_advisor_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'postgresql',
      drop: async () => {
        const client = new pg.Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  announce('PGlite over the wire protocol (no DATABASE_URL)');
  const db = await PGlite.create();
  const socket = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 20 });
  await socket.start();
  const address = socket.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    kind: 'pglite',
    drop: async () => {
      await socket.stop();
      await db.close();
    },
  };
}

/** A migrated test database and one pool on it, for the tests of one file (see `useMigratedDatabase`). */
export interface MigratedDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
}

/**
 * Registers the file's beforeAll/afterAll: a fresh `testDatabase()`, one pool on it, the migrations applied (then
 * `seed`, if given); afterwards the pool ended and the database dropped. Read `url` and `pool` inside tests or hooks.
 */
export function useMigratedDatabase(seed?: (pool: pg.Pool) => Promise<void>): MigratedDatabase {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await testDatabase();
    pool = openPool(database.url, () => {});
    await migrate(pool);
    if (seed !== undefined) await seed(pool);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test database is used before beforeAll ran');
    return value;
  };
  return {
    get url() {
      return ready(database).url;
    },
    get pool() {
      return ready(pool);
    },
  };
}
