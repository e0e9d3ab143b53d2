import { PASSWORD_MIN_LENGTH } from '../domain/passwords.js';
import { formatTicketNumber, TICKET_TYPES } from '../domain/tickets/ticket-types.js';
import type { Database } from '../server/db/connect.js';
import { GenerateError, type GenerateOptions, type GenerateResult, generate } from './generator/generate.js';

/** `mesa generate`: the realistic data generator (cli/generator) on the configured database. */
export const GENERATE_USAGE = `  generate --tickets N [--months M] [--orgs K] [--seed S] [--until ISO-DATE] [--password P]
                                            fill the database with a realistic desk and N tickets over M
                                            months (default 12) for K organizations (default 20); every
                                            generated person signs in with P (default "generated-password")`;

export const DEFAULT_GENERATED_PASSWORD = 'generated-password';

export interface GenerateArgs {
  tickets?: string | undefined;
  months?: string | undefined;
  orgs?: string | undefined;
  seed?: string | undefined;
  until?: string | undefined;
  password?: string | undefined;
}

function integer(name: string, text: string | undefined, fallback: number | null, min: number, max: number): number {
  if (text === undefined) {
    if (fallback === null) throw new GenerateError(`generate needs --${name}`);
    return fallback;
  }
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < min || value > max)
    throw new GenerateError(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/** The options, checked; a bad one throws a GenerateError whose message says what to fix. */
export function parseGenerateArgs(args: GenerateArgs, today: Date): Omit<GenerateOptions, 'onProgress'> {
  const password = args.password ?? DEFAULT_GENERATED_PASSWORD;
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new GenerateError(`the password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  // By default the data runs up to the start of today (UTC): the same seed gives the same desk all day.
  const until =
    args.until === undefined ? new Date(Math.floor(today.getTime() / 86_400_000) * 86_400_000) : new Date(args.until);
  if (Number.isNaN(until.getTime()))
    throw new GenerateError('--until must be a date, e.g. 2026-11-01 or 2026-11-01T12:00:00Z');
  return {
    tickets: integer('tickets', args.tickets, null, 1, 50_000_000),
    months: integer('months', args.months, 12, 1, 120),
    organizations: integer('orgs', args.orgs, 20, 1, 999),
    seed: integer('seed', args.seed, 1, 0, 2 ** 32 - 1),
    until,
    password,
  };
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** The `generate` command: options checked first (a mistake prints the usage), then the run. */
export async function generateCommand(
  args: GenerateArgs,
  withDatabase: (run: (database: Database) => Promise<unknown>) => Promise<unknown>,
): Promise<void> {
  let options: Omit<GenerateOptions, 'onProgress'>;
  try {
    options = parseGenerateArgs(args, new Date());
  } catch (error) {
    if (!(error instanceof GenerateError)) throw error;
    console.error(`mesa: ${error.message}\n\nUsage: npm run mesa -- generate [options]\n${GENERATE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  await withDatabase((database) => runGenerate(database, options));
}

/** Runs the generator, printing progress (tickets/s, ETA) and, at the end, how to sign in. */
export async function runGenerate(
  database: Database,
  options: Omit<GenerateOptions, 'onProgress'>,
  out: NodeJS.WriteStream = process.stdout,
): Promise<GenerateResult | undefined> {
  const live = out.isTTY === true;
  let lastPrinted = -1;
  out.write(
    `Generating ${count(options.tickets)} tickets over ${options.months} months for ${options.organizations} organizations ` +
      `(seed ${options.seed}, until ${options.until.toISOString()}) into ${database.location}\n`,
  );
  try {
    const result = await generate(database, {
      ...options,
      onProgress: ({ tickets, total, rows, elapsedMs }) => {
        const rate = tickets / (elapsedMs / 1000);
        const line = `  ${count(tickets)} / ${count(total)} tickets  ${count(rate)} tickets/s  ${count(rows)} rows  ETA ${duration(((total - tickets) / rate) * 1000)}`;
        const step = Math.floor((tickets / total) * 20);
        if (live) out.write(`\r${line}   `);
        else if (step !== lastPrinted || tickets === total) out.write(`${line}\n`);
        lastPrinted = step;
      },
    });
    if (live) out.write('\n');
    const next = TICKET_TYPES.map((type) => formatTicketNumber(type, result.lastSequences[type] + 1)).join(', ');
    const staff = ['agent', 'specialist', 'supervisor', 'admin']
      .map((role) => result.staffEmails.find((s) => s.role === role)?.email)
      .filter(Boolean)
      .join(', ');
    out.write(
      `Generated ${count(result.tickets)} tickets (${count(result.rows)} rows) in ${duration(result.elapsedMs)}: ` +
        `${count(result.tickets / (result.elapsedMs / 1000))} tickets/s.\n` +
        `Sign in as ${staff} or a requester such as ${result.requesterEmails[0] ?? '-'}, with the password "${options.password}".\n` +
        `New tickets will be ${next}.\n`,
    );
    return result;
  } catch (error) {
    if (!(error instanceof GenerateError)) throw error;
    console.error(`mesa: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
}
