import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths pino replaces with [redacted]: credentials never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'secret', 'token', 'password_hash'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

interface RequestLike {
  id: string;
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, unknown>;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Request logs carry what an operator needs and nothing a user typed.
      serializers: {
        req: (req: RequestLike) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        }),
      },
    },
    destination,
  );
}
