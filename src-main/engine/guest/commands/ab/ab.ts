/**
 * ab (ApacheBench, §17): N requests, C at a time, each one through the virtual network to the
 * target's web server (routes, security groups, the guest's httpd), then ApacheBench's report.
 * Times are what the lab's requests really took (wall-clock, in-process), not invented figures.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import { httpRequest, parseUrl } from '../../net-client';
import { fail, Output } from '../util';

const USAGE = `Usage: ab [options] [http[s]://]hostname[:port]/path
Options are:
    -n requests     Number of requests to perform
    -c concurrency  Number of multiple requests to make at a time
    -t timelimit    Seconds to max. to spend on benchmarking
    -H attribute    Add Arbitrary header line, eg. 'Accept-Encoding: gzip'
    -k              Use HTTP KeepAlive feature
    -q              Do not show progress when doing more than 150 requests
`;

interface Sample {
  ms: number;
  ok: boolean;
  status: number;
  length: number;
  headerBytes: number;
}

const f3 = (n: number): string => n.toFixed(3);
const f2 = (n: number): string => n.toFixed(2);

function stats(values: number[]): { min: number; mean: number; sd: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { min: sorted[0] ?? 0, mean, sd, median, max: sorted.at(-1) ?? 0 };
}

export function abCommand(env: CommandEnv, installed: () => boolean): ShellCommand {
  return {
    name: 'ab',
    async run(args, ctx) {
      if (!installed()) return { stdout: '', stderr: '-bash: ab: command not found\n', exitCode: 127 };
      let n = 1;
      let c = 1;
      let limitSec: number | undefined;
      let quiet = false;
      const headers: Record<string, string> = {};
      let url: string | undefined;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-n') n = Number(args[++i]);
        else if (a === '-c') c = Number(args[++i]);
        else if (a === '-t') limitSec = Number(args[++i]);
        else if (a === '-H') {
          const h = args[++i] ?? '';
          const colon = h.indexOf(':');
          if (colon > 0) headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
        } else if (a === '-k') continue;
        else if (a === '-q') quiet = true;
        else if (a === '-V') return { stdout: 'This is ApacheBench, Version 2.3 <$Revision: 1807734 $>\n', stderr: '', exitCode: 0 };
        else if (a === '-h') return { stdout: '', stderr: USAGE, exitCode: 0 };
        else if (a.startsWith('-')) return fail(`ab: invalid option -- '${a.slice(1)}'\n${USAGE}`, 22);
        else url = a;
      }
      if (limitSec !== undefined && !args.includes('-n')) n = 50_000;
      if (!url) return fail(`ab: wrong number of arguments\n${USAGE}`, 1);
      const u = parseUrl(url);
      if (!u || !/^https?:\/\/[^/]+\/.*/i.test(url)) return fail(`ab: invalid URL\n${USAGE}`, 1);
      if (!Number.isInteger(n) || n < 1 || !Number.isInteger(c) || c < 1) return fail(`ab: invalid number of requests or concurrency\n${USAGE}`, 1);
      if (c > n) return fail('ab: Cannot use concurrency level greater than total number of requests', 1);
      if (c > 20000) return fail('ab: Concurrency level must be less than 20000', 1);
      const out = new Output(env.io());
      out.write(`This is ApacheBench, Version 2.3 <$Revision: 1807734 $>
Copyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/
Licensed to The Apache Software Foundation, http://www.apache.org/

Benchmarking ${u.host} (be patient)${n >= 150 && !quiet ? '\n' : ''}`);
      const heartbeat = Math.max(100, Math.floor(n / 10));
      const samples: Sample[] = [];
      let server = '';
      let failure: string | undefined;
      let next = 0;
      const started = performance.now();
      const deadline = limitSec !== undefined ? started + limitSec * 1000 : Infinity;
      const worker = async (): Promise<void> => {
        while (next < n && !failure && !ctx.signal?.aborted && performance.now() < deadline) {
          next++;
          const t0 = performance.now();
          const r = await httpRequest(env.guest, url, { headers: { 'user-agent': 'ApacheBench/2.3', accept: '*/*', ...headers }, connectTimeoutMs: 30_000, ...(ctx.signal ? { signal: ctx.signal } : {}) });
          const ms = performance.now() - t0;
          if (!r.ok) {
            failure = r.code === 6 ? `ab: could not resolve ${u.host}` : r.message.includes('refused') ? 'apr_socket_connect(): Connection refused (111)' : 'apr_pollset_poll: The timeout specified has expired (70007)';
            return;
          }
          server ||= r.res.headers.server ?? r.res.headers.Server ?? '';
          const length = Buffer.byteLength(r.res.body);
          const headerBytes = `HTTP/1.1 ${r.res.status} ${r.res.statusText}\r\n`.length + Object.entries(r.res.headers).reduce((a, [k, v]) => a + k.length + v.length + 4, 0) + 2;
          samples.push({ ms, ok: true, status: r.res.status, length, headerBytes });
          if (n >= 150 && !quiet && samples.length % heartbeat === 0 && samples.length < n) out.write(`Completed ${samples.length} requests\n`);
          // Let the rest of the lab run between requests.
          if (samples.length % 50 === 0) await new Promise((res) => setImmediate(res));
        }
      };
      await Promise.all(Array.from({ length: c }, worker));
      if (failure) {
        out.write(`...${failure}\nTotal of ${samples.length} requests completed\n`);
        return out.done(1);
      }
      const took = (performance.now() - started) / 1000;
      const done = samples.length;
      if (n >= 150 && !quiet) out.write(`Completed ${done} requests\nFinished ${done} requests\n`);
      else out.write('.....done\n');
      const docLength = samples[0]?.length ?? 0;
      const lengthFails = samples.filter((s) => s.length !== docLength).length;
      const non2xx = samples.filter((s) => s.status < 200 || s.status >= 300).length;
      const html = samples.reduce((a, s) => a + s.length, 0);
      const total = html + samples.reduce((a, s) => a + s.headerBytes, 0);
      const times = samples.map((s) => s.ms);
      const st = stats(times);
      const rps = done / Math.max(took, 1e-6);
      const row = (name: string, s: ReturnType<typeof stats>): string =>
        `${name.padEnd(12)}${String(Math.round(s.min)).padStart(5)}${String(Math.round(s.mean)).padStart(5)}${s.sd.toFixed(1).padStart(6)}${String(Math.round(s.median)).padStart(7)}${String(Math.round(s.max)).padStart(8)}`;
      const zero = { min: 0, mean: 0, sd: 0, median: 0, max: 0 };
      const sorted = [...times].sort((a, b) => a - b);
      const pct = (p: number): string => String(Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)).padStart(6);
      out.write(`

Server Software:        ${server}
Server Hostname:        ${u.host}
Server Port:            ${u.port}

Document Path:          ${u.path}
Document Length:        ${docLength} bytes

Concurrency Level:      ${c}
Time taken for tests:   ${f3(took)} seconds
Complete requests:      ${done}
Failed requests:        ${lengthFails}
${lengthFails ? `   (Connect: 0, Receive: 0, Length: ${lengthFails}, Exceptions: 0)\n` : ''}${non2xx ? `Non-2xx responses:      ${non2xx}\n` : ''}Total transferred:      ${total} bytes
HTML transferred:       ${html} bytes
Requests per second:    ${f2(rps)} [#/sec] (mean)
Time per request:       ${f3((took * 1000 * c) / Math.max(1, done))} [ms] (mean)
Time per request:       ${f3((took * 1000) / Math.max(1, done))} [ms] (mean, across all concurrent requests)
Transfer rate:          ${f2(total / 1024 / Math.max(took, 1e-6))} [Kbytes/sec] received

Connection Times (ms)
              min  mean[+/-sd] median   max
${row('Connect:', zero)}
${row('Processing:', st)}
${row('Waiting:', st)}
${row('Total:', st)}

Percentage of the requests served within a certain time (ms)
  50%${pct(50)}
  66%${pct(66)}
  75%${pct(75)}
  80%${pct(80)}
  90%${pct(90)}
  95%${pct(95)}
  98%${pct(98)}
  99%${pct(99)}
 100%${pct(100)} (longest request)
`);
      return out.done(0);
    },
  };
}
