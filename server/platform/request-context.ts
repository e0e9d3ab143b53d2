import type { Role } from '../../domain/roles.js';

/** The signed-in user as the rest of the server sees them. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

/** Who is acting and from which request: what services need for authorization scope and audit. */
export interface RequestContext {
  principal: Principal | null;
  requestId: string | null;
  ip: string | null;
  /** The change comes from a machine's message (a list, a monitor): send no automatic answer. */
  noAutoReply?: boolean;
}

export const systemContext: RequestContext = { principal: null, requestId: null, ip: null };
