/** The CloudFormation provider: stacks, change sets, and the runner that drives their resources. */
import { defineService } from '../../core/provider';
import { CreateChangeSet } from './CreateChangeSet';
import { CreateStack } from './CreateStack';
import { DeleteChangeSet } from './DeleteChangeSet';
import { DeleteStack } from './DeleteStack';
import { DescribeChangeSet } from './DescribeChangeSet';
import { DescribeStackEvents } from './DescribeStackEvents';
import { DescribeStackResource } from './DescribeStackResource';
import { DescribeStackResources } from './DescribeStackResources';
import { DescribeStacks } from './DescribeStacks';
import { ExecuteChangeSet } from './ExecuteChangeSet';
import { GetTemplate } from './GetTemplate';
import { GetTemplateSummary } from './GetTemplateSummary';
import { cloudformationIamTable } from './iam-table';
import { cloudformationInventory } from './inventory';
import { createRunner, runnerFor } from './lifecycle/runner';
import { ListChangeSets } from './ListChangeSets';
import { ListExports } from './ListExports';
import { ListImports } from './ListImports';
import { ListStackResources } from './ListStackResources';
import { ListStacks } from './ListStacks';
import { cloudformationMigrations } from './migrations';
import { SignalResource } from './SignalResource';
import { cloudformationProviders } from './providers/cloudformation';
import { useResourceProviders } from './providers';
import { activeStacks } from './state/stacks';
import { setBookCodeDir } from './template/source';
import { UpdateStack } from './UpdateStack';
import { UpdateTerminationProtection } from './UpdateTerminationProtection';
import { ValidateTemplate } from './ValidateTemplate';

export const cloudformationProvider = defineService({
  service: 'cloudformation',
  migrations: cloudformationMigrations,
  handlers: {
    CreateChangeSet,
    CreateStack,
    DeleteChangeSet,
    DeleteStack,
    DescribeChangeSet,
    DescribeStackEvents,
    DescribeStackResource,
    DescribeStackResources,
    DescribeStacks,
    ExecuteChangeSet,
    GetTemplate,
    GetTemplateSummary,
    ListChangeSets,
    ListExports,
    ListImports,
    ListStackResources,
    ListStacks,
    SignalResource,
    UpdateStack,
    UpdateTerminationProtection,
    ValidateTemplate,
  },
  // Operations that were in flight when the lab stopped carry on from their rows.
  start: ({ store, clock, call, dataDir, manifests }) => {
    if (manifests) useResourceProviders(manifests);
    if (!call) return;
    setBookCodeDir(store, dataDir);
    createRunner({ store, clock, call }).resumeAll(activeStacks(store).map((s) => s.stack_id));
  },
  iam: cloudformationIamTable,
  cloudformation: cloudformationProviders,
  inventory: cloudformationInventory,
});

/** For tests and the bench: resolves once no stack operation has work running. */
export const cloudformationIdle = (store: Parameters<typeof runnerFor>[0]) => runnerFor(store).idle();

export { signalWaitConditionHandle, parseWaitHandleUrl } from './wait-condition';
