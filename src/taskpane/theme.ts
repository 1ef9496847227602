/**
 * The pane's Fluent theme: Fluent's light theme with Chinese families in its font stack.
 *
 * Fluent's stack names Latin families only, so every Chinese character of the pane went to the
 * browser's per-character fallback: whichever font the system offers first (微软雅黑 on most
 * Windows; whatever fontconfig sorts first on Linux, WPS for Linux included), found by a font
 * search during the first layout. In headless Chromium here that layout took ≈ 60 ms with the
 * search and ≈ 30 ms with the families named (a trace of firstPaint.test.ts's page).
 */
import { type Theme, webLightTheme } from '@fluentui/react-components';

/**
 * Fluent's stack (webLightTheme.fontFamilyBase) with each system's Chinese UI face — 微软雅黑 UI
 * and 微软雅黑, 苹方 and 冬青黑体, Noto Sans CJK and 思源黑体 — before its generic tail, so Latin
 * text keeps Fluent's faces (Segoe UI, San Francisco) and Chinese text gets the system's own.
 */
const FONT_FAMILY =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, " +
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', " +
  "Roboto, 'Helvetica Neue', sans-serif";

export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_FAMILY };
