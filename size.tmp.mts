import { initialJavaScript } from './bench/browser/initial-js';
const s = initialJavaScript('dist');
console.log(s.map((x) => `${x.file} ${(x.gzip / 1024).toFixed(2)}`).join('\n'), '\ntotal', (s.reduce((a, x) => a + x.gzip, 0) / 1024).toFixed(2));
