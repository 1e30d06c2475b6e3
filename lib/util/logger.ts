/**
 * The one logger. Debug output only in development builds; warnings and errors always.
 * Callers pass codes and counts, never keys, profile values or page text.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, ...data: unknown[]): void;
  info(message: string, ...data: unknown[]): void;
  warn(message: string, ...data: unknown[]): void;
  error(message: string, ...data: unknown[]): void;
}

// `import.meta.env` exists in Vite builds and Vitest; Node loaders (Playwright, tsx CLIs) have none.
const isDevBuild = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;

export function createLogger(scope: string, debugEnabled = isDevBuild): Logger {
  const write = (level: Level, message: string, data: unknown[]) => {
    if (level === 'debug' && !debugEnabled) return;
    const fn = level === 'debug' ? console.debug : level === 'info' ? console.info : level === 'warn' ? console.warn : console.error;
    fn(`[jobfit:${scope}] ${message}`, ...data);
  };
  return {
    debug: (m, ...d) => write('debug', m, d),
    info: (m, ...d) => write('info', m, d),
    warn: (m, ...d) => write('warn', m, d),
    error: (m, ...d) => write('error', m, d),
  };
}
