// /api/users — the secretariat manages staff accounts: create (with a one-time invitation link or temporary
// password), change name/role/language, reset the password (link or temporary password), set what a manager may
// see and which projects an editor leads, disable and enable, end an account's sessions, delete. Admin only.
// Answers never carry a password hash; answers with a link or temporary password are not cached.
import { Hono, type Context } from 'hono';
import { newUserBody, resetBody, scopesBody, userPatchBody } from '../../contract/users';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { idParams, validate } from '../../http/validate';
import { createUser, deleteUser, endSessionsOf, getUser, inviteAgain, listUsers, resetPassword, setDisabled, setScopes, updateUser, type LinkContext } from '../../services/users';

const userId = validate('param', idParams('id'));
const linksOf = (c: Context<AppEnv>): LinkContext => ({ publicUrl: c.var.config.publicUrl, clock: c.var.clock });

export const userRoutes = new Hono<AppEnv>()
  .get('/users', access('admin'), summary('Every staff account with its scopes and led projects, by name; never a password hash'), async (c) => c.json({ users: await listUsers(c.var.db) }))
  .post('/users', access('admin'), summary('Creates an account; returns, once, an invitation link (default) or a temporary password to change at first login'), validate('json', newUserBody), async (c) => {
    const result = await createUser(c.var.db, c.req.valid('json'), linksOf(c));
    c.header('Cache-Control', 'no-store');
    return c.json(result, 201);
  })
  .get('/users/:id', access('admin'), summary('One account with its scopes (what a manager may see) and the projects it leads (as editor)'), userId, async (c) => c.json({ user: await getUser(c.var.db, c.req.valid('param').id) }))
  .patch('/users/:id', access('admin'), summary('Changes an account\'s name, role or language; the last admin cannot be made an editor or manager'), userId, validate('json', userPatchBody), async (c) => c.json({ user: await updateUser(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .post('/users/:id/reset-password', access('admin'), summary('Resets the password: the old one and all sessions end; returns, once, a reset link (default, 24 h) or a temporary password'), userId, validate('json', resetBody), async (c) => {
    const result = await resetPassword(c.var.db, c.req.valid('param').id, c.req.valid('json'), linksOf(c));
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  })
  .post('/users/:id/invitation', access('admin'), summary('A new invitation link (7 days), returned once; older invitation links of the account stop working'), userId, async (c) => {
    const link = await inviteAgain(c.var.db, c.req.valid('param').id, linksOf(c));
    c.header('Cache-Control', 'no-store');
    return c.json({ link });
  })
  .post('/users/:id/disable', access('admin'), summary('Disables an account: it cannot log in and its sessions end; not your own, not the last admin'), userId, async (c) =>
    c.json({ user: await setDisabled(c.var.db, c.req.valid('param').id, true, c.var.user.id, c.var.clock) }),
  )
  .post('/users/:id/enable', access('admin'), summary('Lets a disabled account log in again'), userId, async (c) => c.json({ user: await setDisabled(c.var.db, c.req.valid('param').id, false, c.var.user.id, c.var.clock) }))
  .delete('/users/:id/sessions', access('admin'), summary('Ends every session of the account (it may log in again)'), userId, async (c) => c.json({ ended: await endSessionsOf(c.var.db, c.req.valid('param').id) }))
  .put('/users/:id/scopes', access('admin'), summary('Replaces the units (each with its subtree) and projects a manager may see, and optionally the projects an editor leads; unknown ids are refused'), userId, validate('json', scopesBody), async (c) => c.json({ user: await setScopes(c.var.db, c.req.valid('param').id, c.req.valid('json')) }))
  .delete('/users/:id', access('admin'), summary('Deletes an account and its sessions; not your own account, and not the last admin'), userId, async (c) => {
    await deleteUser(c.var.db, c.req.valid('param').id, c.var.user.id);
    return c.json({ deleted: true });
  });
