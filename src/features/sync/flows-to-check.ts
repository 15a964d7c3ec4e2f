/**
 * The flow documents that the reps conflict warning checks for reps they
 * assign to: every flow stored in this browser (those pulled from the
 * server included) and its published version, and, with a workspace
 * connected, the version the server's allocation API runs for each flow.
 */
import { getDatabase } from '../../storage/db';
import type { FlowVersionRecord } from '../../storage/records';
import type { FlowToCheck } from './rep-conflict';
import { createSyncApi, type ServerFlowSummary } from './sync-api.client';
import { readConnection } from './sync-metadata';

/** A flow published on the server whose published document this browser does not hold. */
export interface UncheckedFlow {
  flowId: string;
  flowName: string;
  /** The server's published version number. */
  version: number;
}

/** What the server adds to the local flows: the published versions it runs. */
export interface ServerFlowsCheck {
  /** Published documents the server runs that this browser holds. */
  flows: FlowToCheck[];
  /** Published flows whose document is only on the server, so they could not be checked. */
  unchecked: UncheckedFlow[];
  /** True when the server did not answer, so its published flows are unknown. */
  unreachable: boolean;
}

/**
 * The local flows and their published versions, named. Flows pulled from
 * the server are stored like local ones, so they are among them.
 */
export async function readLocalFlowsToCheck(): Promise<FlowToCheck[]> {
  const db = getDatabase();
  const flows = await db.flows.toArray();
  const checks: FlowToCheck[] = [];
  for (const flow of flows) {
    const flowName = flow.name.trim() || flow.id;
    checks.push({ flowId: flow.id, flowName, published: false, document: flow.document });
    if (!flow.publishedVersionId) continue;
    const published = await db.flowVersions.get(flow.publishedVersionId);
    if (published) {
      checks.push({ flowId: flow.id, flowName, published: true, document: published.document });
    }
  }
  return checks;
}

/**
 * Asks the connected server which version of each flow it publishes and
 * finds those documents among the synced saved versions (a version
 * published from a browser records the server's version number). A flow
 * whose published document is not here, such as one published from a
 * revision by the API or not yet pulled, is listed as unchecked. Without a
 * connection there is nothing to add.
 */
export async function readServerFlowsToCheck(): Promise<ServerFlowsCheck> {
  const none: ServerFlowsCheck = { flows: [], unchecked: [], unreachable: false };
  const connection = await readConnection();
  if (!connection) return none;

  let serverFlows: ServerFlowSummary[];
  try {
    const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });
    serverFlows = (await api.listFlows()).flows;
  } catch {
    return { ...none, unreachable: true };
  }

  const db = getDatabase();
  const versions = await db.flowVersions.toArray();
  const localNames = new Map((await db.flows.toArray()).map((flow) => [flow.id, flow.name]));
  const result: ServerFlowsCheck = { ...none };
  for (const flow of serverFlows) {
    const version = flow.publishedVersion;
    if (version === null) continue;

    const flowName = flow.name.trim() || localNames.get(flow.id)?.trim() || flow.id;
    const published = versions.find((row) => runsAs(row, flow.id, version));
    if (published) {
      result.flows.push({
        flowId: flow.id,
        flowName,
        published: true,
        document: published.document,
      });
    } else {
      result.unchecked.push({ flowId: flow.id, flowName, version });
    }
  }
  return result;
}

/** Whether a saved version is the one the server runs as `version` of flow `flowId`. */
function runsAs(row: FlowVersionRecord, flowId: string, version: number): boolean {
  return (
    row.flowId === flowId &&
    row.serverPublish?.status === 'published' &&
    row.serverPublish.version === version
  );
}

/**
 * Joins the local flows with what the server runs. The server's published
 * version replaces this browser's published mark for the same flow, since
 * the allocation API runs the server's; without an answer the local marks stay.
 */
export function mergeFlowsToCheck(
  local: readonly FlowToCheck[],
  server: ServerFlowsCheck | null,
): FlowToCheck[] {
  if (server === null || server.unreachable) return [...local];
  const publishedOnServer = new Set(
    [...server.flows, ...server.unchecked].map((flow) => flow.flowId),
  );
  return [
    ...local.filter((flow) => !(flow.published && publishedOnServer.has(flow.flowId))),
    ...server.flows,
  ];
}
