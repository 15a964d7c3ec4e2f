import { validateFlow, type FlowDocument, type FlowProblem } from '@sras/engine';
import { getDatabase } from '../../storage/db';

/** Validates a document for publishing, checking rep ids against the stored team. */
export async function validateForPublishing(document: FlowDocument): Promise<FlowProblem[]> {
  const reps = await getDatabase().reps.toArray();
  return validateFlow(document, { reps });
}
