import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DataPage } from '../pages/DataPage';
import { FlowsPage } from '../pages/FlowsPage';
import { SimulationPage } from '../pages/SimulationPage';
import { importWithDefaults } from '../helpers/data';
import { seedTables } from '../helpers/seed-storage';

/** Result of `sras allocate` run from the built CLI. */
export interface CliResult {
  csv: Buffer;
  summary: { total: number; assigned: number; unassigned: number; byRep: Record<string, number> };
}

/** Runs the built `sras allocate` on the same inputs the app gets. */
export function runCli(options: {
  flow: string;
  leads: string;
  reps: string;
  now: string;
  lang?: 'en' | 'zh-CN';
}): CliResult {
  const directory = mkdtempSync(join(tmpdir(), 'sras-sim-'));
  const out = join(directory, 'result.csv');
  const summary = join(directory, 'summary.json');
  execFileSync(
    process.execPath,
    [
      'packages/cli/bin/sras.js',
      'allocate',
      '--flow',
      options.flow,
      '--leads',
      options.leads,
      '--reps',
      options.reps,
      '--out',
      out,
      '--summary',
      summary,
      '--now',
      options.now,
      '--lang',
      options.lang ?? 'en',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return {
    csv: readFileSync(out),
    summary: JSON.parse(readFileSync(summary, 'utf8')) as CliResult['summary'],
  };
}

/** Parses CSV text as the result file writes it (quotes doubled, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Stores the team from a reps JSON file as the Team screen would. */
export async function seedRepsFromFile(page: Page, path: string): Promise<void> {
  const now = Date.now();
  const reps = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  await page.goto('/flows');
  await seedTables(page, {
    reps: reps.map((rep) => ({
      weight: 1,
      active: true,
      team: '',
      createdAt: now,
      updatedAt: now,
      ...rep,
    })),
  });
}

/** Imports a flow file, imports a leads file, and opens the flow's simulation. */
export async function prepareSimulation(
  page: Page,
  files: { flow: string; flowName: string; leads: string },
): Promise<SimulationPage> {
  const flows = new FlowsPage(page);
  await flows.goto();
  await flows.chooseImportFile(files.flow);
  await expect(flows.row(files.flowName)).toBeVisible();

  const data = new DataPage(page);
  await data.goto();
  await importWithDefaults(data, files.leads);

  await flows.goto();
  await flows.row(files.flowName).getByRole('link').first().click();
  await page.getByTestId('toolbar-simulate').click();
  const simulation = new SimulationPage(page);
  await expect(simulation.settings()).toBeVisible();
  return simulation;
}
