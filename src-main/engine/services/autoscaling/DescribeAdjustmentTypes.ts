/** The adjustment types simple and step scaling policies take. */
export const DescribeAdjustmentTypes = () => ({
  AdjustmentTypes: [{ AdjustmentType: 'ChangeInCapacity' }, { AdjustmentType: 'ExactCapacity' }, { AdjustmentType: 'PercentChangeInCapacity' }],
});
