import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n, type AppLanguage } from '../../i18n/i18n';
import { isSameName } from './name-limits';
import { NameDialog } from './NameDialog';

async function renderDialog(
  initialName: string,
  language: AppLanguage = 'en',
  validate?: (name: string) => string | null,
) {
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
        validate={validate}
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

  it('shows a duplicate at the field and keeps the typed name', async () => {
    const user = userEvent.setup();
    const taken = (name: string) =>
      isSameName(name, '华东组') ? `已有名为 ${name} 的团队。` : null;
    const { onSubmit } = await renderDialog('华南组', 'zh-CN', taken);
    const input = screen.getByRole('textbox', { name: /Name/ });

    await user.clear(input);
    await user.type(input, ' 华东组 ');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('已有名为 华东组 的团队。')).toBeTruthy();
    expect(input).toHaveProperty('value', ' 华东组 ');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('passes the trimmed name to validate', async () => {
    const user = userEvent.setup();
    const validate = vi.fn(() => null);
    const { onSubmit } = await renderDialog('  Sales  ', 'en', validate);

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(validate).toHaveBeenCalledWith('Sales');
    expect(onSubmit).toHaveBeenCalledWith('Sales');
  });
});

describe('NameDialog draft', () => {
  function dialog(opened: boolean, initialName: string) {
    return (
      <MantineProvider env="test">
        <NameDialog
          opened={opened}
          title="Rename"
          label="Name"
          initialName={initialName}
          submitLabel="Save name"
          onSubmit={() => {}}
          onClose={() => {}}
          draftKey="test.name"
        />
      </MantineProvider>
    );
  }

  it('restores the typed name after a remount', async () => {
    await initI18n('en').changeLanguage('en');
    const user = userEvent.setup();
    const first = render(dialog(true, 'East'));
    await user.type(screen.getByRole('textbox'), ' leads');

    first.unmount();
    render(dialog(true, 'East'));

    expect(await screen.findByRole('textbox')).toHaveValue('East leads');
  });

  it('starts from the new name after closing', async () => {
    await initI18n('en').changeLanguage('en');
    const user = userEvent.setup();
    const view = render(dialog(true, 'East'));
    await user.type(screen.getByRole('textbox'), ' leads');

    view.rerender(dialog(false, 'East'));
    view.rerender(dialog(true, 'South'));

    expect(await screen.findByRole('textbox')).toHaveValue('South');
  });
});
