/**
 * Pure helpers of the Lambda pages (no Vue, so unit tests run them): packages as zips, the trust
 * policy of a new execution role, the log group and metrics of a function, and a log tail's text.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
export const BASIC_EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** A deployment package (base64, as blobs travel to the engine) of text files. */
export function packageOf(files: Record<string, string>): string {
  return toBase64(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

/** The text files of a package (GetFunction's Code.Location is a data: URL for small packages). */
export function filesOf(zipBase64: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(fromBase64(zipBase64)))) if (!name.endsWith('/') && data.length < 512 * 1024) out[name] = strFromU8(data);
  return out;
}

/** The file a handler setting names (`lambda_function.lambda_handler` → lambda_function.py). */
export function handlerFile(handler: string, files: readonly string[]): string | undefined {
  const base = handler.slice(0, handler.lastIndexOf('.'));
  return files.find((f) => f === `${base}.py` || f === `${base}.js` || f === `${base}.mjs` || f === `${base}.cjs`) ?? files[0];
}

export const logGroupOf = (name: string) => `/aws/lambda/${name}`;
export const logsLink = (name: string) => `#/cloudwatch/logs/${encodeURIComponent(logGroupOf(name))}`;

export const decodeLog = (b64?: string): string => (b64 ? new TextDecoder().decode(fromBase64(b64)) : '');
export const decodePayload = (b64?: string): string => (b64 ? new TextDecoder().decode(fromBase64(b64)) : '');
export const encodePayload = (text: string): string => toBase64(new TextEncoder().encode(text));

export const FUNCTION_METRICS = ['Invocations', 'Errors', 'Duration', 'Throttles', 'ConcurrentExecutions'] as const;

/** A rule name from a function name, as the console suggests. */
export const ruleNameFor = (fn: string) => fn.slice(0, 64);

/** Parses "KEY=value" lines into environment variables (blank lines ignored). */
export function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const i = t.indexOf('=');
    if (i > 0) out[t.slice(0, i).trim()] = t.slice(i + 1).trim();
  }
  return out;
}
export const envText = (vars?: Record<string, string>) => Object.entries(vars ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
