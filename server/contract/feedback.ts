// Request shapes of the feedback to staff ("det har I sagt – det gør vi") behind a unit's staff link.
// The token is the staff link's own (server/contract/responses.ts): the same link and QR poster, after the wave closes.
export { tokenParam as feedbackParam } from './responses';
