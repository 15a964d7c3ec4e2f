import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '@sras/import';
import { paths } from '../../../app/paths';
import type { AppLanguage } from '../../../i18n/i18n';
import { ROW_CHUNK_SIZE, type SrasDatabase } from '../../../storage/db';
import { useFreshDatabase } from '../../../test/database';
import { renderApp } from '../../../test/render-app';
import { assignStorageKeys, toDatasetColumns, toStoredRow } from '../../data/import/stored-rows';
import { findTemplate } from '../../templates/catalogue';
import { openTemplate } from '../../templates/template-opener';
import {
  SimulationClient,
  setSimulationClientForTesting,
  type SimulationPort,
} from '../worker/simulation.client';
import type { SimulationRequest, SimulationResponse } from '../worker/simulation.protocol';
import { SimulationSession } from '../worker/simulation.session';

/** The X Education lead export: no province, source or course column. */
const XEDUCATION = 'packages/import/test/fixtures/xeducation_Leads.csv';
/** Leads of the export stored for the screen; enough to run, few enough for jsdom. */
const STORED_ROWS = 300;

let imported: ImportResult;

beforeAll(async () => {
  imported = await importFile(new Uint8Array(readFileSync(XEDUCATION)), {
    fileName: 'xeducation_Leads.csv',
  });
});

/** Stores the first rows of the export as the import wizard does, newer than any template data. */
async function storeXeducation(database: SrasDatabase): Promise<void> {
  const keys = assignStorageKeys(imported.columns, 'leads');
  const rows = imported.rows.slice(0, STORED_ROWS).map((row) => toStoredRow(row, keys));
  await database.datasetRows.add({ datasetId: 'xeducation', chunk: 0, rows });
  await database.datasets.add({
    id: 'xeducation',
    name: 'xeducation_Leads.csv',
    kind: 'leads',
    importedAt: Date.now() + 60_000,
    rowCount: rows.length,
    chunkSize: ROW_CHUNK_SIZE,
    columns: toDatasetColumns(imported.columns, keys),
  });
}

/** Serves the screen's simulation requests from a session in this thread, as the worker would. */
function useInProcessSimulation(database: () => SrasDatabase): void {
  const listeners: ((event: MessageEvent<SimulationResponse>) => void)[] = [];
  const session = new SimulationSession((message) => {
    for (const listener of listeners)
      listener({ data: message } as MessageEvent<SimulationResponse>);
  }, database);
  const port: SimulationPort = {
    postMessage: (message: SimulationRequest) => void session.handle(structuredClone(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  setSimulationClientForTesting(new SimulationClient(port));
}

/** Opens the region teams template and its simulation screen with the export stored. */
async function openRegionTeams(database: SrasDatabase, language: AppLanguage) {
  const opened = await openTemplate(findTemplate('region-teams')!, language);
  await storeXeducation(database);
  await renderApp(paths.simulate(opened.flow.id), language);
}

describe('MissingColumnList on the simulation screen', () => {
  const database = useFreshDatabase();
  afterEach(() => setSimulationClientForTesting(undefined));

  it('names the missing province column before a run', async () => {
    await openRegionTeams(database(), 'en');

    const alert = await screen.findByTestId('missing-columns');
    expect(alert).toHaveTextContent('The flow reads a column this dataset does not have');
    expect(within(alert).getByTestId('missing-column')).toHaveTextContent(
      'Region split: The node reads the column "province", but the dataset has no such column',
    );
    expect(
      within(alert).getByRole('link', { name: 'Import the file again and map a column' }),
    ).toBeVisible();
    expect(
      within(alert).getByRole('link', { name: 'Change the node in the editor' }),
    ).toBeVisible();
  });

  it('names it in Chinese', async () => {
    await openRegionTeams(database(), 'zh-CN');

    const alert = await screen.findByTestId('missing-columns');
    expect(alert).toHaveTextContent('流程读取了 1 个该数据集没有的列');
    expect(within(alert).getByTestId('missing-column')).toHaveTextContent(
      '区域拆分：该节点读取列"province"，但数据集没有这一列',
    );
  });

  it('counts the leads that reached the node after a run', async () => {
    const user = userEvent.setup();
    useInProcessSimulation(database);
    await openRegionTeams(database(), 'en');
    await screen.findByTestId('missing-columns');

    await user.click(screen.getByTestId('simulation-run'));

    const reached = await screen.findByText(
      /300 leads reached this node with the column empty\./,
      {},
      { timeout: 15_000 },
    );
    expect(reached).toHaveTextContent('The node reads the column "province"');
    expect(screen.queryByText(/The flow has \d+ warnings/)).toBeNull();
  });

  it('shows nothing on the template sample leads', async () => {
    const opened = await openTemplate(findTemplate('region-teams')!, 'en');

    await renderApp(paths.simulate(opened.flow.id), 'en');

    expect(await screen.findByTestId('simulation-run')).toBeVisible();
    expect(screen.queryByTestId('missing-columns')).toBeNull();
  });
});
