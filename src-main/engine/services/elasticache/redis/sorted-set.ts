/**
 * A sorted set: member → score, with members kept ordered by (score, member) as Redis orders them
 * (equal scores compare members byte-wise). Sorted insertion by binary search keeps ranges cheap.
 */
export interface Entry {
  member: string;
  score: number;
}

const cmp = (a: Entry, b: Entry): number => (a.score !== b.score ? (a.score < b.score ? -1 : 1) : a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

export class SortedSet {
  private readonly scores = new Map<string, number>();
  private readonly order: Entry[] = [];

  get size(): number {
    return this.scores.size;
  }

  score(member: string): number | undefined {
    return this.scores.get(member);
  }

  private indexOf(e: Entry): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.order[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds or moves a member; true when it was new. */
  add(member: string, score: number): boolean {
    const old = this.scores.get(member);
    if (old !== undefined) {
      if (old === score) return false;
      this.order.splice(this.indexOf({ member, score: old }), 1);
    }
    this.scores.set(member, score);
    this.order.splice(this.indexOf({ member, score }), 0, { member, score });
    return old === undefined;
  }

  remove(member: string): boolean {
    const old = this.scores.get(member);
    if (old === undefined) return false;
    this.order.splice(this.indexOf({ member, score: old }), 1);
    this.scores.delete(member);
    return true;
  }

  rank(member: string): number | undefined {
    const s = this.scores.get(member);
    return s === undefined ? undefined : this.indexOf({ member, score: s });
  }

  /** Entries by rank, inclusive, already clamped by the caller. */
  slice(start: number, stop: number): Entry[] {
    return this.order.slice(start, stop + 1);
  }

  entries(): readonly Entry[] {
    return this.order;
  }
}
