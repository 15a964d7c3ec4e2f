import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifyFailure } from '../../app/notifications';
import { paths } from '../../app/paths';
import { FLOW_TEMPLATES } from './catalogue';
import { TemplateDetailsDialog } from './TemplateDetailsDialog';
import { TemplatePreview } from './TemplatePreview';
import { openTemplate } from './template-opener';
import type { FlowTemplate } from './template.types';

/** The template gallery at /templates. */
export function TemplatesScreen() {
  const { t, i18n } = useTranslation('templates');
  const navigate = useNavigate();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const [details, setDetails] = useState<FlowTemplate>();
  const [opening, setOpening] = useState<string>();

  const use = async (template: FlowTemplate) => {
    setOpening(template.id);
    try {
      const opened = await openTemplate(template, language);
      notifications.show({
        color: 'green',
        message: t(opened.ownersDataset ? 'openedWithCustomers' : 'opened', {
          name: opened.flow.name,
          reps: opened.addedReps,
          leads: opened.dataset.rowCount,
          customers: opened.ownersDataset?.rowCount ?? 0,
        }),
      });
      navigate(paths.flowEditor(opened.flow.id));
    } catch (error) {
      notifyFailure(t, 'templates:failed', error);
    } finally {
      setOpening(undefined);
    }
  };

  return (
    <Stack maw={1200} mx="auto">
      <Stack gap={4}>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed">{t('subtitle')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {FLOW_TEMPLATES.map((template) => (
          <Card key={template.id} withBorder padding="md" data-testid="template-card">
            <Card.Section withBorder inheritPadding py="xs">
              <TemplatePreview
                document={template.document[language]}
                label={t('previewLabel', { name: template.name[language] })}
              />
            </Card.Section>
            <Stack gap="xs" mt="sm" flex={1}>
              <Title order={3} size="h5">
                {template.name[language]}
              </Title>
              <Text size="sm" c="dimmed" flex={1}>
                {template.description[language]}
              </Text>
              <Group gap={4}>
                <Badge variant="light" color="gray" tt="none">
                  {t('badges.nodes', { count: template.document[language].nodes.length })}
                </Badge>
                <Badge variant="light" color="gray" tt="none">
                  {t('badges.reps', { count: template.reps.length })}
                </Badge>
                <Badge variant="light" color="gray" tt="none">
                  {t('badges.leads', { count: template.leads.count })}
                </Badge>
              </Group>
              <Group justify="flex-end" mt="xs">
                <Button
                  variant="default"
                  onClick={() => setDetails(template)}
                  aria-label={t('detailsFor', { name: template.name[language] })}
                >
                  {t('details.button')}
                </Button>
                <Button
                  loading={opening === template.id}
                  onClick={() => void use(template)}
                  aria-label={t('useFor', { name: template.name[language] })}
                >
                  {t('use')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <TemplateDetailsDialog
        template={details}
        language={language}
        onClose={() => setDetails(undefined)}
        onUse={(template) => {
          setDetails(undefined);
          void use(template);
        }}
      />
    </Stack>
  );
}
