import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Permission } from '../../domain/permissions.js';
import type { Principal, RequestContext } from './request-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares the permission it needs; app.ts refuses to start when one does not. */
    permission?: Permission;
    /** Open to someone who must enrol a second factor first (MESA_MFA_REQUIRED_FOR): enrolment, /me, sign-out. */
    beforeMfa?: boolean;
    /**
     * A caller without this permission is answered 404, as if the route did not exist, rather
     * than 403: requesters must not learn that problem records exist at all.
     */
    hiddenWithout?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
    ctx: RequestContext;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
