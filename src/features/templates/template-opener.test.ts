import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { findTemplate } from './catalogue';
import { openTemplate } from './template-opener';

describe('openTemplate', () => {
  const database = useFreshDatabase();

  it('stores an editable copy with its reps, teams and sample leads', async () => {
    const template = findTemplate('region-teams')!;

    const opened = await openTemplate(template, 'zh-CN');

    const flow = await database().flows.get(opened.flow.id);
    expect(flow?.document.nodes).toEqual(template.document['zh-CN'].nodes);
    expect(flow?.name).toBe('按区域分给区域团队');
    expect(flow?.id).not.toBe(template.document['zh-CN'].id);
    expect(await database().reps.count()).toBe(template.reps.length);
    expect((await database().teams.toArray()).map((team) => team.name).sort()).toEqual(
      ['华东一组', '华中组', '华北组', '华南组', '西部组'].sort(),
    );
    expect(opened.dataset).toMatchObject({
      kind: 'leads',
      rowCount: 300,
      origin: { templateId: 'region-teams' },
    });
    const chunk = await database().datasetRows.get([opened.dataset.id, 0]);
    expect(chunk?.rows).toHaveLength(300);
  });

  it('words pool reasons and region labels in English', async () => {
    const opened = await openTemplate(findTemplate('region-teams')!, 'en');

    const nodes = (await database().flows.get(opened.flow.id))!.document.nodes;
    const pool = nodes.find((node) => node.id === 'pool');
    const regions = nodes.find((node) => node.id === 'regions');
    expect(pool?.data.reason).toBe('province unknown or team full');
    expect((regions?.data.regions as { label: string }[]).map((region) => region.label)).toEqual([
      'East China',
      'South China',
      'North China',
      'Central China',
      'Southwest China',
      'Northwest China',
      'Northeast China',
    ]);
  });

  it('stores English sample headers', async () => {
    const opened = await openTemplate(findTemplate('finance-high-value')!, 'en');

    const columns = (await database().datasets.get(opened.dataset.id))!.columns;
    expect(columns.find((column) => column.key === 'assets')?.header).toBe('Assets (10k yuan)');
  });

  it('stores Chinese sample headers', async () => {
    const opened = await openTemplate(findTemplate('finance-high-value')!, 'zh-CN');

    const columns = (await database().datasets.get(opened.dataset.id))!.columns;
    expect(columns.find((column) => column.key === 'assets')?.header).toBe('资产规模（万元）');
  });

  it('words pool reasons in Chinese', async () => {
    const opened = await openTemplate(findTemplate('daily-caps')!, 'zh-CN');

    const nodes = (await database().flows.get(opened.flow.id))!.document.nodes;
    expect(nodes.find((node) => node.id === 'overDaily')?.data.reason).toBe('超出今日配额');
  });

  it('adds reps, teams and the dataset only once', async () => {
    const template = findTemplate('even-round-robin')!;
    await openTemplate(template, 'en');
    await database().reps.update('sample-east-1', { weight: 5 });

    const second = await openTemplate(template, 'en');
    await openTemplate(findTemplate('score-and-grade')!, 'en');

    expect(second.addedReps).toBe(0);
    expect(second.datasetCreated).toBe(false);
    expect(await database().flows.count()).toBe(3);
    expect(await database().reps.count()).toBe(template.reps.length);
    expect((await database().reps.get('sample-east-1'))?.weight).toBe(5);
    expect(await database().teams.count()).toBe(1);
    expect(await database().datasets.count()).toBe(2);
  });
});
