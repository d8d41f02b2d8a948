import type { Connection } from 'vscode-languageserver';

/** Runs a handler; on an exception logs it and answers `fallback`, so no request ever fails the client. */
export async function runSafe<T>(connection: Connection, what: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}
