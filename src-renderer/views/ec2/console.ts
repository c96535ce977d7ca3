import { defineConsoleArea, lazy } from '../../console/area';
import InstancesList from './InstancesList.vue';

export default defineConsoleArea({
  order: 10,
  service: { id: 'ec2', name: 'EC2', title: 'Virtual servers in the cloud', page: '/ec2/instances', keywords: ['instances', 'ami', 'key pairs', 'volumes', 'ebs', 'elastic ip', 'security groups'] },
  nav: {
    title: 'EC2',
    groups: [
      { group: 'Instances', links: [['Instances', '/ec2/instances'], ['Launch instance', '/ec2/launch']] },
      { group: 'Elastic Block Store', links: [['Volumes', '/ec2/volumes'], ['Snapshots', '/ec2/snapshots']] },
      {
        group: 'Network & Security',
        links: [['Security Groups', '/ec2/security-groups'], ['Elastic IPs', '/ec2/elastic-ips'], ['Key Pairs', '/ec2/key-pairs'], ['Network Interfaces', '/ec2/network-interfaces']],
      },
    ],
  },
  routes: {
    '/ec2': InstancesList,
    '/ec2/instances': InstancesList,
    '/ec2/instances/:id': InstancesList,
    '/ec2/launch': lazy(() => import('./LaunchInstanceWizard.vue')),
    '/ec2/security-groups': lazy(() => import('./SecurityGroupsList.vue')),
    '/ec2/key-pairs': lazy(() => import('./KeyPairsList.vue')),
    '/ec2/volumes': lazy(() => import('./VolumesList.vue')),
    '/ec2/snapshots': lazy(() => import('./SnapshotsList.vue')),
    '/ec2/elastic-ips': lazy(() => import('./ElasticIpsList.vue')),
    '/ec2/network-interfaces': lazy(() => import('./NetworkInterfacesList.vue')),
  },
});
