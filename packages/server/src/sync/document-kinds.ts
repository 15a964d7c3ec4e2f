import { existingOwnerSchema, flowDocumentSchema, repListSchema } from '@sras/engine';
import { z } from 'zod';
import type { DocumentKind } from '../db/schema.js';

/** The id under which a workspace keeps its one document of a list kind. */
export const LIST_DOCUMENT_ID = 'default';

const teamListSchema = z.array(z.looseObject({ id: z.string().min(1), name: z.string() }));

const targetListSchema = z.array(z.looseObject({ id: z.string().min(1) }));

const existingOwnerListSchema = z.array(existingOwnerSchema);

/**
 * The named versions the app saves of its flows: each a snapshot of one
 * flow's document. The document may be left out of an item whose document
 * the server already has (see saved-versions.store.ts).
 */
const flowVersionListSchema = z.array(
  z.looseObject({
    id: z.string().min(1),
    flowId: z.string().min(1),
    name: z.string(),
    document: flowDocumentSchema.optional(),
    createdAt: z.number(),
  }),
);

/** How each kind of synced document is validated, and its value before the first write. */
export const DOCUMENT_KINDS: Record<DocumentKind, { schema: z.ZodType<unknown>; empty: unknown }> =
  {
    flow: { schema: flowDocumentSchema, empty: null },
    reps: { schema: withUniqueIds(repListSchema, 'rep'), empty: [] },
    teams: { schema: withUniqueIds(teamListSchema, 'team'), empty: [] },
    targets: { schema: withUniqueIds(targetListSchema, 'target'), empty: [] },
    'existing-owners': { schema: existingOwnerListSchema, empty: [] },
    'flow-versions': { schema: withUniqueIds(flowVersionListSchema, 'flow version'), empty: [] },
  };

/** Rejects a list in which two items share an id, naming the second one's index. */
function withUniqueIds<T extends { id: string }>(
  schema: z.ZodType<T[]>,
  what: string,
): z.ZodType<T[]> {
  return schema.superRefine((items, context) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `${what} id "${item.id}" is already used by item ${first}; ids must be unique`,
          // Worded by the request's messages (`duplicateId`), with 1-based entry numbers.
          params: { messageKey: 'duplicateId', id: item.id, first: first + 1 },
        });
      }
      seen.set(item.id, index);
    });
  });
}
