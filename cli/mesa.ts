import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { BackupError, backupDatabase, restoreDatabase } from '../server/db/backup.js';
import { connectDatabase } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { formatCredentials, seedDemoWorkspace } from '../server/modules/demo/demo-workspace.js';
import { systemClock } from '../server/platform/clock.js';
import { AppError } from '../server/platform/errors.js';
import { passwordProblem } from '../server/platform/password-policy.js';
import { systemContext } from '../server/platform/request-context.js';
import { buildServices } from '../server/services.js';
import { GENERATE_USAGE, generateCommand } from './generate.js';

const USAGE = `Usage: npm run mesa -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  create-admin --email E --password P [--name N]
                                            create an administrator account
  set-password --email E --password P       set an account's password (ends its sessions)
  seed-demo                                 create the demo workspace and print its passwords
  backup <file>                             consistent online copy of the SQLite database
  restore <file>                            replace the SQLite database with a backup (stop Mesa first)
${GENERATE_USAGE}

The database is the one Mesa uses: DATABASE_URL (PostgreSQL), or MESA_DATA_DIR/mesa.sqlite.`;

class UsageError extends Error {}

/** The server's policy (length, common and breached passwords), said before touching the database. */
function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, [email, email.split('@')[0] ?? '']);
  if (problem) throw new UsageError(`the password ${problem}`);
}

async function withDatabase<T>(run: (database: ReturnType<typeof connectDatabase>) => Promise<T>): Promise<T> {
  const database = connectDatabase(loadConfig().database);
  try {
    await migrateToLatest(database);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      tickets: { type: 'string' },
      months: { type: 'string' },
      orgs: { type: 'string' },
      seed: { type: 'string' },
      until: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const database = connectDatabase(config.database);
      try {
        const applied = await migrateToLatest(database);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return;
    }
    case 'create-admin': {
      if (!values.email || !values.password) throw new UsageError('create-admin needs --email and --password');
      checkPassword(values.password, values.email);
      const { email, password } = values;
      await withDatabase(async (database) => {
        const services = buildServices(database, systemClock, config);
        const user = await services.users.create(systemContext, {
          email,
          password,
          name: values.name ?? email.split('@')[0] ?? email,
          roles: ['admin'],
        });
        console.log(`Created administrator ${user.email}.`);
      });
      return;
    }
    case 'set-password': {
      if (!values.email || !values.password) throw new UsageError('set-password needs --email and --password');
      checkPassword(values.password, values.email);
      const { email, password } = values;
      await withDatabase(async (database) => {
        const services = buildServices(database, systemClock, config);
        const user = await services.users.findByEmail(email);
        if (!user) throw new UsageError(`no account has the email ${email}`);
        await services.users.setPassword(systemContext, user.id, password, null);
        console.log(`Set the password of ${user.email}; its sessions have ended.`);
      });
      return;
    }
    case 'seed-demo': {
      await withDatabase(async (database) => {
        const credentials = await seedDemoWorkspace(database, config);
        console.log(formatCredentials(credentials, `http://localhost:${config.port}`));
      });
      return;
    }
    case 'generate': {
      await generateCommand(values, withDatabase);
      return;
    }
    case 'backup': {
      if (!file) throw new UsageError('backup needs a file name');
      const copied = await backupDatabase(config.database, file);
      console.log(`Backed up ${copied} to ${file}.`);
      return;
    }
    case 'restore': {
      if (!file) throw new UsageError('restore needs a file name');
      const keptAs = await restoreDatabase(config.database, file, new Date());
      console.log(`Restored ${file}.${keptAs ? ` The previous database is kept as ${keptAs}.` : ''} Start Mesa again.`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`mesa: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(`mesa: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof AppError) {
    const fields = error.errors?.map((e) => `  ${e.field}: ${e.message}`).join('\n');
    console.error(`mesa: ${error.message}${fields ? `\n${fields}` : ''}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
