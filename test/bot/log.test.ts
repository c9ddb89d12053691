import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

describe('createLogger', () => {
  it('GIVEN an object carrying the token THEN the JSON line shows [redacted] instead', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ config: { discordToken: 'MTE4.secret' }, token: 'MTE4.secret', headers: { authorization: 'Bot MTE4.secret' } }, 'starting');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'starting', token: '[redacted]', config: { discordToken: '[redacted]' } });
  });
});
