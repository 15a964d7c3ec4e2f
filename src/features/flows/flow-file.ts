/**
 * Reading and writing flow JSON files: parse → migrate → validate for a
 * file the user imports, and a file name for one they export.
 */
import {
  createProblem,
  parseFlow,
  serializeFlow,
  type FlowDocument,
  type FlowProblem,
} from '@sras/engine';
import { isNameTooLong, MAX_NAME_LENGTH } from '../../app/forms/name-limits';
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
  const source = text.replace(/^\uFEFF/, '');
  const json = readJson(source);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  if (isRecord(json.value) && !('format' in json.value)) {
    return {
      ok: false,
      problems: [createProblem('flow-format-invalid', { field: 'format' }, { missing: 1 })],
    };
  }

  const parsed = parseFlow(json.value);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  if (isNameTooLong(parsed.flow.name)) {
    return {
      ok: false,
      problems: [
        createProblem('schema-invalid', { field: 'name' }, { nameTooLong: MAX_NAME_LENGTH }),
      ],
    };
  }

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

type JsonRead = { ok: true; value: unknown } | { ok: false; problem: FlowProblem };

/**
 * Parses `source` as JSON. A syntax error becomes a `flow-json-invalid`
 * problem whose params hold where it is (`line`, `column`, both from 1),
 * `atEnd` when the text stops early and `empty` for a blank file, so the
 * app words it itself; `message` keeps the parser's English text.
 */
function readJson(source: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const invalid = (params: Record<string, number>): JsonRead => ({
      ok: false,
      problem: createProblem('flow-json-invalid', {}, { message, ...params }),
    });

    if (source.trim() === '') return invalid({ empty: 1 });
    const lineColumn = /line (\d+) column (\d+)/i.exec(message);
    const position = /position (\d+)/i.exec(message);
    const offset = position ? Number(position[1]) : undefined;
    // The parser reports the end of the text as the error position when the text stops early.
    if (/unexpected end/i.test(message) || offset === source.trimEnd().length) {
      return invalid({ atEnd: 1, ...lineAndColumn(source, source.trimEnd().length) });
    }
    if (lineColumn) return invalid({ line: Number(lineColumn[1]), column: Number(lineColumn[2]) });
    if (offset !== undefined) return invalid(lineAndColumn(source, offset));
    // NOTE: V8 names no position for an unexpected token, so that error has no location.
    return invalid({});
  }
}

/** Line and column, both from 1, of the character at `offset` of `source`. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
