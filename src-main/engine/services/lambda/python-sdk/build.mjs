#!/usr/bin/env node
// Builds the AWS SDK for Python that Python functions import (boto3, botocore and their pure-Python
// dependencies, Apache-2.0/MIT/BSD), from Debian's packages: fetched with `apt-get download` (or
// taken from /var/cache/apt/archives), unpacked with dpkg-deb, botocore's models trimmed to the
// services the lab has (newest API version, minified), written as one zip the Python worker unpacks
// into its in-memory file system: out/lambda/python-sdk.zip. Idempotent; run it once after install
// (`node src-main/engine/services/lambda/python-sdk/build.mjs`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
export const SDK_ZIP = join(repo, 'out', 'lambda', 'python-sdk.zip');
const PACKAGES = ['python3-boto3', 'python3-botocore', 'python3-jmespath', 'python3-dateutil', 'python3-urllib3', 'python3-s3transfer', 'python3-six'];
/**
 * Debian's botocore drops its vendored copy of `requests` but still imports a few exception classes
 * from it; the lab's SDK carries this small stand-in (our code) instead of the whole library.
 */
const REQUESTS_SHIM = {
  'requests/__init__.py': 'from . import exceptions, packages  # noqa: F401\n',
  'requests/packages/__init__.py': 'import urllib3  # noqa: F401\n',
  'requests/exceptions.py': [
    'class RequestException(IOError):',
    '    def __init__(self, *args, **kwargs):',
    "        self.response = kwargs.pop('response', None)",
    "        self.request = kwargs.pop('request', None)",
    '        super().__init__(*args, **kwargs)',
    '',
    '',
    'class ConnectionError(RequestException):',
    '    pass',
    '',
    '',
    'class SSLError(ConnectionError):',
    '    pass',
    '',
    '',
    'class ProxyError(ConnectionError):',
    '    pass',
    '',
    '',
    'class Timeout(RequestException):',
    '    pass',
    '',
    '',
    'class ConnectTimeout(ConnectionError, Timeout):',
    '    pass',
    '',
    '',
    'class ReadTimeout(Timeout):',
    '    pass',
    '',
  ].join('\n'),
};

const KEEP_MODEL_FILES = new Set(['service-2.json', 'paginators-1.json', 'waiters-2.json', 'endpoint-rule-set-1.json']);

/** botocore's folder name for each model the lab loads (its CLI name, s3api being s3). */
function labServices() {
  const index = JSON.parse(readFileSync(join(repo, 'resources', 'models', 'index.json'), 'utf8'));
  return new Set(index.services.map((s) => (s.cliName === 's3api' ? 's3' : s.cliName)));
}

function fetchDebs(dir) {
  const cached = '/var/cache/apt/archives';
  const found = [];
  for (const p of PACKAGES) {
    const hit = existsSync(cached) ? readdirSync(cached).find((f) => f.startsWith(`${p}_`) && f.endsWith('.deb')) : undefined;
    if (hit) found.push(join(cached, hit));
  }
  if (found.length === PACKAGES.length) return found;
  execFileSync('apt-get', ['download', ...PACKAGES], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return readdirSync(dir).filter((f) => f.endsWith('.deb')).map((f) => join(dir, f));
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function buildPythonSdk({ force = false } = {}) {
  if (existsSync(SDK_ZIP) && !force) return SDK_ZIP;
  const work = mkdtempSync(join(tmpdir(), 'nimbus-python-sdk-'));
  try {
    for (const deb of fetchDebs(work)) execFileSync('dpkg-deb', ['-x', deb, join(work, 'x')]);
    const site = join(work, 'x', 'usr', 'lib', 'python3', 'dist-packages');
    const keep = labServices();
    const files = {};
    for (const file of walk(site)) {
      const rel = relative(site, file);
      if (/\.egg-info\//.test(rel) || rel.includes('__pycache__')) continue;
      const m = /^botocore\/data\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(rel);
      if (m) {
        if (!keep.has(m[1]) || !KEEP_MODEL_FILES.has(m[3])) continue;
        const versions = readdirSync(join(site, 'botocore', 'data', m[1])).sort();
        if (m[2] !== versions.at(-1)) continue;
      }
      let data = readFileSync(file);
      if (rel.endsWith('.json')) data = Buffer.from(JSON.stringify(JSON.parse(data.toString('utf8'))));
      files[rel] = new Uint8Array(data);
    }
    for (const [name, text] of Object.entries(REQUESTS_SHIM)) files[name] = new Uint8Array(Buffer.from(text));
    mkdirSync(dirname(SDK_ZIP), { recursive: true });
    writeFileSync(SDK_ZIP, zipSync(files, { level: 6 }));
    return SDK_ZIP;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildPythonSdk({ force: process.argv.includes('--force') });
  console.log(`${out} (${(statSync(out).size / 1048576).toFixed(1)} MB)`);
}
