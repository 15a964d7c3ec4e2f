/**
 * Opens a template: stores an editable copy of its flow, adds its sample reps
 * and teams that are not stored yet, and stores its sample leads as a
 * dataset (once per template), all in one transaction.
 */
import type { FlowDocument } from '@sras/engine';
import { ROW_CHUNK_SIZE } from '../../storage/db';
import { createId } from '../../storage/ids';
import type { DatasetRecord, FlowRecord, RepRecord } from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { generateSampleLeads, sampleLeadColumns } from './sample-leads';
import type { FlowTemplate } from './template.types';

export interface OpenedTemplate {
  flow: FlowRecord;
  addedReps: number;
  dataset: DatasetRecord;
  datasetCreated: boolean;
}

/** Opens `template` with names in `language`; see the module comment. */
export async function openTemplate(
  template: FlowTemplate,
  language: 'zh-CN' | 'en',
): Promise<OpenedTemplate> {
  const now = Date.now();
  const name = template.name[language];
  const document: FlowDocument = {
    ...structuredClone(template.document),
    id: createId('flow'),
    name,
    description: template.description[language],
  };
  const leads = generateSampleLeads({ ...template.leads });

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

      const previous = (await db.datasets.where('kind').equals('leads').toArray()).find(
        (dataset) => dataset.origin?.templateId === template.id,
      );
      if (previous)
        return { flow, addedReps: missing.length, dataset: previous, datasetCreated: false };

      const dataset: DatasetRecord = {
        id: createId('dataset'),
        name: language === 'zh-CN' ? `${name} · 示例线索` : `${name} · sample leads`,
        kind: 'leads',
        importedAt: now,
        rowCount: leads.length,
        chunkSize: ROW_CHUNK_SIZE,
        columns: sampleLeadColumns(template.leads.profile),
        origin: { templateId: template.id },
      };
      for (let start = 0, chunk = 0; start < leads.length; start += ROW_CHUNK_SIZE, chunk += 1) {
        await db.datasetRows.add({
          datasetId: dataset.id,
          chunk,
          rows: leads.slice(start, start + ROW_CHUNK_SIZE),
        });
      }
      await db.datasets.add(dataset);
      return { flow, addedReps: missing.length, dataset, datasetCreated: true };
    },
  );
}
