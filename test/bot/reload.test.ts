import { describe, expect, it } from 'vitest';
import { createIndexReloader } from '../../src/bot/reload.js';
import type { SearchIndex } from '../../src/search/index.js';
import { recordingLogger } from '../feedback/helpers.js';

/** A stand-in for a search index: only what the reloader reads (the file's units and lines). */
const fakeIndex = (units: number) => ({ file: { units: Array.from({ length: units }, (_, i) => ({ id: `u${i}` })), lines: [] } }) as unknown as SearchIndex;

describe('createIndexReloader', () => {
  it('GIVEN a load that succeeds THEN the new index answers from then on, and the log says so', async () => {
    const log = recordingLogger('info');
    const reloader = createIndexReloader(fakeIndex(2), () => fakeIndex(5), log.logger);
    const before = reloader.current;
    const outcome = await reloader.reload('signal');
    expect(outcome).toMatchObject({ ok: true, units: 5, previousUnits: 2, lines: 0 });
    expect(reloader.current).not.toBe(before);
    expect(log.lines()).toEqual([expect.objectContaining({ msg: 'index reloaded', trigger: 'signal', units: 5, previousUnits: 2 })]);
  });

  it('GIVEN a load that throws (a broken rebuilt index) THEN the old index stays, and the reason is returned and logged', async () => {
    const log = recordingLogger('info');
    const initial = fakeIndex(2);
    const reloader = createIndexReloader(initial, () => {
      throw new Error('index-file: /x/index.json is not valid JSON');
    }, log.logger);
    expect(await reloader.reload('command')).toEqual({ ok: false, reason: 'index-file: /x/index.json is not valid JSON' });
    expect(reloader.current).toBe(initial);
    expect(log.lines()).toEqual([expect.objectContaining({ msg: 'index reload failed; still answering from the previous index', level: 50, reason: 'index-file: /x/index.json is not valid JSON' })]);
  });

  it('GIVEN reloads asked for while one runs THEN they share it: the index is loaded once', async () => {
    let loads = 0;
    const reloader = createIndexReloader(fakeIndex(1), () => fakeIndex(++loads + 1), recordingLogger('info').logger);
    const [a, b] = await Promise.all([reloader.reload('signal'), reloader.reload('command')]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    await reloader.reload('signal');
    expect(loads).toBe(2);
  });

  it('GIVEN a request that read the index before the reload THEN it keeps that index to its end', async () => {
    const reloader = createIndexReloader(fakeIndex(1), () => fakeIndex(9), recordingLogger('info').logger);
    const inFlight = reloader.current;
    await reloader.reload('signal');
    expect(inFlight.file.units).toHaveLength(1);
    expect(reloader.current.file.units).toHaveLength(9);
  });
});
