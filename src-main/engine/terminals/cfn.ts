/**
 * The CloudFormation helper scripts inside instances (/opt/aws/bin/cfn-init, cfn-signal,
 * cfn-get-metadata, cfn-hup): services/cloudformation/guest-tools.ts over this guest's shell and
 * files. Like the real helpers, they reach CloudFormation without the instance needing a role
 * (CloudFormation trusts the instances of its own stacks), so the calls go as the EC2 service on
 * the instance's behalf and the event history shows them coming from the guest.
 */
import type { Call, Principal } from '../protocol/types';
import type { Store } from '../store/store';
import type { CommandOutput, ShellCommand } from '../guest/shell';
import type { GuestLike, SessionInfo } from '../guest/types';
import {
  cfnGetMetadata,
  cfnHupPoll,
  cfnInit,
  cfnSignal,
  CFN_HUP_HOOKS,
  type CfnToolHost,
  type ToolResult,
} from '../services/cloudformation/guest-tools';
import { signalWaitConditionHandle } from '../services/cloudformation/wait-condition';

export interface CfnCommandDeps {
  call: Call;
  store: Store;
  /** Who the helpers act as (the EC2 service principal of the guest's account). */
  principal(accountId: string): Principal;
}

export const CFN_COMMANDS = ['cfn-init', 'cfn-signal', 'cfn-get-metadata', 'cfn-hup'] as const;

export function cfnCommands(deps: CfnCommandDeps, guest: GuestLike, session: SessionInfo): ShellCommand[] {
  const id = guest.identity;
  const hostFor = (ctx: Parameters<ShellCommand['run']>[1]): CfnToolHost => {
    const fs = session.files();
    return {
      async run(command, opts) {
        const out = await ctx.exec(command, { ...(opts?.cwd ? { cwd: opts.cwd } : {}), ...(opts?.env ? { env: opts.env } : {}) });
        return { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
      },
      async readFile(path) {
        try {
          return new TextDecoder().decode(fs.readSync(path));
        } catch {
          return undefined;
        }
      },
      async writeFile(path, data) {
        const dir = path.slice(0, path.lastIndexOf('/')) || '/';
        fs.mkdirSync(dir, true);
        fs.writeSync(path, typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data), false);
      },
      cloudformation: (operation, input, region) => deps.call(deps.principal(id.accountId), 'cloudformation', operation, input, { region, source: 'guest' }),
      putUrl: async (url, body) => deps.store.tx(() => signalWaitConditionHandle(deps.store, url, body)).status,
      instanceId: async () => id.id,
      defaultRegion: id.region,
    };
  };
  const wrap = (name: string, fn: (args: string[], host: CfnToolHost) => Promise<ToolResult>): ShellCommand => ({
    name,
    async run(args, ctx): Promise<CommandOutput> {
      return fn(args, hostFor(ctx));
    },
  });
  return [
    wrap('cfn-init', cfnInit),
    wrap('cfn-signal', cfnSignal),
    wrap('cfn-get-metadata', cfnGetMetadata),
    wrap('cfn-hup', async (_args, host) => {
      // One pass over the hooks (the daemon's scheduler calls it every `interval` minutes).
      const fs = session.files();
      let files: string[] = [];
      try {
        files = fs.listSync(CFN_HUP_HOOKS).filter((f) => f.endsWith('.conf')).map((f) => new TextDecoder().decode(fs.readSync(`${CFN_HUP_HOOKS}/${f}`)));
      } catch {
        files = [];
      }
      const auto = await host.readFile('/etc/cfn/hooks.d/cfn-auto-reloader.conf');
      if (auto && !files.includes(auto)) files.push(auto);
      const ran = await cfnHupPoll(host, files);
      return { exitCode: 0, stdout: ran.map((a) => `cfn-hup: ran ${a}\n`).join(''), stderr: '' };
    }),
  ];
}
