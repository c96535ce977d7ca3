/**
 * CloudFormation's stack and resource statuses as its console colours them, the filters of its stacks
 * list, and the parameter widgets a template summary asks for (GetTemplateSummary's answer).
 */
export type StatusTone = 'good' | 'busy' | 'bad' | 'plain';

export function statusTone(status: string): StatusTone {
  if (status.endsWith('_IN_PROGRESS')) return 'busy';
  if (status.includes('FAILED') || status.includes('ROLLBACK')) return 'bad';
  if (status.endsWith('_COMPLETE')) return 'good';
  return 'plain';
}

/** The stacks list's status filter: the groups AWS's console offers. */
export const STATUS_FILTERS = ['Active', 'Complete', 'In progress', 'Failed', 'Deleted', 'All'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function matchesFilter(status: string, filter: StatusFilter): boolean {
  switch (filter) {
    case 'All':
      return true;
    case 'Deleted':
      return status === 'DELETE_COMPLETE';
    case 'Active':
      return status !== 'DELETE_COMPLETE';
    case 'Complete':
      return status.endsWith('_COMPLETE') && status !== 'DELETE_COMPLETE' && !status.includes('ROLLBACK');
    case 'In progress':
      return status.endsWith('_IN_PROGRESS');
    case 'Failed':
      return status.includes('FAILED') || status.includes('ROLLBACK_COMPLETE');
  }
}

/** Reasons the engine gives to resources it records without simulating their service. */
export const isSimulatedReason = (reason?: string) => !!reason && reason.startsWith('Simulated without behaviour');

export interface TemplateParameter {
  ParameterKey: string;
  DefaultValue?: string;
  ParameterType?: string;
  NoEcho?: boolean;
  Description?: string;
  ParameterConstraints?: { AllowedValues?: string[] };
}

export type ParameterWidget = 'select' | 'password' | 'text';

export function parameterWidget(p: TemplateParameter): ParameterWidget {
  if (p.ParameterConstraints?.AllowedValues?.length) return 'select';
  if (p.NoEcho) return 'password';
  return 'text';
}
