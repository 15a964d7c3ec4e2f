import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n, type AppLanguage } from '../../../i18n/i18n';
import type { CapNote } from '@sras/engine';
import { CapNoteList } from './CapNoteList';

const NAMES: Record<string, string> = {
  quota: '每日配额',
  overDaily: '超出今日配额',
  rotation: '轮询分配',
  rotation2: '备用轮询',
};

const QUOTA_NOTE: CapNote = {
  kind: 'quota',
  nodeId: 'quota',
  limit: 60,
  period: 'day',
  per: null,
  overflow: 9180,
  targetNodeId: 'overDaily',
  targetPoolReason: '超出今日配额',
};

const CAPACITY_NOTE: CapNote = {
  kind: 'capacity',
  nodeId: 'rotation',
  period: 'day',
  fullReps: 3,
  activeReps: 4,
  capacity: 70,
  overflow: 9170,
  targetNodeId: 'rotation2',
  targetPoolReason: null,
};

async function renderNotes(language: AppLanguage, notes: readonly CapNote[]) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  return render(
    <MantineProvider env="test">
      <CapNoteList
        notes={notes}
        nodeName={(nodeId) => NAMES[nodeId] ?? nodeId}
        fieldLabel={(field) => (field === 'city' ? '城市' : field)}
      />
    </MantineProvider>,
  );
}

describe('CapNoteList', () => {
  it('states the filled quota and capacity in English', async () => {
    await renderNotes('en', [QUOTA_NOTE, CAPACITY_NOTE]);

    const notes = await screen.findAllByTestId('cap-note');
    expect(notes[0]).toHaveTextContent(
      '“每日配额” reached its daily limit of 60 leads, so 9,180 leads went to the pool (超出今日配额).',
    );
    expect(notes[1]).toHaveTextContent(
      '3 of 4 reps of “轮询分配” reached their daily capacity (70 leads in total), so 9,170 leads went on to “备用轮询”.',
    );
    expect(screen.getByText(/raise the reps' capacity on the Team screen/)).toBeVisible();
  });

  it('states them in Chinese with the column header', async () => {
    await renderNotes('zh-CN', [{ ...QUOTA_NOTE, per: 'city' }, CAPACITY_NOTE]);

    const notes = await screen.findAllByTestId('cap-note');
    expect(notes[0]).toHaveTextContent(
      '「每日配额」对部分「城市」取值已达每日上限 60 条，因此9,180 条线索进入公海（超出今日配额）。',
    );
    expect(notes[1]).toHaveTextContent(
      '「轮询分配」的 4 名销售中有 3 名已达每日上限（合计 70 条），因此9,170 条线索转到了「备用轮询」。',
    );
  });

  it('names an unconnected overflow output', async () => {
    await renderNotes('en', [{ ...CAPACITY_NOTE, targetNodeId: null, targetPoolReason: null }]);

    expect(await screen.findByTestId('cap-note')).toHaveTextContent(
      'so 9,170 leads left by its overflow output, which is not connected.',
    );
  });

  it('renders nothing without notes', async () => {
    await renderNotes('en', []);

    expect(screen.queryByTestId('cap-notes')).toBeNull();
  });
});
