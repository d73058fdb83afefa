import { createReadStream } from 'node:fs';
import { analyzeCsv } from './dist/node/server/services/analyze-csv/analyze-csv.js';
const hwm = Number(process.argv[3]);
const t = performance.now();
const r = await analyzeCsv({ responses: { name: 'x', open: () => createReadStream(process.argv[2], { highWaterMark: hwm }) }, domains: ['province', 'agency'], multiSelectPrefixes: ['ms'] });
console.log(hwm, ((performance.now() - t) / 1000).toFixed(2), 's', r.estimates.length, 'rss', process.memoryUsage().rss >> 20, 'peak', process.resourceUsage().maxRSS >> 10);
