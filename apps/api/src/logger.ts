/** One JSON line per event on stderr; enough for a container's log collector. */
export function logError(event: string, fields: Record<string, unknown>): void {
  console.error(
    JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...fields }),
  );
}

export function logInfo(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'info', time: new Date().toISOString(), event, ...fields })}\n`,
  );
}
