/**
 * Publishing a version: the one path that the editor's Publish and the
 * versions panel's Publish share. The version is marked published in this
 * browser and, when a workspace is connected, published on its server too,
 * so the allocation API runs the same flow. The server's outcome is kept on
 * the version, and the versions panel shows it with a retry.
 */
import type { AppLanguage } from '../../i18n/i18n';
import { getDatabase } from '../../storage/db';
import { publishOnServer, type ServerPublishOutcome } from '../sync/server-publish';
import { validateForPublishing } from './publish-validation';
import { getVersion, publishVersion, type PublishResult } from './version-repository';

export type PublishEverywhereResult =
  | Exclude<PublishResult, { status: 'published' }>
  | (Extract<PublishResult, { status: 'published' }> & { server: ServerPublishOutcome });

/** Publishes a version here, then on the connected server; see the module comment. */
export async function publishVersionEverywhere(
  versionId: string,
  language: AppLanguage,
): Promise<PublishEverywhereResult> {
  const local = await publishVersion(versionId, validateForPublishing);
  if (local.status !== 'published') return local;

  const server = await publishVersionOnServer(versionId, language);
  return { ...local, server };
}

/**
 * Publishes a version on the connected server only (a retry, or a version
 * published before the workspace was connected) and records the outcome on
 * the version. `local-only` when no workspace is connected.
 */
export async function publishVersionOnServer(
  versionId: string,
  language: AppLanguage,
): Promise<ServerPublishOutcome> {
  const version = await getVersion(versionId);
  if (!version) return { status: 'local-only' };

  const outcome = await publishOnServer(version.flowId, version.document, language);
  if (outcome.status !== 'local-only') {
    await getDatabase().flowVersions.update(versionId, { serverPublish: outcome });
  }
  return outcome;
}
