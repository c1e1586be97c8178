import { Writable } from 'node:stream';
import { createLogger } from '../logging/logger';

/** A logger writing into memory, through the platform's redaction; `lines()` parses what it wrote. */
export function memoryLogger(level: 'info' | 'trace' = 'info') {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('test', level, stream);
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  return { logger, text, lines };
}
