import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/index-file.js';
import { benchmarkQuestions } from './questions.js';
import type { Corpus, System, WorkerResult } from './scale-worker.js';

/**
 * `npm run bench -- [--json] [--scales 1000,10000,100000] [--corpora recombined,archive] [--repeats 3] [--cold-starts 5]`
 *
 * Every figure is the median of `repeats` runs, each in its own process (scale-worker.ts) and
 * each timing at least 2,000 questions after warm-up; `p99Spread` is the slowest run's p99 over
 * the fastest's. Workers run with the Node flags of the start script (package.json), as the bot does.
 *
 * - bundled: answerQuestion on the bundled index loaded as the bot loads it, next to a bare
 *   minisearch + nodejieba search of the same units (the baseline); cold start: the start
 *   script of package.json (as `npm start` runs it, without npm itself) from spawn to its first
 *   answer on stdout, median of `cold-starts` runs; rssMb: that process's peak resident
 *   memory after start-up and answering every benchmark question (median of those runs);
 *   botRssMb and botReadyMs: the same start script with a token, as the bot on the Discord
 *   stand-in of the tests, after replying to every benchmark question mentioned to it.
 * - scale: each corpus at each size (recombined: the bundled transcript's sentences recombined;
 *   archive: archive-corpus.ts). buildMs and buildPeakRssMb: writing the search index of the
 *   index file (what build-index does after ingest, nodejieba); loadMs, p50/p99 and peakRssMb:
 *   the bot's process, which loads it (loadSearchIndex) and answers; next to a character-bigram
 *   BM25 over typed arrays (reference.ts) on the same corpus and questions.
 *
 * With --json: one JSON object `{ machine, bundled, scale }`.
 */

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scales: { type: 'string', default: '1000,10000,100000' },
    corpora: { type: 'string', default: 'recombined,archive' },
    repeats: { type: 'string', default: '3' },
    'cold-starts': { type: 'string', default: '5' },
    start: { type: 'string' },
  },
});

function log(text: string): void {
  if (!values.json) process.stdout.write(`${text}\n`);
}

const packageJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** The start script of package.json, or another start command to compare (`--start 'tsx src/main.ts'`). */
const START_SCRIPT = values.start ?? packageJson.scripts['start'] ?? 'tsx src/main.ts';
/** The Node flags the start script gives (`node --max-semi-space-size=… dist/main.js`), for the workers. */
const NODE_FLAGS = START_SCRIPT.startsWith('node ') ? (START_SCRIPT.match(/(?:^|\s)(--[a-z-]+(?:=\S+)?)/gu) ?? []).map((flag) => flag.trim()).filter((flag) => flag !== '--import') : [];

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function spread(numbers: readonly number[]): number {
  return Math.round((Math.max(...numbers) / Math.max(1, Math.min(...numbers))) * 100) / 100;
}

/** The worker runs compiled, as the bot does (src/cli/build.mjs compiles it with the sources). */
function worker(args: readonly string[]): string {
  const child = spawnSync(process.execPath, [...NODE_FLAGS, 'dist/benchmarks/scale-worker.js', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench: scale-worker ${args.join(' ')} failed: ${child.stderr}`);
  return child.stdout.trim();
}

/** Runs each system `repeats` times on a corpus folder, interleaved (a, b, a, b …) so that neither profits from a quieter moment. */
function repeated(systems: readonly System[], dir: string, repeats: number): Map<System, WorkerResult[]> {
  const runs = new Map<System, WorkerResult[]>(systems.map((system) => [system, []]));
  for (let i = 0; i < repeats; i++) {
    for (const system of systems) runs.get(system)?.push(JSON.parse(worker(['--system', system, '--dir', dir])) as WorkerResult);
  }
  return runs;
}

function summary(runs: readonly WorkerResult[]) {
  return {
    loadMs: Math.round(median(runs.map((run) => run.loadMs))),
    p50Us: Math.round(median(runs.map((run) => run.p50Us))),
    p99Us: Math.round(median(runs.map((run) => run.p99Us))),
    p99Spread: spread(runs.map((run) => run.p99Us)),
    cpuP50Us: Math.round(median(runs.map((run) => run.cpuP50Us))),
    cpuP99Us: Math.round(median(runs.map((run) => run.cpuP99Us))),
    buildMs: Math.round(median(runs.map((run) => run.buildMs))),
    peakRssMb: Math.round(median(runs.map((run) => run.peakRssMb))),
    timed: runs[0]?.timed ?? 0,
  };
}

/** Process ids of a process and all its descendants (Linux /proc). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while the tree was read.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** Peak resident memory (VmHWM) of the largest process of a tree, in MB: the bot, not its launcher. */
function peakRssOfTree(root: number): number {
  let peak = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      peak = Math.max(peak, Number(match?.[1] ?? 0) / 1024);
    } catch {
      // Ended meanwhile.
    }
  }
  return Math.round(peak);
}

/**
 * One start of the product as `npm start` runs it (its start script, node_modules/.bin on the
 * PATH, console mode: no token, no .env): the time from spawn to the first answer on stdout,
 * then, once every benchmark question is answered, the bot process's peak resident memory.
 */
function startOnce(questions: readonly string[]): Promise<{ firstAnswerMs: number; rssMb: number }> {
  return new Promise((done, fail) => {
    const env = {
      PATH: `${resolve(PROJECT_ROOT, 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}`,
      HOME: process.env['HOME'] ?? '',
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
    };
    const start = performance.now();
    const child = spawn('sh', ['-c', START_SCRIPT], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let firstAnswerMs = 0;
    let quiet: NodeJS.Timeout | undefined;
    let rssMb = 0;
    let stderr = '';
    const finish = () => {
      rssMb = peakRssOfTree(child.pid ?? 0);
      child.stdin.end();
    };
    child.stdout.on('data', () => {
      if (firstAnswerMs === 0) {
        firstAnswerMs = performance.now() - start;
        child.stdin.write(`${questions.join('\n')}\n`);
      }
      clearTimeout(quiet);
      quiet = setTimeout(finish, 500);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 && firstAnswerMs > 0 ? done({ firstAnswerMs, rssMb }) : fail(new Error(`bench: start script exited with ${code}: ${stderr}`))));
    child.stdin.write('中美关系会走向新冷战吗\n');
  });
}

/**
 * The bot itself, started by the start script against the Discord stand-in of the tests
 * (test/support/fake-discord: REST and gateway on loopback): from spawn to READY, then each
 * question mentioned to it and its reply awaited; then the bot process's peak resident memory.
 */
async function botOnce(questions: readonly string[]): Promise<{ readyMs: number; rssMb: number; replies: number }> {
  const { FakeDiscord } = await import('../test/support/fake-discord/index.js');
  const token = 'bench.token-for-the-stand-in';
  const discord = await FakeDiscord.start({ token, waitTimeoutMs: 60_000 });
  const feedback = mkdtempSync(join(tmpdir(), 'koujing-bench-feedback-'));
  const env = {
    PATH: `${resolve(PROJECT_ROOT, 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}`,
    HOME: process.env['HOME'] ?? '',
    DOTENV_CONFIG_PATH: '/nonexistent/.env',
    DISCORD_TOKEN: token,
    DISCORD_API_BASE: discord.apiBase,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_QUESTIONS: '1000',
    FEEDBACK_DB_PATH: join(feedback, 'koujing.sqlite'),
  };
  const start = performance.now();
  // Its own process group, so that stopping it stops the node process the shell started.
  const child = spawn('sh', ['-c', START_SCRIPT], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  try {
    await Promise.race([
      discord.waitForReady(1, 60_000),
      exited.then(() => Promise.reject(new Error('the bot exited'))),
    ]).catch((error: unknown) => {
      throw new Error(`bench: the bot did not connect to the stand-in: ${(error as Error).message}\n${output}`);
    });
    const readyMs = performance.now() - start;
    let replies = 0;
    for (const question of questions) {
      const message = discord.sendMessage({ content: question, mentionsBot: true });
      try {
        await discord.waitForReply(message, 10_000);
        replies++;
      } catch {
        // A question the bot leaves without a reply still counts in its memory.
      }
    }
    return { readyMs, rssMb: peakRssOfTree(child.pid ?? 0), replies };
  } finally {
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    await exited;
    await discord.close();
    rmSync(feedback, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const repeats = Math.max(1, Number(values.repeats));
  const build = spawnSync(process.execPath, ['src/cli/build.mjs'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('bench: the build failed');
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, nodeFlags: NODE_FLAGS, start: START_SCRIPT };
  log(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; start script \`${START_SCRIPT}\``);
  log(`every figure: median of ${repeats} runs, each in its own process`);

  const dir = mkdtempSync(join(tmpdir(), 'koujing-bench-'));
  const bundledDir = join(dir, 'bundled');
  worker(['--make', 'bundled', '--out', bundledDir]);
  const bundledRuns = repeated(['pipeline', 'baseline'], bundledDir, repeats);
  const ours = summary(bundledRuns.get('pipeline') ?? []);
  const theirs = summary(bundledRuns.get('baseline') ?? []);
  const starts: { firstAnswerMs: number; rssMb: number }[] = [];
  const questions = benchmarkQuestions();
  for (let i = 0; i < Math.max(1, Number(values['cold-starts'])); i++) starts.push(await startOnce(questions));
  const bots: { readyMs: number; rssMb: number; replies: number }[] = [];
  for (let i = 0; i < repeats; i++) bots.push(await botOnce(questions));
  const bundled = {
    p50Us: ours.p50Us,
    p99Us: ours.p99Us,
    baselineP50Us: theirs.p50Us,
    baselineP99Us: theirs.p99Us,
    coldStartMs: Math.round(median(starts.map((s) => s.firstAnswerMs))),
    rssMb: Math.round(median(starts.map((s) => s.rssMb))),
    p99Spread: ours.p99Spread,
    cpuP50Us: ours.cpuP50Us,
    cpuP99Us: ours.cpuP99Us,
    loadMs: ours.loadMs,
    timed: ours.timed,
    coldStartsMs: starts.map((s) => Math.round(s.firstAnswerMs)),
    botRssMb: Math.round(median(bots.map((bot) => bot.rssMb))),
    botReadyMs: Math.round(median(bots.map((bot) => bot.readyMs))),
    botReplies: bots[0]?.replies ?? 0,
  };
  log(`bundled index (${ours.timed} timed questions a run)`);
  log(`  answerQuestion  p50 ${bundled.p50Us} µs  p99 ${bundled.p99Us} µs  (spread ${bundled.p99Spread}; CPU time p50 ${bundled.cpuP50Us} µs, p99 ${bundled.cpuP99Us} µs)`);
  log(`  baseline        p50 ${bundled.baselineP50Us} µs  p99 ${bundled.baselineP99Us} µs  (bare minisearch + nodejieba over question and text)`);
  log(`  cold start ${bundled.coldStartMs} ms (runs: ${bundled.coldStartsMs.join(', ')}), peak RSS ${bundled.rssMb} MB (console)`);
  log(`  bot on the Discord stand-in: READY ${bundled.botReadyMs} ms after spawn, peak RSS ${bundled.botRssMb} MB after ${bundled.botReplies} replies`);

  const scale = [];
  for (const corpus of values.corpora.split(',').filter(Boolean) as Corpus[]) {
    for (const paragraphs of values.scales.split(',').map(Number).filter((n) => n > 0)) {
      const corpusDir = join(dir, `${corpus}-${paragraphs}`);
      worker(['--make', corpus, '--paragraphs', String(paragraphs), '--out', corpusDir]);
      const build = summary(repeated(['build'], corpusDir, repeats).get('build') ?? []);
      const runs = repeated(['pipeline', 'reference'], corpusDir, repeats);
      rmSync(corpusDir, { recursive: true, force: true });
      const pipeline = summary(runs.get('pipeline') ?? []);
      const reference = summary(runs.get('reference') ?? []);
      const first = runs.get('pipeline')?.[0];
      const row = {
        corpus,
        paragraphs,
        units: first?.units ?? 0,
        buildMs: build.buildMs,
        buildPeakRssMb: build.peakRssMb,
        loadMs: pipeline.loadMs,
        peakRssMb: pipeline.peakRssMb,
        p50Us: pipeline.p50Us,
        p99Us: pipeline.p99Us,
        p99Spread: pipeline.p99Spread,
        cpuP50Us: pipeline.cpuP50Us,
        cpuP99Us: pipeline.cpuP99Us,
        referenceP50Us: reference.p50Us,
        referenceP99Us: reference.p99Us,
        referenceCpuP99Us: reference.cpuP99Us,
        referencePeakRssMb: reference.peakRssMb,
        referenceBuildMs: reference.buildMs,
        p99OverReference: Math.round((pipeline.p99Us / Math.max(1, reference.p99Us)) * 100) / 100,
        cpuP99OverReference: Math.round((pipeline.cpuP99Us / Math.max(1, reference.cpuP99Us)) * 100) / 100,
        questions: first?.questions ?? 0,
        timed: pipeline.timed,
      };
      scale.push(row);
      log(
        `  ${corpus.padEnd(10)} ${String(paragraphs).padStart(7)} paragraphs (${row.units} units): build ${row.buildMs} ms (peak ${row.buildPeakRssMb} MB), load ${row.loadMs} ms, bot peak RSS ${row.peakRssMb} MB, ` +
          `p50 ${row.p50Us} µs, p99 ${row.p99Us} µs (spread ${row.p99Spread}); reference p50 ${row.referenceP50Us} µs, p99 ${row.referenceP99Us} µs, ` +
          `${row.referencePeakRssMb} MB, build ${row.referenceBuildMs} ms; p99 ${row.p99OverReference}× the reference (CPU time: p99 ${row.cpuP99Us} µs, ${row.cpuP99OverReference}×)`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  if (values.json) process.stdout.write(`${JSON.stringify({ machine, bundled, scale })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
