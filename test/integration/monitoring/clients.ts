/** SDK v3 clients of the monitoring services, pointed at a running lab. */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { RunningLab } from '../../helpers/lab';

const opts = (lab: RunningLab) => ({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials, maxAttempts: 1 });

export const cloudwatch = (lab: RunningLab) => new CloudWatchClient(opts(lab));
export const sns = (lab: RunningLab) => new SNSClient(opts(lab));
export const sqs = (lab: RunningLab) => new SQSClient(opts(lab));
export const logs = (lab: RunningLab) => new CloudWatchLogsClient(opts(lab));
export const eventbridge = (lab: RunningLab) => new EventBridgeClient(opts(lab));
export const cloudtrail = (lab: RunningLab) => new CloudTrailClient(opts(lab));
