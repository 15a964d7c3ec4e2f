import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { paths } from '../../../app/paths';
import { useFreshDatabase } from '../../../test/database';
import { renderApp } from '../../../test/render-app';
import { findTemplate } from '../../templates/catalogue';
import { openTemplate } from '../../templates/template-opener';

describe('SimulationSettingsPanel', () => {
  useFreshDatabase();

  it('preselects the template customer list', async () => {
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');

    await renderApp(paths.simulate(opened.flow.id));

    const owners = await screen.findByRole('combobox', {
      name: 'Existing customers (for duplicates)',
    });
    await waitFor(() => expect(owners).toHaveValue(opened.ownersDataset?.name));
  });

  it('keeps a list the user picked', async () => {
    const user = userEvent.setup();
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');
    await renderApp(paths.simulate(opened.flow.id));
    const owners = await screen.findByRole('combobox', {
      name: 'Existing customers (for duplicates)',
    });
    await waitFor(() => expect(owners).toHaveValue(opened.ownersDataset?.name));

    await user.click(owners);
    await user.click(await screen.findByRole('option', { name: 'None' }));

    expect(owners).toHaveValue('None');
  });

  it('keeps the whole dataset label as the title of the lead picker', async () => {
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');

    await renderApp(paths.simulate(opened.flow.id));

    const picker = await screen.findByTestId('simulation-dataset');
    await waitFor(() => expect(picker.getAttribute('title')).toMatch(/\(\d[\d,]* rows\)$/));
    expect(picker.getAttribute('title')).toBe((picker as HTMLInputElement).value);
  });
});
