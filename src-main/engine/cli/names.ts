/** botocore's xform_name: model names (PascalCase) to CLI names (kebab-case), with its special cases. */
const SPECIAL: Record<string, string> = {
  CreateCachediSCSIVolume: 'create-cached-iscsi-volume',
  DescribeCachediSCSIVolumes: 'describe-cached-iscsi-volumes',
  DescribeStorediSCSIVolumes: 'describe-stored-iscsi-volumes',
  CreateStorediSCSIVolume: 'create-stored-iscsi-volume',
  ListHITsForQualificationType: 'list-hits-for-qualification-type',
  ExecutePartiQLStatement: 'execute-partiql-statement',
  ExecutePartiQLTransaction: 'execute-partiql-transaction',
  ExecutePartiQLBatch: 'execute-partiql-batch',
};

const cache = new Map<string, string>();

export function xformName(name: string, sep = '-'): string {
  if (name.includes(sep)) return name;
  const key = `${sep}\0${name}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out: string;
  if (sep === '-' && SPECIAL[name]) out = SPECIAL[name];
  else {
    let n = name;
    // A pluralised acronym at the end (GatewayARNs, ListWebACLs) stays one word.
    const special = /[A-Z]{2,}s$/.exec(n);
    if (special) n = `${n.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
    n = n.replace(/(.)([A-Z][a-z]+)/g, `$1${sep}$2`);
    out = n.replace(/([a-z0-9])([A-Z])/g, `$1${sep}$2`).toLowerCase();
  }
  cache.set(key, out);
  return out;
}
