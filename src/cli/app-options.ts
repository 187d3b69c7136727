import type {Command} from 'commander';
import {UsageError} from '../errors.js';
import {themeChoices, type ThemeChoice} from '../ui/theme-choice.js';

/** The app's theme: --theme, else $SANCTUM_CONFIG_THEME, else auto; anything else is a usage error. */
export function themeOf(command: Command): ThemeChoice {
  return themeFrom(command.optsWithGlobals().theme as string | undefined);
}

/** The same, from --theme's value as given (the app's short route has no command tree). */
export function themeFrom(option: string | undefined): ThemeChoice {
  const given = option ?? process.env.SANCTUM_CONFIG_THEME ?? 'auto';
  const theme = themeChoices.find((t) => t === given);
  if (!theme) throw new UsageError(`--theme must be one of ${themeChoices.join(', ')}, not '${given}'`);
  return theme;
}

/** The screen reader mode: --screen-reader, SANCTUM_CONFIG_SCREEN_READER=1, or Ink's own INK_SCREEN_READER=true. */
export function screenReaderOf(command: Command): boolean {
  return screenReaderFrom(Boolean(command.optsWithGlobals().screenReader));
}

export function screenReaderFrom(option: boolean): boolean {
  return option || process.env.SANCTUM_CONFIG_SCREEN_READER === '1' || process.env.INK_SCREEN_READER === 'true';
}
