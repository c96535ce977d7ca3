/** Short names for the generated EC2 operation types: `Ec2Input<'CreateVpc'>`. */
import type { OperationInput, OperationName, OperationOutput } from '../../models/generated';

export type Ec2Operation = OperationName<'ec2'>;
export type Ec2Input<O extends Ec2Operation> = OperationInput<'ec2', O>;
export type Ec2Output<O extends Ec2Operation> = OperationOutput<'ec2', O>;
