import {
  checkConnection as checkEngineConnection,
  type ConnectionRejection,
  type FlowDocument,
} from '@sras/engine';

/** Why a connection is rejected; each reason has a message under `editor:connection.<reason>`. */
export type ConnectionRefusal = ConnectionRejection;

export interface ProspectiveConnection {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
}

export type ConnectionCheck =
  { ok: true; sourceHandle: string } | { ok: false; reason: ConnectionRefusal };

/**
 * Check a connection being drawn with the engine's rules: no self-loops,
 * nothing into the source, one edge per output handle and no cycles. React
 * Flow reports a connection without an end as null ids, which is rejected.
 */
export function checkConnection(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
  connection: ProspectiveConnection,
): ConnectionCheck {
  const { source, target } = connection;
  if (!source) return { ok: false, reason: 'source-missing' };
  if (!target) return { ok: false, reason: 'target-missing' };

  const check = checkEngineConnection(
    { source, target, sourceHandle: connection.sourceHandle },
    document,
  );
  return check.ok ? { ok: true, sourceHandle: check.handle } : { ok: false, reason: check.reason };
}
