import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import { createInProcessPort, textFile } from '../test/import-harness';
import { createImportWizardStore } from './import-wizard.store';

const LEADS = '姓名,手机,城市\n张三,13800000000,杭州\n李四,13900000000,上海\n';

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
});
