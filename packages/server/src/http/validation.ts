import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** One problem with a request body: where it is and what is wrong. */
export interface ValidationIssue {
  /** Path into the body, such as `nodes.2.position.x`; empty for the body itself. */
  path: string;
  message: string;
}

/** Parses `value` with `schema`, or throws a 400 that lists every issue with its path. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? ` at "${first.path}"` : '';
  throw new ApiError(
    400,
    'validation-failed',
    `The ${what} is invalid${where}: ${first?.message ?? 'unknown problem'}. Fix the listed issues and send it again.`,
    { issues },
  );
}
