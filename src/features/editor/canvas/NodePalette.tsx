import { Fragment, memo, type DragEvent } from 'react';
import { Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NODE_TYPE_SPECS, type NodeCategory } from '../model/node-catalog';
import { useHasSourceNode } from '../store/editor-selectors';
import { nodeIcon } from './node-icons';
import { PALETTE_DRAG_TYPE } from './palette-drag';
import { useAddNodeInView } from './useAddNodeInView';
import classes from './NodePalette.module.css';

const CATEGORIES: NodeCategory[] = ['entry', 'route', 'guard', 'assign'];

/** Every node type with icon, name and a one-line explanation; drag onto the canvas or click to add. */
export const NodePalette = memo(function NodePalette() {
  const { t } = useTranslation('editor');
  const addNodeInView = useAddNodeInView();
  const hasSource = useHasSourceNode();

  function onDragStart(event: DragEvent, type: string) {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  }

  return (
    <Stack gap={4} p="xs" className={classes.palette} aria-label={t('palette.title')} role="region">
      <Text fw={700} size="sm">
        {t('palette.title')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t('palette.hint')}
      </Text>
      {CATEGORIES.map((category) => (
        <Fragment key={category}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={6}>
            {t(`palette.categories.${category}`)}
          </Text>
          {NODE_TYPE_SPECS.filter((spec) => spec.category === category).map((spec) => {
            const Icon = nodeIcon(spec.type);
            const name = t(`nodeTypes.${spec.type}.name`);
            const disabled = spec.type === 'source' && hasSource;
            const item = (
              <UnstyledButton
                key={spec.type}
                className={classes.item}
                draggable={!disabled}
                disabled={disabled}
                onDragStart={(event) => onDragStart(event, spec.type)}
                onClick={() => addNodeInView(spec.type)}
                aria-label={t('palette.addAria', { name })}
                data-testid={`palette-item-${spec.type}`}
              >
                <ThemeIcon variant="light" color={spec.color} size="md" aria-hidden>
                  <Icon size={16} />
                </ThemeIcon>
                <div className={classes.text}>
                  <Text size="sm" fw={600} lh={1.3}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {t(`nodeTypes.${spec.type}.description`)}
                  </Text>
                </div>
              </UnstyledButton>
            );
            return disabled ? (
              <Tooltip key={spec.type} label={t('palette.sourceExists')}>
                <div>{item}</div>
              </Tooltip>
            ) : (
              item
            );
          })}
        </Fragment>
      ))}
    </Stack>
  );
});
