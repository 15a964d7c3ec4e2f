import type { MessageLanguage } from '@sras/engine';
import type { z } from 'zod';
import { localizedError, type ApiError } from './api-error.js';
import {
  requestMessage,
  wordFlowIssue,
  wordRequestIssue,
  type RequestIssue,
  type RequestPart,
} from './request-messages.js';

/** One problem with a request body: where it is and what is wrong. */
export interface ValidationIssue {
  /** Path into the body, such as `nodes.2.position.x`; empty for the body itself. */
  path: string;
  /** zod's issue code, such as `invalid_type`, for programs. */
  code: string;
  /** The problem in words, in the request's language. */
  message: string;
}

/**
 * What the checked value is: a part of the request, or a flow document in
 * the body, whose fields are named by node and connection.
 */
export type CheckedInput = RequestPart | 'flow';

/**
 * Parses `value` with `schema`, or throws a 400 `validation-failed` that
 * lists every issue with its raw path and its message in the request's
 * language (see {@link validationError}).
 */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown, input: CheckedInput): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(value, result.error.issues, input);
}

/**
 * A 400 `validation-failed` for issues found in `value`: its message is the
 * first issue's, which names the field and says what to do, and `issues`
 * lists them all. Worded in each language the server speaks.
 */
export function validationError(
  value: unknown,
  issues: readonly RequestIssue[],
  input: CheckedInput,
): ApiError {
  return localizedError(400, 'validation-failed', (language) => {
    const worded = issues.map((issue) => wordIssue(value, issue, input, language));
    const first = worded[0]?.message ?? requestMessage(language, 'bodyShape');
    const more =
      worded.length > 1 ? requestMessage(language, 'moreIssues', { count: worded.length - 1 }) : '';
    const separator = language === 'en' && more !== '' ? ' ' : '';
    return { message: `${first}${separator}${more}`, details: { issues: worded } };
  });
}

function wordIssue(
  value: unknown,
  issue: RequestIssue,
  input: CheckedInput,
  language: MessageLanguage,
): ValidationIssue {
  return {
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message:
      input === 'flow'
        ? wordFlowIssue(value, issue, language)
        : wordRequestIssue(value, issue, input, language),
  };
}
