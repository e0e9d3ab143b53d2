import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { connectDatabase, type Database } from './db/connect.js';
import { relayAcrossInstances } from './db/instance-relay.js';
import { migrateToLatest } from './db/migrate.js';
import { sealStoredSecrets } from './db/secret-columns.js';
import { secretKeyringFor } from './db/secret-key.js';
import { formatCredentials, seedDemoWorkspace } from './modules/demo/demo-workspace.js';
import { createSmtpListener } from './modules/mail/smtp-listener.js';
import { systemClock } from './platform/clock.js';
import { AppError } from './platform/errors.js';
import { keepHeapNearLive } from './platform/heap.js';
import { JobRunner } from './platform/jobs.js';
import { SecretBox, SecretBoxError } from './platform/secret-box.js';

/**
 * The key stored secrets are sealed with, and those an earlier version stored in plain text (or an
 * earlier key sealed) sealed with it now, before anything is served.
 */
async function openSecrets(config: Config, database: Database) {
  let found: ReturnType<typeof secretKeyringFor>;
  try {
    found = secretKeyringFor(config.database, config.secretKeys, config.dataDir);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const secrets = new SecretBox(found.keyring);
  const { sealed } = await sealStoredSecrets(database.db, secrets);
  const keySource = found.keyFile ?? (found.keyring ? 'MESA_SECRET_KEY' : 'none: no secret can be stored');
  return { secrets, keySource, sealed };
}

async function main() {
  keepHeapNearLive();
  const config = loadConfig();
  const database = connectDatabase(config.database);
  const applied = await migrateToLatest(database);
  const { secrets, keySource, sealed } = await openSecrets(config, database);
  const { app, services, jobs, metrics } = await buildApp({ database, config: { ...config, secrets } });
  app.log.info(
    {
      engine: database.engine,
      location: database.location,
      reportsFrom: database.replicaLocation ?? database.location,
      migrationsApplied: applied,
      secretKey: keySource,
      secretsSealedNow: sealed,
    },
    'database ready',
  );

  let demo: string | undefined;
  if (config.seedDemo && !(await services.users.hasAnyUser())) {
    try {
      const credentials = await seedDemoWorkspace(database, config);
      demo = formatCredentials(credentials, `http://localhost:${config.port}`);
    } catch (error) {
      // Two instances starting together on one empty PostgreSQL: the other one created it.
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      app.log.info('another instance is creating the demo workspace');
    }
  }

  // Every module's background jobs (SLA watch, mail, sweeps…), each once per slot across instances.
  const runner = new JobRunner(jobs, services.jobs, systemClock, {
    logger: app.log as never,
    onRun: metrics.observeJobRun,
  });

  // Mail over SMTP, when a port is set.
  const smtp =
    config.mail.listenPort === null
      ? null
      : createSmtpListener({
          intake: services.mailIntake,
          isDeskAddress: async (address) => (await services.deskAddresses()).has(address.toLowerCase()),
          logger: app.log as never,
        });

  // Several instances on one PostgreSQL: live updates made on one reach the views of the others.
  const stopRelay = await relayAcrossInstances(config.database, services.bus, app.log as never);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    smtp?.close();
    // No job starts from now on; the runs under way finish before their connections close.
    await runner.stop();
    services.mailOutbox.close();
    // Stops accepting connections, waits for in-flight requests, then the database closes.
    await app.close();
    await stopRelay();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (smtp && config.mail.listenPort !== null) {
    const port = config.mail.listenPort;
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(port, config.mail.listenHost, () => resolve());
    });
    app.log.info({ port, host: config.mail.listenHost }, 'taking mail over SMTP');
  }
  // The first tick runs every job whose slot has come: mail stored but not taken in before the
  // last stop (a crash, say) is taken in now.
  runner.start();
  // Printed, not logged: the demo passwords must not end up in log storage.
  if (demo) process.stdout.write(`${demo}\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof SecretBoxError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Mesa could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
