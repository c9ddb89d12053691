import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

/** A path for a feedback database in a new temporary folder (the file does not exist yet). */
export function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'koujing-feedback-')), 'koujing.sqlite');
}

/** A logger at `level` whose JSON lines are kept: `lines()` parsed, `text()` as written. */
export function recordingLogger(level: 'info' | 'debug' = 'info'): { logger: Logger; lines: () => LogLine[]; text: () => string } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString().split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines: () => raw.map((line) => JSON.parse(line) as LogLine), text: () => raw.join('\n') };
}

/** A pino JSON line: level 30 info, 40 warn, 50 error, 60 fatal. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/**
 * Makes `path` read-only for this process: mode 0444, and, for root (whom modes do not stop),
 * the immutable attribute. Returns how to undo it, or null when the file stays writable here
 * (root without the capability to set the attribute).
 */
export function makeReadOnly(path: string): (() => void) | null {
  chmodSync(path, 0o444);
  let immutable = false;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
      immutable = true;
    } catch {
      // No chattr, or no CAP_LINUX_IMMUTABLE: checked below.
    }
  }
  const undo = () => {
    if (immutable) execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
    chmodSync(path, 0o644);
  };
  try {
    closeSync(openSync(path, 'r+'));
  } catch {
    return undo;
  }
  undo();
  return null;
}
