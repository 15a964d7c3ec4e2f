/**
 * Reads a stored dataset's rows by position, chunk by chunk from IndexedDB,
 * for the simulation worker. The last chunks read are kept, because paging
 * and explaining read the same few chunks again and again.
 */
import type { ExistingOwner, Lead } from '@sras/engine';
import type { SrasDatabase } from '../../../storage/db';
import type { DatasetRecord } from '../../../storage/records';
import type { LeadSource } from '../engine/simulation-run';

const CACHED_CHUNKS = 8;

export class DatasetLeadSource implements LeadSource {
  readonly count: number;
  private readonly cache = new Map<number, Lead[]>();

  constructor(
    private readonly database: SrasDatabase,
    readonly dataset: DatasetRecord,
  ) {
    this.count = dataset.rowCount;
  }

  async read(start: number, end: number): Promise<Lead[]> {
    const chunkSize = Math.max(1, this.dataset.chunkSize);
    const last = Math.min(end, this.count);
    if (start >= last) return [];

    const firstChunk = Math.floor(start / chunkSize);
    const lastChunk = Math.floor((last - 1) / chunkSize);
    const chunks = await this.readChunks(firstChunk, lastChunk);
    const leads: Lead[] = [];
    for (let chunk = firstChunk; chunk <= lastChunk; chunk += 1) {
      const rows = chunks.get(chunk) ?? [];
      const from = Math.max(start, chunk * chunkSize) - chunk * chunkSize;
      const to = Math.min(last, (chunk + 1) * chunkSize) - chunk * chunkSize;
      for (let index = from; index < to; index += 1) leads.push(rows[index] ?? {});
    }
    return leads;
  }

  /** The rows at the given positions, in the same order. */
  async readPositions(positions: readonly number[]): Promise<Lead[]> {
    const chunkSize = Math.max(1, this.dataset.chunkSize);
    const wanted = [...new Set(positions.map((position) => Math.floor(position / chunkSize)))];
    const chunks = new Map<number, Lead[]>();
    for (const chunk of wanted) {
      const rows = await this.readChunks(chunk, chunk);
      chunks.set(chunk, rows.get(chunk) ?? []);
    }
    return positions.map(
      (position) => chunks.get(Math.floor(position / chunkSize))?.[position % chunkSize] ?? {},
    );
  }

  private async readChunks(first: number, last: number): Promise<Map<number, Lead[]>> {
    const found = new Map<number, Lead[]>();
    let missingFrom = -1;
    for (let chunk = first; chunk <= last; chunk += 1) {
      const cached = this.cache.get(chunk);
      if (cached) found.set(chunk, cached);
      else if (missingFrom < 0) missingFrom = chunk;
    }
    if (missingFrom < 0) return found;

    const stored = await this.database.datasetRows
      .where('[datasetId+chunk]')
      .between([this.dataset.id, missingFrom], [this.dataset.id, last], true, true)
      .toArray();
    for (const entry of stored) {
      found.set(entry.chunk, entry.rows);
      if (last - first < CACHED_CHUNKS) this.remember(entry.chunk, entry.rows);
    }
    return found;
  }

  private remember(chunk: number, rows: Lead[]): void {
    this.cache.set(chunk, rows);
    if (this.cache.size <= CACHED_CHUNKS) return;
    const oldest = this.cache.keys().next().value as number;
    this.cache.delete(oldest);
  }
}

/** Opens a dataset for reading, or throws a message naming what is missing. */
export async function openDataset(
  database: SrasDatabase,
  datasetId: string,
): Promise<DatasetLeadSource> {
  const dataset = await database.datasets.get(datasetId);
  if (!dataset) throw new SimulationInputError('datasetMissing', { datasetId });
  return new DatasetLeadSource(database, dataset);
}

/**
 * Reads an existing-owners dataset into the rows the engine's dedup reads.
 * Rows without an owner are customers in the public pool and are left out.
 */
export async function readExistingOwners(
  database: SrasDatabase,
  datasetId: string,
): Promise<ExistingOwner[]> {
  const source = await openDataset(database, datasetId);
  const rows = await source.read(0, source.count);
  const owners: ExistingOwner[] = [];
  for (const row of rows) {
    const ownerId = textOf(row.owner_id);
    if (ownerId === null) continue;
    owners.push({
      owner_id: ownerId,
      phone: textOf(row.phone),
      email: textOf(row.email),
      company: textOf(row.company),
    });
  }
  return owners;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Input the worker cannot run with; `code` is a key of `simulation:errors`. */
export class SimulationInputError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Simulation input error: ${code}`);
    this.name = 'SimulationInputError';
  }
}
