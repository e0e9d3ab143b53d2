import { connect, type Socket } from 'node:net';

/**
 * A raw SMTP conversation over a socket, reply by reply: what a real sending server says, with
 * nothing (SIZE, pipelining, retries) decided for the test by a client library.
 */
export interface SmtpDialog {
  /** The next whole reply (every line of a multi-line one), e.g. "250-mesa\r\n250 SIZE 1024". */
  reply(): Promise<string>;
  command(line: string): Promise<string>;
  /** DATA, the message (dot-stuffed here) and the final dot; answers the reply to the whole message. */
  data(raw: Buffer): Promise<string>;
  close(): void;
  socket: Socket;
}

export async function openSmtpDialog(port: number, host = '127.0.0.1'): Promise<SmtpDialog> {
  const socket = connect(port, host);
  let buffered = '';
  let failure: Error | null = null;
  const replies: string[] = [];
  const waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  const settle = () => {
    while (replies.length > 0 && waiting.length > 0) waiting.shift()?.resolve(replies.shift() as string);
    if (failure) for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    for (;;) {
      // A reply ends with a line whose code is followed by a space (RFC 5321 §4.2.1).
      const end = /^\d{3} [^\r\n]*\r\n/m.exec(buffered);
      if (!end) break;
      const upTo = end.index + end[0].length;
      replies.push(buffered.slice(0, upTo).trimEnd());
      buffered = buffered.slice(upTo);
    }
    settle();
  });
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the connection closed')));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });

  const reply = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      settle();
    });
  const command = (line: string) => {
    socket.write(`${line}\r\n`);
    return reply();
  };
  return {
    socket,
    reply,
    command,
    async data(raw) {
      const go = await command('DATA');
      if (!go.startsWith('354')) return go;
      const text = raw.toString('latin1').replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
      socket.write(Buffer.from(text.endsWith('\r\n') ? text : `${text}\r\n`, 'latin1'));
      socket.write('.\r\n');
      return reply();
    },
    close: () => socket.destroy(),
  };
}
