/** Termination policies a group may list (the reconciler applies Default, OldestInstance and NewestInstance). */
export const DescribeTerminationPolicyTypes = () => ({
  TerminationPolicyTypes: ['AllocationStrategy', 'ClosestToNextInstanceHour', 'Default', 'NewestInstance', 'OldestInstance', 'OldestLaunchConfiguration', 'OldestLaunchTemplate'],
});
