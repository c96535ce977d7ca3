/** Launch templates' errors, in EC2's wording (all HTTP 400). */
import { AwsError } from '../../protocol/errors';

const err = (code: string, message: string) => new AwsError(code, message, 400);

export const launchTemplateNameInUse = () => err('InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');

export const launchTemplateNameMalformed = () =>
  err('InvalidLaunchTemplateName.MalformedException', "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.'");

export const launchTemplateNameNotFound = (name: string) =>
  err('InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`);

export const launchTemplateIdNotFound = (id: string) => err('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);

export const launchTemplateIdMalformed = (id: string) => err('InvalidLaunchTemplateId.Malformed', `The specified ID for the launch template is not valid: ${id}.`);

export const launchTemplateVersionNotFound = (id: string, version: string) =>
  err('InvalidLaunchTemplateId.VersionNotFound', `Could not find launch template version ${version} for launch template ID ${id}.`);

export const launchTemplateVersionMalformed = (version: string) =>
  err('InvalidLaunchTemplateId.VersionNotFound', `The version number '${version}' is not valid. Specify a version number, $Latest, or $Default.`);

export const missingTemplateReference = () =>
  err('MissingParameter', 'The request must contain the parameter launchTemplateName or launchTemplateId');

export const bothTemplateReferences = () =>
  err('InvalidParameterCombination', 'Both launchTemplateId and launchTemplateName were specified. Specify only one.');

export const missingLaunchTemplateData = () => err('MissingParameter', 'The request must contain the parameter LaunchTemplateData');
