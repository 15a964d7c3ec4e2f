import { importFile, type ImportResult } from '@sras/import';
import type { ExistingOwner } from '@sras/engine';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';
import { importFailure } from './load-leads.js';

/**
 * Reads customers that already have an owner: JSON records with `owner_id`
 * and any of `phone`, `email`, `company`, or a spreadsheet whose columns the
 * import package maps to those fields (owner_id, 负责人 … → owner). Rows
 * without an owner (customers in the public pool) are left out and counted
 * on stderr, and so are rows without any key.
 */
export async function loadExistingOwners(
  context: CliContext,
  file: string,
): Promise<ExistingOwner[]> {
  if (file.toLowerCase().endsWith('.json')) return ownersFromJson(context, file);

  let result: ImportResult;
  try {
    result = await importFile(await context.readBytes(file), { fileName: file });
  } catch (error) {
    throw importFailure(context, file, error);
  }
  const fields = result.fieldColumns;
  if (!fields.owner) throw new CliError(context.t('error.existingNoOwner', { file }));
  if (!fields.phone && !fields.email && !fields.company)
    throw new CliError(context.t('error.existingNoKey', { file }));

  const owners: ExistingOwner[] = [];
  let withoutOwner = 0;
  for (const row of result.rows) {
    const owner = textOf(row.fields.owner);
    const phone = textOf(row.fields.phone) || null;
    const email = textOf(row.fields.email) || null;
    const company = textOf(row.fields.company) || null;
    if (!phone && !email && !company) continue;
    if (owner === '') {
      withoutOwner++;
      continue;
    }
    owners.push({ owner_id: owner, phone, email, company });
  }
  if (withoutOwner > 0)
    context.io.stderr(
      `${context.t('allocate.existingWithoutOwner', { file, count: withoutOwner })}\n`,
    );
  return owners;
}

async function ownersFromJson(context: CliContext, file: string): Promise<ExistingOwner[]> {
  const json = await context.readJson(file);
  if (!Array.isArray(json)) throw new CliError(context.t('error.existingNoOwner', { file }));

  const owners: ExistingOwner[] = [];
  json.forEach((item: unknown, index) => {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const owner = textOf(record.owner_id);
    if (owner === '')
      throw new CliError(context.t('error.existingOwnerMissing', { file, row: `[${index}]` }));
    owners.push({
      owner_id: owner,
      phone: textOf(record.phone) || null,
      email: textOf(record.email) || null,
      company: textOf(record.company) || null,
    });
  });
  return owners;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}
