// /api/users — the secretariat manages staff accounts: create (with a one-time temporary password), change
// name/role/language, reset the password, set what a manager may see, delete. Admin only. Answers never carry a
// password hash; temporary passwords are not cached.
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { idParams, validate } from '../../http/validate';
import { createUser, deleteUser, getUser, listUsers, resetPassword, setScopes, updateUser } from '../../services/users';
import { newUserBody, scopesBody, userPatchBody } from './users.schemas';

const userId = validate('param', idParams('id'));

export const userRoutes = new Hono<AppEnv>()
  .get('/users', access('admin'), async (c) => c.json({ users: await listUsers(c.var.db) }))
  .post('/users', access('admin'), validate('json', newUserBody), async (c) => {
    const result = await createUser(c.var.db, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(result, 201);
  })
  .get('/users/:id', access('admin'), userId, async (c) => c.json({ user: await getUser(c.var.db, c.req.valid('param').id) }))
  .patch('/users/:id', access('admin'), userId, validate('json', userPatchBody), async (c) => c.json({ user: await updateUser(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .post('/users/:id/reset-password', access('admin'), userId, async (c) => {
    const temporaryPassword = await resetPassword(c.var.db, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ temporaryPassword });
  })
  .put('/users/:id/scopes', access('admin'), userId, validate('json', scopesBody), async (c) => c.json({ user: await setScopes(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/users/:id', access('admin'), userId, async (c) => {
    await deleteUser(c.var.db, c.req.valid('param').id, c.var.user.id);
    return c.json({ deleted: true });
  });
