// Workspace tests use the shared client, which already behaves like a same-origin browser.
export { testApp as browserTestApp } from '../support/api';
