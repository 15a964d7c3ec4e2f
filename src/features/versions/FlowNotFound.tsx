import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';

/** Shown when the flow or version in the address does not exist (deleted, or a mistyped link). */
export function FlowNotFound({ what }: { what: 'flow' | 'version' }) {
  const { t } = useTranslation('versions');
  return (
    <Stack maw={640}>
      <Alert color="yellow" title={t(`notFound.${what}`)} />
      <Button component={Link} to={paths.flows()} w="fit-content">
        {t('common:notFound.toFlows')}
      </Button>
    </Stack>
  );
}
