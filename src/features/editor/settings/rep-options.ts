import type { TFunction } from 'i18next';
import type { Rep } from '@sras/engine';
import { repDisplayName } from '../model/node-presentation';

/** Format the local calendar day of `date` as `YYYY-MM-DD`, the format of leave dates. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Check whether one of the rep's leave periods covers `day` (`YYYY-MM-DD`, both ends inclusive). */
export function isOnLeave(rep: Rep, day: string): boolean {
  return (rep.unavailable ?? []).some((period) => period.from <= day && day <= period.to);
}

/**
 * Label a rep as an option of a picker: the name, the team, and a mark when
 * inactive or, when `day` is given, on leave that day.
 */
export function repOptionLabel(rep: Rep, t: TFunction, day?: string): string {
  const parts = [repDisplayName(rep)];
  if (rep.team) parts.push(rep.team);
  const label = parts.join(' · ');
  if (rep.active === false) return `${label} (${t('editor:settings.reps.inactive')})`;
  if (day !== undefined && isOnLeave(rep, day))
    return `${label} (${t('editor:settings.reps.onLeave')})`;
  return label;
}

/** Build the lower-cased text a rep is searched by: name, id and team. */
export function repSearchText(rep: Rep): string {
  return `${rep.name}\u0000${rep.id}\u0000${rep.team ?? ''}`.toLowerCase();
}

/**
 * Check whether a rep's search text contains every word of `search`, so that
 * "华东 张" finds 张伟 of 华东一组. An empty search matches every rep.
 */
export function matchesRepSearch(searchText: string, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/u);
  return words.every((word) => searchText.includes(word));
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
