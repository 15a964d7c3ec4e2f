import { Alert, Button, Code, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { StorageFullError } from '../../storage/storage-full';
import { paths } from '../paths';

function describeError(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Shown inside the shell when a screen fails to load or render, so the rest of the app stays usable. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();

  const storageFull = error instanceof StorageFullError;

  return (
    <Stack maw={720} role="alert">
      <Title order={2}>{t('errorBoundary.title')}</Title>
      <Alert color="red" title={storageFull ? t('errors.storageFull') : t('errorBoundary.body')}>
        <Code block>{describeError(error)}</Code>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('errorBoundary.reload')}</Button>
        <Button variant="default" component={Link} to={paths.flows()}>
          {t('notFound.toFlows')}
        </Button>
      </Group>
    </Stack>
  );
}
