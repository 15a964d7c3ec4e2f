import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { emptyDraft } from './rep-draft';
import { RepFormDialog } from './RepFormDialog';

async function renderForm(
  otherReps: { id: string; name: string }[] = [],
  language: 'en' | 'zh-CN' = 'en',
) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  const onSubmit = vi.fn();
  render(
    <MantineProvider env="test">
      <RepFormDialog
        draft={{ ...emptyDraft('R001'), name: 'Zhang Wei' }}
        mode="create"
        teamNames={[]}
        takenIds={new Set()}
        otherReps={otherReps}
        onSubmit={onSubmit}
        onClose={() => undefined}
      />
    </MantineProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('RepFormDialog', () => {
  it('keeps a negative weekly cap and rejects it at the field', async () => {
    const { onSubmit, user } = await renderForm();
    const week = await screen.findByRole('textbox', { name: 'Per week' });

    await user.type(week, '-1');
    await user.tab();
    expect(week).toHaveValue('-1');
    await user.click(screen.getByRole('button', { name: 'Add rep' }));

    expect(
      await screen.findByText('Enter a whole number of 0 or more, or leave it empty.'),
    ).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps a negative weight and rejects it at the field', async () => {
    const { onSubmit, user } = await renderForm();
    const weight = await screen.findByRole('textbox', { name: /Weight/ });

    await user.clear(weight);
    await user.type(weight, '-2');
    await user.tab();
    expect(weight).toHaveValue('-2');
    await user.click(screen.getByRole('button', { name: 'Add rep' }));

    expect(await screen.findByText('Enter a number greater than 0.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('warns about a name another rep has and still saves', async () => {
    const { onSubmit, user } = await renderForm([
      { id: 'r1', name: 'zhang  wei' },
      { id: 'r2', name: 'Li Na' },
    ]);

    const warning = await screen.findByTestId('rep-name-shared');
    expect(warning).toHaveTextContent('Another rep already has this name: zhang wei (id r1).');
    expect(warning).toHaveTextContent('owners in deal files must then be written as rep ids');
    await user.click(screen.getByRole('button', { name: 'Add rep' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('warns about a shared name in Chinese', async () => {
    await renderForm([{ id: 'r1', name: 'Zhang Wei' }], 'zh-CN');

    expect(await screen.findByTestId('rep-name-shared')).toHaveTextContent(
      '已有销售叫这个名字：Zhang Wei（编号 r1）。可以保存',
    );
  });

  it('shows no warning for a name of its own', async () => {
    await renderForm([{ id: 'r2', name: 'Li Na' }]);
    await screen.findByRole('button', { name: 'Add rep' });
    expect(screen.queryByTestId('rep-name-shared')).toBeNull();
  });
});
