import { PROCESSES } from './state/processes';

/** The processes SuspendProcesses and ResumeProcesses name. */
export const DescribeScalingProcessTypes = () => ({ Processes: PROCESSES.map((ProcessName) => ({ ProcessName })) });
