import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkToken, hashToken, type Principal } from '../auth/tokens.js';
import { roleAllows, type Permission } from '../auth/permissions.js';
import type { DatabaseHandle } from '../db/database.js';
import { apiError, permissionWords } from './api-messages.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const tokenHashes = new WeakMap<FastifyRequest, string>();

/**
 * Returns `hashToken` of the request's bearer token, hashed once per
 * request: the rate limiter and the permission check both need it.
 */
export function bearerTokenHash(request: FastifyRequest, token: string): string {
  let hash = tokenHashes.get(request);
  if (hash === undefined) {
    hash = hashToken(token);
    tokenHashes.set(request, hash);
  }
  return hash;
}

/** Reads the bearer token of a request, or undefined when there is none. */
export function readBearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;

  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Builds a pre-handler that admits a request only with a valid token whose
 * role grants `permission`: 401 without a valid token, 403 with a token that
 * lacks the role.
 */
export function requirePermission(handle: DatabaseHandle, permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = readBearerToken(request);
    if (!token) {
      throw apiError(401, 'token-missing', 'tokenMissing');
    }

    const check = await checkToken(
      handle.readDb,
      token,
      new Date(),
      bearerTokenHash(request, token),
    );
    if (check.status === 'invalid') {
      throw apiError(401, 'token-invalid', 'tokenInvalid');
    }
    if (check.status === 'expired') {
      throw apiError(401, 'token-expired', 'tokenExpired');
    }

    const { principal } = check;
    if (!roleAllows(principal.role, permission)) {
      throw apiError(403, 'forbidden', 'forbidden', {
        role: principal.role,
        action: permissionWords(permission),
      });
    }
    request.principal = principal;
  };
}

/** The principal set by {@link requirePermission}; throws when a route forgot the pre-handler. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('Route has no requirePermission pre-handler.');
  return request.principal;
}
