import { MantineProvider } from '@mantine/core';
import { validateFlow, type FlowDocument } from '@sras/engine';
import { TEXT_FIELD_KINDS } from '@sras/import';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n, type AppLanguage } from '../../../i18n/i18n';
import { FlowProblemList } from './FlowProblemList';

const document: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'flow-1',
  name: 'Mobiles first',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'f1',
      type: 'filter',
      position: { x: 200, y: 0 },
      data: { label: '手机号段', condition: { '>': [{ var: 'phone' }, 13_000_000_000] } },
    },
    { id: 'pool', type: 'pool', position: { x: 400, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'src', sourceHandle: 'out', target: 'f1' },
    { id: 'e2', source: 'f1', sourceHandle: 'match', target: 'pool' },
    { id: 'e3', source: 'f1', sourceHandle: 'else', target: 'pool' },
  ],
};

const warnings = validateFlow(document, { conditionOptions: { fieldTypes: TEXT_FIELD_KINDS } });

async function renderList(language: AppLanguage, problems = warnings) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  return render(
    <MantineProvider env="test">
      <FlowProblemList problems={problems} document={document} />
    </MantineProvider>,
  );
}

describe('FlowProblemList', () => {
  it('words each warning with the name of its node', async () => {
    await renderList('en');

    expect(
      await screen.findByText(/^手机号段: The rule compares the column "phone"/),
    ).toBeVisible();
  });

  it('words the warnings in Chinese', async () => {
    await renderList('zh-CN');

    expect(await screen.findByText(/^手机号段：该规则把列"phone"/)).toBeVisible();
  });

  it('lists ten problems and counts the rest', async () => {
    await renderList(
      'en',
      Array.from({ length: 12 }, () => warnings[0]!),
    );

    expect(await screen.findAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText('2 more not shown.')).toBeVisible();
  });
});
