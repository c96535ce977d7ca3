import { streaming, type Ctx } from '../../core/provider';
import { processTemplate, templateBody, type TemplateSource } from './lifecycle/prepare';
import { requireStack } from './state/stacks';
import { capabilitiesOf } from './ValidateTemplate';

interface GetTemplateSummaryInput extends TemplateSource {
  StackName?: string;
}

export const GetTemplateSummary = streaming(async (ctx: Ctx, input: GetTemplateSummaryInput) => {
  const body =
    input.StackName !== undefined && input.TemplateBody === undefined && input.TemplateURL === undefined
      ? requireStack(ctx.store, ctx.accountId, ctx.region, input.StackName).template_body
      : await templateBody(ctx, input);
  const p = processTemplate(body);
  const byType = new Map<string, string[]>();
  for (const r of p.checked.resources.values()) byType.set(r.type, [...(byType.get(r.type) ?? []), r.logicalId]);
  const out: Record<string, unknown> = {
    Parameters: [...p.checked.parameters].map(([key, d]) => ({
      ParameterKey: key,
      ...(d.Default !== undefined ? { DefaultValue: Array.isArray(d.Default) ? d.Default.join(',') : String(d.Default) } : {}),
      ParameterType: String(d.Type),
      NoEcho: d.NoEcho === true || d.NoEcho === 'true',
      ...(typeof d.Description === 'string' ? { Description: d.Description } : {}),
      ParameterConstraints: Array.isArray(d.AllowedValues) ? { AllowedValues: d.AllowedValues.map(String) } : {},
    })),
    ...capabilitiesOf(p.checked),
    ResourceTypes: [...byType.keys()],
    Version: String(p.raw.AWSTemplateFormatVersion ?? '2010-09-09'),
    ...(p.raw.Metadata !== undefined ? { Metadata: JSON.stringify(p.raw.Metadata) } : {}),
    ...(p.transforms.length ? { DeclaredTransforms: p.transforms } : {}),
    ResourceIdentifierSummaries: [...byType].map(([type, ids]) => ({ ResourceType: type, LogicalResourceIds: ids })),
  };
  if (typeof p.raw.Description === 'string') out.Description = p.raw.Description;
  return ctx.commit(() => out);
});
