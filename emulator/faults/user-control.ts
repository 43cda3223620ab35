// /__emulator/tenants/{tenant}/users[/{userId}]: change an org's users behind the portal's back
// (a joiner, a move, a role change, a leaver), as POST …/mutate does for the org itself.
import { z } from 'zod';
import { findOrg } from '../credentials';
import { addUser, changeUser, deleteUser, type ChangeOutcome } from '../users/changes';
import { type ControlContext, type ControlRoute, type Reply, failure, ok, orgNotFound } from './control-reply';

const state = z.enum(['active', 'inactive', 'deleted']);
const id = z.string().min(1).max(100);
const roleIds = z.array(id).max(100);

const newUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).optional(),
    title: z.string().max(200).optional(),
    department: z.string().max(200).optional(),
    state: state.optional(),
    divisionId: id.optional(),
    roleIds: roleIds.optional(),
  })
  .strict();

const userChangesSchema = z.object({ state, divisionId: id, roleIds }).partial().strict();

const answer = (outcome: ChangeOutcome, status = 200): Reply =>
  outcome.ok
    ? ok(structuredClone(outcome.user), status)
    : failure(outcome.status, outcome.status === 404 ? 'not_found' : 'bad_request', outcome.message);

function withOrg(ctx: ControlContext, act: (org: NonNullable<ReturnType<typeof findOrg>>) => Reply): Reply {
  const org = findOrg(ctx.core, ctx.params.tenant ?? '');
  return org ? act(org) : orgNotFound;
}

export const USER_CONTROL_ROUTES: ControlRoute[] = [
  {
    method: 'POST',
    pattern: '/__emulator/tenants/:tenant/users',
    schema: newUserSchema,
    handle: (ctx) =>
      withOrg(ctx, (org) => answer(addUser(ctx.core.world, org, ctx.body as z.infer<typeof newUserSchema>), 201)),
  },
  {
    method: 'PATCH',
    pattern: '/__emulator/tenants/:tenant/users/:userId',
    schema: userChangesSchema,
    handle: (ctx) =>
      withOrg(ctx, (org) =>
        answer(changeUser(org, ctx.params.userId ?? '', ctx.body as z.infer<typeof userChangesSchema>)),
      ),
  },
  {
    method: 'DELETE',
    pattern: '/__emulator/tenants/:tenant/users/:userId',
    handle: (ctx) => withOrg(ctx, (org) => answer(deleteUser(org, ctx.params.userId ?? ''))),
  },
];
