/**
 * The runner behind the program files packages install (see guest/programs.ts): it runs the
 * program the lab provides (GuestHost.programs: CloudFormation's helper scripts) with the script's
 * arguments. That keeps the real layout: `which cfn-init` finds /opt/aws/bin, and root's PATH
 * (without /opt/aws/bin) does not, as on Amazon Linux.
 */
import type { CommandEnv } from '../registry';
import type { ShellCommand } from '../../shell';
import type { ProgramIo } from '../../types';
import { httpRequest, reach } from '../../net-client';
import { installedPackages } from '../../packages';
import { packagesFor } from '../../catalog';
import { fail } from '../util';
import { PROGRAM_RUNNER, SCRIPT_ARGS } from '../../programs';

function programIo(env: CommandEnv): ProgramIo {
  const io = (): { io?: NonNullable<ReturnType<CommandEnv['io']>> } => {
    const t = env.io();
    return t ? { io: t } : {};
  };
  return {
    async http(url, opts = {}) {
      const r = await httpRequest(env.guest, url, { ...opts, ...io() });
      return r.ok ? { ok: true, status: r.res.status, statusText: r.res.statusText, body: r.res.body } : { ok: false, message: r.message };
    },
    async connect(host, port, signal) {
      const { result } = reach(env.guest, host, 'tcp', port, env.io());
      if (result.ok) return { ok: true };
      if (result.failure === 'unresolved') return { ok: false, message: `Could not resolve host: ${host}` };
      if (result.failure === 'refused') return { ok: false, message: `Failed to connect to ${host} port ${port}: Connection refused` };
      await env.guest.host.waitTimeout(127_000, signal);
      return { ok: false, message: `Failed to connect to ${host} port ${port}: Connection timed out` };
    },
  };
}

/** Whether an installed package puts the program on this guest's disk. */
function installed(env: CommandEnv, name: string): boolean {
  const have = installedPackages(env.guest);
  for (const p of packagesFor(env.guest.host.catalog, env.guest.image).values())
    if (have.has(p.name) && Object.values(p.programs ?? {}).includes(name)) return true;
  return false;
}

export function programRunnerCommand(env: CommandEnv): ShellCommand {
  let programs: Map<string, ShellCommand> | undefined;
  return {
    name: PROGRAM_RUNNER,
    async run(args, ctx) {
      const [name, count, ...rest] = args;
      if (!name || count === undefined || !/^\d+$/.test(count)) return fail(`Usage: ${PROGRAM_RUNNER} PROGRAM ARGC [ARG]...\nRuns a program the lab provides; its files in /opt/aws/bin call it.`, 2);
      programs ??= new Map((env.guest.host.programs?.(env.guest, env.shell, programIo(env)) ?? []).map((c) => [c.name, c]));
      const program = programs.get(name);
      if (!program || !installed(env, name)) return fail(`-bash: ${name}: command not found`, 127);
      // Past $9 just-bash hands a script empty words: the line cannot be run as typed.
      if (Number(count) > SCRIPT_ARGS || Number(count) !== rest.length) {
        return fail(`${name}: this line has ${count} arguments and the lab's shell hands a script at most ${SCRIPT_ARGS}; write options as --name=value (one argument each) to shorten it`, 2);
      }
      return program.run(rest, ctx);
    },
  };
}
