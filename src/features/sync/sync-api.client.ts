/**
 * HTTP client of the sras server's sync API (`/api/v1`). Every method
 * returns the parsed JSON body or throws a `SyncApiError` with the server's
 * error code, so callers branch on codes such as `revision-conflict`.
 */
import type { AuditEntry, FlowDocument } from '@sras/engine';
import i18next from 'i18next';
import { checkToken, normaliseServerUrl } from './sync-address';

/** Every server document kind that is one list per workspace. */
export const LIST_KINDS = ['reps', 'teams', 'targets', 'existing-owners', 'flow-versions'] as const;

/** A server document kind that is one list per workspace. */
export type ListKind = (typeof LIST_KINDS)[number];

export interface ServerDocument<T> {
  revision: number;
  updatedAt: string | null;
  document: T;
}

export interface ServerFlow extends ServerDocument<FlowDocument> {
  id: string;
  publishedVersion: number | null;
}

/** One entry of `GET /changes`: the latest state of a changed document. */
export interface ServerChange {
  seq: number;
  kind: 'flow' | ListKind;
  id: string;
  revision: number;
  deleted: boolean;
  updatedAt: string | null;
  publishedVersion: number | null;
  document: unknown;
}

/** A flow in `GET /flows`: no document, with the version that allocation runs. */
export interface ServerFlowSummary {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  publishedVersion: number | null;
}

/** A saved flow version's document, fetched apart from the `flow-versions` list. */
export interface ServerVersionDocument {
  id: string;
  flowId: string;
  document: FlowDocument;
}

/** Most ids one `getVersionDocuments` call sends; the server accepts no more. */
export const MAX_VERSION_DOCUMENTS_PER_REQUEST = 100;

export interface WorkspaceInfo {
  id: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer' | 'allocate';
  flowId: string | null;
  latestChange: number;
}

/** One decision of the audit log; the server's type. */
export type { AuditEntry } from '@sras/engine';

export interface AuditQuery {
  flowId?: string;
  ownerId?: string;
  leadId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** A failed request: the HTTP status, the server's error code, and its error object. */
export class SyncApiError extends Error {
  override name = 'SyncApiError';

  constructor(
    readonly status: number,
    /**
     * The server's stable code, or one of the client's own. `network-error`:
     * no response arrived. `invalid-address` or `invalid-token`: the request
     * could not be sent. `not-sras-server`: the response was not the server's
     * JSON (another web server or the app's own page).
     */
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The server's copy sent with a 412 or 428. */
  get current(): ServerDocument<unknown> | null {
    return (this.details.current as ServerDocument<unknown> | undefined) ?? null;
  }
}

export interface SyncApiOptions {
  /** Server address such as `http://127.0.0.1:8787`; a trailing slash is ignored. */
  serverUrl: string;
  /** Bearer token; null for the set-up calls that need none. */
  token: string | null;
  /** Injected for tests; the global fetch by default. */
  fetch?: typeof fetch;
  /**
   * Language the server words its validation errors in (`Accept-Language`);
   * the app's current language by default.
   */
  language?: string;
}

/** Creates a client bound to one server and token. */
export function createSyncApi(options: SyncApiOptions) {
  const address = normaliseServerUrl(options.serverUrl);
  const base = address.ok ? address.url : options.serverUrl.trim();
  const fetchImpl =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const languageHeader = (): Record<string, string> => {
    const language = options.language ?? (i18next.isInitialized ? i18next.language : undefined);
    return language ? { 'accept-language': language } : {};
  };

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    isExpected: (value: Record<string, unknown>) => boolean = () => true,
  ): Promise<T> {
    if (!address.ok) {
      throw new SyncApiError(0, 'invalid-address', `"${base}" is not an http or https address`, {
        problem: address.problem,
      });
    }
    // A header with characters outside Latin-1 makes fetch throw before
    // sending, which would look like a server that did not respond.
    if (options.token !== null && checkToken(options.token) !== null) {
      throw new SyncApiError(0, 'invalid-token', 'The token has characters a token never has');
    }

    let response: Response;
    try {
      response = await fetchImpl(base + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...languageHeader(),
          ...(options.token ? { authorization: `Bearer ${options.token.trim()}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new SyncApiError(
        0,
        'network-error',
        `The server at ${base} did not answer: ${String(error)}`,
      );
    }

    const parsed = await readServerJson(response);
    if (!response.ok) {
      const error = parsed?.error;
      if (isRecord(error)) {
        throw new SyncApiError(
          response.status,
          typeof error.code === 'string' ? error.code : `http-${response.status}`,
          typeof error.message === 'string'
            ? error.message
            : `HTTP ${response.status} from ${base}${path}`,
          error,
        );
      }
      // A gateway's error page in front of a server that is down or busy.
      if (response.status >= 500) {
        throw new SyncApiError(
          response.status,
          `http-${response.status}`,
          `HTTP ${response.status} from ${base}${path}`,
        );
      }
      throw notSrasServer(response.status, `${base}${path}`);
    }
    if (parsed === null || !isExpected(parsed))
      throw notSrasServer(response.status, `${base}${path}`);
    return parsed as T;
  }

  const ifMatch = (revision: number): Record<string, string> => ({ 'if-match': String(revision) });

  return {
    setup: () =>
      request<{ needsWorkspace: boolean }>(
        'GET',
        '/api/v1/setup',
        undefined,
        {},
        (value) => typeof value.needsWorkspace === 'boolean',
      ),
    createWorkspace: (name: string) =>
      request<{ workspaceId: string; ownerToken: string }>(
        'POST',
        '/api/v1/workspaces',
        { name },
        {},
        (value) => typeof value.workspaceId === 'string' && typeof value.ownerToken === 'string',
      ),
    workspace: () =>
      request<WorkspaceInfo>(
        'GET',
        '/api/v1/workspace',
        undefined,
        {},
        (value) =>
          typeof value.id === 'string' &&
          typeof value.name === 'string' &&
          typeof value.role === 'string',
      ),
    changes: (since: number) =>
      request<{ changes: ServerChange[]; next: number; more: boolean }>(
        'GET',
        `/api/v1/changes?since=${since}`,
      ),
    listFlows: () => request<{ flows: ServerFlowSummary[] }>('GET', '/api/v1/flows'),
    getFlow: (id: string) => request<ServerFlow>('GET', `/api/v1/flows/${encodeURIComponent(id)}`),
    /** Saves a flow; `revision` 0 creates it. */
    putFlow: (document: FlowDocument, revision: number) =>
      request<{ revision: number }>(
        'PUT',
        `/api/v1/flows/${encodeURIComponent(document.id)}`,
        document,
        ifMatch(revision),
      ),
    deleteFlow: (id: string, revision: number) =>
      request<{ revision: number }>(
        'DELETE',
        `/api/v1/flows/${encodeURIComponent(id)}`,
        undefined,
        ifMatch(revision),
      ),
    /** Publishes the flow at `revision`, or `document` (a saved version of it) when given. */
    publishFlow: (id: string, revision: number, document?: FlowDocument) =>
      request<{ version: number }>('POST', `/api/v1/flows/${encodeURIComponent(id)}/publish`, {
        revision,
        ...(document ? { document } : {}),
      }),
    getList: <T>(kind: ListKind) => request<ServerDocument<T[]>>('GET', `/api/v1/${kind}`),
    putList: (kind: ListKind, items: unknown[], revision: number) =>
      request<{ revision: number }>('PUT', `/api/v1/${kind}`, items, ifMatch(revision)),
    /**
     * Fetches the documents of saved flow versions, which the `flow-versions`
     * list leaves out; at most {@link MAX_VERSION_DOCUMENTS_PER_REQUEST} ids.
     * `missing` lists the ids the server has no document for.
     */
    getVersionDocuments: (ids: readonly string[]) =>
      request<{ versions: ServerVersionDocument[]; missing: string[] }>(
        'GET',
        `/api/v1/flow-versions/documents?ids=${ids.map(encodeURIComponent).join(',')}`,
      ),
    audit: (query: AuditQuery) => {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') search.set(name, String(value));
      }
      return request<{ entries: AuditEntry[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/audit?${search}`,
      );
    },
  };
}

export type SyncApi = ReturnType<typeof createSyncApi>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the body as a JSON object, or null when the response is not the
 * server's JSON. Every response of the sras API, errors included, is a JSON object
 * sent as `application/json`.
 */
async function readServerJson(response: Response): Promise<Record<string, unknown> | null> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) return null;

  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function notSrasServer(status: number, url: string): SyncApiError {
  return new SyncApiError(
    status,
    'not-sras-server',
    `${url} answered with HTTP ${status}, but not with the JSON of a sras server`,
  );
}
