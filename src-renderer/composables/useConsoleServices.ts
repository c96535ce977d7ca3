/**
 * The services the console has pages for, as AWS's services menu names them, plus the lab's other
 * services (reachable from the CLI). Search matches the short name, the full name and keywords.
 */
import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import { useLabStore } from '../stores/lab';

export interface ConsoleService {
  id: string;
  /** Short name: EC2, S3, VPC. */
  name: string;
  /** What it is, in AWS's words. */
  title: string;
  /** The console page, or undefined for CLI-only services. */
  page?: string;
  keywords: string[];
}

export const CONSOLE_SERVICES: ConsoleService[] = [
  { id: 'ec2', name: 'EC2', title: 'Virtual servers in the cloud', page: '/ec2/instances', keywords: ['instances', 'ami', 'key pairs', 'volumes', 'ebs', 'elastic ip', 'security groups'] },
  { id: 'vpc', name: 'VPC', title: 'Isolated cloud resources', page: '/vpc/vpcs', keywords: ['subnets', 'route tables', 'internet gateway', 'nat', 'network acl'] },
  { id: 's3', name: 'S3', title: 'Scalable storage in the cloud', page: '/s3', keywords: ['buckets', 'objects', 'storage'] },
  { id: 'cloudformation', name: 'CloudFormation', title: 'Create and manage resources with templates', page: '/cloudformation', keywords: ['stacks', 'templates', 'infrastructure as code'] },
  { id: 'iam', name: 'IAM', title: 'Manage access to AWS resources', page: '/iam/users', keywords: ['users', 'roles', 'policies', 'access keys'] },
];

/** The page's service: '/ec2/volumes' → 'ec2'. */
export const serviceOfPath = (path: string): ConsoleService | undefined =>
  CONSOLE_SERVICES.find((s) => s.page && path.split('/')[1] === s.page.split('/')[1]);

export function matchServices(services: ConsoleService[], query: string): ConsoleService[] {
  const q = query.trim().toLowerCase();
  if (!q) return services;
  const score = (s: ConsoleService) =>
    s.name.toLowerCase() === q ? 0 : s.name.toLowerCase().startsWith(q) ? 1 : s.title.toLowerCase().includes(q) ? 2 : s.keywords.some((k) => k.includes(q)) ? 3 : 9;
  return services.filter((s) => score(s) < 9).sort((a, b) => score(a) - score(b));
}

export function useConsoleServices() {
  const { info } = storeToRefs(useLabStore());
  const all = computed<ConsoleService[]>(() => {
    const withPages = new Set(CONSOLE_SERVICES.map((s) => s.id));
    const others = (info.value?.services ?? [])
      .filter((s) => !withPages.has(s.id))
      .map((s) => ({ id: s.id, name: s.id.toUpperCase(), title: s.name, keywords: [] }));
    return [...CONSOLE_SERVICES, ...others];
  });
  return { all };
}
