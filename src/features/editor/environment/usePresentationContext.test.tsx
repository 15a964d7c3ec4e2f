import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { FlowNode } from '@sras/engine';
import { initI18n } from '../../../i18n/i18n';
import { describeNode } from '../model/node-presentation';
import { EditorEnvironmentProvider, type DatasetColumn } from './EditorEnvironment';
import { usePresentationContext } from './usePresentationContext';
import { datasetColumnsOf } from './useStoredEnvironment';

const FILTER: FlowNode = {
  id: 'rich',
  type: 'filter',
  position: { x: 0, y: 0 },
  data: { condition: { '>=': [{ var: 'assets' }, 300] } },
};

async function contextWith(datasetColumns: readonly DatasetColumn[]) {
  const i18n = initI18n('zh-CN');
  await i18n.changeLanguage('zh-CN');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <EditorEnvironmentProvider reps={[]} datasetColumns={datasetColumns} problems={[]}>
      {children}
    </EditorEnvironmentProvider>
  );
  return renderHook(() => usePresentationContext(), { wrapper }).result.current;
}

describe('usePresentationContext', () => {
  it('names a dataset column by its header', async () => {
    const columns = datasetColumnsOf([
      {
        columns: [
          { key: 'assets', header: '资产规模（万元）', type: 'number' },
          { key: 'city', header: '所在城市', field: 'city', type: 'text' },
        ],
      },
    ]);
    const context = await contextWith(columns);

    expect(describeNode(FILTER, context)).toBe('资产规模（万元） ≥ 300');
    expect(context.fieldLabel('city')).toBe('城市');
  });

  it('keeps the key of a field no dataset has', async () => {
    const context = await contextWith([]);

    expect(describeNode(FILTER, context)).toBe('assets ≥ 300');
  });
});
