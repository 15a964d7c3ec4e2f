/**
 * Sample sales reps shared by the templates. The names are common Chinese
 * given names and surnames put together at random; they are not real
 * people. Ids are fixed, so opening several templates adds each rep once.
 */
import type { Rep } from '@sras/engine';

export interface SampleRep extends Rep {
  team: string;
}

function rep(
  id: string,
  name: string,
  team: string,
  weight: number,
  day: number | null,
  extra: Partial<Rep> = {},
): SampleRep {
  return {
    id: `sample-${id}`,
    name,
    team,
    active: true,
    weight,
    capacity: { day, week: day === null ? null : day * 5, month: day === null ? null : day * 22 },
    openLeads: 0,
    ...extra,
  };
}

export const SAMPLE_REPS: readonly SampleRep[] = [
  rep('east-1', '张伟', '华东一组', 2, 30),
  rep('east-2', '王芳', '华东一组', 1, 20),
  rep('east-3', '李娜', '华东一组', 1, 20),
  rep('east-4', '徐磊', '华东一组', 1, 15, {
    unavailable: [{ from: '2026-12-07', to: '2026-12-09' }],
  }),
  rep('south-1', '刘洋', '华南组', 1, 25),
  rep('south-2', '陈静', '华南组', 1, 25),
  rep('south-3', '罗丹', '华南组', 1, 15),
  // Has left the company: customers still listed under this rep go to the pool.
  rep('south-4', '梁超', '华南组', 1, 15, { active: false }),
  rep('north-1', '杨帆', '华北组', 1, 25),
  rep('north-2', '赵磊', '华北组', 1, 25),
  rep('north-3', '高宇', '华北组', 1, 20),
  rep('central-1', '黄敏', '华中组', 1, 30),
  rep('central-2', '胡斌', '华中组', 1, 30),
  rep('southwest-1', '吴昊', '西部组', 1, 25),
  rep('southwest-2', '唐雪', '西部组', 1, 25),
  rep('edu-1', '孙悦', '招生顾问组', 2, 40),
  rep('edu-2', '朱琳', '招生顾问组', 1, 30),
  rep('edu-3', '韩梅', '招生顾问组', 1, 30),
  rep('edu-4', '冯晨', '招生顾问组', 1, 30, { active: false }),
  rep('finance-1', '郭静', '财富顾问组', 2, 10),
  rep('finance-2', '何强', '财富顾问组', 2, 10),
  rep('finance-3', '林晓', '财富顾问组', 1, 20),
  rep('finance-4', '谢婷', '财富顾问组', 1, 20),
];

/** The sample reps of `team`, in list order. */
export function sampleRepsOf(team: string): SampleRep[] {
  return SAMPLE_REPS.filter((sample) => sample.team === team);
}

/** The active sample reps of `team`, in list order: those a flow assigns to. */
export function activeSampleRepsOf(team: string): SampleRep[] {
  return sampleRepsOf(team).filter((sample) => sample.active !== false);
}

/** The sample reps with the given short ids (`east-1` for `sample-east-1`). */
export function sampleRepsById(...ids: string[]): SampleRep[] {
  return ids.map((id) => {
    const found = SAMPLE_REPS.find((sample) => sample.id === `sample-${id}`);
    if (!found) throw new Error(`No sample rep sample-${id}`);
    return found;
  });
}
