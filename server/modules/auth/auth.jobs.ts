import type { JobDefinition } from '../../platform/jobs.js';
import type { MfaService } from './mfa.service.js';
import type { OidcService } from './oidc.service.js';
import type { PasswordResetService } from './password-reset.service.js';
import type { SessionsService } from './sessions.service.js';

export function authJobs({
  sessions,
  mfa,
  oidc,
  passwordResets,
}: {
  sessions: SessionsService;
  mfa: MfaService;
  oidc: OidcService;
  passwordResets: PasswordResetService;
}): JobDefinition[] {
  return [
    {
      name: 'sessions_purge',
      module: 'auth',
      schedule: { kind: 'interval', everySeconds: 3600 },
      scope: 'cluster',
      run: async () => ({
        purged: await sessions.purgeExpiredSessions(),
        // Half-finished sign-ins (second step, identity provider round trip) past their time.
        challenges: await mfa.purgeExpiredChallenges(),
        oidc: await oidc.purgeExpiredSignIns(),
        passwordResets: await passwordResets.purgeEnded(),
      }),
    },
  ];
}
