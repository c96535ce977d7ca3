import { LAUNCHING, TERMINATING } from './state/lifecycle-hooks';

export const DescribeLifecycleHookTypes = () => ({ LifecycleHookTypes: [LAUNCHING, TERMINATING] });
