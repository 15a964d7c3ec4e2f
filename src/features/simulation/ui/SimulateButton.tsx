import { Button, Tooltip } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';

/** The editor toolbar's way into the simulation of the open flow. */
export function SimulateButton({ flowId }: { flowId: string }) {
  const { t } = useTranslation('simulation');
  return (
    <Tooltip label={t('openHint')} withArrow>
      <Button
        component={Link}
        to={paths.simulate(flowId)}
        size="compact-sm"
        variant="light"
        color="orange"
        leftSection={<IconPlayerPlay size={16} />}
        data-testid="toolbar-simulate"
      >
        {t('open')}
      </Button>
    </Tooltip>
  );
}
