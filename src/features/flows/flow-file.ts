/**
 * Reading and writing flow JSON files: parse → migrate → validate for a
 * file the user imports, and a file name for one they export.
 */
import { parseFlow, serializeFlow, type FlowDocument, type FlowProblem } from '@sras/engine';
import { repairFlowDocument, type FlowRepair } from './flow-repair';

export type FlowFileResult =
  | { ok: true; document: FlowDocument; repairs: FlowRepair[]; migrations: string[] }
  | { ok: false; problems: FlowProblem[] };

/**
 * Reads the text of a flow file with the engine's parse and migrate steps.
 * A file that is not JSON, not a flow, of a version this app cannot read, or
 * off the schema comes back with the engine's problems. A loadable file comes
 * back with its repairable problems fixed and listed.
 */
export function readFlowFile(text: string): FlowFileResult {
  const parsed = parseFlow(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, problems: parsed.problems };

  const { document, repairs } = repairFlowDocument(parsed.flow);
  return { ok: true, document, repairs, migrations: parsed.migrations };
}

/** Serialises the flow as the text of a `.json` file, two-space indented. */
export function writeFlowFile(document: FlowDocument): string {
  return serializeFlow(document);
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
