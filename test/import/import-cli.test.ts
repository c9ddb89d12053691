import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_POLICY, runImport, USER_AGENT, type FetchPolicy } from '../../src/cli/import.js';
import { PROJECT_ROOT } from '../../src/index-file.js';

const PAGES = join(PROJECT_ROOT, 'test/fixtures/pages');
const page = (name: string): Buffer => readFileSync(join(PAGES, name));
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'koujing-import-'));

/** Short waits, so retries take milliseconds; otherwise the CLI's own policy. */
const FAST: FetchPolicy = { ...DEFAULT_FETCH_POLICY, timeoutMs: 300, backoffMs: 5, maxBackoffMs: 20, pauseMs: 0 };

async function run(argv: string[], policy: FetchPolicy = FAST): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(argv, { out: (line) => out.push(line), err: (line) => err.push(line), policy });
  return { code, out, err };
}

/** What the local stand-in for the ministry's server answers on one path, request after request. */
type Reply = { status: number; body?: Buffer; contentType?: string } | 'hang';

/** A real HTTP server on 127.0.0.1: each path answers its replies in turn (the last one repeats); it records every request. */
class PageServer {
  readonly requests: { path: string; userAgent: string | undefined }[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly routes = new Map<string, Reply[]>();
  private readonly server: Server = createServer((request, response) => this.answer(request, response));
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  route(path: string, ...replies: Reply[]): string {
    this.routes.set(path, replies);
    return this.url(path);
  }

  countOf(path: string): number {
    return this.requests.filter((request) => request.path === path).length;
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ path, userAgent: request.headers['user-agent'] });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on('close', () => (this.inFlight -= 1));
    const replies = this.routes.get(path) ?? [{ status: 404 }];
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply === 'hang') {
      this.hanging.add(response);
      return;
    }
    // A little latency, so overlapping requests would show in maxInFlight.
    setTimeout(() => {
      response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/html; charset=utf-8' });
      response.end(reply.body ?? `<html><body>${reply.status}</body></html>`);
    }, 10);
  }
}

describe('npm run import: URLs, through a real HTTP server on 127.0.0.1', () => {
  const server = new PageServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('GIVEN the URL of a transcript page THEN it is fetched once with a koujing user agent and written, the URL in its meta', async () => {
    const url = server.route('/web/202405/t20240520_1.shtml', { status: 200, body: page('regular-zh.html') });
    const out = tempDir();
    const result = await run([url, '--out', out]);
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out).toEqual([`import: ${url} → ${join(out, '2024-05-20-regular-press-conference-zh')}.txt (+ .meta.json): written; 2024-05-20, 林明, zh, 9 paragraphs`]);
    expect(server.countOf('/web/202405/t20240520_1.shtml')).toBe(1);
    expect(server.requests.at(-1)!.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^koujing\//u);
    const meta = JSON.parse(readFileSync(join(out, '2024-05-20-regular-press-conference-zh.meta.json'), 'utf8')) as { url: string };
    expect(meta.url).toBe(url);
  });

  it('GIVEN a server that answers 500 once, then the page THEN it retries after a back-off and writes the page', async () => {
    const url = server.route('/retry.shtml', { status: 500 }, { status: 200, body: page('regular-en.html') });
    const out = tempDir();
    const result = await run([url, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([`import: ${url}: HTTP 500 Internal Server Error; retrying in 0.005 s (attempt 2 of 4)`]);
    expect(server.countOf('/retry.shtml')).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['2024-05-20-regular-press-conference-en.meta.json', '2024-05-20-regular-press-conference-en.txt']);
  });

  it('GIVEN a 404 THEN one request only, a clear message, and nothing written', async () => {
    const url = server.route('/gone.shtml', { status: 404 });
    const out = tempDir();
    const result = await run([url, '--out', out]);
    expect(result).toEqual({ code: 1, out: [], err: [`import: ${url}: HTTP 404 Not Found (not retried); nothing written.`] });
    expect(server.countOf('/gone.shtml')).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('GIVEN a server that keeps answering 503 THEN it gives up after the retries, waiting longer each time', async () => {
    const url = server.route('/down.shtml', { status: 503 });
    const result = await run([url, '--out', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `import: ${url}: HTTP 503 Service Unavailable; retrying in 0.005 s (attempt 2 of 4)`,
      `import: ${url}: HTTP 503 Service Unavailable; retrying in 0.01 s (attempt 3 of 4)`,
      `import: ${url}: HTTP 503 Service Unavailable; retrying in 0.02 s (attempt 4 of 4)`,
      `import: ${url}: HTTP 503 Service Unavailable (gave up after 4 attempts); nothing written.`,
    ]);
    expect(server.countOf('/down.shtml')).toBe(4);
  });

  it('GIVEN a server that never answers THEN each attempt times out, is retried, and it gives up', async () => {
    const url = server.route('/slow.shtml', 'hang');
    const result = await run([url, '--out', tempDir()], { ...FAST, timeoutMs: 100, retries: 1 });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `import: ${url}: no answer within 0.1 s; retrying in 0.005 s (attempt 2 of 2)`,
      `import: ${url}: no answer within 0.1 s (gave up after 2 attempts); nothing written.`,
    ]);
  });

  it('GIVEN a closed port THEN a network error, retried, then a clear message', async () => {
    const closed = new PageServer();
    await closed.start();
    const url = closed.url('/x.shtml');
    await closed.stop();
    const result = await run([url, '--out', tempDir()], { ...FAST, retries: 1 });
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toMatch(new RegExp(`^import: ${url.replace(/[.?]/gu, '\\$&')}: network error: fetch failed \\(ECONNREFUSED\\) \\(gave up after 2 attempts\\); nothing written\\.$`, 'u'));
  });

  it('GIVEN a page served as GBK THEN it is refused and nothing is written', async () => {
    const url = server.route('/old.shtml', { status: 200, body: page('regular-gbk.html'), contentType: 'text/html; charset=GBK' });
    const out = tempDir();
    const result = await run([url, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `import: ${url}: the page is encoded in GBK (charset=gbk); only UTF-8 pages are imported, so that no character is decoded by guesswork. Save it as UTF-8 (its <meta charset> too) and import that copy; nothing written.`,
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('GIVEN several URLs THEN they are fetched one at a time, in order', async () => {
    const first = server.route('/a.shtml', { status: 200, body: page('regular-zh.html') });
    const second = server.route('/b.shtml', { status: 200, body: page('regular-en.html') });
    const third = server.route('/c.shtml', { status: 200, body: page('minister-zh.html') });
    server.maxInFlight = 0;
    const before = server.requests.length;
    const result = await run([first, second, third, '--out', tempDir()], { ...FAST, pauseMs: 5 });
    expect(result.code).toBe(0);
    expect(server.requests.slice(before).map((request) => request.path)).toEqual(['/a.shtml', '/b.shtml', '/c.shtml']);
    expect(server.maxInFlight).toBe(1);
  });
});

describe('npm run import: files and folders', () => {
  it('GIVEN the same page imported twice THEN the second run reports unchanged and the files keep their bytes and times', async () => {
    const out = tempDir();
    const file = join(PAGES, 'regular-zh.html');
    expect((await run([file, '--out', out])).out[0]).toContain(': written; ');
    const txt = join(out, '2024-05-20-regular-press-conference-zh.txt');
    const meta = join(out, '2024-05-20-regular-press-conference-zh.meta.json');
    const before = { txt: readFileSync(txt), meta: readFileSync(meta), mtime: statSync(txt).mtimeMs };
    const again = await run([file, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.out[0]).toContain(': unchanged; 2024-05-20, 林明, zh, 9 paragraphs');
    expect(readFileSync(txt).equals(before.txt) && readFileSync(meta).equals(before.meta)).toBe(true);
    expect(statSync(txt).mtimeMs).toBe(before.mtime);
    expect(readdirSync(out).sort()).toEqual(['2024-05-20-regular-press-conference-zh.meta.json', '2024-05-20-regular-press-conference-zh.txt']);
  });

  it('GIVEN an imported file changed by hand THEN importing the page again restores it and says updated', async () => {
    const out = tempDir();
    const file = join(PAGES, 'minister-zh.html');
    await run([file, '--out', out]);
    const txt = join(out, '2019-03-08-minister-press-conference-zh.txt');
    const original = readFileSync(txt, 'utf8');
    writeFileSync(txt, original.replace('周衡：', '周衡:'));
    const result = await run([file, '--out', out]);
    expect(result.out[0]).toContain(': updated; ');
    expect(readFileSync(txt, 'utf8')).toBe(original);
  });

  it('GIVEN the fixture folder THEN the transcripts are written, every other page is refused by name, and the exit code is 1', async () => {
    expect(process.cwd()).toBe(PROJECT_ROOT); // paths are shown relative to it
    const out = tempDir();
    const result = await run(['test/fixtures/pages', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      `import: test/fixtures/pages/minister-zh.html → ${out}/2019-03-08-minister-press-conference-zh.txt (+ .meta.json): written; 2019-03-08, 周衡, zh, 9 paragraphs`,
      `import: test/fixtures/pages/regular-en.html → ${out}/2024-05-20-regular-press-conference-en.txt (+ .meta.json): written; 2024-05-20, Lin Ming, en, 9 paragraphs`,
      `import: test/fixtures/pages/regular-zh.html → ${out}/2024-05-20-regular-press-conference-zh.txt (+ .meta.json): written; 2024-05-20, 林明, zh, 9 paragraphs`,
    ]);
    expect(result.err.map((line) => line.slice(0, line.indexOf(': ', 'import: '.length)))).toEqual(
      ['empty.html', 'listing.html', 'news-article.html', 'regular-gbk.html'].map((name) => `import: test/fixtures/pages/${name}`),
    );
    expect(result.err.every((line) => line.endsWith('; nothing written.'))).toBe(true);
    expect(readdirSync(out).sort()).toEqual([
      '2019-03-08-minister-press-conference-zh.meta.json',
      '2019-03-08-minister-press-conference-zh.txt',
      '2024-05-20-regular-press-conference-en.meta.json',
      '2024-05-20-regular-press-conference-en.txt',
      '2024-05-20-regular-press-conference-zh.meta.json',
      '2024-05-20-regular-press-conference-zh.txt',
    ]);
  });

  it('GIVEN two different pages that would get the same name in one run THEN the second is refused', async () => {
    const dir = tempDir();
    copyFileSync(join(PAGES, 'regular-zh.html'), join(dir, 'a.html'));
    writeFileSync(join(dir, 'b.html'), page('regular-zh.html').toString('utf8').replace('目前我没有可以发布的消息。', '目前没有消息。'));
    const out = join(dir, 'out');
    const result = await run([dir, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`import: ${join(dir, 'b.html')}: it would overwrite 2024-05-20-regular-press-conference-zh.txt, written from ${join(dir, 'a.html')} in this run with other text; nothing written.`]);
    expect(readFileSync(join(out, '2024-05-20-regular-press-conference-zh.txt'), 'utf8')).toContain('目前我没有可以发布的消息。');
  });

  it.each([
    ['no source', [], 'import: give a URL, an .html file or a folder: npm run import -- <url|file.html|folder> … [--out <dir>]'],
    ['a missing file', ['nope.html'], 'import: nope.html does not exist (give a URL, an .html file or a folder).'],
    ['a folder without pages', ['test/fixtures/search'], 'import: no .html, .htm or .shtml page in test/fixtures/search.'],
  ])('GIVEN %s THEN a usage message and exit code 1', async (_, argv, message) => {
    const result = await run(argv);
    expect(result).toEqual({ code: 1, out: [], err: [message] });
  });

  it('GIVEN an unknown option THEN node’s parseArgs message, with the usage', async () => {
    const result = await run(['--force', 'x.html']);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^import: Unknown option '--force'\..* \(npm run import -- <url\|file\.html\|folder> … \[--out <dir>\]\)$/u);
  });
});

describe('npm run import as a process', () => {
  const runCli = promisify(execFile);
  it('GIVEN a saved page THEN the script (tsx src/cli/import.ts) writes it and exits 0; a GBK page exits 1 on stderr', async () => {
    const out = tempDir();
    const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
    const ok = await runCli(tsx, [join(PROJECT_ROOT, 'src/cli/import.ts'), join(PAGES, 'regular-zh.html'), '--out', out], { cwd: PROJECT_ROOT });
    expect(ok.stdout).toContain(': written; 2024-05-20, 林明, zh, 9 paragraphs');
    expect(existsSync(join(out, '2024-05-20-regular-press-conference-zh.txt'))).toBe(true);
    const bad = await runCli(tsx, [join(PROJECT_ROOT, 'src/cli/import.ts'), join(PAGES, 'regular-gbk.html'), '--out', join(out, 'gbk')], { cwd: PROJECT_ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('regular-gbk.html: the page is encoded in GBK (charset=gbk)');
    expect(existsSync(join(out, 'gbk'))).toBe(false);
  });
});
