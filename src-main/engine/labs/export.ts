/**
 * Progress for teachers: a JSON document signed with HMAC-SHA256 under the lab's own key (made once,
 * kept in labs_meta), and a readable HTML report. A signature proves the file came from this lab and
 * was not edited; verifying needs the same lab (`nimbus chapters verify FILE --data DIR`) or its key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EXPORT_FORMAT = 'nimbus-lab-progress/1';

export interface ExportedStep {
  id: string;
  title: string;
  section: string;
  status: string;
  counted: boolean;
  firstPassedAt?: string;
  solvedByLab: boolean;
}

export interface ExportedChapter {
  number: number;
  title: string;
  startedAt?: string;
  completedAt?: string;
  /** Counted steps that passed; `total` counts every step of the book (waiting ones too). */
  passed: number;
  total: number;
  /** Steps that wait for a part of the lab still to come (not done, not held against the learner). */
  waiting: number;
  /** "completed 4 of 5, 1 waiting for the lab", as the chapter panel says it. */
  summary: string;
  steps: ExportedStep[];
}

export interface ProgressPayload {
  format: typeof EXPORT_FORMAT;
  accountId: string;
  profile: string;
  exportedAt: string;
  chapters: ExportedChapter[];
}

export interface SignedProgress {
  payload: ProgressPayload;
  /** hex HMAC-SHA256 of canonicalJson(payload) */
  signature: string;
  algorithm: 'HMAC-SHA256';
}

/** JSON with object keys sorted at every level, so the signed bytes do not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function signProgress(key: Buffer, payload: ProgressPayload): SignedProgress {
  const signature = createHmac('sha256', key).update(canonicalJson(payload)).digest('hex');
  return { payload, signature, algorithm: 'HMAC-SHA256' };
}

export type VerifyResult = { valid: true; payload: ProgressPayload } | { valid: false; reason: string };

export function verifyProgress(key: Buffer, text: string): VerifyResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { valid: false, reason: 'the file is not JSON' };
  }
  const d = doc as Partial<SignedProgress> | null;
  if (!d || typeof d !== 'object' || !d.payload || typeof d.signature !== 'string')
    return { valid: false, reason: 'the file is not a Nimbus Lab progress export (no payload or signature)' };
  if (d.payload.format !== EXPORT_FORMAT) return { valid: false, reason: `unknown format '${String(d.payload.format)}'` };
  const expected = createHmac('sha256', key).update(canonicalJson(d.payload)).digest();
  const given = Buffer.from(d.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'the signature does not match: the file was changed, or it comes from another lab' };
  return { valid: true, payload: d.payload };
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const MARK: Record<string, string> = { passed: '✔ done', failed: '✘ not yet', unavailable: '… not in the lab yet', unchecked: '· not checked' };

export function progressHtml(signed: SignedProgress): string {
  const p = signed.payload;
  const chapters = p.chapters
    .map((c) => {
      const rows = c.steps
        .map(
          (s) =>
            `<tr class="${esc(s.status)}"><td>${esc(s.section)}</td><td>${esc(s.title)}${s.counted ? '' : ' <em>(not counted)</em>'}</td>` +
            `<td>${esc(MARK[s.status] ?? s.status)}${s.solvedByLab ? ' <em>(shown by the lab)</em>' : ''}</td><td>${esc(s.firstPassedAt ?? '')}</td></tr>`,
        )
        .join('\n');
      return `<section><h2>Chapter ${c.number}: ${esc(c.title)}</h2>
<p>${esc(c.summary.charAt(0).toUpperCase() + c.summary.slice(1))}${c.completedAt ? ` (${esc(c.completedAt)})` : ''}.</p>
<table><thead><tr><th>Section</th><th>Step</th><th>State</th><th>First done (lab time)</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nimbus Lab progress: ${esc(p.profile)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}tr.passed td:nth-child(3){color:#1d8102}
tr.failed td:nth-child(3){color:#b0251a}footer{margin-top:2rem;color:#555;font-size:.85rem;word-break:break-all}</style></head>
<body><h1>Nimbus Lab progress</h1>
<p>Learner profile <strong>${esc(p.profile)}</strong>, lab account ${esc(p.accountId)}, exported ${esc(p.exportedAt)}.</p>
${chapters}
<footer>Signature (${signed.algorithm}): ${esc(signed.signature)}. Verify the JSON export with <code>nimbus chapters verify FILE</code>.</footer>
</body></html>
`;
}
