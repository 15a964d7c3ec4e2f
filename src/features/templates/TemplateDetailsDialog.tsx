import { Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { datasetColumnsOf, FlowCanvasView } from '../editor';
import { generateSampleLeads, sampleLeadColumns } from './sample-leads';
import type { FlowTemplate } from './template.types';

interface TemplateDetailsDialogProps {
  template: FlowTemplate | undefined;
  language: 'zh-CN' | 'en';
  onUse: (template: FlowTemplate) => void;
  onClose: () => void;
}

/** The template's flow on a read-only canvas, its sample reps and the first sample leads. */
export function TemplateDetailsDialog({
  template,
  language,
  onUse,
  onClose,
}: TemplateDetailsDialogProps) {
  const { t } = useTranslation('templates');
  const leads = useMemo(
    () => (template ? generateSampleLeads({ ...template.leads, count: 5 }) : []),
    [template],
  );
  const columns = useMemo(
    () => (template ? sampleLeadColumns(template.leads.profile, language) : []),
    [template, language],
  );
  const canvasColumns = useMemo(() => datasetColumnsOf([{ columns }]), [columns]);

  return (
    <Modal
      opened={template !== undefined}
      onClose={onClose}
      title={template?.name[language]}
      size="xl"
    >
      {template && (
        <Stack>
          <Text size="sm">{template.description[language]}</Text>
          <FlowCanvasView
            document={template.document[language]}
            height={320}
            datasetColumns={canvasColumns}
            reps={template.reps}
            readOnly
          />
          <Title order={3} size="h5">
            {t('details.reps', { count: template.reps.length })}
          </Title>
          <Group gap="xs">
            {template.reps.map((rep) => (
              <Badge key={rep.id} variant="light" tt="none">
                {t('details.rep', {
                  name: rep.name,
                  team: rep.team,
                  weight: rep.weight,
                  day: rep.capacity?.day ?? '∞',
                })}
              </Badge>
            ))}
          </Group>
          <Title order={3} size="h5">
            {t('details.leads', { count: template.leads.count })}
          </Title>
          <ScrollArea>
            <Table fz="xs" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.key} style={{ whiteSpace: 'nowrap' }}>
                      {column.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {leads.map((lead) => (
                  <Table.Tr key={String(lead.id)}>
                    {columns.map(({ key }) => (
                      <Table.Td key={key} style={{ whiteSpace: 'nowrap' }}>
                        {lead[key] === null || lead[key] === undefined ? '' : String(lead[key])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.close')}
            </Button>
            <Button onClick={() => onUse(template)}>{t('use')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
