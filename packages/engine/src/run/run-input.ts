import { existingOwnerSchema, repListSchema } from '../flow/flow.schema.js';
import { describeSchemaIssue } from '../flow/schema-issue.js';
import type { ExistingOwner, Lead, Rep } from '../flow/flow.types.js';
import { createEmptyState, type AllocationState } from '../state/state.schema.js';
import { migrateState } from '../state/state.migrate.js';
import type { ZonedCalendar } from '../time/zoned-calendar.js';
import { formatFieldPath } from '../validation/field-path.js';
import { EngineInputError, type InputIssue } from './engine-input.error.js';
import type { RunInput } from './run.types.js';

/** A run's input after its checks, with defaults filled in. */
export interface PreparedRunInput {
  leads: readonly Lead[];
  reps: readonly Rep[];
  owners: readonly ExistingOwner[];
  state: AllocationState;
  nowMs: number;
  timeField: string | null;
  trace: boolean;
}

/**
 * Checks the parts of a run's input that come from hosts and storage (team,
 * existing owners, state, `now`, time field) and throws one
 * {@link EngineInputError} that lists every bad path. Leads are not checked
 * one by one: any value that is not a string, number or boolean reads as empty.
 * With `input.trusted` the team, existing owners and state are taken as
 * given, without their schema checks (see {@link RunInput.trusted}); rep ids
 * used twice, `now` and the time field are still checked.
 */
export function prepareRunInput(input: RunInput, calendar: ZonedCalendar): PreparedRunInput {
  const issues: InputIssue[] = [];
  const trusted = input.trusted === true;

  if (!Array.isArray(input.leads))
    issues.push({ path: 'leads', message: 'expected an array of leads' });
  const reps = trusted ? trustedReps(input.reps, issues) : checkReps(input.reps, issues);
  const owners = trusted ? (input.existingOwners ?? []) : checkOwners(input.existingOwners, issues);
  const state = trusted ? (input.state ?? createEmptyState()) : checkState(input.state, issues);
  const nowMs = readNow(input.now, calendar, issues);

  const timeField = input.timeField ?? null;
  if (timeField !== null && (typeof timeField !== 'string' || timeField.trim() === '')) {
    issues.push({ path: 'timeField', message: 'expected a field name or nothing' });
  }

  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; ');
    throw new EngineInputError(`Invalid run input: ${summary}`, issues);
  }
  return {
    leads: input.leads,
    reps,
    owners,
    state,
    nowMs,
    timeField,
    trace: input.trace === true,
  };
}

function checkReps(reps: unknown, issues: InputIssue[]): Rep[] {
  const parsed = repListSchema.safeParse(reps);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        path: formatFieldPath(['reps', ...issue.path]),
        message: issue.message,
        params: describeSchemaIssue(reps, issue),
      });
    }
    return [];
  }

  checkUniqueRepIds(parsed.data as Rep[], issues);
  return parsed.data as Rep[];
}

/** Takes a team that the host already checked against the rep schema. */
function trustedReps(reps: readonly Rep[], issues: InputIssue[]): readonly Rep[] {
  if (!Array.isArray(reps)) {
    issues.push({ path: 'reps', message: 'expected an array of reps' });
    return [];
  }

  checkUniqueRepIds(reps, issues);
  return reps;
}

function checkUniqueRepIds(reps: readonly Rep[], issues: InputIssue[]): void {
  const seen = new Set<string>();
  reps.forEach((rep, index) => {
    if (seen.has(rep.id)) {
      issues.push({
        path: `reps[${index}].id`,
        message: `rep id "${rep.id}" is used twice`,
        params: { issue: 'duplicate-rep-id', id: rep.id },
      });
    }
    seen.add(rep.id);
  });
}

function checkOwners(owners: unknown, issues: InputIssue[]): ExistingOwner[] {
  if (owners === undefined || owners === null) return [];
  if (!Array.isArray(owners)) {
    issues.push({ path: 'existingOwners', message: 'expected an array of owner rows' });
    return [];
  }

  const valid: ExistingOwner[] = [];
  owners.forEach((row: unknown, index) => {
    const parsed = existingOwnerSchema.safeParse(row);
    if (parsed.success) {
      valid.push(parsed.data as ExistingOwner);
      return;
    }
    for (const issue of parsed.error.issues) {
      issues.push({
        path: formatFieldPath(['existingOwners', index, ...issue.path]),
        message: issue.message,
        params: describeSchemaIssue(row, issue),
      });
    }
  });
  return valid;
}

function checkState(state: unknown, issues: InputIssue[]): AllocationState {
  if (state === undefined || state === null) return createEmptyState();

  const loaded = migrateState(state);
  if (loaded.ok) return loaded.state;
  for (const issue of loaded.issues) {
    issues.push({
      path: formatFieldPath(['state', ...(issue.path === '' ? [] : [issue.path])]),
      message: issue.message,
      ...(issue.params === undefined ? {} : { params: issue.params }),
    });
  }
  return createEmptyState();
}

function readNow(now: unknown, calendar: ZonedCalendar, issues: InputIssue[]): number {
  let epochMs: number | null = null;
  if (typeof now === 'number') epochMs = now;
  else if (now instanceof Date) epochMs = now.getTime();
  else if (typeof now === 'string') epochMs = calendar.parseTime(now);

  if (epochMs === null || !Number.isFinite(epochMs)) {
    issues.push({
      path: 'now',
      message:
        'expected the allocation time as epoch milliseconds, a Date, or text such as 2024-05-02T09:00:00+08:00',
    });
    return 0;
  }
  return epochMs;
}
