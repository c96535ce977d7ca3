/** Handler input/output types from the generated RDS model. */
import type { OperationInput, OperationOutput } from '../../models/generated';
import type { RDSOperations } from '../../models/generated/rds';

export type RdsInput<K extends keyof RDSOperations> = OperationInput<'rds', K>;
export type RdsOutput<K extends keyof RDSOperations> = OperationOutput<'rds', K>;
