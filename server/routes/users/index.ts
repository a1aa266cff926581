// /api/users — the secretariat manages staff accounts: create (with a one-time temporary password), change
// name/role/language, reset the password, set what a manager may see, delete. Admin only. Answers never carry a
// password hash; temporary passwords are not cached.
import { Hono } from 'hono';
import { newUserBody, scopesBody, userPatchBody } from '../../contract/users';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createUser, deleteUser, getUser, listUsers, resetPassword, setScopes, updateUser } from '../../services/users';

const userId = validate('param', idParams('id'));

export const userRoutes = new Hono<AppEnv>()
  .get('/users', access('admin'), summary('Every staff account with its scopes, by name; never a password hash'), async (c) => c.json({ users: await listUsers(c.var.db) }))
  .post('/users', access('admin'), summary('Creates an account; returns a one-time temporary password when none is given'), validate('json', newUserBody), async (c) => {
    const result = await createUser(c.var.db, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(result, 201);
  })
  .get('/users/:id', access('admin'), summary('One account with its scopes: the units and projects a manager may see'), userId, async (c) => c.json({ user: await getUser(c.var.db, c.req.valid('param').id) }))
  .patch('/users/:id', access('admin'), summary('Changes an account\'s name, role or language; the last admin cannot be made a manager'), userId, validate('json', userPatchBody), async (c) => c.json({ user: await updateUser(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .post('/users/:id/reset-password', access('admin'), summary('Sets a new temporary password, returned once, and ends all of the account\'s sessions'), userId, async (c) => {
    const temporaryPassword = await resetPassword(c.var.db, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ temporaryPassword });
  })
  .put('/users/:id/scopes', access('admin'), summary('Replaces the units (each with its subtree) and projects a manager may see; unknown ids are refused'), userId, validate('json', scopesBody), async (c) => c.json({ user: await setScopes(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/users/:id', access('admin'), summary('Deletes an account and its sessions; not your own account, and not the last admin'), userId, async (c) => {
    await deleteUser(c.var.db, c.req.valid('param').id, c.var.user.id);
    return c.json({ deleted: true });
  });
