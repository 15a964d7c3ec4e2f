import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import { createInProcessPort, textFile } from '../test/import-harness';
import { createImportWizardStore } from './import-wizard.store';

const LEADS = '姓名,手机,城市\n张三,13800000000,杭州\n李四,13900000000,上海\n';
const DEALS = '负责人,销售阶段,金额,成交日期\n张伟,赢单,80000,2027-01-25\n王芳,方案报价,50000,\n';

async function storedWizard() {
  const wizard = createImportWizardStore(createInProcessPort);
  await wizard.getState().chooseFile(textFile('leads.csv', LEADS));
  const dataset = await wizard.getState().store();
  return { wizard, dataset };
}

describe('import wizard store', () => {
  const database = useFreshDatabase();

  it('stays saved with complete progress after storing', async () => {
    const { wizard, dataset } = await storedWizard();

    expect(dataset?.rowCount).toBe(2);
    expect(await database().datasets.count()).toBe(1);
    expect(wizard.getState()).toMatchObject({
      status: 'saved',
      progress: { phase: 'storing', done: 2, total: 2 },
      runningRequest: null,
    });
  });

  it('returns from saved to idle on finish', async () => {
    const { wizard } = await storedWizard();

    wizard.getState().finish();

    expect(wizard.getState()).toMatchObject({
      status: 'idle',
      file: null,
      analysis: null,
      progress: null,
    });
  });

  it('returns from saved to idle on prepare', async () => {
    const { wizard } = await storedWizard();

    wizard.getState().prepare();

    expect(wizard.getState().status).toBe('idle');
  });

  it('leaves a review untouched on finish', async () => {
    const wizard = createImportWizardStore(createInProcessPort);
    await wizard.getState().chooseFile(textFile('leads.csv', LEADS));

    wizard.getState().finish();

    expect(wizard.getState().status).toBe('review');
    expect(wizard.getState().analysis?.report.rowCount).toBe(2);
  });

  it('takes the guessed kind of a deals file', async () => {
    const wizard = createImportWizardStore(createInProcessPort);

    await wizard.getState().chooseFile(textFile('deals.csv', DEALS));

    expect(wizard.getState().settings.kind).toBe('deals');
    expect(wizard.getState().analysis?.kindGuess?.kind).toBe('deals');
    const dataset = await wizard.getState().store();
    expect(dataset?.kind).toBe('deals');
  });

  it('stops guessing once the user picks a kind', async () => {
    const wizard = createImportWizardStore(createInProcessPort);
    await wizard.getState().chooseFile(textFile('deals.csv', DEALS));

    await wizard.getState().setKind('leads');
    await wizard.getState().mapColumn('负责人', null);

    expect(wizard.getState().settings.kind).toBe('leads');
    expect(wizard.getState().analysis?.kindGuess).toBeNull();
    expect(wizard.getState().analysis?.kindCheck.kind).toBe('leads');
  });

  it('guesses again after a remap while no kind is picked', async () => {
    const wizard = createImportWizardStore(createInProcessPort);
    await wizard.getState().chooseFile(textFile('deals.csv', DEALS));

    await wizard.getState().mapColumn('金额', null);
    await wizard.getState().mapColumn('成交日期', null);

    expect(wizard.getState().analysis?.kindGuess?.dealFields).toEqual(['stage']);
    expect(wizard.getState().settings.kind).toBe('leads');
  });
});
