/** AWS::CloudTrail::Trail through CloudTrail's own operations (IsLogging starts or stops it). */
import { bool, clean, generatedName, ignoreNotFound, str, type ResourceProvider } from '../../core/resource-provider';

const trail: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.TrailName) ?? generatedName(rc, 128);
    const out = await rc.call(
      'cloudtrail',
      'CreateTrail',
      clean({
        Name: name,
        S3BucketName: str(props.S3BucketName),
        S3KeyPrefix: str(props.S3KeyPrefix),
        SnsTopicName: str(props.SnsTopicName),
        IncludeGlobalServiceEvents: bool(props.IncludeGlobalServiceEvents),
        IsMultiRegionTrail: bool(props.IsMultiRegionTrail),
        EnableLogFileValidation: bool(props.EnableLogFileValidation),
        CloudWatchLogsLogGroupArn: str(props.CloudWatchLogsLogGroupArn),
        CloudWatchLogsRoleArn: str(props.CloudWatchLogsRoleArn),
        KmsKeyId: str(props.KMSKeyId),
      }),
    );
    if (bool(props.IsLogging) !== false) await rc.call('cloudtrail', 'StartLogging', { Name: name });
    return { physicalId: name, attributes: { Arn: String(out.TrailARN), SnsTopicArn: '' } };
  },
  async update(rc, name, props) {
    await rc.call('cloudtrail', bool(props.IsLogging) === false ? 'StopLogging' : 'StartLogging', { Name: name });
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('cloudtrail', 'DeleteTrail', { Name: name }));
  },
};

export const cloudtrailResourceProviders: Record<string, ResourceProvider> = { 'AWS::CloudTrail::Trail': trail };
