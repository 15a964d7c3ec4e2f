import { describe, expect, it } from 'vitest';
import { createOwnerMatcher } from './owner-match';

const REPS = [
  { id: 'r1', name: '张伟', team: '华东一组' },
  { id: 'r2', name: '王芳', team: '华东一组' },
  { id: 'r3', name: '王芳', team: '华南组' },
  { id: 'r4', name: 'Li Na', team: '华南组' },
  { id: '张伟', name: '另一位', team: '华南组' },
];

describe('createOwnerMatcher', () => {
  it('matches by id before name', () => {
    const match = createOwnerMatcher(REPS);
    expect(match('r2')).toEqual({ kind: 'rep', repId: 'r2', by: 'id' });
    expect(match('张伟')).toEqual({ kind: 'rep', repId: '张伟', by: 'id' });
  });

  it('matches a unique name after folding spaces, case and full width', () => {
    const match = createOwnerMatcher(REPS);
    expect(match(' li  na ')).toEqual({ kind: 'rep', repId: 'r4', by: 'name' });
    expect(match('ＬＩ ＮＡ')).toEqual({ kind: 'rep', repId: 'r4', by: 'name' });
    expect(match('另一位')).toEqual({ kind: 'rep', repId: '张伟', by: 'name' });
  });

  it('lists reps sharing a name as ambiguous', () => {
    expect(createOwnerMatcher(REPS)('王芳')).toEqual({ kind: 'ambiguous', repIds: ['r2', 'r3'] });
  });

  it('reports unknown and empty owners', () => {
    const match = createOwnerMatcher(REPS);
    expect(match('老周')).toEqual({ kind: 'unknown' });
    expect(match('')).toEqual({ kind: 'unknown' });
  });

  it('matches a unique former name when no rep has it now', () => {
    const match = createOwnerMatcher([
      { id: 'r1', name: '张伟（组长）', team: '', formerNames: ['张伟'] },
      { id: 'r2', name: '李娜', team: '', formerNames: ['小李'] },
      { id: 'r3', name: '小李', team: '' },
      { id: 'r4', name: '赵六', team: '', formerNames: ['老王'] },
      { id: 'r5', name: '钱七', team: '', formerNames: ['老王'] },
    ]);
    expect(match('张伟')).toEqual({ kind: 'rep', repId: 'r1', by: 'formerName' });
    expect(match('张伟（组长）')).toEqual({ kind: 'rep', repId: 'r1', by: 'name' });
    expect(match('小李')).toEqual({ kind: 'rep', repId: 'r3', by: 'name' });
    expect(match('老王')).toEqual({ kind: 'ambiguous', repIds: ['r4', 'r5'] });
  });
});
