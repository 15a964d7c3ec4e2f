import { useMemo } from 'react';
import type { AriaLabelConfig } from '@xyflow/react';
import { useTranslation } from 'react-i18next';

/** React Flow's screen-reader texts in the interface language. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useTranslation('editor');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('a11y.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('a11y.nodeDescription'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('a11y.nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('a11y.edgeDescription'),
      'controls.ariaLabel': t('a11y.controls'),
      'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('a11y.fitView'),
      'controls.interactive.ariaLabel': t('a11y.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('a11y.handle'),
    }),
    [t],
  );
}
