import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

export const MAIN_CONTENT_ID = 'main-content';

/** A link, visible only when focused, that moves keyboard focus past the header to the screen. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <Button component="a" href={`#${MAIN_CONTENT_ID}`} className={classes.skipLink}>
      {t('skipToContent')}
    </Button>
  );
}
