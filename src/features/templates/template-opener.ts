/**
 * Opens a template: stores an editable copy of its flow, adds its sample reps
 * and teams that are not stored yet, and stores its sample leads as a
 * dataset and its sample existing-owners list, if it has one, as an `owners`
 * dataset (each once per template), all in one transaction.
 */
import type { FlowDocument, Lead } from '@sras/engine';
import { ROW_CHUNK_SIZE, type SrasDatabase } from '../../storage/db';
import { createId } from '../../storage/ids';
import type {
  DatasetColumn,
  DatasetKind,
  DatasetRecord,
  FlowRecord,
  RepRecord,
} from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { sampleLeadColumns } from './sample-leads';
import { sampleOwnerColumns } from './sample-owners';
import { generateTemplateSamples } from './template-samples';
import type { FlowTemplate } from './template.types';

export interface OpenedTemplate {
  flow: FlowRecord;
  addedReps: number;
  dataset: DatasetRecord;
  datasetCreated: boolean;
  /** The template's existing-owners list, when it has one. */
  ownersDataset?: DatasetRecord;
}

/** The rows and description of a dataset a template brings along. */
interface SampleDataset {
  kind: DatasetKind;
  name: string;
  columns: DatasetColumn[];
  rows: Lead[];
}

/** Finds the dataset of `kind` stored for `templateId` before, else stores `sample`. */
async function storeSampleDataset(
  db: SrasDatabase,
  templateId: string,
  sample: SampleDataset,
  now: number,
): Promise<{ dataset: DatasetRecord; created: boolean }> {
  const previous = (await db.datasets.where('kind').equals(sample.kind).toArray()).find(
    (dataset) => dataset.origin?.templateId === templateId,
  );
  if (previous) return { dataset: previous, created: false };

  const dataset: DatasetRecord = {
    id: createId('dataset'),
    name: sample.name,
    kind: sample.kind,
    importedAt: now,
    rowCount: sample.rows.length,
    chunkSize: ROW_CHUNK_SIZE,
    columns: sample.columns,
    origin: { templateId },
  };
  for (let start = 0, chunk = 0; start < sample.rows.length; start += ROW_CHUNK_SIZE, chunk += 1) {
    await db.datasetRows.add({
      datasetId: dataset.id,
      chunk,
      rows: sample.rows.slice(start, start + ROW_CHUNK_SIZE),
    });
  }
  await db.datasets.add(dataset);
  return { dataset, created: true };
}

/** Opens `template` with its names, pool reasons and labels in `language`; see the module comment. */
export async function openTemplate(
  template: FlowTemplate,
  language: 'zh-CN' | 'en',
): Promise<OpenedTemplate> {
  const now = Date.now();
  const name = template.name[language];
  const document: FlowDocument = {
    ...structuredClone(template.document[language]),
    id: createId('flow'),
    name,
    description: template.description[language],
  };
  const { leads, owners } = generateTemplateSamples(template);

  return writeTransaction(
    (db) => [db.flows, db.reps, db.teams, db.datasets, db.datasetRows],
    async (db) => {
      const flow: FlowRecord = {
        id: document.id,
        name,
        document,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      };
      await db.flows.add(flow);

      const existing = await db.reps.bulkGet(template.reps.map((rep) => rep.id));
      const missing: RepRecord[] = template.reps
        .filter((_rep, index) => existing[index] === undefined)
        .map((rep) => ({ ...structuredClone(rep), createdAt: now, updatedAt: now }));
      await db.reps.bulkAdd(missing);

      const teamNames = [...new Set(template.reps.map((rep) => rep.team))];
      const storedTeams = new Set((await db.teams.toArray()).map((team) => team.name));
      const newTeams = teamNames.filter((team) => !storedTeams.has(team));
      await db.teams.bulkAdd(
        newTeams.map((team) => ({ id: createId('team'), name: team, createdAt: now })),
      );

      const stored = await storeSampleDataset(
        db,
        template.id,
        {
          kind: 'leads',
          name: language === 'zh-CN' ? `${name} · 示例线索` : `${name} · sample leads`,
          columns: sampleLeadColumns(template.leads.profile, language),
          rows: leads,
        },
        now,
      );
      const ownersStored = owners
        ? await storeSampleDataset(
            db,
            template.id,
            {
              kind: 'owners',
              name: language === 'zh-CN' ? `${name} · 示例客户名单` : `${name} · sample customers`,
              columns: sampleOwnerColumns(language),
              rows: owners,
            },
            now,
          )
        : null;

      return {
        flow,
        addedReps: missing.length,
        dataset: stored.dataset,
        datasetCreated: stored.created,
        ...(ownersStored ? { ownersDataset: ownersStored.dataset } : {}),
      };
    },
  );
}
