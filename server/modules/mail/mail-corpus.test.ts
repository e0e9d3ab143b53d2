import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SUBJECT_CUT_MARK } from '../../../domain/mail/ticket-subject.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, makeOrganization, makeUser, TEST_CONFIG } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';
import { localStorage } from '../../platform/storage.js';
import { rawHeader } from './mail-intake.service.js';

/**
 * The corpus in test/fixtures/mail: real-world and hostile messages, handed to the intake one
 * after the other in file order (later ones answer earlier ones), each with its outcome written
 * down here. Banco Sur's first message becomes INC-000001, Clínica Andina's INC-000002. Clínica
 * Andina's requesters see each other's tickets (so a colleague may answer a thread); Banco Sur's
 * do not.
 */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/mail', import.meta.url));
const DESK = 'soporte@mesa.test';

type Org = 'clinica' | 'banco';
interface Expected {
  status: 'processed' | 'ignored' | 'failed' | 'duplicate';
  outcome?: 'ticket' | 'reply';
  /** ignored / failed: the reason, whole (a string) or in part (a pattern). */
  reason?: string | RegExp;
  /** duplicate: the fixture it repeats; reply: the fixture whose ticket it lands on. */
  of?: string;
  org?: Org;
  subject?: string;
  /** The requester (ticket) or the author (reply), by From — never Reply-To. */
  person?: { email: string; name?: string };
  /** In the ticket's description or the reply's body (sanitized HTML), and what must be gone. */
  has?: string[];
  lacks?: string[];
  attached?: string[];
  /** Withheld files: named in the text, recorded with their reason (withheld_files). */
  refused?: string[];
  reasons?: string[];
  /** Attachments shown in the body, in place of their cid: links. */
  inlineImages?: string[];
  /**
   * Automatic but taken in (a list, a machine's notice, X-Auto-Response-Suppress, a no-reply sender):
   * never answered, so no outbound row at all for its ticket.
   */
  bulk?: boolean;
}

const ticket = (org: Org, more: Omit<Expected, 'status' | 'outcome' | 'org'> = {}): Expected => ({
  status: 'processed',
  outcome: 'ticket',
  org,
  ...more,
});
const reply = (of: string, more: Omit<Expected, 'status' | 'outcome' | 'of'> = {}): Expected => ({
  status: 'processed',
  outcome: 'reply',
  of,
  ...more,
});
const ignored = (reason: string | RegExp): Expected => ({ status: 'ignored', reason });
const failed = (reason: string | RegExp): Expected => ({ status: 'failed', reason });

const ORIGINAL = '02-clinica-original.eml';
/** What the replies to Ana's message quote of it; the new part of each must not carry it. */
const ANA_QUOTED = ['Ya la apagamos y encendimos', 'escribió', 'Sent:'];

const CORPUS: Record<string, Expected> = {
  '01-banco-text-only.eml': ticket('banco', {
    subject: 'No puedo entrar al portal de sucursales',
    person: { email: 'rodrigo.soto@banco.test', name: 'Rodrigo Soto' },
    has: ['usuario bloqueado', 'sucursal 114 (Providencia)'],
  }),
  [ORIGINAL]: ticket('clinica', {
    subject: 'La impresora de admisión no imprime',
    person: { email: 'ana.perez@clinica.test', name: 'Ana Pérez' },
    has: ['<b>no imprime</b>', 'Ya la apagamos y encendimos'],
  }),
  '03-outlook-reply.eml': reply(ORIGINAL, {
    person: { email: 'carlos.munoz@clinica.test', name: 'Carlos Muñoz' },
    has: ['Atasco en bandeja 2', 'Jefe de Admisión'],
    lacks: [...ANA_QUOTED, 'From:', 'HP LaserJet'],
  }),
  '04-gmail-reply.eml': reply(ORIGINAL, {
    person: { email: 'lucia.rojas@clinica.test' },
    has: ['<b>CNB8K21044</b>'],
    lacks: [...ANA_QUOTED, 'HP LaserJet'],
  }),
  '05-apple-mail-reply.eml': reply(ORIGINAL, {
    person: { email: 'jorge.vidal@clinica.test' },
    has: ['detenido'],
    lacks: [...ANA_QUOTED, 'HP LaserJet'],
  }),
  '06-thunderbird-reply.eml': reply(ORIGINAL, {
    person: { email: 'pedro.alarcon@clinica.test' },
    has: ['Reinstalé el driver'],
    lacks: [...ANA_QUOTED, 'HP LaserJet'],
  }),
  // A forward starts a ticket of the one who forwards, with the forwarded message kept whole.
  '07-forwarded.eml': ticket('clinica', {
    subject: 'Fwd: Factura con error de RUT',
    person: { email: 'marcela.fuentes@clinica.test' },
    has: ['Forwarded message', 'nuestro RUT es 76.123.465-7'],
  }),
  '08-attached-rfc822.eml': ticket('clinica', {
    person: { email: 'soledad.nunez@clinica.test', name: 'Soledad Núñez' },
    attached: ['Actualice su cuenta.eml'],
  }),
  '09-bounce-dsn-exchange.eml': ignored('automatic message (delivery report)'),
  '10-bounce-postfix-undelivered.eml': ignored('automatic message (delivery report)'),
  '11-bounce-qmail-plain.eml': ignored('automatic message (sent by mailer-daemon)'),
  '12-ooo-auto-submitted.eml': ignored('automatic message (Auto-Submitted: auto-replied)'),
  '13-ooo-x-autoreply.eml': ignored('automatic message (x-autoreply: yes)'),
  // Exchange says auto-generated; it names ticket INC-000002 of Ana's own organization.
  '14-ooo-exchange.eml': ignored(/^automatic message \(Exchange automatic reply/),
  '15-list-mail.eml': ticket('clinica', { subject: '[TI-Clinica] Corte programado de red el domingo 22', bulk: true }),
  '16-monitoring-alert.eml': ticket('clinica', { has: ['Space utilization: 95.82 %'], bulk: true }),
  '17-charset-iso-8859-1.eml': ticket('clinica', {
    subject: 'Impresión de pulseras con caracteres extraños',
    person: { email: 'mjibanez@clinica.test', name: 'María José Ibáñez' },
    has: ['"Muñoz" sale "MuÃ±oz"', 'la de pabellón imprime bien'],
  }),
  '18-charset-windows-1252.eml': ticket('banco', {
    subject: 'Cotización “urgente” – licencias de antivirus',
    person: { email: 'rene.ortuno@banco.test', name: 'René Ortuño' },
    has: ['“urgente” – vencen el viernes…', '€ 4.500'],
  }),
  '19-charset-koi8-r.eml': ticket('clinica', {
    subject: 'Не работает VPN из дома',
    person: { email: 'ivan.petrov@clinica.test', name: 'Иван Петров' },
    has: ['Здравствуйте!', 'ошибка 809'],
  }),
  '20-charset-shift-jis.eml': ticket('clinica', {
    subject: '受付のプリンターが動きません',
    person: { email: 't.tanaka@clinica.test', name: '田中 太郎' },
    has: ['「オフライン」と表示されます。'],
  }),
  '21-charset-gb2312.eml': ticket('banco', {
    subject: '无法登录邮箱',
    person: { email: 'wang.wei@banco.test', name: '王伟' },
    has: ['系统提示“密码错误”'],
  }),
  // Adjacent encoded words join; the fire emoji is split across two of them.
  '22-encoded-words-q-and-b.eml': ticket('clinica', {
    subject: '¡Urgente! El sistema de turnos está caído 🔥',
    person: { email: 'josefina.nancupil@clinica.test', name: 'Josefina Ñancupil' },
  }),
  '23-rfc2231-filenames.eml': ticket('clinica', {
    subject: 'Informe de la caída del sistema de turnos',
    person: { email: 'tomas.riquelme@clinica.test', name: 'Tomás Riquelme' },
    attached: ['Informe de caída — marzo.pdf', 'Registro de errores del servidor de turnos – marzo.csv'],
  }),
  '24-no-message-id.eml': ticket('clinica', { subject: 'Escaner no envia a carpeta compartida' }),
  '25-duplicate-id-a.eml': ticket('banco', { subject: 'Alta de usuario para nueva ejecutiva' }),
  '26-duplicate-id-b.eml': { status: 'duplicate', of: '25-duplicate-id-a.eml' },
  '27-huge-subject.eml': ticket('clinica', { person: { email: 'gonzalo.pizarro@clinica.test' } }),
  '28-deep-nesting.eml': ticket('clinica', {
    has: ['<b>no envía imágenes al PACS</b>'],
    attached: ['traza.txt'],
  }),
  '29-html-hostile.eml': ticket('clinica', {
    subject: 'La página de pagos muestra un aviso extraño',
    has: ['aviso (lo copié tal cual)', 'href="https://pagos.clinica.test/estado"'],
    lacks: ['javascript', 'evil.test', 'alert(', 'document.cookie'],
  }),
  '30-svg-with-script.eml': ticket('clinica', { attached: [], refused: ['diagrama-red-piso4.svg'], reasons: ['svg'] }),
  '31-html-only.eml': ticket('clinica', {
    has: ['<b>lectura y escritura</b>', '<li>Benjamín Lagos</li>', '<td>ctorres</td>'],
  }),
  '32-empty-body.eml': ticket('clinica', { subject: 'Sin acceso a wifi en sala de espera', has: ['<p>—</p>'] }),
  // The inline image shows in place: its cid: link points at the attachment it became.
  '33-inline-image-only.eml': ticket('clinica', { attached: ['image001.png'], inlineImages: ['image001.png'] }),
  '34-exe-attachment.eml': ticket('banco', {
    attached: [],
    refused: ['instalador_lector_cheques.exe'],
    reasons: ['executable'],
  }),
  '35-zip-attachment.eml': ticket('clinica', { attached: ['logs-ADM-03.zip'] }),
  '36-pdf-attachment.eml': ticket('banco', { attached: ['Anexo contrato 2026.pdf'] }),
  '37-no-from.eml': failed('the message has no sender (From)'),
  '38-reply-to-differs.eml': ticket('clinica', { person: { email: 'andrea.gomez@clinica.test' } }),
  // Names Banco Sur's INC-000001: a ticket of Clínica Andina's own, never a reply on Banco's.
  '39-other-org-ticket-in-subject.eml': ticket('clinica', {
    subject: 'RE: [INC-000001] No puedo entrar al portal de sucursales',
    person: { email: 'felipe.araya@clinica.test' },
  }),
  '40-reply-by-in-reply-to.eml': reply('17-charset-iso-8859-1.eml', {
    person: { email: 'mjibanez@clinica.test' },
    has: ['etiquetas de los tubos de muestras'],
    lacks: ['Mensaje original', 'Estimados'],
  }),
  '41-from-desk-address.eml': ignored('sent from one of the desk’s own addresses'),
  '42-unknown-domain.eml': failed(/unknown sender bruno@desconocido\.test: map the domain desconocido\.test/),
  '43-base64-body.eml': ticket('clinica', { has: ['Muestra "E-204 plantilla no encontrada"'] }),
  '44-quoted-printable-body.eml': ticket('banco', {
    subject: 'Configuración del correo en el celular',
    person: { email: 'sebastian.fuentealba@banco.test', name: 'Sebastián Fuentealba' },
    has: ['nuevo me pide un "código de verificación"', '?modo=movil&amp;sesion=4411', 'Contraseña'],
  }),
  '45-nul-byte-broken-boundaries.eml': ticket('clinica', {
    has: ['La cola HP-ADM-02 se detuvo', 'port USB001 not responding'],
    lacks: ['\u0000'],
  }),
  '46-8bit-header.eml': ticket('clinica', {
    subject: 'Cámara de la farmacia sin imagen — bodega señalética',
    person: { email: 'begona.ubeda@clinica.test', name: 'Begoña Úbeda Núñez' },
  }),
  '47-very-long-line.eml': ticket('clinica', { has: ['<td>INS-00001</td>', '<td>INS-00600</td>', 'Fin del reporte.'] }),
  '48-missing-date.eml': ticket('clinica', { subject: 'Kiosko de autoatencion sin papel de boletas' }),
  '49-staff-new-mail.eml': failed(
    'nicolas.vera@mesa.test is staff: staff reply to tickets, they do not raise them by mail',
  ),
  '50-staff-reply-threaded.eml': reply(ORIGINAL, {
    person: { email: 'nicolas.vera@mesa.test', name: 'Nicolás Vera' },
    has: ['el fusor está dañado'],
    lacks: ANA_QUOTED,
  }),
  // The signature is no file for the desk; it is refused like any unknown binary, the mail kept.
  '51-smime-signed.eml': ticket('banco', { attached: [], refused: ['smime.p7s'], reasons: ['unknown_type'] }),
  '52-colleague-reply-not-shared.eml': ticket('banco', {
    subject: 'Re: No puedo entrar al portal de sucursales',
    person: { email: 'cristian.mora@banco.test' },
    // Threaded to a ticket of a colleague her organization does not share: a ticket of her own.
    has: ['yo sigo este caso'],
  }),
  // Classic Outlook for Windows: no divRplyFwdMsg, the "De:/Enviado el:" block under a border.
  '53-outlook-desktop-reply.eml': reply(ORIGINAL, {
    person: { email: 'veronica.salazar@clinica.test', name: 'Verónica Salazar' },
    has: ['a cambiar el fusor', 'Coordinadora de Admisión'],
    lacks: [...ANA_QUOTED, 'Enviado el', 'HP LaserJet'],
  }),
  // Automatic senders, each header alone (domain/mail/mail-rules.ts): taken in unanswered, or ignored.
  '70-suppress-header-alone.eml': ticket('clinica', {
    person: { email: 'carolina.leiva@clinica.test' },
    has: ['la cámara conectada'],
    bulk: true,
  }),
  '71-auto-notified.eml': ticket('banco', { has: ['vence el 24 de marzo'], bulk: true }),
  '72-precedence-junk.eml': ticket('clinica', {
    subject: 'Boletin semanal: nuevas impresoras en admision',
    bulk: true,
  }),
  '73-list-unsubscribe-alone.eml': ticket('banco', { has: ['de 9 a 13 horas'], bulk: true }),
  '74-noreply-sender.eml': ticket('banco', { person: { email: 'no-reply@banco.test' }, bulk: true }),
  '75-precedence-auto-reply.eml': ignored('automatic message (Precedence: auto_reply)'),
  '76-x-autorespond.eml': ignored('automatic message (x-autorespond: yes)'),
  // Reports that answer no notice of this corpus stay ignored (bounce-recorder.test.ts matches them).
  '77-bounce-outbound-id-header.eml': ignored('automatic message (delivery report)'),
  '78-bounce-in-reply-to-only.eml': ignored('automatic message (delivery report)'),
  '79-delay-notice.eml': ignored('automatic message (delivery report)'),
  // Broken structure keeps its body and files: the boundary the parts really use is found.
  '54-boundary-missing.eml': ticket('clinica', {
    has: ['El lector Zebra del box 3'],
    lacks: ['Content-Type', '=_sin_parametro'],
    attached: ['lector.log'],
  }),
  '55-boundary-mismatch.eml': ticket('clinica', {
    has: ['<b>perdio la red</b>', 'La central no recibe sus alarmas.'],
    lacks: ['otro-limite'],
  }),
  '56-boundary-not-closed.eml': ticket('clinica', {
    has: ['El respaldo nocturno del servidor de fichas fallo otra vez.'],
    attached: ['respaldo.log'],
  }),
  // An invitation's calendar part, sent without a name, keeps the .ics its readers expect.
  '57-calendar-invitation.eml': ticket('clinica', { has: ['Los invito a revisar'], attached: ['invite.ics'] }),
  // The uuencoded block becomes the file and leaves the body.
  '58-uuencoded-attachment.eml': ticket('clinica', {
    has: ['Va el registro:', 'Hector'],
    lacks: ['begin 644', 'M,C`R'],
    attached: ['sync-agent.log'],
  }),
  // Names follow the bytes: a program behind a right-to-left override is withheld under its
  // visible name; an inner .exe is defused; a path and markup go; HTML is kept as text.
  '59-lying-file-names.eml': ticket('clinica', {
    attached: ['informe_exe.pdf', 'img src=x alert(1)acta.pdf', 'estado-central_html.txt'],
    refused: ['facturafdp.exe'],
    reasons: ['executable'],
  }),
  // What a service desk is sent: dumps, archives, old Office books, scripts (kept as text).
  '60-service-desk-files.eml': ticket('banco', {
    attached: ['MEMORY.DMP', 'registros.7z', 'config.tar', 'cuadratura.xls', 'reinicio_ps1.txt'],
  }),
};

/** Every tag, handler and URL scheme the allowlist keeps out, checked on every body the corpus makes. */
function expectSafeHtml(html: string) {
  expect(html).not.toMatch(
    /<\s*\/?\s*(script|iframe|svg|math|object|embed|form|input|style|meta|base|link|noscript)\b/i,
  );
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  for (const [, url] of html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi))
    expect(url).toMatch(/^(https?:|mailto:|tel:|\/api\/v1\/attachments\/)/);
}

// The corpus's senders have no language of their own: the line is in Spanish, the desk's first.
const refusedLine = (html: string) => /<em>No se adjuntó: ([^<]*)<\/em>/.exec(html)?.[1] ?? '';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A valid message whose one attachment is 30 MB, base64 in 76-character lines, built in memory. */
function messageWithLargeAttachment(): Buffer {
  const file = Buffer.alloc(30 * 1024 * 1024, 0x20);
  Buffer.from('PK\u0003\u0004').copy(file);
  const base64 = file.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76));
  const head = [
    'From: Marta Salinas <marta.salinas@clinica.test>',
    `To: ${DESK}`,
    'Subject: Respaldo completo de la base de turnos',
    'Date: Mon, 16 Mar 2026 17:20:00 -0300',
    'Message-ID: <respaldo-30mb-0316@clinica.test>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="respaldo-30mb"',
    '',
    '--respaldo-30mb',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Adjunto el respaldo completo que pidieron.',
    '--respaldo-30mb',
    'Content-Type: application/zip; name="respaldo-turnos.zip"',
    'Content-Disposition: attachment; filename="respaldo-turnos.zip"',
    'Content-Transfer-Encoding: base64',
    '',
  ].join('\r\n');
  return Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\n--respaldo-30mb--\r\n`);
}

describeOnEachDatabase('the mail corpus', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const orgs = {} as Record<Org, string>;
  /** The intake's answer for each fixture, by file name. */
  const accepted = new Map<string, { id: string; duplicate: boolean }>();
  const raws = new Map<string, Buffer>();

  const db = () => database().db;
  const inboundRow = (id: string) =>
    db().selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const rowOf = (file: string) => inboundRow(accepted.get(file)?.id as string);
  const userByEmail = (email: string) =>
    db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  async function take(raw: Buffer, envelopeFrom: string | null) {
    const result = await built.services.mailIntake.accept(raw, { from: envelopeFrom, to: [DESK] }, 'http');
    // Processing starts on arrival; the next message may answer this one, so wait for it to settle.
    const deadline = Date.now() + 30_000;
    while (!result.duplicate && (await inboundRow(result.id)).status === 'received') {
      if (Date.now() > deadline) throw new Error(`message ${result.id} was never settled`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return result;
  }

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: outboxOnlyMail({
        from: `Mesa Soporte <${DESK}>`,
        // An installation that takes messages larger than the 30 MiB default (MESA_MAIL_MAX_MESSAGE_MB=50):
        // the 30 MB attachment below then reaches the attachment rules, which refuse it by size.
        maxMessageBytes: 50 * 1024 * 1024,
      }),
    });
    orgs.banco = (await makeOrganization(built, 'Banco Sur')).id;
    orgs.clinica = (
      await built.services.organizations.create(systemContext, {
        name: 'Clínica Andina',
        code: 'CLINICA',
        requestersSeeAllTickets: true,
      })
    ).id;
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'banco.test', organizationId: orgs.banco });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: orgs.clinica });
    await makeUser(built, ['agent'], null, { email: 'nicolas.vera@mesa.test', name: 'Nicolás Vera' });

    for (const file of Object.keys(CORPUS).sort()) {
      const raw = readFileSync(join(FIXTURES, file));
      raws.set(file, raw);
      // The envelope sender is Return-Path's, as the last server wrote it (empty for bounces).
      const sender = /<([^<>]*)>/.exec(rawHeader(raw, 'Return-Path') ?? rawHeader(raw, 'From') ?? '')?.[1];
      accepted.set(file, await take(raw, sender || null));
    }
  }, 120_000);

  afterAll(() => built?.services.mailOutbox.close());

  it('has every fixture of the folder in the table, each with CRLF line ends', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.eml'));
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const raw of raws.values()) expect(raw.toString('latin1')).not.toMatch(/(^|[^\r])\n/);
  });

  async function expectOutcome(file: string, expected: Expected) {
    const result = accepted.get(file);
    if (!result) throw new Error(`${file} was not taken in`);
    if (expected.status === 'duplicate') {
      expect(result).toEqual({ id: accepted.get(expected.of as string)?.id, duplicate: true });
      return;
    }
    expect(result.duplicate).toBe(false);
    const row = await inboundRow(result.id);
    expect({ status: row.status, outcome: row.outcome }, `reason: ${row.reason}`).toEqual({
      status: expected.status,
      outcome: expected.outcome ?? null,
    });
    if (expected.status !== 'processed') {
      if (typeof expected.reason === 'string') expect(row.reason).toBe(expected.reason);
      else expect(row.reason).toMatch(expected.reason as RegExp);
      expect(row.ticket_id).toBeNull();
      return;
    }

    const ticketRow = await db()
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', row.ticket_id as string)
      .executeTakeFirstOrThrow();
    const person = expected.person && (await userByEmail(expected.person.email));
    if (expected.person) {
      expect(person).toBeDefined();
      if (expected.person.name) expect(person?.name).toBe(expected.person.name);
    }
    let html: string;
    if (expected.outcome === 'reply') {
      expect(row.ticket_id).toBe((await rowOf(expected.of as string)).ticket_id);
      const message = await db()
        .selectFrom('ticket_messages')
        .selectAll()
        .where('ticket_id', '=', ticketRow.id)
        .where('author_id', '=', person?.id as string)
        .executeTakeFirstOrThrow();
      expect(message.kind).toBe('reply');
      html = message.body_html;
    } else {
      expect(ticketRow).toMatchObject({ channel: 'email', organization_id: orgs[expected.org as Org] });
      if (expected.subject) expect(ticketRow.subject).toBe(expected.subject);
      if (person) expect(ticketRow.requester_id).toBe(person.id);
      html = ticketRow.description_html;
      const acknowledgments = await db()
        .selectFrom('outbound_mail')
        .select('to_address')
        .where('ticket_id', '=', ticketRow.id)
        .where('event', '=', 'ticket_received')
        .execute();
      if (!expected.bulk) expect(acknowledgments).toHaveLength(1);
    }

    expectSafeHtml(html);
    for (const text of expected.has ?? []) expect(html).toContain(text);
    for (const text of expected.lacks ?? []) expect(html).not.toContain(text);
    if (expected.attached) {
      const files = await db()
        .selectFrom('attachments')
        .select('file_name')
        .where('ticket_id', '=', ticketRow.id)
        .orderBy('file_name')
        .execute();
      expect(files.map((f) => f.file_name)).toEqual([...expected.attached].sort());
    }
    const refused = refusedLine(html);
    for (const name of expected.refused ?? []) expect(refused).toContain(`${name} (`);
    if (!expected.refused) expect(refused).toBe('');
    const withheld = await db()
      .selectFrom('withheld_files')
      .selectAll()
      .where('inbound_mail_id', '=', row.id)
      .orderBy('part_index')
      .execute();
    expect(withheld.map((file) => file.file_name)).toEqual(expected.refused ?? []);
    if (expected.reasons) expect(withheld.map((file) => file.reason)).toEqual(expected.reasons);
    for (const file of withheld) {
      expect(file.ticket_id).toBe(ticketRow.id);
      expect(file.message_id !== null).toBe(expected.outcome === 'reply');
    }
    for (const name of expected.inlineImages ?? []) {
      const image = await db()
        .selectFrom('attachments')
        .select('id')
        .where('ticket_id', '=', ticketRow.id)
        .where('file_name', '=', name)
        .executeTakeFirstOrThrow();
      expect(html).toContain(` src="/api/v1/attachments/${image.id}/content"`);
    }
  }

  const entries = Object.entries(CORPUS);
  it.each(entries)('%s', expectOutcome);

  it('takes From as the requester, never Reply-To', async () => {
    const row = await rowOf('38-reply-to-differs.eml');
    const requester = await db()
      .selectFrom('tickets')
      .innerJoin('users', 'users.id', 'tickets.requester_id')
      .select('users.email')
      .where('tickets.id', '=', row.ticket_id as string)
      .executeTakeFirstOrThrow();
    expect(requester.email).toBe('andrea.gomez@clinica.test');
    expect(await userByEmail('jefatura.pabellon@otro-dominio.test')).toBeUndefined();
  });

  it('never puts a message on another organization’s ticket, whatever its subject says', async () => {
    const banco = await db()
      .selectFrom('tickets')
      .selectAll()
      .where('number', '=', 'INC-000001')
      .executeTakeFirstOrThrow();
    expect(banco.organization_id).toBe(orgs.banco);
    expect((await rowOf('39-other-org-ticket-in-subject.eml')).ticket_id).not.toBe(banco.id);
    const onBanco = await db().selectFrom('ticket_messages').select('id').where('ticket_id', '=', banco.id).execute();
    expect(onBanco).toEqual([]);
  });

  it('fingerprints a message without Message-ID by its bytes, and keeps the first of two with one id', async () => {
    const noId = await rowOf('24-no-message-id.eml');
    expect(noId.message_id).toBeNull();
    expect(noId.fingerprint).toBe(`sha256:${sha256(raws.get('24-no-message-id.eml') as Buffer)}`);
    const same = await db()
      .selectFrom('inbound_mail')
      .select('id')
      .where('message_id', '=', '20260316140950.GA7731@pcontreras.banco.test')
      .execute();
    expect(same).toHaveLength(1);
  });

  it('cuts a 2,000-character subject down for the ticket and the mail log', async () => {
    const row = await rowOf('27-huge-subject.eml');
    const subject = (
      await db()
        .selectFrom('tickets')
        .select('subject')
        .where('id', '=', row.ticket_id as string)
        .executeTakeFirstOrThrow()
    ).subject;
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(subject.startsWith('Error al contabilizar ordenes de compra en SAP: OC-4500012007 rechazada')).toBe(true);
    expect(subject.endsWith(SUBJECT_CUT_MARK)).toBe(true);
    expect(row.subject?.length).toBe(500);
  });

  it('keeps a message with a 30 MB attachment as a ticket, naming the file it refused by size', async () => {
    const raw = messageWithLargeAttachment();
    const result = await take(raw, 'marta.salinas@clinica.test');
    raws.set('30 MB', raw);
    accepted.set('30 MB', result);
    const row = await inboundRow(result.id);
    expect(row).toMatchObject({ status: 'processed', outcome: 'ticket', size: raw.length });
    const created = await db()
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', row.ticket_id as string)
      .executeTakeFirstOrThrow();
    expect(created.description_html).toContain('Adjunto el respaldo completo que pidieron.');
    expect(refusedLine(created.description_html)).toMatch(
      /^respaldo-turnos\.zip \(30\.0 MB, Supera el tamaño máximo\)$/,
    );
    const files = await db().selectFrom('attachments').select('id').where('ticket_id', '=', created.id).execute();
    expect(files).toEqual([]);
    // Named on the ticket with its size and reason; its bytes stay in the stored message.
    const withheld = await db()
      .selectFrom('withheld_files')
      .select(['file_name', 'size', 'reason', 'message_id'])
      .where('ticket_id', '=', created.id)
      .execute();
    expect(withheld).toEqual([
      { file_name: 'respaldo-turnos.zip', size: 30 * 1024 * 1024, reason: 'too_large', message_id: null },
    ]);
  }, 60_000);

  it('leaves every message in a final state, with a reason when not taken, and its raw bytes on disk', async () => {
    const rows = await db().selectFrom('inbound_mail').selectAll().orderBy('id').execute();
    const distinct = [...accepted.values()].filter((result) => !result.duplicate);
    expect(rows).toHaveLength(distinct.length);
    const storage = localStorage(join(TEST_CONFIG.dataDir, 'files'));
    for (const [name, result] of accepted) {
      if (result.duplicate) continue;
      const row = rows.find((r) => r.id === result.id);
      expect(row?.status, name).toMatch(/^(processed|ignored|failed)$/);
      if (row?.status === 'processed') expect(row.ticket_id, name).not.toBeNull();
      else expect(row?.reason, name).toBeTruthy();
      // Nothing failed for a reason nobody wrote down: no crash dressed as a failure.
      expect(row?.reason ?? '', name).not.toMatch(/^could not be processed/);
      const chunks: Buffer[] = [];
      for await (const chunk of storage.read(row?.raw_key as string)) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks)), name).toBe(sha256(raws.get(name) as Buffer));
    }
  });

  // Lists, machines' notices, no-reply senders, X-Auto-Response-Suppress: taken in, never answered (no mail loops).
  it('acknowledges no automatic mail it takes in (lists, monitoring, no-reply senders, suppressed)', async () => {
    for (const [file, expected] of Object.entries(CORPUS)) {
      if (!expected.bulk) continue;
      const row = await rowOf(file);
      const acknowledgments = await db()
        .selectFrom('outbound_mail')
        .select('id')
        .where('ticket_id', '=', row.ticket_id as string)
        .execute();
      expect(acknowledgments, file).toEqual([]);
    }
  });
});
