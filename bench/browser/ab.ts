/**
 * A/B cold loads of two builds, interleaved so both see the same machine load:
 *   npx tsx bench/browser/ab.ts <distA> <distB> [runs=3]
 * Prints each run's first-paint time and JavaScript before it, then the medians and their ratio.
 */
import { DEFAULT_SCENE } from '../../src/engine/scene';
import { coldLoad, launch, loadText } from './cold-load';
import { sceneUrl } from './scenes';
import { serveStatic } from './server';
import { median } from './stats';

const [a, b, runsText] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: npx tsx bench/browser/ab.ts <distA> <distB> [runs]');
  process.exit(2);
}
const runs = Number(runsText ?? 3);
const servers = [await serveStatic(a), await serveStatic(b)];
const browser = await launch();
const times: number[][] = [[], []];
try {
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < 2; k++) {
      const load = await coldLoad(browser, sceneUrl(servers[k]!.url, DEFAULT_SCENE));
      times[k]!.push(load.paintedMs);
      console.log(
        `${k === 0 ? 'A' : 'B'} run ${run + 1}: ${load.paintedMs.toFixed(0)} ms, ${(load.gzipTotal / 1024).toFixed(1)} KB gzip in ${load.scripts.length} scripts; ${loadText()}`,
      );
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
const [ma, mb] = times.map(median) as [number, number];
console.log(`median A ${ma.toFixed(0)} ms, B ${mb.toFixed(0)} ms, B/A ${(mb / ma).toFixed(2)}`);
