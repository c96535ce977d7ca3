/**
 * A list value: pushes and pops at both ends in O(1) (a head array kept reversed, a tail array),
 * indexed access in O(1). LPUSH onto a long list must not copy it, as Array#unshift would.
 */
export class Deque {
  private head: string[] = []; // reversed: head[head.length - 1] is the first element
  private tail: string[] = [];

  static from(items: readonly string[]): Deque {
    const d = new Deque();
    d.tail = [...items];
    return d;
  }

  get length(): number {
    return this.head.length + this.tail.length;
  }

  pushFront(v: string): void {
    this.head.push(v);
  }

  pushBack(v: string): void {
    this.tail.push(v);
  }

  popFront(): string | undefined {
    if (this.head.length > 0) return this.head.pop();
    if (this.tail.length === 0) return undefined;
    // Rebalance: move the tail's front half over, so a run of pops stays cheap.
    const half = Math.ceil(this.tail.length / 2);
    this.head = this.tail.slice(0, half).reverse();
    this.tail = this.tail.slice(half);
    return this.head.pop();
  }

  popBack(): string | undefined {
    if (this.tail.length > 0) return this.tail.pop();
    if (this.head.length === 0) return undefined;
    const half = Math.ceil(this.head.length / 2);
    this.tail = this.head.slice(0, half).reverse();
    this.head = this.head.slice(half);
    return this.tail.pop();
  }

  at(i: number): string | undefined {
    const h = this.head.length;
    return i < h ? this.head[h - 1 - i] : this.tail[i - h];
  }

  set(i: number, v: string): void {
    const h = this.head.length;
    if (i < h) this.head[h - 1 - i] = v;
    else this.tail[i - h] = v;
  }

  /** Elements start..stop inclusive (already clamped). */
  range(start: number, stop: number): string[] {
    const out: string[] = [];
    for (let i = start; i <= stop; i++) out.push(this.at(i)!);
    return out;
  }

  toArray(): string[] {
    return [...this.head].reverse().concat(this.tail);
  }

  /** Replaces the contents (the rare whole-list edits: LREM, LINSERT, LTRIM). */
  replace(items: string[]): void {
    this.head = [];
    this.tail = items;
  }
}
