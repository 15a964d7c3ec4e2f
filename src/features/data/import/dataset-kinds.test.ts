import { describe, expect, it } from 'vitest';
import { guessKind } from './dataset-kinds';

describe('guessKind', () => {
  it('guesses deals from stage, amount and close date', () => {
    const guess = guessKind([
      'company',
      'owner',
      'stage',
      'amount',
      'createdAt',
      'closedAt',
      'source',
    ]);

    expect(guess.kind).toBe('deals');
    expect(guess.dealFields).toEqual(['stage', 'amount', 'closedAt']);
    expect(guess.leadFields).toEqual(['source']);
  });

  it('guesses leads from contact fields', () => {
    const guess = guessKind(['name', 'phone', 'email', 'company', 'source', 'province', 'owner']);

    expect(guess.kind).toBe('leads');
    expect(guess.leadFields).toEqual(['phone', 'email', 'source', 'province']);
    expect(guess.dealFields).toEqual([]);
  });

  it('needs two deal fields', () => {
    expect(guessKind(['amount']).kind).toBe('leads');
    expect(guessKind(['amount', 'remark']).kind).toBe('leads');
    expect(guessKind(['amount', 'wonFlag']).kind).toBe('deals');
  });

  it('keeps leads on a tie', () => {
    const guess = guessKind(['phone', 'source', 'amount', 'stage']);

    expect(guess.kind).toBe('leads');
  });

  it('keeps leads with one won flag among lead fields', () => {
    // The columns xeducation_Leads.csv maps: "Converted" reads as a won flag.
    const guess = guessKind(['id', 'source', 'wonFlag', 'country', 'city']);

    expect(guess.kind).toBe('leads');
    expect(guess.dealFields).toEqual(['wonFlag']);
  });

  it('never guesses existing owners', () => {
    expect(guessKind(['company', 'phone', 'owner']).kind).toBe('leads');
    expect(guessKind(['owner']).kind).toBe('leads');
  });

  it('guesses leads for no mapped field', () => {
    expect(guessKind([])).toEqual({ kind: 'leads', leadFields: [], dealFields: [] });
  });

  it('counts a field mapped twice once', () => {
    expect(guessKind(['amount', 'amount', 'phone']).dealFields).toEqual(['amount']);
  });
});
