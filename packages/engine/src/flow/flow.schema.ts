import { z } from 'zod';

/**
 * Structural schema of flow format v1: the shape every document must have
 * before it can be migrated and validated. Node data is a free record here;
 * the validator checks it per node type and reports problems that name the
 * node and the field, so a flow with a bad quota limit still loads and can be
 * fixed in the editor. Every object keeps unknown keys.
 */

export const positionSchema = z.looseObject({
  x: z.number(),
  y: z.number(),
});

export const flowNodeSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  position: positionSchema,
  data: z.record(z.string(), z.unknown()).default({}),
});

export const flowEdgeSchema = z.looseObject({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().nullish(),
  target: z.string().min(1),
  targetHandle: z.string().nullish(),
});

export const flowDocumentSchema = z.looseObject({
  format: z.literal('sras.flow'),
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  timezone: z.string().min(1).default('Asia/Shanghai'),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
});

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const capacityValue = z.number().int().nonnegative().nullish();

export const repSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  team: z.string().optional(),
  active: z.boolean().optional(),
  weight: z.number().nonnegative().optional(),
  capacity: z
    .looseObject({ day: capacityValue, week: capacityValue, month: capacityValue })
    .optional(),
  openLeads: z.number().int().nonnegative().optional(),
  unavailable: z.array(z.looseObject({ from: dayString, to: dayString })).optional(),
  formerNames: z.array(z.string()).optional(),
});

export const repListSchema = z.array(repSchema);

export const existingOwnerSchema = z.looseObject({
  phone: z.string().nullish(),
  email: z.string().nullish(),
  company: z.string().nullish(),
  owner_id: z.string().min(1),
});
