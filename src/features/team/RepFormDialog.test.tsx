import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { emptyDraft } from './rep-draft';
import { RepFormDialog } from './RepFormDialog';

async function renderForm() {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  const onSubmit = vi.fn();
  render(
    <MantineProvider env="test">
      <RepFormDialog
        draft={{ ...emptyDraft('R001'), name: 'Zhang Wei' }}
        mode="create"
        teamNames={[]}
        takenIds={new Set()}
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
});
