/**
 * One allocation decision as the server's audit log keeps it and
 * `GET /api/v1/audit` returns it: the server writes it and the app reads it,
 * so both take the type from here.
 */
export interface AuditEntry {
  /** Increasing with the order of decisions; pages of the log go by it. */
  id: number;
  flowId: string;
  /** The published version of the flow that decided. */
  flowVersion: number;
  leadId: string;
  /** Null when the lead ended in a pool. */
  ownerId: string | null;
  /** Ids of the nodes the lead passed, in order. */
  route: string[];
  /** The engine's reason code, such as `assigned` or `pool`. */
  reason: string;
  /** The pool's reason text, when the lead ended in a pool that has one. */
  reasonText: string | null;
  /** ISO 8601 UTC. */
  decidedAt: string;
  /** The request's `Idempotency-Key`, when it had one. */
  idempotencyKey: string | null;
}
