import { useState } from 'react';
import { Button, Drawer } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { VersionsPanel } from '../../versions/VersionsPanel';

/** Toolbar button that opens the flow's versions beside the canvas. */
export function VersionsButton({ flowId }: { flowId: string }) {
  const { t } = useTranslation('editor');
  const [opened, setOpened] = useState(false);

  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconHistory size={16} />}
        onClick={() => setOpened(true)}
        data-testid="toolbar-versions"
      >
        {t('toolbar.versions')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size="xl"
        title={t('toolbar.versions')}
      >
        <VersionsPanel flowId={flowId} />
      </Drawer>
    </>
  );
}
