import { createTheme } from '@mantine/core';

/** Mantine theme: a visible focus ring for keyboard users, system fonts with Chinese fallbacks. */
export const theme = createTheme({
  primaryColor: 'indigo',
  focusRing: 'auto',
  fontFamily:
    // Latin fonts first, so that Latin punctuation such as “ ” is not drawn
    // with the full-width glyphs of a Chinese font.
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  defaultRadius: 'md',
});
