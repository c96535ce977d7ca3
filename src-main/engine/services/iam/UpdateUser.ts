import type { Ctx } from '../../core/provider';
import { entityAlreadyExists } from './errors';
import { checkName, checkPath } from './names';
import { entityArn, findEntity, requireEntity } from './state/entities';
import { renameKeysPrincipal } from './state/access-keys';

export const UpdateUser = (ctx: Ctx, input: { UserName: string; NewUserName?: string; NewPath?: string }) => {
  const user = requireEntity(ctx, 'user', input.UserName);
  const name = input.NewUserName ?? user.name;
  checkName(name, 'newUserName');
  const path = input.NewPath === undefined ? user.path : checkPath(input.NewPath, 'newPath');
  const other = findEntity(ctx.store, ctx.accountId, 'user', name);
  if (other && other.id !== user.id) throw entityAlreadyExists(`User with name ${name} already exists.`);
  const arn = entityArn(ctx.accountId, 'user', path, name);
  ctx.store.stmt('UPDATE iam_users SET name = ?, name_lower = ?, path = ?, arn = ? WHERE id = ?').run(name, name.toLowerCase(), path, arn, user.id);
  renameKeysPrincipal(ctx.store, user.id, arn);
  return {};
};
