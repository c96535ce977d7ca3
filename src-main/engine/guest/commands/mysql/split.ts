/**
 * How the mysql client cuts its input into statements: on the delimiter (`;`, or what a DELIMITER
 * line sets) outside quotes and comments, `\g` and `\G` too. `/*! … *\/` comments stay in the text
 * (the server runs them); `--` and `#` comments are dropped, as the real client does.
 */
export interface Statement {
  sql: string;
  /** Line of the input the statement starts on (for "ERROR … at line N"). */
  line: number;
  /** Ended with \G: print vertically. */
  vertical: boolean;
}

export interface SplitResult {
  statements: Statement[];
  /** Text after the last delimiter (an unfinished statement). */
  rest: string;
  restLine: number;
  delimiter: string;
}

export function splitStatements(text: string, delimiter = ';', firstLine = 1): SplitResult {
  const out: Statement[] = [];
  let cur = '';
  let line = firstLine;
  let startLine = firstLine;
  let quote: string | null = null;
  let i = 0;
  const push = (vertical: boolean) => {
    const sql = cur.trim();
    if (sql) out.push({ sql, line: startLine, vertical });
    cur = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (!cur.trim()) startLine = line;
    if (quote) {
      cur += c;
      if (c === '\\' && quote !== '`' && i + 1 < text.length) {
        cur += text[++i];
      } else if (c === quote) quote = null;
      if (c === '\n') line++;
      i++;
      continue;
    }
    // DELIMITER at the start of a line changes the delimiter (mysqldump's triggers and procedures).
    if (!cur.trim() && /^delimiter\s/i.test(text.slice(i, i + 10))) {
      const end = text.indexOf('\n', i);
      const lineText = text.slice(i, end < 0 ? text.length : end);
      delimiter = lineText.trim().split(/\s+/)[1] ?? delimiter;
      i = end < 0 ? text.length : end + 1;
      line++;
      cur = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      quote = c;
      cur += c;
      i++;
      continue;
    }
    if ((c === '-' && text.startsWith('-- ', i)) || (c === '-' && text.startsWith('--\n', i)) || c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end + 2);
      if (comment.startsWith('/*!')) cur += comment;
      line += (comment.match(/\n/g) ?? []).length;
      i += comment.length;
      continue;
    }
    if (text.startsWith(delimiter, i)) {
      push(false);
      i += delimiter.length;
      continue;
    }
    if (c === '\\' && (text[i + 1] === 'g' || text[i + 1] === 'G')) {
      push(text[i + 1] === 'G');
      i += 2;
      continue;
    }
    if (c === '\n') line++;
    cur += c;
    i++;
  }
  return { statements: out, rest: cur, restLine: startLine, delimiter };
}
