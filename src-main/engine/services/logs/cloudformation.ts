/** AWS::Logs::LogGroup and AWS::Logs::MetricFilter through CloudWatch Logs' own operations. */
import { generatedName, ignoreNotFound, num, objList, str, type ResourceProvider } from '../../core/resource-provider';

const logGroup: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.LogGroupName) ?? generatedName(rc, 512);
    await rc.call('logs', 'CreateLogGroup', { logGroupName: name, ...(props.KmsKeyId ? { kmsKeyId: str(props.KmsKeyId) } : {}) });
    const days = num(props.RetentionInDays);
    if (days !== undefined) await rc.call('logs', 'PutRetentionPolicy', { logGroupName: name, retentionInDays: days });
    return { physicalId: name, attributes: { Arn: `arn:${rc.partition}:logs:${rc.region}:${rc.accountId}:log-group:${name}:*` } };
  },
  async update(rc, name, props) {
    const days = num(props.RetentionInDays);
    if (days !== undefined) await rc.call('logs', 'PutRetentionPolicy', { logGroupName: name, retentionInDays: days });
    else await rc.call('logs', 'DeleteRetentionPolicy', { logGroupName: name });
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('logs', 'DeleteLogGroup', { logGroupName: name }));
  },
};

const metricFilter: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.FilterName) ?? generatedName(rc, 512);
    await rc.call('logs', 'PutMetricFilter', {
      logGroupName: str(props.LogGroupName),
      filterName: name,
      filterPattern: str(props.FilterPattern) ?? '',
      metricTransformations: objList(props.MetricTransformations).map((t) => ({
        metricName: str(t.MetricName),
        metricNamespace: str(t.MetricNamespace),
        metricValue: str(t.MetricValue),
        ...(t.DefaultValue !== undefined ? { defaultValue: num(t.DefaultValue) } : {}),
        ...(t.Unit !== undefined ? { unit: str(t.Unit) } : {}),
      })),
    });
    return { physicalId: name };
  },
  async update(rc, _name, props) {
    await metricFilter.create(rc, props);
  },
  async delete(rc, name, props) {
    await ignoreNotFound(rc.call('logs', 'DeleteMetricFilter', { logGroupName: str(props.LogGroupName), filterName: name }));
  },
};

export const logsResourceProviders: Record<string, ResourceProvider> = { 'AWS::Logs::LogGroup': logGroup, 'AWS::Logs::MetricFilter': metricFilter };
