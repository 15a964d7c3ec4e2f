import type { TFunction } from 'i18next';
import type { Rep } from '@sras/engine';
import { repDisplayName } from '../model/node-presentation';

/** A rep as an option of a picker: the name, the team, and a mark when inactive. */
export function repOptionLabel(rep: Rep, t: TFunction): string {
  const parts = [repDisplayName(rep)];
  if (rep.team) parts.push(rep.team);
  const label = parts.join(' · ');
  return rep.active === false ? `${label} (${t('editor:settings.reps.inactive')})` : label;
}

/** Team names of the reps, sorted, without blanks. */
export function teamsOf(reps: readonly Rep[]): string[] {
  const teams = new Set(reps.map((rep) => rep.team?.trim() ?? '').filter((team) => team !== ''));
  return [...teams].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Active reps of a team that are not yet among `chosen`, in directory order. */
export function teamMembersToAdd(
  reps: readonly Rep[],
  team: string,
  chosen: ReadonlySet<string>,
): Rep[] {
  return reps.filter(
    (rep) => rep.team?.trim() === team && rep.active !== false && !chosen.has(rep.id),
  );
}
