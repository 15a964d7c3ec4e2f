import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../paths';

/** Shown for a URL that matches no screen. */
export function NotFoundScreen() {
  const { t } = useTranslation();
  const location = useLocation();

  return (
    <Stack align="flex-start" maw={640}>
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body', { path: location.pathname })}</Text>
      <Button component={Link} to={paths.flows()}>
        {t('notFound.toFlows')}
      </Button>
    </Stack>
  );
}
