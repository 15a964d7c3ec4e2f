import { formatInputIssue, type InputIssue } from '@sras/engine';

import type { CliContext } from '../cli-context.js';

/** The files whose content a run's input issues come from. */
export interface InputFiles {
  reps: string;
  existing?: string | undefined;
  state?: string | undefined;
}

/**
 * Words an issue the engine found in the team, existing owners or state in
 * the CLI's language: the file, the field in words, what is wrong and what
 * to do. An issue the engine gives no params for keeps its English reason.
 */
export function describeInputIssue(
  context: CliContext,
  issue: InputIssue,
  files: InputFiles,
): string {
  const state = /^state(?:\.(.+))?$/.exec(issue.path);
  if (state) {
    const file = files.state ?? '--state';
    const subject =
      state[1] === undefined
        ? context.t('field.stateRoot')
        : context.t('field.state', { name: state[1] });
    const reason = formatInputIssue(issue, context.language, subject);
    return reason === null
      ? context.t('error.stateInvalid', { file, reason: `${issue.path}: ${issue.message}` })
      : context.t('error.stateIssue', { file, reason });
  }

  const listed = /^(reps|existingOwners)(?:\[(\d+)\](?:\.(.+))?)?$/.exec(issue.path);
  const file = listed?.[1] === 'reps' ? files.reps : files.existing;
  if (!listed || file === undefined) {
    return context.t('error.engineInput', { message: `${issue.path}: ${issue.message}` });
  }

  const subject = listSubject(context, listed[1] === 'reps', listed[2], listed[3]);
  const reason = formatInputIssue(issue, context.language, subject);
  return reason === null
    ? context.t('error.import', { file, message: `${issue.path}: ${issue.message}` })
    : context.t('error.fileIssue', { file, reason });
}

/** Names an entry of the team or existing-owner list, or one of its fields, by 1-based number. */
function listSubject(
  context: CliContext,
  isRep: boolean,
  index: string | undefined,
  field: string | undefined,
): string {
  if (index === undefined) return context.t(isRep ? 'field.team' : 'field.owners');

  const number = Number(index) + 1;
  if (field === undefined) return context.t(isRep ? 'field.repEntry' : 'field.entry', { number });
  return context.t(isRep ? 'field.rep' : 'field.entryField', { number, name: field });
}
