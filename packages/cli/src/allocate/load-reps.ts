import { formatRepTableProblem, readRepTable, type RepTableEntry } from '@sras/import';
import type { Rep } from '@sras/engine';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';

const PROBLEMS_SHOWN = 10;

/**
 * Reads the sales team: JSON (an array of reps in the flow format, or
 * `{ "reps": [...] }`, checked in full by the engine when it runs) or a rep
 * table read by the import package's shared reader, the format the app's
 * Team screen also reads and writes. Any error in a table rejects it with
 * messages that name the row and column.
 */
export async function loadReps(context: CliContext, file: string): Promise<Rep[]> {
  const reps = file.toLowerCase().endsWith('.json')
    ? await repsFromJson(context, file)
    : await repsFromTable(context, file);
  if (reps.length === 0) throw new CliError(context.t('error.repsEmpty', { file }));
  return reps;
}

async function repsFromJson(context: CliContext, file: string): Promise<Rep[]> {
  const json = await context.readJson(file);
  const list = Array.isArray(json) ? json : (json as { reps?: unknown } | null)?.reps;
  if (!Array.isArray(list)) throw new CliError(context.t('error.repsJsonShape', { file }));

  list.forEach((item: unknown, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof item !== 'object' || item === null || typeof id !== 'string' || id.trim() === '') {
      throw new CliError(context.t('error.repJsonId', { file, index }));
    }
  });
  return list as Rep[];
}

async function repsFromTable(context: CliContext, file: string): Promise<Rep[]> {
  const table = await readRepTable(await context.readBytes(file), { fileName: file });
  const lines = table.problems.map(
    (problem) => `${file}: ${formatRepTableProblem(problem, context.language)}`,
  );
  if (table.errorCount > 0) {
    const shown = lines.slice(0, PROBLEMS_SHOWN);
    if (lines.length > PROBLEMS_SHOWN) {
      shown.push(context.t('error.importMore', { count: lines.length - PROBLEMS_SHOWN }));
    }
    throw new CliError(shown.join('\n'));
  }

  for (const line of lines) context.io.stderr(`${line}\n`);
  return table.reps.map(toEngineRep);
}

function toEngineRep(entry: RepTableEntry): Rep {
  const rep: Rep = {
    id: entry.id,
    name: entry.name,
    active: entry.active,
    weight: entry.weight,
    capacity: entry.capacity,
    openLeads: entry.openLeads,
    unavailable: entry.unavailable,
  };
  if (entry.team !== '') rep.team = entry.team;
  return rep;
}
