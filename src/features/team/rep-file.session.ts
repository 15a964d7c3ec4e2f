import { readRepTable, writeRepTableCsv, writeRepTableXlsx } from '@sras/import';
import type { RepFileRequest, RepFileResponse } from './rep-file.protocol';

/** Handles one request of the rep-file worker; runs in the worker, and in tests directly. */
export async function handleRepFileRequest(request: RepFileRequest): Promise<RepFileResponse> {
  try {
    if (request.type === 'read') {
      const bytes = new Uint8Array(await request.file.arrayBuffer());
      const result = await readRepTable(bytes, { fileName: request.file.name });
      return { type: 'read', requestId: request.requestId, result };
    }
    const bytes =
      request.format === 'csv'
        ? new TextEncoder().encode(writeRepTableCsv(request.reps, { language: request.language }))
        : writeRepTableXlsx(request.reps, { language: request.language });
    return { type: 'written', requestId: request.requestId, bytes };
  } catch (error) {
    return {
      type: 'failed',
      requestId: request.requestId,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
