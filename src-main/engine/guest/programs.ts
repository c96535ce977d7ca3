/**
 * The files behind programs the lab provides (GuestHost.programs, run by commands/program). just-bash
 * runs a registered command only from /bin/NAME or /usr/bin/NAME and any other executable file as a
 * script, so a package's program file (/opt/aws/bin/cfn-init) is a short script that hands its
 * arguments to one hidden runner in /usr/bin.
 */

export const PROGRAM_RUNNER = '.nimbus-exec';

/** The runner's own file. */
export const RUNNER_STUB = `#!/bin/sh\n# ${PROGRAM_RUNNER}: runs the programs the lab provides (see /opt/aws/bin)\n`;

/** Script arguments just-bash keeps ($1 to $9). */
export const SCRIPT_ARGS = 9;

/**
 * The executable a package installs for a program. just-bash hands a script only its first nine
 * arguments (later ones come as empty words), so the script passes their count too and the runner
 * refuses a longer line instead of running it with arguments missing. Tracing (bash -x) stays in
 * the caller, as with a real script.
 */
export const programScript = (name: string, pkg: string): string =>
  `#!/bin/sh\n# ${name}: installed with ${pkg}\n{ set +x; } 2>/dev/null\n/usr/bin/${PROGRAM_RUNNER} ${name} "$#" "$@"\n`;
