import { createTheme } from '@mantine/core';

/** Mantine theme: a visible focus ring for keyboard users, system fonts with Chinese fallbacks. */
export const theme = createTheme({
  primaryColor: 'indigo',
  focusRing: 'auto',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", Roboto, Helvetica, Arial, sans-serif',
  defaultRadius: 'md',
});
