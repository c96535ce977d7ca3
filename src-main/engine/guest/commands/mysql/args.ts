/** The mysql client's options, as `mysql --help` spells them (the ones the book and a learner use). */
export interface MysqlArgs {
  host: string;
  port: number;
  user?: string;
  /** undefined: no -p; null: -p without a value (prompt). */
  password?: string | null;
  database?: string;
  execute?: string;
  batch: boolean;
  table: boolean;
  skipColumnNames: boolean;
  vertical: boolean;
  silent: boolean;
  version: boolean;
  connectTimeout?: number;
  bad?: string;
}

const WITH_VALUE: Record<string, keyof MysqlArgs> = {
  h: 'host', host: 'host', P: 'port', port: 'port', u: 'user', user: 'user', D: 'database', database: 'database', e: 'execute', execute: 'execute',
  'connect-timeout': 'connectTimeout', 'connect_timeout': 'connectTimeout',
};
/** Accepted and ignored: they change nothing the lab shows. */
const IGNORED = /^--(ssl|ssl-.*|no-auto-rehash|auto-rehash|default-character-set.*|protocol.*|compress|local-infile.*|force|show-warnings|init-command.*|no-beep|skip-ssl|comments|reconnect|quick|unbuffered|safe-updates|i-am-a-dummy|column-type-info|default-auth.*)$/;

export function parseMysqlArgs(argv: string[], defaultUser: string): MysqlArgs {
  const a: MysqlArgs = { host: 'localhost', port: 3306, batch: false, table: false, skipColumnNames: false, vertical: false, silent: false, version: false };
  const set = (key: keyof MysqlArgs, v: string) => {
    if (key === 'port' || key === 'connectTimeout') (a as unknown as Record<string, number>)[key] = Number(v);
    else (a as unknown as Record<string, string>)[key] = v;
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x.startsWith('--')) {
      const eq = x.indexOf('=');
      const name = eq > 0 ? x.slice(2, eq) : x.slice(2);
      const value = eq > 0 ? x.slice(eq + 1) : undefined;
      if (name === 'password') a.password = value ?? null;
      else if (WITH_VALUE[name]) {
        const v = value ?? argv[++i];
        if (v === undefined) return { ...a, bad: `mysql: option '--${name}' requires an argument` };
        set(WITH_VALUE[name], v);
      } else if (name === 'batch') a.batch = true;
      else if (name === 'table') a.table = true;
      else if (name === 'skip-column-names') a.skipColumnNames = true;
      else if (name === 'vertical') a.vertical = true;
      else if (name === 'silent') a.silent = true;
      else if (name === 'version') a.version = true;
      else if (!IGNORED.test(x)) return { ...a, bad: `mysql: unknown option '${x}'` };
    } else if (x.startsWith('-') && x.length > 1) {
      const flag = x[1]!;
      const rest = x.slice(2);
      if (flag === 'p') a.password = rest || null;
      else if (WITH_VALUE[flag]) {
        const v = rest || argv[++i];
        if (v === undefined) return { ...a, bad: `mysql: option '-${flag}' requires an argument` };
        set(WITH_VALUE[flag], v);
      } else {
        for (const f of x.slice(1)) {
          if (f === 'B') a.batch = true;
          else if (f === 't') a.table = true;
          else if (f === 'N') a.skipColumnNames = true;
          else if (f === 'E') a.vertical = true;
          else if (f === 's') a.silent = true;
          else if (f === 'V') a.version = true;
          else if (f === 'A' || f === 'n' || f === 'q' || f === 'f' || f === 'c') continue;
          else return { ...a, bad: `mysql: unknown option '-${f}'` };
        }
      }
    } else positional.push(x);
  }
  if (positional[0] && !a.database) a.database = positional[0];
  a.user ??= defaultUser;
  return a;
}
