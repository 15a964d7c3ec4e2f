import { describe, expect, it } from 'vitest';
import type { SrasDatabase } from '../../storage/db';
import { ROW_CHUNK_SIZE } from '../../storage/db';
import type { FlowRecord } from '../../storage/records';
import { useFreshDatabase } from '../../test/database';
import { createFlow } from '../flows/flow-repository';
import { BACKUP_TABLES } from './backup-format';
import { exportWorkspace } from './backup-export';
import { readBackupFile } from './backup-read';
import { restoreWorkspace, summariseRestore } from './backup-restore';

async function fillWorkspace(database: SrasDatabase) {
  const flow = await createFlow('展会线索');
  await database.flowVersions.add({
    id: 'v1',
    flowId: flow.id,
    name: 'v1',
    document: flow.document,
    flowRevision: 1,
    createdAt: 1,
  });
  await database.reps.bulkAdd([
    {
      id: 'r1',
      name: '张伟',
      team: '华东一组',
      active: true,
      weight: 2,
      capacity: { day: 20 },
      formerNames: ['小张'],
      createdAt: 1,
      updatedAt: 1,
    },
    { id: 'r2', name: '王芳', team: '', createdAt: 1, updatedAt: 1 },
  ]);
  await database.teams.add({ id: 't1', name: '华东一组', createdAt: 1 });
  await database.datasets.add({
    id: 'd1',
    name: '线索',
    kind: 'leads',
    importedAt: 1,
    rowCount: 2500,
    chunkSize: ROW_CHUNK_SIZE,
    columns: [{ key: 'phone', header: '手机', field: 'phone', type: 'text' }],
  });
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const size = chunk < 2 ? ROW_CHUNK_SIZE : 500;
    const rows = Array.from({ length: size }, (_, index) => ({
      phone: `1380000${String(chunk * ROW_CHUNK_SIZE + index).padStart(4, '0')}`,
      省份: '浙江',
    }));
    await database.datasetRows.add({ datasetId: 'd1', chunk, rows });
  }
  await database.runs.add({
    id: 'run1',
    flowId: flow.id,
    flowRevision: 1,
    datasetId: 'd1',
    createdAt: 2,
    now: 2,
    leadCount: 1,
    summary: { perRep: { r1: 1 } },
    stateDedupKeys: 1,
    chunkSize: ROW_CHUNK_SIZE,
  });
  await database.runStates.add({
    runId: 'run1',
    state: { version: 1, dedup: { 'phone:1': 'r1' } },
  });
  await database.runResults.add({
    runId: 'run1',
    chunk: 0,
    results: [{ leadId: '1', ownerId: 'r1' }],
  });
  await database.allocationStates.add({ flowId: flow.id, updatedAt: 2, runId: 'run1' });
  await database.targetPlans.add({
    id: 'p1',
    year: 2026,
    name: '2026 目标',
    status: 'draft',
    plan: { total: 1000 },
    createdAt: 1,
    updatedAt: 1,
  });
  await database.columnMappings.add({ headerKey: '手机号码', field: 'phone', updatedAt: 1 });
  await database.settings.bulkAdd([
    { key: 'import.lastEncoding', value: 'gb18030' },
    { key: 'device.storagePersistence', value: { granted: false } },
  ]);
}

async function snapshot(database: SrasDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) tables[name] = await database.table(name).toArray();
  return tables;
}

async function exportToFile(): Promise<File> {
  const { parts } = await exportWorkspace();
  return new File(parts, 'backup.json', { type: 'application/json' });
}

describe('workspace backup', () => {
  const database = useFreshDatabase();

  it('restores exactly what it exported', async () => {
    await fillWorkspace(database());
    const before = await snapshot(database());
    const file = await exportToFile();

    await database().transaction('rw', database().tables, async () => {
      for (const table of database().tables) await table.clear();
    });
    await database().settings.add({ key: 'device.storagePersistence', value: { granted: true } });
    const [storedFlow] = (before.flows ?? []) as FlowRecord[];
    await database().flows.add({ ...storedFlow!, id: 'other', name: 'replaced' });

    const read = await readBackupFile(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    await restoreWorkspace(read.backup);

    const after = await snapshot(database());
    expect({ ...after, settings: undefined }).toEqual({ ...before, settings: undefined });
    expect(await database().settings.toArray()).toEqual([
      { key: 'device.storagePersistence', value: { granted: true } },
      { key: 'import.lastEncoding', value: 'gb18030' },
    ]);
  });

  it('moves the states of a backup written before runs kept them apart into run states', async () => {
    await fillWorkspace(database());
    const before = await snapshot(database());
    const read = await readBackupFile(await exportToFile());
    if (!read.ok) throw new Error('the backup did not read');
    const { records } = read.backup;
    const [runState] = records.runStates as { state: unknown }[];
    const [pointer] = records.allocationStates as Record<string, unknown>[];
    const [runRecord] = records.runs as Record<string, unknown>[];
    // The layout of a version 2 database: states inside the run and the saved state.
    records.runs = [{ ...runRecord, stateAfter: runState?.state, stateBefore: null }];
    records.allocationStates = [{ ...pointer, state: runState?.state }];
    records.runStates = [];

    await restoreWorkspace(read.backup);

    const after = await snapshot(database());
    expect(after.runs).toEqual(before.runs);
    expect(after.runStates).toEqual(before.runStates);
    expect(after.allocationStates).toEqual(before.allocationStates);
  });

  it('leaves settings of this browser out of the file', async () => {
    await fillWorkspace(database());

    const text = await (await exportToFile()).text();

    expect(text).toContain('import.lastEncoding');
    expect(text).not.toContain('device.storagePersistence');
  });

  it('writes one record per line and reports progress', async () => {
    await fillWorkspace(database());
    const progress: number[] = [];

    const { parts, header } = await exportWorkspace({
      onProgress: ({ done }) => progress.push(done),
    });
    const lines = parts.join('').trimEnd().split('\n');

    expect(header.counts.datasetRows).toBe(3);
    expect(lines).toHaveLength(2 + Object.values(header.counts).reduce((a, b) => a + b, 0));
    expect(progress.at(-1)).toBe(lines.length - 2);
    expect(JSON.parse(parts.join(''))).toMatchObject({
      header: { format: 'sras.backup', version: 1 },
    });
  });

  it('reads a re-indented backup file', async () => {
    await fillWorkspace(database());
    const compact = JSON.parse(await (await exportToFile()).text());
    const pretty = new File([JSON.stringify(compact, null, 2)], 'pretty.json');

    const read = await readBackupFile(pretty);

    expect(read.ok && read.backup.records.datasetRows).toHaveLength(3);
  });

  it('summarises what a restore replaces', async () => {
    await fillWorkspace(database());
    const read = await readBackupFile(await exportToFile());
    await database().reps.add({ id: 'r3', name: '李娜', team: '', createdAt: 1, updatedAt: 1 });

    const summary = await summariseRestore(read.ok ? read.backup : (undefined as never));

    expect(summary.find((row) => row.table === 'reps')).toEqual({
      table: 'reps',
      current: 3,
      incoming: 2,
    });
    expect(summary.find((row) => row.table === 'settings')).toEqual({
      table: 'settings',
      current: 1,
      incoming: 1,
    });
  });

  it('rejects a file with an invalid record and names its line', async () => {
    await fillWorkspace(database());
    const text = await (await exportToFile()).text();
    const broken = text.replace('"name":"张伟"', '"name":42');

    const read = await readBackupFile(new File([broken], 'broken.json'));

    expect(read).toMatchObject({ ok: false, error: { code: 'invalidRecord', table: 'reps' } });
    expect(!read.ok && read.error.code === 'invalidRecord' && read.error.line).toBeGreaterThan(1);
  });

  it('rejects files that are not backups', async () => {
    const notJson = await readBackupFile(new File(['hello'], 'a.json'));
    const flowFile = await readBackupFile(
      new File(['{"format":"sras.flow","version":1}'], 'b.json'),
    );
    const newer = await readBackupFile(
      new File(['{"header":{"format":"sras.backup","version":9},"records":[\n]}'], 'c.json'),
    );

    expect(notJson).toMatchObject({ ok: false, error: { code: 'notJson' } });
    expect(flowFile).toEqual({ ok: false, error: { code: 'notABackup' } });
    expect(newer).toEqual({ ok: false, error: { code: 'unsupportedVersion', version: '9' } });
  });

  it('changes nothing when the restore fails part way', async () => {
    await fillWorkspace(database());
    const read = await readBackupFile(await exportToFile());
    if (!read.ok) throw new Error('backup unreadable');
    const before = await snapshot(database());
    // Two records with one key make the last table's bulkAdd fail after every other table was written.
    read.backup.records.columnMappings.push({
      headerKey: '手机号码',
      field: 'mobile',
      updatedAt: 2,
    });
    read.backup.records.flows = [];

    await expect(restoreWorkspace(read.backup)).rejects.toThrow();

    expect(await snapshot(database())).toEqual(before);
  });
});
