/**
 * Terminals: shells on the learner's workstation or on an instance, driven keystroke by keystroke
 * (xterm.js in the console, `nimbus shell` in a real terminal). Output is pushed as events to the
 * connections that opened or attached the terminal; a terminal outlives the connection, so a
 * reloaded console can attach again and repaint from the scrollback.
 */
import { z } from 'zod';

export const terminalId = z.string().regex(/^term-[a-z0-9-]{1,40}$/);

export const terminalInfo = z.object({
  terminalId,
  /** 'workstation' or the instance id. */
  target: z.string(),
  /** user@host, for a tab title. */
  title: z.string(),
  /** interactive: echo, prompts, line editing; batch: commands piped in, output only. */
  mode: z.enum(['interactive', 'batch']),
});
export type TerminalInfo = z.infer<typeof terminalInfo>;

export const terminalOpenRequest = z.object({
  target: z.union([z.literal('workstation'), z.string().regex(/^i-[0-9a-f]{8,17}$/)]),
  mode: z.enum(['interactive', 'batch']).default('interactive'),
  cols: z.number().int().min(10).max(1000).default(80),
  rows: z.number().int().min(2).max(1000).default(24),
  /** Instances only: the login user (default: the AMI's default user, ec2-user or ubuntu). */
  user: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/).optional(),
});
export type TerminalOpenRequest = z.input<typeof terminalOpenRequest>;
/** What the terminal printed before the answer (the first prompt, a banner). */
export const terminalOpenResponse = terminalInfo.extend({ scrollback: z.string() });

export const terminalAttachRequest = z.object({ terminalId });
export const terminalAttachResponse = terminalInfo.extend({ scrollback: z.string(), closed: z.boolean() });

export const terminalInputRequest = z.object({
  terminalId,
  /** Keystrokes as the terminal sends them (\r for Enter, \x03 for Ctrl-C, escape sequences for arrows). */
  data: z.string().max(128 * 1024),
});
export const terminalResizeRequest = z.object({ terminalId, cols: z.number().int().min(10).max(1000), rows: z.number().int().min(2).max(1000) });
export const terminalCloseRequest = z.object({ terminalId });
export const terminalEmptyResponse = z.object({});

export const terminalListRequest = z.object({}).strict();
export const terminalListResponse = z.object({ terminals: z.array(terminalInfo) });

/** Pushed: text for the screen (UTF-8, with the terminal's control sequences). */
export const terminalOutput = z.object({ terminalId, data: z.string() });
/** Pushed: the terminal waits for input: a command line, or (reading) an answer to a running program. */
export const terminalIdle = z.object({ terminalId, exitCode: z.number().int(), reading: z.boolean() });
/** Pushed: the terminal's shell ended (exit, logout, Ctrl-D) or it was closed. */
export const terminalExit = z.object({ terminalId, exitCode: z.number().int() });
/** Pushed: a connection from this terminal was dropped by the network; says which rule. */
export const terminalBlocked = z.object({
  terminalId,
  from: z.string(),
  to: z.string(),
  protocol: z.string(),
  port: z.number().int(),
  code: z.string(),
  message: z.string(),
});
