/** Python's difflib.get_close_matches (Ratcliff/Obershelp ratio), for "Invalid choice ... maybe you meant". */
function matchingCharacters(a: string, b: string): number {
  const b2j = new Map<string, number[]>();
  [...b].forEach((ch, j) => {
    const list = b2j.get(ch) ?? [];
    list.push(j);
    b2j.set(ch, list);
  });
  const A = [...a];
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo,
      bestj = blo,
      bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(A[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue: [number, number, number, number][] = [[0, A.length, 0, [...b].length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function closeMatches(word: string, possibilities: string[], n = 3, cutoff = 0.8): string[] {
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    const len = [...x].length + [...word].length;
    const ratio = len ? (2 * matchingCharacters(x, word)) / len : 1;
    if (ratio >= cutoff) scored.push([ratio, x]);
  }
  scored.sort((p, q) => (q[0] !== p[0] ? q[0] - p[0] : q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}
