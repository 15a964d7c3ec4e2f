import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { Alert, Center, Container, Loader, Paper, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { guideImageUrl, guideLanguageFor, loadGuideMarkdown } from './guide-documents';
import { renderGuideHtml } from './guide-markdown';

type GuideState =
  | { status: 'loading' }
  | { status: 'missing'; language: string }
  | { status: 'ready'; markdown: string };

/** The user guide at `/guide` (in the UI language) and `/guide/:language`. */
export function GuideScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { language: requested } = useParams();
  const language = requested ?? guideLanguageFor(i18n.language);
  const [state, setState] = useState<GuideState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void loadGuideMarkdown(language).then((markdown) => {
      if (!current) return;
      setState(markdown === null ? { status: 'missing', language } : { status: 'ready', markdown });
    });
    return () => {
      current = false;
    };
  }, [language]);

  const html = useMemo(
    () =>
      state.status === 'ready'
        ? renderGuideHtml(state.markdown, { imageUrl: guideImageUrl, guidePath: paths.guide })
        : '',
    [state],
  );

  // Links inside the guide to other app paths stay in the app instead of reloading the page.
  const followAppLink = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (!href?.startsWith('/') || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(href);
  };

  if (state.status === 'loading') {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  if (state.status === 'missing') {
    return (
      <Alert color="red" m="md" title={t('help.guideMissing', { language: state.language })}>
        {t('help.guideMissingHint')}
      </Alert>
    );
  }
  return (
    <Container size="md" py="md">
      <Paper withBorder p="xl" data-testid="user-guide" lang={language}>
        <Typography>
          {/* The guide is markdown bundled from docs/ at build time, never user input. */}
          <div onClick={followAppLink} dangerouslySetInnerHTML={{ __html: html }} />
        </Typography>
      </Paper>
    </Container>
  );
}
