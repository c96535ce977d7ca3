/**
 * Readline-style editing of the command line: moving, deleting, killing, history. Pure: the
 * terminal applies the result and paints it (an echo for typing at the end, else a redraw).
 */
export interface EditState {
  line: string;
  cursor: number;
  /** Position in history while walking it with the arrows; -1 when editing a new line. */
  histIndex: number;
  /** The new line being typed before walking history (restored by walking past the end). */
  draft: string;
}

export type EditResult = { state: EditState; paint: 'none' | 'redraw' } | { state: EditState; paint: 'echo'; text: string };

const at = (s: EditState, line: string, cursor: number): EditResult => ({ state: { ...s, line, cursor }, paint: 'redraw' });

/** The edit a key makes, or undefined when the key is not an editing key (Enter, Ctrl-C, Tab...). */
export function editKey(s: EditState, k: string, history: readonly string[], maxLength: number): EditResult | undefined {
  const { line, cursor } = s;
  switch (k) {
    case '\x7f':
    case '\b':
      if (cursor === 0) return { state: s, paint: 'none' };
      // Rubout at the end of the line: what a terminal's own echo does.
      if (cursor === line.length) return { state: { ...s, line: line.slice(0, -1), cursor: cursor - 1 }, paint: 'echo', text: '\b \b' };
      return at(s, line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1);
    case '\x04':
    case '\x1b[3~':
      return at(s, line.slice(0, cursor) + line.slice(cursor + 1), cursor);
    case '\x1b[D':
    case '\x02':
      return cursor > 0 ? at(s, line, cursor - 1) : { state: s, paint: 'none' };
    case '\x1b[C':
    case '\x06':
      return cursor < line.length ? at(s, line, cursor + 1) : { state: s, paint: 'none' };
    case '\x1b[H':
    case '\x1bOH':
    case '\x01':
      return at(s, line, 0);
    case '\x1b[F':
    case '\x1bOF':
    case '\x05':
      return at(s, line, line.length);
    case '\x15':
      return at(s, line.slice(cursor), 0);
    case '\x0b':
      return at(s, line.slice(0, cursor), cursor);
    case '\x17': {
      const before = line.slice(0, cursor).replace(/\S+\s*$/, '');
      return at(s, before + line.slice(cursor), before.length);
    }
    case '\x1b[A':
    case '\x1b[B': {
      if (history.length === 0) return { state: s, paint: 'none' };
      const draft = s.histIndex === -1 ? line : s.draft;
      let idx = s.histIndex === -1 ? history.length : s.histIndex;
      idx = k === '\x1b[A' ? Math.max(0, idx - 1) : idx + 1;
      if (idx >= history.length) return { state: { line: draft, cursor: draft.length, histIndex: -1, draft }, paint: 'redraw' };
      const h = history[idx]!;
      return { state: { line: h, cursor: h.length, histIndex: idx, draft }, paint: 'redraw' };
    }
    default:
      if (k.length !== 1 || k < ' ') return undefined;
      if (line.length >= maxLength) return { state: s, paint: 'none' };
      // Typing at the end of the line: echo the character, as a terminal does.
      if (cursor === line.length) return { state: { ...s, line: line + k, cursor: cursor + 1 }, paint: 'echo', text: k };
      return at(s, line.slice(0, cursor) + k + line.slice(cursor), cursor + 1);
  }
}
