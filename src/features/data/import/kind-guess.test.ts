import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import { createSessionHarness, realFile, textFile } from '../test/import-harness';

/** Won and open deals with stage, amount and close-date columns, as a CRM exports them. */
function dealsFile(): File {
  const path = resolve(process.cwd(), 'e2e/fixtures/deals/won-deals-2027q1.csv');
  return new File([readFileSync(path)], 'won-deals-2027q1.csv');
}

const ENGLISH_DEALS = [
  'Owner,Company,Amount,Stage,Close Date,Won,Created At',
  'r1,Cloud Start Ltd,80000,Closed Won,2027-03-03,Yes,2027-02-20',
  'r1,Bright Education,,Proposal,,No,2027-03-05',
].join('\n');

async function guessOf(file: File, settings: { guessKind?: boolean; kind?: 'leads' } = {}) {
  const harness = createSessionHarness();
  await harness.open(file);
  return harness.parse({ guessKind: true, ...settings });
}

describe('kind guess of the import session', () => {
  useFreshDatabase();

  it('guesses deals for a CRM deals export', async () => {
    const analysis = await guessOf(dealsFile());

    expect(analysis.kindGuess?.kind).toBe('deals');
    expect(analysis.kindGuess?.dealFields).toEqual(['stage', 'amount', 'closedAt']);
    expect(analysis.kindCheck.kind).toBe('deals');
    expect(analysis.kindCheck.ok).toBe(true);
  });

  it('reads a guessed deals table as deals', async () => {
    const analysis = await guessOf(dealsFile());

    // Deals read amounts as numbers and close dates as dates.
    const typeOf = (field: string) =>
      analysis.columns.find((column) => column.field === field)?.type;
    expect(typeOf('amount')).toBe('number');
    expect(typeOf('closedAt')).toBe('date');
    // Only leads expect a phone or e-mail column.
    expect(analysis.report.issues.some((issue) => issue.code === 'no-contact-column')).toBe(false);
  });

  it('guesses deals for English headers', async () => {
    const analysis = await guessOf(textFile('deals.csv', ENGLISH_DEALS));

    expect(analysis.kindGuess?.kind).toBe('deals');
    expect(analysis.kindGuess?.dealFields).toEqual(['amount', 'stage', 'closedAt', 'wonFlag']);
  });

  it('guesses leads for xeducation_Leads.csv', async () => {
    const analysis = await guessOf(realFile('xeducation_Leads.csv'));

    expect(analysis.kindGuess?.kind).toBe('leads');
    expect(analysis.kindGuess?.leadFields).toEqual(['source', 'country', 'city']);
    expect(analysis.kindCheck.kind).toBe('leads');
  });

  it('guesses leads for the 5kcrm leads template', async () => {
    const analysis = await guessOf(realFile('5kcrm_leads_model.xls'));

    expect(analysis.kindGuess?.kind).toBe('leads');
    expect(analysis.kindGuess?.dealFields).toEqual([]);
    expect(analysis.kindGuess?.leadFields).toContain('phone');
  });

  it('guesses leads for the jsherp customer template', async () => {
    const analysis = await guessOf(realFile('jsherp_customer_template.xls'));

    expect(analysis.kindGuess?.kind).toBe('leads');
  });

  it('keeps the kind the user picked', async () => {
    const analysis = await guessOf(dealsFile(), { guessKind: false, kind: 'leads' });

    expect(analysis.kindGuess).toBeNull();
    expect(analysis.kindCheck.kind).toBe('leads');
  });
});
