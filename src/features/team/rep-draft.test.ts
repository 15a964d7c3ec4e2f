import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, nextRepId, repFromDraft, validateDraft } from './rep-draft';

describe('validateDraft', () => {
  it('accepts blank capacities and zero as paused', () => {
    const draft = { ...emptyDraft('r1'), name: '张伟', capacityDay: 0 };

    expect(validateDraft(draft, new Set())).toEqual({});
  });

  it('names every invalid field', () => {
    const draft = {
      ...emptyDraft(' '),
      weight: 0,
      capacityWeek: 1.5,
      employmentStart: '2026-05-01',
      employmentEnd: '2026-04-30',
      unavailable: [
        { from: '2026-12-03', to: '2026-12-01' },
        { from: 'soon', to: '' },
      ],
    };

    expect(validateDraft(draft, new Set())).toEqual({
      id: 'form.errors.idRequired',
      name: 'form.errors.nameRequired',
      weight: 'form.errors.weight',
      capacityWeek: 'form.errors.wholeNumber',
      employmentEnd: 'form.errors.endBeforeStart',
      'unavailable.0': 'form.errors.leaveOrder',
      'unavailable.1': 'form.errors.leaveDates',
    });
  });

  it('rejects a negative capacity instead of reading it as paused', () => {
    const draft = { ...emptyDraft('r1'), name: '张伟', capacityWeek: -1 };

    expect(validateDraft(draft, new Set())).toEqual({ capacityWeek: 'form.errors.wholeNumber' });
  });

  it('rejects a name longer than the name limit', () => {
    const draft = { ...emptyDraft('r1'), name: '张'.repeat(101) };

    expect(validateDraft(draft, new Set())).toEqual({ name: 'form.errors.nameTooLong' });
    expect(validateDraft({ ...draft, name: '😀'.repeat(100) }, new Set())).toEqual({});
  });

  it('rejects an id another rep has', () => {
    expect(validateDraft({ ...emptyDraft('r1'), name: 'A' }, new Set(['r1'])).id).toBe(
      'form.errors.idTaken',
    );
  });
});

describe('repFromDraft', () => {
  it('round-trips through draftOf, keeping only set capacities', () => {
    const draft = {
      ...emptyDraft('r1', '华东一组'),
      name: ' 张伟 ',
      capacityMonth: 300,
      employmentStart: '2026-03-16',
      unavailable: [{ from: '2026-12-01', to: '2026-12-03' }],
    };
    const rep = repFromDraft(draft, 5);

    expect(rep).toMatchObject({
      id: 'r1',
      name: '张伟',
      capacity: { month: 300 },
      employmentStart: '2026-03-16',
      createdAt: 5,
    });
    expect(rep).not.toHaveProperty('employmentEnd');
    expect(draftOf(rep)).toEqual({ ...draft, name: '张伟' });
  });
});

describe('nextRepId', () => {
  it('follows the highest R number and ignores other ids', () => {
    expect(nextRepId([])).toBe('R001');
    expect(nextRepId(['R009', 'E1001', 'R2'])).toBe('R010');
  });
});
