/**
 * S3's bucket naming rules, as hints while typing. The hints never block the request: S3 itself
 * decides, and its answer (InvalidBucketName...) is what the learner should see.
 */
export interface NamingRule {
  id: string;
  text: string;
  test(name: string): boolean;
}

const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export const bucketNameRules: NamingRule[] = [
  { id: 'length', text: 'Between 3 and 63 characters long.', test: (n) => n.length >= 3 && n.length <= 63 },
  {
    id: 'charset',
    text: 'Only lowercase letters (a-z), digits (0-9), dots (.) and hyphens (-).',
    test: (n) => /^[a-z0-9.-]*$/.test(n),
  },
  { id: 'edges', text: 'Starts and ends with a letter or a digit.', test: (n) => /^[a-z0-9](.*[a-z0-9])?$/.test(n) },
  { id: 'dots', text: 'No two dots next to each other.', test: (n) => !n.includes('..') },
  { id: 'ip', text: 'Not shaped like an IP address (such as 192.168.5.4).', test: (n) => !IP_ADDRESS.test(n) },
  {
    id: 'reserved',
    text: `Doesn't start with ${RESERVED_PREFIXES.join(', ')} or end with ${RESERVED_SUFFIXES.join(', ')}.`,
    test: (n) => !RESERVED_PREFIXES.some((p) => n.startsWith(p)) && !RESERVED_SUFFIXES.some((s) => n.endsWith(s)),
  },
];

/** The rules a name breaks (empty = looks fine; uniqueness is only known to S3). */
export function brokenBucketNameRules(name: string): NamingRule[] {
  return bucketNameRules.filter((r) => !r.test(name));
}
