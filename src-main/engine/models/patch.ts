/**
 * RFC 6902 JSON Patch (add, remove, replace, test) over a model. Each operation in our patch files
 * carries a `why` member, which RFC 6902 allows and we ignore here. A path that no longer exists
 * throws, so a model update that moves things is caught by the patch test.
 */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test';
  path: string;
  value?: unknown;
  why: string;
}

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

export function applyPatch<T>(doc: T, ops: readonly PatchOperation[]): T {
  const root = structuredClone(doc) as unknown;
  for (const op of ops) {
    const tokens = op.path.split('/').slice(1).map(unescape);
    if (tokens.length === 0) throw new Error(`patch: cannot ${op.op} the whole document`);
    let parent = root as Record<string, unknown> | unknown[];
    for (const t of tokens.slice(0, -1)) {
      const next = (parent as Record<string, unknown>)[t];
      if (next === undefined || next === null || typeof next !== 'object')
        throw new Error(`patch: path ${op.path} does not exist (at '${t}')`);
      parent = next as Record<string, unknown>;
    }
    const last = tokens[tokens.length - 1]!;
    const container = parent as Record<string, unknown>;
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent)) {
          const idx = last === '-' ? parent.length : Number(last);
          parent.splice(idx, 0, structuredClone(op.value));
        } else container[last] = structuredClone(op.value);
        break;
      case 'replace':
        if (!(last in container)) throw new Error(`patch: path ${op.path} does not exist`);
        container[last] = structuredClone(op.value);
        break;
      case 'remove':
        if (!(last in container)) throw new Error(`patch: path ${op.path} does not exist`);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete container[last];
        break;
      case 'test':
        if (JSON.stringify(container[last]) !== JSON.stringify(op.value))
          throw new Error(`patch: test failed at ${op.path}`);
        break;
    }
  }
  return root as T;
}
