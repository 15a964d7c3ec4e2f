/**
 * User-facing text for the targets feature's problems and notices, from the
 * `targets` catalogue.
 */
import type { TFunction } from 'i18next';
import type { TableProblem } from './grid-table';
import { listGridRows, MAX_PLAN_TOTAL } from './plan-grid';
import type {
  CellRef,
  PlanPerson,
  PlanSplitNote,
  TargetNotice,
  TargetPlan,
  TargetProblem,
} from './target-plan.types';

function rowName(t: TFunction, plan: Pick<TargetPlan, 'teams' | 'people'>, rowKey: string): string {
  if (rowKey === 'company') return t('targets:grid.company');
  const row = listGridRows(plan).find((candidate) => candidate.key === rowKey);
  if (!row) return rowKey;
  if (row.kind === 'team' && row.label === '') return t('targets:grid.noTeam');
  return row.label;
}

/** Describes a cell as "张伟 · 3月". */
export function describeCell(
  t: TFunction,
  plan: Pick<TargetPlan, 'teams' | 'people'>,
  cell: CellRef,
): string {
  return `${rowName(t, plan, cell.row)} · ${t(`targets:columns.${cell.column}`)}`;
}

/** One sentence for a problem that stopped a plan from being built or changed. */
export function describeTargetProblem(
  t: TFunction,
  problem: TargetProblem,
  plan: Pick<TargetPlan, 'teams' | 'people'>,
  formatAmount: (value: number) => string,
): string {
  const personName = (id: string) => plan.people.find((person) => person.id === id)?.name ?? id;

  switch (problem.code) {
    case 'unknown-cell':
    case 'invalid-value':
    case 'cell-locked':
    case 'inactive-cell':
    case 'no-unlocked-cells':
      return t(`targets:problems.${problem.code}`, { cell: describeCell(t, plan, problem.cell) });
    case 'total-too-large':
      return t('targets:problems.total-too-large', {
        cell: describeCell(t, plan, problem.cell),
        maximum: formatAmount(problem.maximum),
        limit: formatAmount(MAX_PLAN_TOTAL),
      });
    case 'invalid-total':
    case 'plan-values-invalid':
      return t(`targets:problems.${problem.code}`, {
        total: formatAmount(problem.total),
        limit: formatAmount(MAX_PLAN_TOTAL),
      });
    case 'locked-exceeds-total':
      return t('targets:problems.locked-exceeds-total', {
        cell: describeCell(t, plan, problem.cell),
        requested: formatAmount(problem.requested),
        locked: formatAmount(problem.locked),
      });
    case 'not-enough-to-offset':
      return t('targets:problems.not-enough-to-offset', {
        cell: describeCell(t, plan, problem.cell),
        lockedCell: describeCell(t, plan, problem.lockedCell),
        maximum: formatAmount(problem.maximum),
      });
    case 'duplicate-person':
    case 'invalid-weight':
    case 'invalid-employment-date':
    case 'employment-ends-before-start':
      return t(`targets:problems.${problem.code}`, {
        ...problem,
        name: personName(problem.personId),
      });
    case 'invalid-manual-amount':
    case 'manual-amount-without-active-month':
      return t(`targets:problems.${problem.code}`, {
        name: rowName(t, plan, problem.row),
        amount: problem.amount,
      });
    case 'team-row-gains-reps':
      return t('targets:problems.team-row-gains-reps', { name: rowName(t, plan, problem.row) });
    case 'manual-sum-mismatch':
      return t('targets:problems.manual-sum-mismatch', {
        expected: formatAmount(problem.expected),
        actual: formatAmount(problem.actual),
      });
    case 'plan-not-draft':
      return t('targets:problems.plan-not-draft', {
        status: t(`targets:status.${problem.status}`),
      });
    case 'invalid-month-weights':
      if (problem.month !== undefined)
        return t('targets:problems.invalid-month-weight', { month: problem.month });
      return t('targets:problems.invalid-month-weights');
    default:
      return t(`targets:problems.${problem.code}`, { ...problem });
  }
}

/** One sentence for a notice about a plan that was built anyway. */
export function describeTargetNotice(
  t: TFunction,
  notice: TargetNotice,
  plan: Pick<TargetPlan, 'teams' | 'people'>,
  formatAmount: (value: number) => string,
): string {
  const months = (list: number[]) =>
    list.map((month) => t(`targets:columns.m${month}`)).join(t('targets:listSeparator'));
  const rows = (list: string[]) =>
    list.map((row) => rowName(t, plan, row)).join(t('targets:listSeparator'));

  switch (notice.code) {
    case 'months-without-people':
    case 'negative-actuals-ignored':
      return t(`targets:notices.${notice.code}`, { months: months(notice.months) });
    case 'people-without-results':
      return t('targets:notices.people-without-results', {
        names: rows(notice.rows),
        assumed: formatAmount(notice.assumed),
      });
    case 'rows-inactive-all-year':
      return t('targets:notices.rows-inactive-all-year', { names: rows(notice.rows) });
  }
}

/** Describes in one sentence a note kept with a plan about how it was split. */
export function describeSplitNote(
  t: TFunction,
  note: PlanSplitNote,
  plan: Pick<TargetPlan, 'teams' | 'people'>,
  formatAmount: (value: number) => string,
): string {
  switch (note.code) {
    case 'skipped-rows':
      return t('targets:notices.skippedRows', { count: note.count });
    case 'negative-rows':
      return t('targets:notices.negativeRows', {
        count: note.count,
        dataset: note.datasetName,
        column: note.amountColumn,
        row: note.firstRow,
      });
    case 'unmatched-owners': {
      const names = note.owners.join(t('targets:listSeparator'));
      const more = note.total - note.owners.length;
      return more > 0
        ? t('targets:notices.unmatchedOwnersMore', { names, count: more })
        : t('targets:notices.unmatchedOwners', { names });
    }
    default:
      return describeTargetNotice(t, note, plan, formatAmount);
  }
}

/** One sentence for a problem in an imported grid file; amounts through `formatAmount`. */
export function describeTableProblem(
  t: TFunction,
  problem: TableProblem | { code: 'plan-not-draft' },
  formatAmount: (value: number) => string,
): string {
  switch (problem.code) {
    case 'inactive-cell':
      return t('targets:tableProblems.inactive-cell', {
        ...problem,
        value: formatAmount(problem.value),
      });
    case 'locked-cell-changed':
    case 'total-mismatch':
      return t(`targets:tableProblems.${problem.code}`, {
        ...problem,
        expected: formatAmount(problem.expected),
        found: formatAmount(problem.found),
      });
    case 'total-too-large':
      return t('targets:tableProblems.total-too-large', {
        total: formatAmount(problem.total),
        limit: formatAmount(problem.limit),
      });
    case 'missing-column':
      return t('targets:tableProblems.missing-column', {
        column:
          problem.column === 'rowKey'
            ? t('targets:table.rowKey')
            : t(`targets:columns.${problem.column}`),
      });
    default:
      return t(`targets:tableProblems.${problem.code}`, { ...problem });
  }
}

/**
 * One sentence per problem with an imported grid file, then the advice on
 * totals once when any total does not match its parts.
 */
export function describeTableProblems(
  t: TFunction,
  problems: readonly (TableProblem | { code: 'plan-not-draft' })[],
  formatAmount: (value: number) => string,
): string[] {
  const lines = problems.map((problem) => describeTableProblem(t, problem, formatAmount));
  if (problems.some((problem) => problem.code === 'total-mismatch'))
    lines.push(t('targets:tableProblems.totalsAdvice'));
  return lines;
}

/** Counts reps and their teams in words, such as "7 reps in 2 teams, 1 in no team". */
export function describePeopleCount(
  t: TFunction,
  people: readonly Pick<PlanPerson, 'team'>[],
): string {
  const teams = new Set(people.map((person) => person.team).filter((team) => team !== '')).size;
  const noTeam = people.filter((person) => person.team === '').length;
  const reps = t('targets:form.repCount', { count: people.length });

  if (teams === 0 && noTeam > 0) return t('targets:form.peopleAllNoTeam', { reps });
  const teamWords = t('targets:form.teamCount', { count: teams });
  if (noTeam === 0) return t('targets:form.people', { reps, teams: teamWords });
  return t('targets:form.peopleAndNoTeam', {
    reps,
    teams: teamWords,
    noTeam: t('targets:form.noTeamCount', { count: noTeam }),
  });
}
