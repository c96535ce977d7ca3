/**
 * redis-cli's two output forms: on a terminal, typed replies ("value1", (nil), (integer) 5, numbered
 * lists); piped or with --raw, the bare values one per line. As the EPEL 3.2 client prints them.
 */
import type { RespReply } from './resp-client';

/** redis-cli's quoting of a bulk string (sdscatrepr): printable bytes as they are, the rest escaped. */
export function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c >= 32 && c < 127) out += ch;
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

export function formatTty(r: RespReply, indent = 0): string {
  switch (r.t) {
    case 'status':
      return `${r.s}\n`;
    case 'error':
      return `(error) ${r.s}\n`;
    case 'int':
      return `(integer) ${r.n}\n`;
    case 'bulk':
      return r.s === null ? '(nil)\n' : `${repr(r.s)}\n`;
    case 'array': {
      if (r.a === null) return '(nil)\n';
      if (r.a.length === 0) return '(empty list or set)\n';
      const width = String(r.a.length).length;
      let out = '';
      r.a.forEach((item, i) => {
        const label = `${String(i + 1).padStart(width)}) `;
        const body = formatTty(item, indent + label.length);
        out += (i === 0 ? '' : ' '.repeat(indent)) + label + body;
      });
      return out;
    }
  }
}

export function formatRaw(r: RespReply): string {
  switch (r.t) {
    case 'status':
    case 'error':
      return `${r.s}\n`;
    case 'int':
      return `${r.n}\n`;
    case 'bulk':
      return `${r.s ?? ''}\n`;
    case 'array':
      return (r.a ?? []).map(formatRaw).join('');
  }
}

/** Splits a typed line like redis-cli does: spaces, "double quotes" with escapes, 'single quotes'. */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let cur = '';
    const q = line[i];
    if (q === '"' || q === "'") {
      i++;
      while (i < line.length && line[i] !== q) {
        if (line[i] === '\\' && i + 1 < line.length) {
          const c = line[++i]!;
          if (q === "'") cur += c === "'" ? "'" : `\\${c}`;
          else if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 1, i + 3))) {
            cur += String.fromCharCode(parseInt(line.slice(i + 1, i + 3), 16));
            i += 2;
          } else cur += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[c] ?? c;
        } else cur += line[i];
        i++;
      }
      if (line[i] !== q) return undefined;
      i++;
    } else while (i < line.length && !/\s/.test(line[i]!)) cur += line[i++];
    out.push(cur);
  }
  return out;
}
