/**
 * The EC2 recover alarm action (arn:aws:automate:REGION:ec2:recover, §14.1): when the instance's
 * host has failed (ec2's host-health model), the failure is cleared and the instance restarts on
 * healthy hardware through RebootInstances, so it keeps its id, private and Elastic IP addresses and
 * volumes and loses only what was in memory. A healthy instance is left alone, as AWS does.
 */
import { servicePrincipal } from '../../core/account';
import { clearHostFailure, hostFailedSince } from '../ec2';
import { registerAlarmActionHandler } from './actions';
import { storeFor } from './engine-loop';

const RECOVER = /^arn:aws:automate:[a-z0-9-]+:ec2:recover$/;

registerAlarmActionHandler(
  (arn) => RECOVER.test(arn),
  async ({ call, notice, arn }) => {
    const instanceId = notice.dimensions.find((d) => d.Name === 'InstanceId')?.Value;
    if (!instanceId) throw new Error(`The alarm has no InstanceId dimension for ${arn}`);
    const store = storeFor(call);
    if (!store) throw new Error('The lab is closing');
    if (hostFailedSince(store, instanceId) === undefined)
      throw new Error(`Instance ${instanceId} passes its system status check: nothing to recover`);
    store.tx(() => clearHostFailure(store, instanceId));
    await call(
      servicePrincipal(notice.accountId, 'ec2'),
      'ec2',
      'RebootInstances',
      { InstanceIds: [instanceId] },
      { region: notice.region, source: 'internal' },
    );
    return `Successfully executed action ${arn}: instance ${instanceId} recovered onto healthy hardware`;
  },
);
