import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n, type AppLanguage } from '../../i18n/i18n';
import { NameDialog } from './NameDialog';

async function renderDialog(initialName: string, language: AppLanguage = 'en') {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  const onSubmit = vi.fn();
  const view = render(
    <MantineProvider env="test">
      <NameDialog
        opened
        title="Rename"
        label="Name"
        initialName={initialName}
        submitLabel="Save name"
        onSubmit={onSubmit}
        onClose={() => {}}
      />
    </MantineProvider>,
  );
  return { ...view, onSubmit };
}

describe('NameDialog', () => {
  it('submits the trimmed name', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderDialog('  华东线索  ');

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(onSubmit).toHaveBeenCalledWith('华东线索');
  });

  it('rejects a blank name with a message', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderDialog('   ');

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps a long pasted name whole and rejects it', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderDialog('');
    const input = screen.getByRole('textbox', { name: 'Name' });

    await user.click(input);
    await user.paste('长'.repeat(101));
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(input).toHaveValue('长'.repeat(101));
    expect(
      await screen.findByText('The name has 101 characters: use at most 100.'),
    ).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('counts an emoji as one character', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderDialog('😀'.repeat(100));

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(onSubmit).toHaveBeenCalledWith('😀'.repeat(100));
  });

  it('shows the length message in Chinese', async () => {
    const user = userEvent.setup();
    await renderDialog('长'.repeat(120), 'zh-CN');

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('名称有 120 个字符：最多 100 个。')).toBeInTheDocument();
  });
});
