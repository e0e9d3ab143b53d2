import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** A keep-alive HTTP client for sequential requests: little of its own time ends up in the figures. */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });

  constructor(readonly baseUrl: string) {}

  send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - start,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A signed-in user: the session cookie and the CSRF token the login answered. */
export interface Session {
  email: string;
  userId: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this user (the CSRF token matters only on changes). */
  headers: Record<string, string>;
}

export async function signIn(client: HttpClient, email: string, password: string): Promise<Session> {
  const response = await client.send('POST', '/api/v1/auth/login', { origin: client.baseUrl }, { email, password });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} failed (${response.status}): ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((value) => value.split(';')[0] ?? '')
    .find((value) => value.startsWith('mesa_session='));
  const me = JSON.parse(response.body) as { id: string; csrfToken: string | null };
  if (!cookie || !me.csrfToken) throw new Error(`Sign-in as ${email} gave no session cookie or CSRF token`);
  return {
    email,
    userId: me.id,
    cookie,
    csrfToken: me.csrfToken,
    headers: { cookie, 'x-csrf-token': me.csrfToken },
  };
}

/** GET as a user; throws on anything but 200 so a broken bench never reports fast errors. */
export async function getOk(client: HttpClient, session: Session, path: string): Promise<Response> {
  const response = await client.send('GET', path, session.headers);
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
  return response;
}
