/**
 * Reading and writing flow JSON files: parse → migrate → validate for a
 * file the user imports, and a file name for one they export.
 */
import { flowDocumentSchema, type FlowDocument } from '@sras/engine';
import { repairFlowDocument, type FlowRepair } from './flow-repair';

/** Reason a file was rejected. Nothing is saved for a rejected file. */
export type FlowFileRejection =
  | { code: 'invalidJson'; detail: string }
  | { code: 'notAFlow' }
  | { code: 'unsupportedVersion'; version: string }
  | { code: 'invalidSchema'; issues: { path: string; message: string }[] };

export type FlowFileResult =
  | { ok: true; document: FlowDocument; repairs: FlowRepair[] }
  | { ok: false; rejection: FlowFileRejection };

const SUPPORTED_VERSIONS = [1];

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/**
 * Parses the text of a flow file. A file that is not JSON, not a flow, of a
 * version this app cannot read, or off the schema is rejected with the
 * reason; a valid one comes back with its repairable problems fixed and
 * listed.
 */
export function readFlowFile(text: string): FlowFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, rejection: { code: 'invalidJson', detail: (error as Error).message } };
  }

  if (
    raw === null ||
    typeof raw !== 'object' ||
    (raw as { format?: unknown }).format !== 'sras.flow'
  ) {
    return { ok: false, rejection: { code: 'notAFlow' } };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !SUPPORTED_VERSIONS.includes(version)) {
    return { ok: false, rejection: { code: 'unsupportedVersion', version: String(version) } };
  }

  const parsed = flowDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return { ok: false, rejection: { code: 'invalidSchema', issues } };
  }

  const { document, repairs } = repairFlowDocument(parsed.data as FlowDocument);
  return { ok: true, document, repairs };
}

/** Serialises the flow as the text of a `.json` file, two-space indented. */
export function writeFlowFile(document: FlowDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Builds a file name for `name` that every operating system accepts, e.g. `华东线索.json`. */
export function flowFileName(name: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are invalid in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .trim()
    .slice(0, 100);
  return `${safe || 'flow'}.json`;
}
