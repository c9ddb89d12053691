// `npm run build` (and before `npm start`, and at `npm ci`): compiles src/, commands/ and the
// bench's worker to dist/ with tsc (src/tsconfig.build.json; types are checked by `npm test`), when the sources
// changed since the last build (`--force`: always). dist/ is replaced whole, so that nothing
// of a deleted source stays. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'dist');
const stamp = join(dist, '.sources');

/** Every file the build reads (path, size, time), as one digest. */
function fingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(`${path}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'commands'));
  walk(join(root, 'benchmarks'));
  for (const name of ['tsconfig.json', 'src/tsconfig.build.json', 'package.json']) hash.update(readFileSync(join(root, name)));
  return hash.digest('hex');
}

const current = fingerprint();
if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) process.exit(0);
// Compiled beside, then swapped in: a process running dist/ meanwhile keeps whole files.
const staging = join(root, `dist.${process.pid}.tmp`);
rmSync(staging, { recursive: true, force: true });
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'src/tsconfig.build.json'), '--outDir', staging], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write('build: tsc failed; dist/ is left as it was.\n');
  process.exit(result.status ?? 1);
}
writeFileSync(join(staging, '.sources'), current);
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
