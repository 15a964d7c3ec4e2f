import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { conflictName } from './conflict-name';
import { ConflictDialog } from './ConflictDialog';
import { PublishPanel } from './PublishPanel';
import { checkToken, normaliseServerUrl } from './sync-address';
import { SyncApiError } from './sync-api.client';
import { readConnection } from './sync-metadata';
import {
  connectWorkspace,
  createFirstWorkspace,
  disconnectWorkspace,
  serverNeedsWorkspace,
  SyncSetupError,
} from './sync.actions';
import { requestSync } from './sync.engine';
import { useSyncStatus, type SyncConflict } from './sync.store';

/** Settings of the sync: connect a workspace, create the first one, see the status and conflicts. */
export function SyncSettingsScreen() {
  const { t, i18n } = useTranslation('sync');
  const connection = useLiveQuery(readConnection, [], undefined);
  const status = useSyncStatus((state) => state);
  const [serverUrl, setServerUrl] = useState(() => window.location.origin);
  const [token, setToken] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const [needsWorkspace, setNeedsWorkspace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const [createdToken, setCreatedToken] = useState<string | null>(null);
  const [openConflict, setOpenConflict] = useState<SyncConflict | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const address = normaliseServerUrl(serverUrl);
  const tokenProblem = checkToken(token);
  const checkedUrl = address.ok ? address.url : null;

  useEffect(() => {
    if (connection !== null || checkedUrl === null) return;
    let cancelled = false;
    const check = setTimeout(() => {
      void serverNeedsWorkspace(checkedUrl).then((needed) => {
        if (!cancelled) setNeedsWorkspace(needed);
      });
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(check);
    };
  }, [checkedUrl, connection]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const connect = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!address.ok || tokenProblem !== null) return;
    void run(() => connectWorkspace(address.url, token));
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!address.ok) return;
    void run(async () => setCreatedToken(await createFirstWorkspace(address.url, workspaceName)));
  };
  // A problem shows while typing, except an empty field, which shows once
  // the user tries to connect.
  const addressError =
    !address.ok && (address.problem !== 'empty' || submitted)
      ? t(`settings.address.${address.problem}`, { scheme: address.scheme })
      : null;
  const tokenError =
    tokenProblem !== null && (tokenProblem !== 'empty' || submitted) ? (
      <Trans
        t={t}
        i18nKey={`settings.tokenProblems.${tokenProblem}`}
        components={{ code: <Code /> }}
      />
    ) : null;

  if (connection === undefined) return null;

  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>{t('settings.title')}</Title>
      <Text c="dimmed">{t('settings.intro')}</Text>

      {error && (
        <Alert color="red" title={t('settings.errors.title')} data-testid="sync-error">
          {error}
        </Alert>
      )}
      {createdToken && (
        <Alert color="teal" title={t('settings.created.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('settings.created.keepToken')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="owner-token" style={{ wordBreak: 'break-all' }}>
                {createdToken}
              </Code>
              <CopyButton value={createdToken}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('settings.created.copied') : t('settings.created.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}

      {connection ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text>
              {t('settings.connected', {
                workspace: connection.workspaceName,
                server: connection.serverUrl,
                role: t(`roles.${connection.role}`),
              })}
            </Text>
            <Text
              size="sm"
              c="dimmed"
              data-testid="sync-summary"
              data-synced-at={status.lastSyncedAt ?? ''}
            >
              {status.lastSyncedAt
                ? t('settings.lastSynced', {
                    time: new Date(status.lastSyncedAt).toLocaleTimeString(i18n.language),
                    count: status.pending,
                  })
                : t('settings.neverSynced')}
            </Text>
            {status.error && status.phase !== 'idle' && (
              <Text size="sm" c="red">
                {status.error}
              </Text>
            )}
            <Group>
              <Button
                onClick={() => void run(requestSync)}
                loading={busy || status.phase === 'syncing'}
              >
                {t('settings.syncNow')}
              </Button>
              <Button variant="default" color="red" onClick={() => void run(disconnectWorkspace)}>
                {t('settings.disconnect')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md" component="form" onSubmit={connect}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('settings.connectTitle')}
              </Title>
              <TextInput
                label={t('settings.serverUrl')}
                description={t('settings.serverUrlHint')}
                value={serverUrl}
                onChange={(event) => setServerUrl(event.currentTarget.value)}
                error={addressError}
                required
              />
              <PasswordInput
                label={t('settings.token')}
                description={
                  <Trans t={t} i18nKey="settings.tokenHint" components={{ code: <Code /> }} />
                }
                value={token}
                onChange={(event) => setToken(event.currentTarget.value)}
                error={tokenError}
                required
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('settings.connect')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          {needsWorkspace && (
            <Paper withBorder p="md" component="form" onSubmit={create}>
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('settings.firstRunTitle')}
                </Title>
                <Text size="sm">{t('settings.firstRunIntro')}</Text>
                <TextInput
                  label={t('settings.workspaceName')}
                  value={workspaceName}
                  onChange={(event) => setWorkspaceName(event.currentTarget.value)}
                  required
                  maxLength={200}
                />
                <Group>
                  <Button type="submit" loading={busy}>
                    {t('settings.createWorkspace')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
        </>
      )}

      {connection && <PublishPanel connection={connection} />}

      {status.conflicts.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('conflicts.title')}
            </Title>
            {status.conflicts.map((conflict) => (
              <Group key={`${conflict.kind}:${conflict.id}`} justify="space-between">
                <Text>{conflictName(conflict, t)}</Text>
                <Button size="xs" onClick={() => setOpenConflict(conflict)}>
                  {t('conflicts.resolve')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      <ConflictDialog conflict={openConflict} onClose={() => setOpenConflict(null)} />
    </Stack>
  );
}

function describeError(error: unknown, t: TFunction<'sync'>): ReactNode {
  if (error instanceof SyncSetupError) return t(error.messageKey);
  if (error instanceof SyncApiError) {
    if (error.code === 'network-error') return t('settings.errors.network');
    if (error.code === 'not-sras-server') return t('settings.errors.notServer');
    if (error.code === 'invalid-address') {
      const problem = String(error.details.problem ?? 'invalid');
      return t(`settings.address.${problem}`, { scheme: '' });
    }
    if (error.code === 'invalid-token') {
      return (
        <Trans t={t} i18nKey="settings.tokenProblems.characters" components={{ code: <Code /> }} />
      );
    }
    if (error.status === 401) return t('settings.errors.token');
    return t('settings.errors.server', { message: error.message });
  }
  return String(error);
}
