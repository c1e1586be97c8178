import pino, { type DestinationStream } from 'pino';
import { isColorSupported, prettyFactory } from 'pino-pretty';

/** `json`: one JSON object per line, for machines. `pretty`: one readable line per event, for people. */
export type LogFormat = 'json' | 'pretty';

interface Output {
  format: LogFormat;
  /** Where loggers write their JSON lines (prettified on the way in `pretty`). */
  logs: DestinationStream;
  /** Standard output, behind every line written before. */
  stdout: DestinationStream;
}

let output: Output | null = null;

/**
 * Chooses how this process's logs look (LOG_FORMAT; see `logFormat` in
 * load-config.ts), once, from the entry point, before loggers write. Without
 * it, a process logs JSON.
 */
export function setLogFormat(format: LogFormat): void {
  if (output?.format === format) return;
  output = format === 'pretty' ? prettyOutput() : jsonOutput();
}

/**
 * The stream every logger of this process writes to. One stream, not one per
 * logger: each would buffer on its own and the services' lines would come out
 * of order (`demo data loaded` after `gateway ready`).
 */
export function logOutput(): DestinationStream {
  output ??= jsonOutput();
  return output.logs;
}

/** Writes text for people (the start-up banner) to stdout, after every log line written before it. */
export function writeConsole(text: string): void {
  output ??= jsonOutput();
  output.stdout.write(text);
}

function jsonOutput(): Output {
  // Asynchronous, as pino's own default; flushed when the process exits.
  const stdout = pino.destination({ dest: 1, sync: false });
  return { format: 'json', logs: stdout, stdout };
}

/**
 * Development on a terminal: `12:00:01.234 INFO  orders  order placed {"orderId":"..."}`, errors with
 * their stack below. Written synchronously, so the banner and the lines never cross.
 */
function prettyOutput(): Output {
  const stdout = pino.destination({ dest: 1, sync: true });
  const prettify = prettyFactory({
    colorize: isColorSupported,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    messageFormat: '{if service}{service}: {end}{msg}',
  });
  return { format: 'pretty', logs: { write: (line: string) => stdout.write(prettify(line)) }, stdout };
}
