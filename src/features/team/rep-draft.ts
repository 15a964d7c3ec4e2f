/**
 * The rep form's values and their checks. Capacity semantics follow the
 * allocation engine: an empty capacity means no limit, 0 pauses the rep for
 * that period. Dates are calendar days, `YYYY-MM-DD`.
 */
import { readDate, type DateRange } from '@sras/import';
import { isNameTooLong } from '../../app/forms/name-limits';
import type { RepRecord } from '../../storage/records';
import { normaliseName } from '../dashboard/owner-match';

export interface RepDraft {
  id: string;
  name: string;
  team: string;
  active: boolean;
  weight: number | null;
  capacityDay: number | null;
  capacityWeek: number | null;
  capacityMonth: number | null;
  openLeads: number | null;
  unavailable: DateRange[];
  employmentStart: string;
  employmentEnd: string;
}

/** i18n keys (namespace `team`) of the problems of a draft, by field; `unavailable.N` for leave row N. */
export type RepDraftErrors = Partial<Record<string, string>>;

/** Employment dates as the targets feature reads them from a rep. */
export interface EmploymentDates {
  employmentStart?: string;
  employmentEnd?: string;
}

/** A stored rep with its optional employment dates. */
export type StoredRep = RepRecord & EmploymentDates;

/**
 * `next` with the names `previous` had: when the name changes, the old name
 * joins `formerNames`, so deal files that still name the rep by it keep
 * counting for the rep. A name given back is no longer a former name.
 */
export function withFormerNames(previous: StoredRep, next: StoredRep): StoredRep {
  const kept = previous.formerNames ?? [];
  const names = previous.name === next.name ? kept : [...kept, previous.name];
  const formerNames = [...new Set(names)].filter((name) => name !== next.name && name !== '');
  const { formerNames: _dropped, ...rest } = next;
  return formerNames.length > 0 ? { ...rest, formerNames } : rest;
}

/**
 * The other reps whose name matches `name` the way deal owners are matched
 * (ignoring spaces, case and full width). Two people may share a name, but
 * then a deal file must name them by id.
 */
export function namesakes<T extends { id: string; name: string }>(
  name: string,
  others: readonly T[],
): T[] {
  const key = normaliseName(name);
  return key === '' ? [] : others.filter((other) => normaliseName(other.name) === key);
}

/** A short id for a new rep, `R001`, `R002` …, after the highest such id in use. */
export function nextRepId(existingIds: Iterable<string>): string {
  let highest = 0;
  for (const id of existingIds) {
    const match = /^R(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `R${String(highest + 1).padStart(3, '0')}`;
}

export function emptyDraft(id: string, team = ''): RepDraft {
  return {
    id,
    name: '',
    team,
    active: true,
    weight: 1,
    capacityDay: null,
    capacityWeek: null,
    capacityMonth: null,
    openLeads: 0,
    unavailable: [],
    employmentStart: '',
    employmentEnd: '',
  };
}

export function draftOf(rep: StoredRep): RepDraft {
  return {
    id: rep.id,
    name: rep.name,
    team: rep.team,
    active: rep.active ?? true,
    weight: rep.weight ?? 1,
    capacityDay: rep.capacity?.day ?? null,
    capacityWeek: rep.capacity?.week ?? null,
    capacityMonth: rep.capacity?.month ?? null,
    openLeads: rep.openLeads ?? 0,
    unavailable: rep.unavailable ?? [],
    employmentStart: rep.employmentStart ?? '',
    employmentEnd: rep.employmentEnd ?? '',
  };
}

/** Checks a draft; `takenIds` are the ids of other reps. Returns no keys when it is valid. */
export function validateDraft(draft: RepDraft, takenIds: ReadonlySet<string>): RepDraftErrors {
  const errors: RepDraftErrors = {};
  const id = draft.id.trim();
  if (id === '') errors.id = 'form.errors.idRequired';
  else if (takenIds.has(id)) errors.id = 'form.errors.idTaken';
  if (draft.name.trim() === '') errors.name = 'form.errors.nameRequired';
  else if (isNameTooLong(draft.name.trim())) errors.name = 'form.errors.nameTooLong';
  if (draft.weight === null || !(draft.weight > 0)) errors.weight = 'form.errors.weight';

  for (const field of ['capacityDay', 'capacityWeek', 'capacityMonth', 'openLeads'] as const) {
    const value = draft[field];
    if (value !== null && (!Number.isInteger(value) || value < 0))
      errors[field] = 'form.errors.wholeNumber';
  }

  const start = checkDate(draft.employmentStart);
  const end = checkDate(draft.employmentEnd);
  if (start === false) errors.employmentStart = 'form.errors.date';
  if (end === false) errors.employmentEnd = 'form.errors.date';
  if (start && end && end < start) errors.employmentEnd = 'form.errors.endBeforeStart';

  draft.unavailable.forEach((range, index) => {
    const from = checkDate(range.from);
    const to = checkDate(range.to);
    if (!from || !to) errors[`unavailable.${index}`] = 'form.errors.leaveDates';
    else if (to < from) errors[`unavailable.${index}`] = 'form.errors.leaveOrder';
  });
  return errors;
}

/** A normalised day, null for blank, or false for text that is not a day. */
function checkDate(text: string): string | null | false {
  const read = readDate(text);
  return read.ok ? read.value : false;
}

/** The rep a valid draft describes, keeping bookkeeping of `existing`. */
export function repFromDraft(draft: RepDraft, now: number, existing?: StoredRep): StoredRep {
  const capacity: NonNullable<RepRecord['capacity']> = {};
  if (draft.capacityDay !== null) capacity.day = draft.capacityDay;
  if (draft.capacityWeek !== null) capacity.week = draft.capacityWeek;
  if (draft.capacityMonth !== null) capacity.month = draft.capacityMonth;
  const start = checkDate(draft.employmentStart);
  const end = checkDate(draft.employmentEnd);

  const {
    employmentStart: _start,
    employmentEnd: _end,
    ...kept
  } = existing ?? ({} as Partial<StoredRep>);
  return {
    ...kept,
    id: draft.id.trim(),
    name: draft.name.trim(),
    team: draft.team.trim(),
    active: draft.active,
    weight: draft.weight ?? 1,
    capacity,
    openLeads: draft.openLeads ?? 0,
    unavailable: draft.unavailable.map((range) => ({
      from: (checkDate(range.from) || range.from) as string,
      to: (checkDate(range.to) || range.to) as string,
    })),
    ...(start ? { employmentStart: start } : {}),
    ...(end ? { employmentEnd: end } : {}),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}
