/** AWS::CloudWatch::Alarm through CloudWatch's own operations. */
import { bool, clean, generatedName, ignoreNotFound, num, objList, str, strList, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

function alarmInput(name: string, props: JsonObject): Record<string, unknown> {
  return clean({
    AlarmName: name,
    AlarmDescription: str(props.AlarmDescription),
    ActionsEnabled: bool(props.ActionsEnabled),
    OKActions: strList(props.OKActions),
    AlarmActions: strList(props.AlarmActions),
    InsufficientDataActions: strList(props.InsufficientDataActions),
    MetricName: str(props.MetricName),
    Namespace: str(props.Namespace),
    Statistic: str(props.Statistic),
    ExtendedStatistic: str(props.ExtendedStatistic),
    Dimensions: props.Dimensions === undefined ? undefined : objList(props.Dimensions).map((d) => ({ Name: str(d.Name), Value: str(d.Value) })),
    Period: num(props.Period),
    Unit: str(props.Unit),
    EvaluationPeriods: num(props.EvaluationPeriods),
    DatapointsToAlarm: num(props.DatapointsToAlarm),
    Threshold: num(props.Threshold),
    ComparisonOperator: str(props.ComparisonOperator),
    TreatMissingData: str(props.TreatMissingData),
    EvaluateLowSampleCountPercentile: str(props.EvaluateLowSampleCountPercentile),
    ThresholdMetricId: str(props.ThresholdMetricId),
  });
}

async function put(rc: ResourceCtx, name: string, props: JsonObject): Promise<void> {
  await rc.call('monitoring', 'PutMetricAlarm', alarmInput(name, props));
}

const alarm: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.AlarmName) ?? generatedName(rc, 255);
    await put(rc, name, props);
    return { physicalId: name, attributes: { Arn: `arn:${rc.partition}:cloudwatch:${rc.region}:${rc.accountId}:alarm:${name}` } };
  },
  async update(rc, name, props) {
    await put(rc, name, props);
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('monitoring', 'DeleteAlarms', { AlarmNames: [name] }));
  },
};

export const monitoringResourceProviders: Record<string, ResourceProvider> = { 'AWS::CloudWatch::Alarm': alarm };
