/** AWS::Events::Rule: the rule and its targets, through EventBridge's own operations. */
import { clean, generatedName, ignoreNotFound, objList, str, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';

function targets(props: JsonObject): Record<string, unknown>[] {
  return objList(props.Targets).map((t) => {
    const tr = t.InputTransformer as JsonObject | undefined;
    return clean({
      Id: str(t.Id),
      Arn: str(t.Arn),
      Input: str(t.Input),
      InputPath: str(t.InputPath),
      RoleArn: str(t.RoleArn),
      InputTransformer: tr ? clean({ InputPathsMap: tr.InputPathsMap as Record<string, string> | undefined, InputTemplate: str(tr.InputTemplate) }) : undefined,
    });
  });
}

async function put(rc: ResourceCtx, name: string, props: JsonObject, old?: JsonObject): Promise<string> {
  const out = await rc.call(
    'events',
    'PutRule',
    clean({
      Name: name,
      Description: str(props.Description),
      ScheduleExpression: str(props.ScheduleExpression),
      EventPattern: props.EventPattern === undefined ? undefined : typeof props.EventPattern === 'string' ? props.EventPattern : JSON.stringify(props.EventPattern),
      State: str(props.State) ?? 'ENABLED',
      RoleArn: str(props.RoleArn),
    }),
  );
  const now = targets(props);
  const gone = targets(old ?? {}).map((t) => String(t.Id)).filter((id) => !now.some((t) => t.Id === id));
  if (gone.length) await rc.call('events', 'RemoveTargets', { Rule: name, Ids: gone });
  if (now.length) await rc.call('events', 'PutTargets', { Rule: name, Targets: now });
  return String(out.RuleArn);
}

const rule: ResourceProvider = {
  async create(rc, props) {
    const name = str(props.Name) ?? generatedName(rc, 64);
    const arn = await put(rc, name, props);
    return { physicalId: name, attributes: { Arn: arn } };
  },
  async update(rc, name, props, old) {
    await put(rc, name, props, old);
  },
  async delete(rc, name, props) {
    const ids = targets(props).map((t) => String(t.Id));
    if (ids.length) await ignoreNotFound(rc.call('events', 'RemoveTargets', { Rule: name, Ids: ids }));
    await ignoreNotFound(rc.call('events', 'DeleteRule', { Name: name }));
  },
};

export const eventsResourceProviders: Record<string, ResourceProvider> = { 'AWS::Events::Rule': rule };
