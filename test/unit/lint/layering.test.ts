import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints source text under made-up paths of the real repo layout, with the repo's own config.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../../..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '../../..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** Layering messages of both rules: static imports and import() expressions. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '../../..', file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'nimbus/no-restricted-dynamic-imports')
    .map((m) => m.message);
}

describe('layering lint: import() and unlisted folders', () => {
  it('checks import() like a static import, at every depth', async () => {
    expect(await layering('src-main/engine/iam/fake.ts', "export const f = () => import('../services/registry');\n")).toEqual([
      expect.stringMatching(/^import\('\.\.\/services\/registry'\): Layer "rank 2 engine\/iam, engine\/network" must not import/),
    ]);
    expect(await layering('src-main/engine/guest/commands/x/x.ts', 'export const f = () => import(`../../../services/ec2`);\n')).toHaveLength(1);
    expect(await layering('src-main/engine/core/fake.ts', "export const f = () => import('electron');\n")).toHaveLength(1);
    // Within its own layer, or a package, import() is fine.
    expect(await layering('src-main/engine/guest/fake.ts', "export const f = () => import('./session');\n")).toEqual([]);
  });

  it('refuses a computed import() path in the engine (it cannot be checked)', async () => {
    expect(await layering('src-main/engine/services/s3/fake.ts', "const p = '../registry';\nexport const f = () => import(p);\n")).toEqual([
      expect.stringContaining('computed import() path'),
    ]);
  });

  it('gives an engine folder no row lists the strictest rules (rank 0), at any depth', async () => {
    for (const file of ['src-main/engine/brand-new/x.ts', 'src-main/engine/brand-new/deep/er/x.ts']) {
      const up = '../'.repeat(file.split('/').length - 3);
      const messages = await layering(file, `import '${up}core/provider';\nimport '${up}services/registry';\nexport const f = () => import('${up}iam/authorize');\n`);
      expect(messages, file).toHaveLength(3);
      expect(messages[0]).toContain('unlisted engine folder');
      expect(await layering(file, `import '${up}store/store';\nimport '${up}models/load';\n`), file).toEqual([]);
    }
  });

  it('lists engine/terminals with the composition root (rank 6), as the table says', async () => {
    expect(await layering('src-main/engine/terminals/x.ts', "import '../services/ec2';\nimport '../guest/types';\n")).toEqual([]);
    expect(await layering('src-main/engine/terminals/x.ts', "import '../../server/main';\n")).toHaveLength(1);
  });
});

describe('layering lint (docs/architecture.md)', () => {
  it('refuses electron in the engine, naming the row and the doc', async () => {
    expect(
      await restricted(
        'src-main/engine/services/s3/FakeOperation.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([
      '\'electron\' import is restricted from being used by a pattern. Layer "rank 4 engine/services" must not import electron, vue or pinia (the engine is plain Node). See the layering table in docs/architecture.md.',
    ]);
  });

  it('refuses vue, pinia and xterm anywhere in the engine, even in folders no row names', async () => {
    const code = "import 'vue';\nimport 'pinia';\nimport '@xterm/xterm';\n";
    expect(await restricted('src-main/engine/somewhere/new/thing.ts', code)).toHaveLength(3);
  });

  it('refuses the shells and the renderer from the engine', async () => {
    expect(await restricted('src-main/engine/protocol/fake.ts', "import '../../server/http';\n")).toHaveLength(1);
    expect(
      await restricted('src-main/engine/guest/commands/yum/fake.ts', "import '../../../../electron/ipc';\n"),
    ).toHaveLength(1);
    expect(await restricted('src-main/engine/core/fake.ts', "import '../../../src-renderer/App.vue';\n")).toHaveLength(
      1,
    );
  });

  it('keeps lower ranks from importing higher ones, whatever the folder depth', async () => {
    expect(await restricted('src-main/engine/store/fake.ts', "import '../services/registry';\n")).toHaveLength(1);
    expect(await restricted('src-main/engine/protocol/sub/fake.ts', "import '../../iam/authorize';\n")).toHaveLength(1);
    expect(await restricted('src-main/engine/iam/fake.ts', "import '../guest/shell';\n")).toHaveLength(1);
    expect(
      await restricted('src-main/engine/guest/commands/yum/yum.ts', "import '../../../services/ec2';\n"),
    ).toHaveLength(1);
    // Same names lower down are not the engine folders: guest/services is the guest's own.
    expect(await restricted('src-main/engine/guest/commands/yum/yum.ts', "import '../../services/httpd';\n")).toEqual(
      [],
    );
    expect(
      await restricted(
        'src-main/engine/services/s3/PutObject.ts',
        "import '../../protocol/errors';\nimport '../../core/provider';\n",
      ),
    ).toEqual([]);
  });

  it("refuses another service's state/, but not the service's own", async () => {
    expect(
      await restricted('src-main/engine/services/ec2/RunInstances.ts', "import '../iam/state/roles';\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src-main/engine/services/ec2/state/fake.ts', "import '../../s3/state/buckets';\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'src-main/engine/services/ec2/RunInstances.ts',
        "import './state/instances';\nimport '../iam';\n",
      ),
    ).toEqual([]);
  });

  it('lets only guest/shell.ts import just-bash', async () => {
    expect(await restricted('src-main/engine/guest/shell.ts', "import 'just-bash';\n")).toEqual([]);
    expect(await restricted('src-main/engine/guest/fs.ts', "import 'just-bash';\n")).toHaveLength(1);
  });

  it('keeps the contract free of node:* and of the engine', async () => {
    expect(
      await restricted('src-main/contract/fake.ts', "import 'node:fs';\nimport '../engine/index';\nimport 'zod';\n"),
    ).toHaveLength(2);
  });

  it('lets the renderer import only the contract from src-main', async () => {
    expect(await restricted('src-renderer/stores/fake.ts', "import '../../src-main/contract';\n")).toEqual([]);
    expect(await restricted('src-renderer/stores/fake.ts', "import '../../src-main/engine/index';\n")).toHaveLength(1);
  });

  it('lets the server reach the engine only through engine/index.ts and contract-host.ts', async () => {
    expect(
      await restricted('src-main/server/fake.ts', "import '../engine/index';\nimport '../engine/contract-host';\n"),
    ).toEqual([]);
    expect(await restricted('src-main/server/fake.ts', "import '../engine/store/store';\n")).toHaveLength(1);
    expect(await restricted('src-main/server/fake.ts', "import 'electron';\n")).toHaveLength(1);
    expect(await restricted('src-main/electron/fake.ts', "import 'electron';\n")).toEqual([]);
  });
});
