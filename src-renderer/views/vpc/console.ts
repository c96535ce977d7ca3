import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 20,
  service: { id: 'vpc', name: 'VPC', title: 'Isolated cloud resources', page: '/vpc/vpcs', keywords: ['subnets', 'route tables', 'internet gateway', 'nat', 'network acl'] },
  nav: {
    title: 'VPC dashboard',
    groups: [
      { group: 'Virtual private cloud', links: [['Your VPCs', '/vpc/vpcs'], ['Subnets', '/vpc/subnets'], ['Route tables', '/vpc/route-tables'], ['Internet gateways', '/vpc/internet-gateways'], ['NAT gateways', '/vpc/nat-gateways']] },
      { group: 'Security', links: [['Network ACLs', '/vpc/network-acls'], ['Security groups', '/ec2/security-groups']] },
    ],
  },
  routes: {
    '/vpc': lazy(() => import('./VpcsList.vue')),
    '/vpc/vpcs': lazy(() => import('./VpcsList.vue')),
    '/vpc/subnets': lazy(() => import('./SubnetsList.vue')),
    '/vpc/route-tables': lazy(() => import('./RouteTablesList.vue')),
    '/vpc/internet-gateways': lazy(() => import('./InternetGatewaysList.vue')),
    '/vpc/nat-gateways': lazy(() => import('./NatGatewaysList.vue')),
    '/vpc/network-acls': lazy(() => import('./NetworkAclsList.vue')),
  },
});
