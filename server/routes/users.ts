// /api/users — the secretariat manages staff accounts: create (with a one-time temporary password), change
// name/role/language, reset the password, set what a manager may see, delete. app.ts puts requireUser and
// requireAdmin in front of all of it. Answers never carry a password hash; temporary passwords are not cached.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env';
import { idParams, validate } from '../http/validate';
import { MIN_PASSWORD_LENGTH, createUser, deleteUser, getUser, listUsers, resetPassword, setScopes, updateUser, userLocales, userRoles } from '../services/users';
import { ids } from './schemas';

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(200);
/** A password someone chooses: at least 10 characters (spaces and any letters allowed), at most 200. */
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
const userName = z.string().trim().min(1, 'Required').max(200);
const role = z.enum(userRoles);

const createBody = z.strictObject({ email: emailSchema, name: userName, role, password: newPasswordSchema.optional() });
const patchBody = z.strictObject({ name: userName.optional(), role: role.optional(), locale: z.enum(userLocales).optional() });
const scopesBody = z.strictObject({ unitIds: ids, projectIds: ids });
const userId = validate('param', idParams('id'));

export const userRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ users: listUsers(c.var.db) }))
  .post('/', validate('json', createBody), async (c) => {
    const result = await createUser(c.var.db, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(result, 201);
  })
  .get('/:id', userId, (c) => c.json({ user: getUser(c.var.db, c.req.valid('param').id) }))
  .patch('/:id', userId, validate('json', patchBody), (c) => c.json({ user: updateUser(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .post('/:id/reset-password', userId, async (c) => {
    const temporaryPassword = await resetPassword(c.var.db, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ temporaryPassword });
  })
  .put('/:id/scopes', userId, validate('json', scopesBody), (c) => c.json({ user: setScopes(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/:id', userId, (c) => {
    deleteUser(c.var.db, c.req.valid('param').id, c.var.user.id);
    return c.json({ deleted: true });
  });
