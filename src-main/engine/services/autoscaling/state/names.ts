/** Auto Scaling's ARNs and time stamps. */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';

const partition = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
const prefix = (ctx: { region: string; accountId: string }) => `arn:${partition(ctx.region)}:autoscaling:${ctx.region}:${ctx.accountId}`;

export const groupArn = (ctx: Ctx, name: string) => `${prefix(ctx)}:autoScalingGroup:${randomUUID()}:autoScalingGroupName/${name}`;
export const launchConfigurationArn = (ctx: Ctx, name: string) => `${prefix(ctx)}:launchConfiguration:${randomUUID()}:launchConfigurationName/${name}`;
export const policyArn = (ctx: Ctx, group: string, name: string) => `${prefix(ctx)}:scalingPolicy:${randomUUID()}:autoScalingGroupName/${group}:policyName/${name}`;
export const scheduledActionArn = (ctx: Ctx, group: string, name: string) => `${prefix(ctx)}:scheduledUpdateGroupAction:${randomUUID()}:autoScalingGroupName/${group}:scheduledActionName/${name}`;

/** `2026-01-10T12:00:00Z`, as activity causes print times. */
export const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
