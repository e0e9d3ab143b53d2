import { createServer, type Server } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { clamdScanner } from '../../server/platform/clamd.js';
import { EICAR, nestedGzip, nestedZip, tar, zip } from '../support/archives.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { buildTestApp, type Client } from '../support/test-app.js';
import { raise, ticketWorld, upload } from '../support/tickets.js';

const MiB = 1024 * 1024;

describeOnEachDatabase('hostile files: archive bombs and nesting', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let requester: Client;
  let ticketId: string;
  const attachmentCount = async () =>
    Number(
      (
        await database()
          .db.selectFrom('attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = (fileName: string, content: Buffer) =>
    upload(requester, `/api/v1/tickets/${ticketId}/attachments`, fileName, content);
  /** Refused with `status`, naming the file field, and nothing stored. */
  const expectRefused = async (fileName: string, content: Buffer, status: number, reason: RegExp) => {
    const before = await attachmentCount();
    const response = await send(fileName, content);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors[0]).toMatchObject({ field: 'file', message: expect.stringMatching(reason) });
    expect(await attachmentCount()).toBe(before);
  };

  beforeAll(async () => {
    built = await buildTestApp(database());
    const world = await ticketWorld(built);
    requester = world.requester;
    ticketId = (await raise(requester, { serviceId: world.service.id })).id;
  });

  it('refuses a zip of 10 MB of zeros by its compression ratio, read from the central directory', async () => {
    const bomb = zip([{ name: 'zeros.bin', data: Buffer.alloc(10 * MiB) }]);
    expect(bomb.length).toBeLessThan(MiB);
    await expectRefused('informe.zip', bomb, 413, /expands \d+ times/);
  });

  it('refuses a 42.zip-like nesting (five levels of zips) by depth', async () => {
    await expectRefused('42.zip', nestedZip(5, Buffer.from('hola')), 415, /nested more than 3 levels/);
  });

  it('refuses a zip whose entries declare more than 100 MiB in all, each with a modest ratio', async () => {
    // Overlapping-entry bombs: many entries, each small enough on its own, the sum too big.
    const entries = Array.from({ length: 60 }, (_, i) => ({
      name: `part-${i}.bin`,
      data: Buffer.alloc(30_000, i),
      store: true,
      declaredSize: 2 * MiB,
    }));
    await expectRefused('partes.zip', zip(entries), 413, /more than 100 MiB/);
  });

  it('refuses a gzip bomb with a streaming inflate cut at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(101 * MiB));
    expect(bomb.length).toBeLessThan(MiB);
    await expectRefused('logs.gz', bomb, 413, /more than 100 MiB/);
  });

  it('refuses gzip inside gzip, five deep', async () => {
    await expectRefused('capas.gz', nestedGzip(5, Buffer.from('hola')), 415, /nested more than 3 levels/);
  });

  it('refuses a tar.gz carrying a deep nesting of zips in one of its members', async () => {
    const bundle = gzipSync(
      tar([
        { name: 'readme.txt', data: Buffer.from('logs del servidor\n') },
        { name: 'deep.zip', data: nestedZip(3, Buffer.from('hola')) },
      ]),
    );
    await expectRefused('bundle.tar.gz', bundle, 415, /nested more than 3 levels/);
  });

  it('judges nested archives by their bytes, not their names: a zip named .txt still counts', async () => {
    let inner = zip([{ name: 'a.txt', data: Buffer.from('hola') }]);
    for (let level = 0; level < 4; level++) inner = zip([{ name: `notas-${level}.txt`, data: inner }]);
    await expectRefused('notas.zip', inner, 415, /nested more than 3 levels/);
  });

  it('refuses a nested archive that inflates past what the directory declares (a lying directory)', async () => {
    const liar = zip([
      { name: 'inner.zip', data: zip([{ name: 'x.txt', data: Buffer.alloc(200_000, 65) }]), declaredSize: 100 },
    ]);
    await expectRefused('mentira.zip', liar, 415, /not what the archive declares/);
  });

  it('refuses a damaged zip (a local header and no central directory)', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    await expectRefused('roto.zip', damaged, 415, /damaged/);
  });

  it('refuses a zip whose deflated entry is corrupt as damaged, never with a server error', async () => {
    const corrupt = zip([{ name: 'datos.bin', data: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), method: 8 }]);
    await expectRefused('corrupto.zip', corrupt, 415, /damaged/);
  });

  it('refuses a zip of more than 10,000 entries', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `${i}`, data: Buffer.alloc(0), store: true }));
    await expectRefused('muchos.zip', zip(entries), 415, /more than 10000 files/);
  });

  it('takes ordinary archives: a zip holding a zip, and a tar.gz of logs', async () => {
    const docs = zip([
      { name: 'leeme.txt', data: Buffer.from('Instrucciones\n'.repeat(100)) },
      { name: 'anexos.zip', data: zip([{ name: 'anexo.csv', data: Buffer.from('a,b\n1,2\n') }]) },
    ]);
    const okZip = await send('documentos.zip', docs);
    expect(okZip.statusCode, okZip.body).toBe(201);
    const logs = gzipSync(tar([{ name: 'app.log', data: Buffer.from('INFO arranque\n'.repeat(5000)) }]));
    const okGz = await send('logs.tar.gz', logs);
    expect(okGz.statusCode, okGz.body).toBe(201);
    expect(okGz.json()).toMatchObject({ contentType: 'application/gzip', fileName: 'logs.tar.gz' });
    // An entry compressed in a way not looked into here (bzip2, method 12) is counted, not opened.
    const bzip = await send('otro.zip', zip([{ name: 'a.bz2', data: Buffer.from('BZh91AY&SY'), method: 12 }]));
    expect(bzip.statusCode, bzip.body).toBe(201);
  });

  it('refuses every upload with 503 when the configured virus scanner cannot be reached, storing nothing', async () => {
    const unreachable = await buildTestApp(database(), { clamd: '/nonexistent/mesa-clamd.sock' });
    const world = await ticketWorld(unreachable);
    const ticket = await raise(world.requester, { serviceId: world.service.id });
    const before = await attachmentCount();
    const response = await upload(
      world.requester,
      `/api/v1/tickets/${ticket.id}/attachments`,
      'nota.txt',
      Buffer.from('hola'),
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('60');
    expect(response.json().detail).toMatch(/virus scanner could not check the file/);
    expect(await attachmentCount()).toBe(before);
  });
});

describe('hostile clamd answers', () => {
  const servers: Server[] = [];
  /** A fake clamd on loopback doing `behave` with each connection. */
  const fake = async (behave: (socket: import('node:net').Socket) => void) => {
    const server = createServer(behave);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { host: '127.0.0.1', port: (server.address() as import('node:net').AddressInfo).port };
  };
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('a clamd that never answers is unavailable once the timeout passes', async () => {
    const address = await fake((socket) => socket.on('data', () => {}));
    await expect(clamdScanner(address, 300).scan(Readable.from([EICAR]))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/no answer from clamd/),
    });
  });

  it('an ERROR answer (a stream over its size limit) or gibberish is unavailable, never clean', async () => {
    const limit = await fake((socket) => socket.end('INSTREAM size limit exceeded. ERROR\0'));
    await expect(clamdScanner(limit).scan(Readable.from([EICAR]))).rejects.toMatchObject({ code: 'unavailable' });
    const gibberish = await fake((socket) => socket.end('stream: OK maybe\0'));
    await expect(clamdScanner(gibberish).scan(Readable.from([EICAR]))).rejects.toMatchObject({ code: 'unavailable' });
    const silentClose = await fake((socket) => socket.end());
    await expect(clamdScanner(silentClose).scan(Readable.from([EICAR]))).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('speaks INSTREAM: chunks led by big-endian lengths, a zero length to end', async () => {
    let received = Buffer.alloc(0);
    const address = await fake((socket) =>
      socket.on('data', (data) => {
        received = Buffer.concat([received, data]);
        if (received.subarray(-4).equals(Buffer.alloc(4))) socket.end('stream: Test.Sig FOUND\0');
      }),
    );
    const content = Buffer.alloc(100_000, 1);
    await expect(clamdScanner(address).scan(Readable.from([content]))).resolves.toEqual({
      infected: true,
      signature: 'Test.Sig',
    });
    expect(received.subarray(0, 10).toString('latin1')).toBe('zINSTREAM\0');
    expect(received.readUInt32BE(10)).toBe(65_536);
    expect(received.length).toBe(10 + 4 + 65_536 + 4 + (100_000 - 65_536) + 4);
  });

  it('MESA_CLAMD takes an absolute socket path or tcp://host:port and refuses anything else', () => {
    expect(loadConfig({ MESA_CLAMD: '/run/clamav/clamd.ctl' }).clamd).toBe('/run/clamav/clamd.ctl');
    expect(loadConfig({ MESA_CLAMD: 'tcp://clamav:3310' }).clamd).toBe('tcp://clamav:3310');
    expect(loadConfig({}).clamd).toBeNull();
    expect(() => loadConfig({ MESA_CLAMD: 'clamd.sock' })).toThrow(/MESA_CLAMD must be/);
    expect(() => loadConfig({ MESA_CLAMD: 'http://clamav:3310' })).toThrow(/MESA_CLAMD must be/);
  });
});
