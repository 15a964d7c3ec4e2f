import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeGb18030Leads } from './china-leads';
import { prepareSimulation, seedRepsFromFile } from './simulation-helpers';
import type { SimulationPage } from '../pages/SimulationPage';

const FIXTURES = 'e2e/simulation/fixtures';
const NODES = ['src', 'score', 'filter', 'region', 'southRobin', 'eastRobin', 'others'];
const EDGES = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'];

/** Runs the trade-show flow on generated GB18030 leads at a fixed time. */
async function runChinaFlow(page: Page, rows = 300): Promise<SimulationPage> {
  const directory = mkdtempSync(join(tmpdir(), 'sras-canvas-'));
  const leads = join(directory, '展会线索.csv');
  writeGb18030Leads(leads, rows);
  await seedRepsFromFile(page, `${FIXTURES}/china-reps.json`);
  const simulation = await prepareSimulation(page, {
    flow: `${FIXTURES}/china-flow.json`,
    flowName: '展会线索分区轮询',
    leads,
  });
  await simulation.setTime('2026-12-02T10:00');
  await simulation.run();
  return simulation;
}

/** The number on a node's count badge, without digit grouping. */
async function nodeCount(simulation: SimulationPage, nodeId: string): Promise<number> {
  const text = await simulation.canvas().getByTestId(`simulation-count-${nodeId}`).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Chooses an option of one of the results table's filter selects. */
async function chooseFilter(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('simulation results', () => {
  test.setTimeout(120_000);

  test('draws counts on every node and edge and lights up a route', async ({ page }) => {
    const simulation = await runChinaFlow(page);
    const canvas = simulation.canvas();

    for (const nodeId of NODES) {
      await expect(canvas.getByTestId(`simulation-count-${nodeId}`)).toHaveText(/^\d[\d,]*$/);
    }
    for (const edgeId of EDGES) {
      await expect(canvas.getByTestId(`rf__edge-${edgeId}`)).toContainText(/\d/);
    }
    await expect(page.getByTestId('simulation-result-dataset')).toHaveText(
      /^Results of 展会线索 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 300 rows$/,
    );
    await expect(canvas.getByTestId('simulation-count-src')).toHaveText('300');
    await expect(canvas.getByTestId('rf__edge-e1')).toContainText('300');
    // What leaves the filter is what it matched plus what it did not.
    expect(await nodeCount(simulation, 'filter')).toBe(300);
    await expect(canvas.locator('[data-on-route]')).toHaveCount(0);

    await simulation.openTab('tab-leads');
    // The first lead came from a trade show in 广东省, so it went through the 华南 round robin.
    await simulation.search('张先生0');
    await expect(simulation.rows()).toHaveCount(1);
    await simulation.selectFirstRow();

    for (const nodeId of ['src', 'score', 'filter', 'region', 'southRobin']) {
      await expect(canvas.getByTestId(`flow-node-${nodeId}`)).toHaveAttribute('data-on-route');
    }
    for (const nodeId of ['eastRobin', 'others']) {
      await expect(canvas.getByTestId(`flow-node-${nodeId}`)).not.toHaveAttribute('data-on-route');
    }
    for (const edgeId of ['e1', 'e2', 'e3', 'e5']) {
      await expect(canvas.getByTestId(`rf__edge-${edgeId}`)).toHaveClass(/\banimated\b/);
    }
    for (const edgeId of ['e4', 'e6', 'e7', 'e8', 'e9']) {
      await expect(canvas.getByTestId(`rf__edge-${edgeId}`)).not.toHaveClass(/\banimated\b/);
    }
  });

  test('filters the leads by owner, node and outcome', async ({ page }) => {
    const simulation = await runChinaFlow(page);
    const liNa = await page.getByTestId('rep-assigned-r1').innerText();
    const pooled = await nodeCount(simulation, 'others');
    const south = await nodeCount(simulation, 'southRobin');

    await simulation.openTab('tab-leads');
    await expect(page.getByTestId('results-count')).toHaveText('300 leads');

    await chooseFilter(page, 'results-owner-filter', '李娜');
    await expect(page.getByTestId('results-count')).toHaveText(new RegExp(`^${liNa} leads?$`));
    await expect(simulation.rows().first()).toContainText('李娜');
    // Choosing the selected option again clears the filter.
    await chooseFilter(page, 'results-owner-filter', '李娜');
    await expect(page.getByTestId('results-count')).toHaveText('300 leads');

    await chooseFilter(page, 'results-node-filter', '华南组');
    await expect(page.getByTestId('results-count')).toHaveText(new RegExp(`^${south} leads?$`));
    await chooseFilter(page, 'results-node-filter', '华南组');

    await chooseFilter(page, 'results-reason-filter', 'Pool');
    await expect(page.getByTestId('results-count')).toHaveText(new RegExp(`^${pooled} leads?$`));

    await simulation.search('张先生0');
    await expect(page.getByTestId('results-count')).toHaveText('0 leads');
  });

  test('saves a run, applies it and continues from its state', async ({ page }) => {
    // 302 leads send an odd number of leads (71) to the 华南 round robin of
    // two reps, so a run that continues from this one starts with the other rep.
    const simulation = await runChinaFlow(page, 302);
    expect(await nodeCount(simulation, 'southRobin')).toBe(71);
    const assigned = await simulation.cardNumber('assigned');
    await simulation.openTab('tab-leads');
    await simulation.search('张先生0');
    await expect(simulation.rows().first()).toContainText('李娜');

    await page.getByTestId('save-run').click();
    await page.getByTestId('save-run-name').fill('第一批');
    await page.getByTestId('save-run-confirm').click();
    await simulation.openTab('tab-runs');
    const run = page.getByTestId('saved-runs').getByRole('row', { name: /第一批/ });
    await expect(run).toContainText('Simulation');

    await run.getByRole('button', { name: 'Status' }).click();
    await page.getByRole('menuitem', { name: 'Mark as applied' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as applied' }).click();
    await expect(run).toContainText('Applied');

    const continued = page.getByRole('radio', { name: /^Continue from the last applied run/ });
    await expect(continued).toBeEnabled();
    await continued.check();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await simulation.run();
    // The worker reads the applied run's state by its id: same counts, other rep first.
    expect(await simulation.cardNumber('total')).toBe(302);
    expect(await simulation.cardNumber('assigned')).toBe(assigned);
    expect(await nodeCount(simulation, 'southRobin')).toBe(71);
    await simulation.openTab('tab-leads');
    await simulation.search('张先生0');
    await expect(simulation.rows()).toHaveCount(1);
    await expect(simulation.rows().first()).toContainText('王芳');

    // Saved and opened again after a reload, the continued run starts from the
    // same stored state, which the list reports by size without reading it.
    await page.getByTestId('save-run').click();
    await page.getByTestId('save-run-name').fill('第二批');
    await page.getByTestId('save-run-confirm').click();
    await simulation.openTab('tab-runs');
    const second = page.getByTestId('saved-runs').getByRole('row', { name: /第二批/ });
    await expect(second).toContainText('Simulation');
    await expect(second.getByTestId('saved-run-state-size')).toHaveText('state: 0 dedup keys');
    // After a reload the screen has no result and lists the saved runs at once.
    await page.reload();
    await page
      .getByTestId('saved-runs')
      .getByRole('row', { name: /第二批/ })
      .getByRole('button', { name: 'Open' })
      .click();
    await expect(page.getByTestId('card-total')).toBeVisible({ timeout: 60_000 });
    expect(await simulation.cardNumber('assigned')).toBe(assigned);
    await simulation.openTab('tab-leads');
    await simulation.search('张先生0');
    await expect(simulation.rows()).toHaveCount(1);
    await expect(simulation.rows().first()).toContainText('王芳');
  });
});
