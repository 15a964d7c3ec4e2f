import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDatabase } from '../../storage/db';
import type { FlowRecord, RepRecord } from '../../storage/records';
import { handleLabel } from '../editor/model/node-presentation';
import { flowDisplayName } from '../flows/flow-display-name';
import { describeRoute } from './audit-route';
import { createSyncApi, SyncApiError, type AuditEntry, type AuditQuery } from './sync-api.client';
import { readConnection } from './sync-metadata';
import { SYNC_SETTINGS_PATH } from './sync-paths';

const PAGE_SIZE = 50;

interface Filters {
  flowId: string;
  ownerId: string;
  leadId: string;
  from: string;
  to: string;
}

const EMPTY_FILTERS: Filters = { flowId: '', ownerId: '', leadId: '', from: '', to: '' };

/** The server's allocation decisions, newest first, with filters and paging. */
export function AuditScreen() {
  const { t, i18n } = useTranslation('sync');
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  // Cursors of the pages seen so far; the last one loads the current page.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ entries: AuditEntry[]; nextCursor: string | null } | null>(
    null,
  );
  const [state, setState] = useState<'loading' | 'ready' | 'disconnected' | 'error'>('loading');
  const [error, setError] = useState('');
  const flows = useLiveQuery(() => getDatabase().flows.toArray(), [], [] as FlowRecord[]);
  const reps = useLiveQuery(() => getDatabase().reps.toArray(), [], [] as RepRecord[]);
  const flowsById = useMemo(() => new Map(flows.map((flow) => [flow.id, flow])), [flows]);
  const repsById = useMemo(() => new Map(reps.map((rep) => [rep.id, rep])), [reps]);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  // Names from this browser's flows and reps; an id the browser does not know is shown as is.
  const flowName = (id: string) => {
    const flow = flowsById.get(id);
    return flow ? flowDisplayName(flow.name, t) : id;
  };
  const repName = (id: string) => repsById.get(id)?.name || id;
  const route = (entry: AuditEntry) =>
    describeRoute(
      entry.route,
      flowsById.get(entry.flowId)?.document.nodes ?? [],
      language,
      (node, handle) => handleLabel(node, handle, t),
    ).join(' → ');

  const load = useCallback(async (query: AuditQuery) => {
    const connection = await readConnection();
    if (!connection) {
      setState('disconnected');
      return;
    }
    setState('loading');
    try {
      const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });
      setPage(await api.audit(query));
      setState('ready');
    } catch (caught) {
      setError(caught instanceof SyncApiError ? caught.message : String(caught));
      setState('error');
    }
  }, []);

  useEffect(() => {
    void load({
      ...toQuery(filters),
      cursor: cursors.at(-1),
      limit: PAGE_SIZE,
    });
  }, [filters, cursors, load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
  };
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setDraft((current) => ({ ...current, [name]: value }));
    },
  });

  if (state === 'disconnected') {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('audit.title')}</Title>
        <Alert color="gray">
          {t('audit.notConnected')} <Link to={SYNC_SETTINGS_PATH}>{t('audit.openSettings')}</Link>
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Title order={2}>{t('audit.title')}</Title>
      <form onSubmit={apply}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('audit.filters.flow')}
            placeholder={t('audit.filters.any')}
            data={flows.map((flow) => ({ value: flow.id, label: flowDisplayName(flow.name, t) }))}
            value={draft.flowId || null}
            onChange={(value) => setDraft((current) => ({ ...current, flowId: value ?? '' }))}
            searchable
            clearable
          />
          <Select
            label={t('audit.filters.owner')}
            placeholder={t('audit.filters.any')}
            data={reps.map((rep) => ({ value: rep.id, label: rep.name || rep.id }))}
            value={draft.ownerId || null}
            onChange={(value) => setDraft((current) => ({ ...current, ownerId: value ?? '' }))}
            searchable
            clearable
          />
          <TextInput label={t('audit.filters.leadId')} {...field('leadId')} />
          <TextInput label={t('audit.filters.from')} type="datetime-local" {...field('from')} />
          <TextInput label={t('audit.filters.to')} type="datetime-local" {...field('to')} />
          <Button type="submit">{t('audit.filters.apply')}</Button>
        </Group>
      </form>

      {state === 'error' && <Alert color="red">{error}</Alert>}

      <Table striped highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.time')}</Table.Th>
            <Table.Th>{t('audit.columns.lead')}</Table.Th>
            <Table.Th>{t('audit.columns.flow')}</Table.Th>
            <Table.Th>{t('audit.columns.owner')}</Table.Th>
            <Table.Th>{t('audit.columns.reason')}</Table.Th>
            <Table.Th>{t('audit.columns.route')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page?.entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{new Date(entry.decidedAt).toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{entry.leadId}</Table.Td>
              <Table.Td>
                <span title={entry.flowId}>
                  {t('audit.flowVersion', {
                    flow: flowName(entry.flowId),
                    version: entry.flowVersion,
                  })}
                </span>
              </Table.Td>
              <Table.Td title={entry.ownerId ?? undefined}>
                {entry.ownerId ? repName(entry.ownerId) : t('audit.unassigned')}
              </Table.Td>
              <Table.Td>
                {t(`audit.reasons.${entry.reason}`, { defaultValue: entry.reason })}
                {entry.reasonText ? ` · ${entry.reasonText}` : ''}
              </Table.Td>
              <Table.Td>
                <Text size="xs" title={entry.route.join(' → ')}>
                  {route(entry)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {state === 'ready' && page?.entries.length === 0 && (
        <Text c="dimmed">{t('audit.empty')}</Text>
      )}

      <Group>
        <Button
          variant="default"
          disabled={cursors.length <= 1 || state === 'loading'}
          onClick={() => setCursors((current) => current.slice(0, -1))}
        >
          {t('audit.previous')}
        </Button>
        <Text size="sm">{t('audit.page', { page: cursors.length })}</Text>
        <Button
          variant="default"
          disabled={!page?.nextCursor || state === 'loading'}
          onClick={() => setCursors((current) => [...current, page?.nextCursor ?? undefined])}
        >
          {t('audit.next')}
        </Button>
      </Group>
    </Stack>
  );
}

function toQuery(filters: Filters): AuditQuery {
  // datetime-local values are local wall-clock times; the server wants ISO 8601 with an offset.
  const toIso = (value: string) => (value ? new Date(value).toISOString() : undefined);
  return {
    flowId: filters.flowId.trim() || undefined,
    ownerId: filters.ownerId.trim() || undefined,
    leadId: filters.leadId.trim() || undefined,
    from: toIso(filters.from),
    to: toIso(filters.to),
  };
}
