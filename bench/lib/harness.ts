import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp } from '../../server/app.js';
import { type Config, loadConfig } from '../../server/config.js';
import { connectDatabase, type Database } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { type Clock, systemClock } from '../../server/platform/clock.js';
import { keepHeapNearLive } from '../../server/platform/heap.js';
import type { App } from '../../server/platform/http.js';
import { createLogger } from '../../server/platform/logger.js';
import type { Services } from '../../server/services.js';
import { capture, openReplayer, type Replayer, type Statement } from './capture.js';
import { HttpClient, type Session, signIn } from './http.js';

export type Engine = 'sqlite' | 'postgres';

export interface HarnessOptions {
  /** Which of the databases the environment names: SQLite (MESA_DATA_DIR) or PostgreSQL (DATABASE_URL). */
  db?: Engine | undefined;
  /** The server's log level; its lines go to /dev/null, written as in production. */
  logLevel?: string | undefined;
  clock?: Clock | undefined;
}

/**
 * The password of the generated users (generate --password). MESA_BENCH_PASSWORD overrides it for a
 * database generated with another one.
 */
// The generator's default (DEFAULT_GENERATED_PASSWORD in cli/generate.ts), written out so the
// benches do not load the generator.
export const GENERATED_PASSWORD = process.env.MESA_BENCH_PASSWORD ?? 'generated-password';

/** The configuration the environment gives, narrowed to the engine asked for. */
export function benchConfig(engine: Engine | undefined): Readonly<Config> {
  const env = { ...process.env };
  if (engine === 'sqlite') delete env.DATABASE_URL;
  if (engine === 'postgres' && !env.DATABASE_URL)
    throw new Error('--db postgres needs DATABASE_URL (postgres://user@host:port/database)');
  return loadConfig(env);
}

/** A Mesa server in this process, on a free port, over the configured database with its data. */
export class Harness {
  private readonly sessions = new Map<string, Session>();
  private authSql: string[] | null = null;
  private replayerPromise: Promise<Replayer> | null = null;

  private constructor(
    readonly config: Readonly<Config>,
    readonly database: Database,
    readonly app: App,
    readonly services: Services,
    readonly client: HttpClient,
    readonly tickets: number,
  ) {}

  get engine(): Engine {
    return this.database.engine;
  }

  get url(): string {
    return this.client.baseUrl;
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    // The server's process, as main.ts sets it up.
    keepHeapNearLive();
    const config = benchConfig(options.db);
    const database = connectDatabase(config.database);
    await migrateToLatest(database);
    const logger = createLogger(options.logLevel ?? 'info', pino.destination({ dest: '/dev/null', sync: true }));
    const { app, services } = await buildApp({
      database,
      config,
      clock: options.clock ?? systemClock,
      logger,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const { count } = await database.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return new Harness(config, database, app, services, new HttpClient(`http://127.0.0.1:${port}`), Number(count));
  }

  /** Signs in (once per process) as a user of the generated data. */
  async signIn(email: string): Promise<Session> {
    let session = this.sessions.get(email);
    if (!session) {
      session = await signIn(this.client, email, GENERATED_PASSWORD);
      this.sessions.set(email, session);
    }
    return session;
  }

  /** Emails of active users holding `role`, with a password, in a stable order. */
  async usersWithRole(
    role: string,
    limit = 20,
  ): Promise<{ id: string; email: string; organizationId: string | null }[]> {
    const rows = await this.database.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.email', 'users.organization_id'])
      .where('user_roles.role', '=', role)
      .where('users.status', '=', 'active')
      .where('users.password_hash', 'is not', null)
      .orderBy('users.email')
      .limit(limit)
      .execute();
    if (rows.length === 0)
      throw new Error(`No active ${role} with a password: generate data first (docs/performance.md)`);
    return rows.map((row) => ({ id: row.id, email: row.email, organizationId: row.organization_id }));
  }

  /**
   * The statements a GET as `session` sends to the database, without the ones that only find
   * who is calling (the session and user lookups every request makes).
   */
  async statementsOf(session: Session, path: string): Promise<Statement[]> {
    if (!this.authSql) {
      const secret = decodeURIComponent(session.cookie.slice('mesa_session='.length));
      const { statements } = await capture(() => this.services.auth.resolve({ sessionSecret: secret }));
      this.authSql = statements.map((s) => s.sql);
    }
    const { result, statements } = await capture(() => this.client.send('GET', path, session.headers));
    if (result.status !== 200) throw new Error(`GET ${path} answered ${result.status}: ${result.body.slice(0, 300)}`);
    return this.withoutAuth(statements);
  }

  /** Drops the leading statements that resolve the caller (and a session's sliding-expiry touch). */
  withoutAuth(statements: readonly Statement[]): Statement[] {
    const authSql = this.authSql ?? [];
    let i = 0;
    let matched = 0;
    while (i < statements.length && matched < authSql.length) {
      const { sql } = statements[i] as Statement;
      if (sql === authSql[matched]) matched++;
      else if (!/^update "sessions"/.test(sql)) break;
      i++;
    }
    if (matched < authSql.length) throw new Error('The request did not start by resolving its session as expected');
    return statements.slice(i);
  }

  /** Captures the statements of `work`, a request as `session`, without the caller's lookups. */
  async statementsDuring(session: Session, work: () => Promise<unknown>): Promise<Statement[]> {
    if (!this.authSql) await this.statementsOf(session, '/api/v1/me');
    const { statements } = await capture(work);
    return this.withoutAuth(statements);
  }

  /** Plays statements on the same driver without Mesa. */
  replayer(): Promise<Replayer> {
    if (!this.replayerPromise) {
      const url = this.config.database.engine === 'postgres' ? this.config.database.url : undefined;
      this.replayerPromise = openReplayer(this.engine, url);
    }
    return this.replayerPromise;
  }

  /** Another replayer: its own connection on PostgreSQL, the same one on SQLite. */
  extraReplayer(): Promise<Replayer> {
    if (this.config.database.engine === 'postgres') return openReplayer('postgres', this.config.database.url);
    return this.replayer();
  }

  async close(): Promise<void> {
    this.client.close();
    if (this.replayerPromise) await (await this.replayerPromise).close();
    await this.app.close();
    await this.database.close();
  }
}
