import { ImapFlow } from 'imapflow';
import { type ImapAccount, type ImapConfig, parseImapUrl } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import { type MailIntakeService, rawHeader } from './mail-intake.service.js';

/** The keyword that marks a message taken, when taken messages stay in the folder. */
export const TAKEN_KEYWORD = '$MesaTaken';

export interface ImapPollerOptions extends ImapAccount {
  /** The folder read; INBOX by default. */
  folder?: string;
  /**
   * Where taken messages go, "/" between levels whatever the server's separator ("Mesa/Processed"
   * by default, created when missing); null leaves them in the folder, flagged \Seen and $MesaTaken.
   */
  processedFolder?: string | null;
  /** The address the account receives for (the envelope recipient); the user name when it is an address. */
  address?: string | null;
}

export interface PollResult {
  /** Messages handed to the intake for the first time. */
  taken: number;
  /** Messages the intake already had (a poll cut short after taking them, or a copy), now moved or flagged too. */
  duplicates: number;
  /** Messages Mesa cannot take (empty, or over the size limit): left where they are, for a person to see to. */
  refused: number;
}

/** The poller's own errors: a message that says what failed without the password, and the server's code. */
export class ImapPollError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'ImapPollError';
  }
}

type Intake = Pick<MailIntakeService, 'accept' | 'maxBytes'>;

/**
 * Takes mail from an existing mailbox: each poll connects, hands every message not yet taken to the
 * intake, and only once the intake has stored it moves it to the processed folder (or flags it).
 * A poll cut short between the two leaves the message in place; the next poll hands it over again
 * and the intake recognizes it (by Message-ID or hash), so it becomes one ticket all the same.
 * Everything in the folder is "not yet taken", read or not: point it at a mailbox for the desk.
 */
export class ImapPoller {
  readonly folder: string;
  readonly processedFolder: string | null;
  readonly address: string | null;
  /** The processed folder's path on the server, found (or created) once per poller. */
  private destination: string | null = null;
  private running: Promise<PollResult> | null = null;

  constructor(
    private readonly intake: Intake,
    private readonly account: ImapPollerOptions,
  ) {
    this.folder = account.folder ?? 'INBOX';
    this.processedFolder = account.processedFolder === undefined ? 'Mesa/Processed' : account.processedFolder;
    const user = account.user.includes('@') ? account.user : null;
    this.address = (account.address ?? user)?.toLowerCase() ?? null;
  }

  /** The poller of MESA_IMAP_URL and its folders. */
  static fromConfig(intake: Intake, config: ImapConfig): ImapPoller {
    return new ImapPoller(intake, {
      ...parseImapUrl(config.url),
      folder: config.folder,
      processedFolder: config.processedFolder,
    });
  }

  /** Where this poller reads, for logs: no password. */
  describe(): string {
    return `${this.account.user}@${this.account.host}:${this.account.port}/${this.folder}`;
  }

  /** One poll; a call while one runs shares it. Rejects with an ImapPollError, the connection closed. */
  pollOnce(): Promise<PollResult> {
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Marks one message taken. The message was stored by the intake before this runs; a failure
   * here leaves it in the folder for the next poll. (Tests override it to cut a poll short.)
   */
  protected async markTaken(client: ImapFlow, uid: number, destination: string | null): Promise<void> {
    const done = destination
      ? await client.messageMove(String(uid), destination, { uid: true })
      : await client.messageFlagsAdd(String(uid), ['\\Seen', TAKEN_KEYWORD], { uid: true });
    if (!done)
      throw new ImapPollError(
        destination
          ? `could not move message ${uid} to ${destination}`
          : `could not flag message ${uid} ${TAKEN_KEYWORD}`,
        undefined,
      );
  }

  private async poll(): Promise<PollResult> {
    const client = new ImapFlow({
      host: this.account.host,
      port: this.account.port,
      secure: this.account.secure,
      auth: { user: this.account.user, pass: this.account.password },
      // imapflow's own log would carry protocol lines; the caller logs what a poll did.
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 5 * 60_000,
    });
    // Socket errors arrive as events too: without a listener they would end the process.
    client.on('error', () => {});
    try {
      await client.connect();
      const destination = this.processedFolder === null ? null : await this.destinationOf(client);
      const lock = await client.getMailboxLock(this.folder);
      let result: PollResult;
      try {
        result = await this.takeAll(client, destination);
      } finally {
        lock.release();
      }
      // The messages are taken; a server that fumbles the goodbye changes nothing.
      await client.logout().catch(() => client.close());
      return result;
    } catch (error) {
      client.close();
      // The folder may have gone (renamed, deleted): find or create it again next time.
      this.destination = null;
      throw this.explain(error);
    }
  }

  private async takeAll(client: ImapFlow, destination: string | null): Promise<PollResult> {
    const result: PollResult = { taken: 0, duplicates: 0, refused: 0 };
    if (destination === null) {
      const flags = client.mailbox ? client.mailbox.permanentFlags : undefined;
      if (flags && !flags.has('\\*') && !flags.has(TAKEN_KEYWORD))
        throw new ImapPollError(
          `${this.folder} does not keep the ${TAKEN_KEYWORD} keyword: set a processed folder instead`,
          undefined,
        );
    }
    const pending = destination === null ? { deleted: false, unKeyword: TAKEN_KEYWORD } : { deleted: false };
    // Sizes are asked of the server, so a message too large to take is never downloaded.
    result.refused = ((await client.search({ ...pending, larger: this.intake.maxBytes }, { uid: true })) || []).length;
    const uids = (await client.search({ ...pending, smaller: this.intake.maxBytes + 1 }, { uid: true })) || [];
    // In arrival order, so a reply comes after the message it answers.
    for (const uid of uids.sort((a, b) => a - b)) {
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      const source = message ? message.source : undefined;
      // Gone meanwhile (another client, another Mesa instance took it).
      if (!source) continue;
      let accepted: { duplicate: boolean };
      try {
        accepted = await this.intake.accept(source, this.envelopeOf(source), 'imap');
      } catch (error) {
        if (error instanceof AppError && (error.code === 'validation_failed' || error.code === 'payload_too_large')) {
          result.refused++;
          continue;
        }
        throw error;
      }
      await this.markTaken(client, uid, destination);
      if (accepted.duplicate) result.duplicates++;
      else result.taken++;
    }
    return result;
  }

  /** The SMTP envelope's sender, as the delivering server wrote it in Return-Path; null for <> or none. */
  private envelopeOf(raw: Buffer): { from: string | null; to: string[] } {
    const returnPath = rawHeader(raw, 'Return-Path');
    const from = returnPath ? (/<([^<>\s]*)>/.exec(returnPath)?.[1] ?? returnPath).trim() : '';
    return { from: from.includes('@') ? from : null, to: this.address ? [this.address] : [] };
  }

  /** The processed folder's path on the server (its separator, its namespace prefix), created when missing. */
  private async destinationOf(client: ImapFlow): Promise<string> {
    if (this.destination) return this.destination;
    const levels = (this.processedFolder ?? '').split('/').filter(Boolean);
    const delimiter = client.namespace?.delimiter || '/';
    const joined = levels.join(delimiter);
    const wanted = new Set([joined, `${client.namespace?.prefix ?? ''}${joined}`]);
    const existing = (await client.list()).find((mailbox) => wanted.has(mailbox.path));
    this.destination = existing ? existing.path : (await client.mailboxCreate(levels)).path;
    return this.destination;
  }

  /** An error worth logging: what failed, where, and the server's words; never the credentials. */
  private explain(error: unknown): ImapPollError {
    const where = `IMAP ${this.describe()}`;
    if (error instanceof ImapPollError) return new ImapPollError(`${where}: ${error.message}`, error.code);
    const details = (error ?? {}) as {
      message?: string;
      code?: string;
      responseStatus?: string;
      responseText?: string;
      serverResponseCode?: string;
      authenticationFailed?: boolean;
    };
    // The server's answer to a command: its words only (imapflow hides secrets, this keeps none of the command).
    if (details.responseStatus || details.authenticationFailed) {
      const what = details.authenticationFailed
        ? 'authentication failed (check the user and password in MESA_IMAP_URL)'
        : `the server answered ${details.responseStatus}${details.responseText ? ` "${details.responseText}"` : ''}`;
      return new ImapPollError(`${where}: ${what}`, details.serverResponseCode ?? details.code);
    }
    // A socket, TLS or timeout error, or the intake's own (the database away): kept as the cause.
    return new ImapPollError(`${where}: ${details.message ?? String(error)}`, details.code, { cause: error });
  }
}
