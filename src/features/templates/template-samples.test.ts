import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { runSimulation } from '../simulation/engine/simulation-run';
import { toEngineRep } from '../simulation/ui/useSimulationInputs';
import { openDataset, readExistingOwners } from '../simulation/worker/dataset-source';
import { conditionOptionsOf } from '../simulation/worker/simulation.session';
import { FLOW_TEMPLATES, findTemplate } from './catalogue';
import { openTemplate } from './template-opener';
import { generateTemplateSamples } from './template-samples';

/** 7 December 2026, 10:00 in Asia/Shanghai: the week the sample leads were created. */
const NOW = Date.UTC(2026, 11, 7, 2, 0);

describe('template samples', () => {
  const database = useFreshDatabase();

  /** Opens a template and simulates it as the simulation screen does, from what was stored. */
  async function openAndSimulate(templateId: string, timeField: string | null) {
    const opened = await openTemplate(findTemplate(templateId)!, 'zh-CN');
    const db = database();
    const source = await openDataset(db, opened.dataset.id);
    const owners = opened.ownersDataset
      ? await readExistingOwners(db, opened.ownersDataset.id)
      : [];
    const reps = (await db.reps.toArray()).map(toEngineRep);
    const flow = (await db.flows.get(opened.flow.id))!;

    const outcome = await runSimulation(
      {
        flow: flow.document,
        reps,
        owners,
        startState: null,
        now: NOW,
        timeField,
        conditionOptions: conditionOptionsOf(source.dataset.columns),
      },
      source,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    return { opened, owners, run: outcome.run };
  }

  describe.each([
    ['at one time', null],
    ['at the leads’ own times', 'createdAt'],
  ] as const)('simulated %s', (_label, timeField) => {
    it.each(FLOW_TEMPLATES.map((template) => [template.id]))(
      '%s assigns leads to several reps without problems',
      async (templateId) => {
        const { run, opened } = await openAndSimulate(templateId, timeField);

        const assigned = run.summary.byReason.assigned + run.summary.byReason['existing-owner'];
        const repsWithLeads = Object.values(run.summary.byRep).filter((count) => count > 0);
        expect(run.warnings).toEqual([]);
        expect(run.columns.count).toBe(opened.dataset.rowCount);
        expect(assigned).toBeGreaterThanOrEqual(run.columns.count / 5);
        expect(repsWithLeads.length).toBeGreaterThanOrEqual(2);
        expect(run.summary.byReason['no-route']).toBe(0);
      },
    );
  });

  it('keeps the collision template’s known customers with their owners', async () => {
    const { run, owners, opened } = await openAndSimulate('collision-protection', null);

    expect(opened.ownersDataset).toMatchObject({ kind: 'owners', rowCount: 60 });
    expect(owners).toHaveLength(60);
    expect(run.summary.duplicates.keptWithExistingOwner).toBeGreaterThanOrEqual(15);
    const keptOwners = new Set<string>();
    for (let position = 0; position < run.columns.count; position += 1) {
      const result = run.columns.at(position);
      if (result.reason === 'existing-owner' && result.ownerId) keptOwners.add(result.ownerId);
    }
    // Customers of the rep who has left are not kept with that rep.
    expect([...keptOwners].sort()).toEqual(['sample-south-1', 'sample-south-2', 'sample-south-3']);
    expect(run.summary.byRep['sample-south-4'] ?? 0).toBe(0);
  });

  it('stores the customer list once and gives the same list every time', async () => {
    const template = findTemplate('collision-protection')!;
    await openTemplate(template, 'en');

    const second = await openTemplate(template, 'en');

    expect(await database().datasets.where('kind').equals('owners').count()).toBe(1);
    expect(second.ownersDataset?.name).toBe('Collision protection · sample customers');
    expect(generateTemplateSamples(template)).toEqual(generateTemplateSamples(template));
  });

  it('brings no customer list with a template without dedup', async () => {
    const opened = await openTemplate(findTemplate('even-round-robin')!, 'en');

    expect(opened.ownersDataset).toBeUndefined();
    expect(await database().datasets.where('kind').equals('owners').count()).toBe(0);
  });
});
