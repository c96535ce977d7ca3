import { streaming, type Ctx } from '../../core/provider';
import { resourceType } from './resource-types';
import { processTemplate, templateBody, type TemplateSource } from './lifecycle/prepare';
import { requiredCapabilities, type CheckedTemplate } from './template/check';

export function capabilitiesOf(t: CheckedTemplate): { Capabilities?: string[]; CapabilitiesReason?: string } {
  const caps = requiredCapabilities(t);
  if (!caps.length) return {};
  const types = [...new Set([...t.resources.values()].filter((r) => resourceType(r.type)?.capability).map((r) => r.type))];
  return { Capabilities: caps, CapabilitiesReason: `The following resource(s) require capabilities: [${types.join(', ')}]` };
}

export const ValidateTemplate = streaming(async (ctx: Ctx, input: TemplateSource) => {
  const p = processTemplate(await templateBody(ctx, input));
  const out: Record<string, unknown> = {
    Parameters: [...p.checked.parameters].map(([key, d]) => ({
      ParameterKey: key,
      ...(d.Default !== undefined ? { DefaultValue: Array.isArray(d.Default) ? d.Default.join(',') : String(d.Default) } : {}),
      NoEcho: d.NoEcho === true || d.NoEcho === 'true',
      ...(typeof d.Description === 'string' ? { Description: d.Description } : {}),
    })),
    ...capabilitiesOf(p.checked),
    ...(p.transforms.length ? { DeclaredTransforms: p.transforms } : {}),
  };
  if (typeof p.raw.Description === 'string') out.Description = p.raw.Description;
  return ctx.commit(() => out);
});
