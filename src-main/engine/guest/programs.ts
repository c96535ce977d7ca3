/**
 * The files behind programs the lab provides (GuestHost.programs, run by commands/program). just-bash
 * runs a registered command only from /bin/NAME or /usr/bin/NAME and any other executable file as a
 * script, so a package's program file (/opt/aws/bin/cfn-init) is a short script that hands its
 * arguments to one hidden runner in /usr/bin.
 */

export const PROGRAM_RUNNER = '.nimbus-exec';

/** The runner's own file. */
export const RUNNER_STUB = `#!/bin/sh\n# ${PROGRAM_RUNNER}: runs the programs the lab provides (see /opt/aws/bin)\n`;

/**
 * Script arguments a program script receives. Unpatched just-bash keeps nine; with the runScript
 * hook (scripts/patch-just-bash.mjs, guest/shell.ts) every argument arrives, and the count the
 * script passes along still catches a line that lost some.
 */
export const SCRIPT_ARGS = 4096;

/**
 * The executable a package installs for a program. The script passes its argument count too, so the
 * runner refuses a line whose arguments did not all arrive instead of running it with some missing. Tracing (bash -x) stays in
 * the caller, as with a real script.
 */
export const programScript = (name: string, pkg: string): string =>
  `#!/bin/sh\n# ${name}: installed with ${pkg}\n{ set +x; } 2>/dev/null\n/usr/bin/${PROGRAM_RUNNER} ${name} "$#" "$@"\n`;
