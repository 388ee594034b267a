'use strict';
// The command line that starts the server, kept apart from extension.js (which needs the vscode module) so that
// the repository's tests can run this very code with package.json's defaults and start the same server.
const path = require('path');

/**
 * @param {{ path?: string, args?: string[] }} settings the digestkit.server.* settings
 * @param {string | undefined} workspaceFolder the first workspace folder's file-system path, if any
 * @returns {{ command: string, args: string[] }}
 */
function serverCommand(settings, workspaceFolder) {
  let command = (settings.path || '').trim() || 'digestkit';
  if (command.startsWith('~/') && process.env.HOME) {
    command = path.join(process.env.HOME, command.slice(2));
  }
  // A bare name goes to PATH lookup as it is; only a relative path with a separator is the workspace's file.
  const hasSeparator = command.includes('/') || command.includes('\\');
  if (hasSeparator && !path.isAbsolute(command) && workspaceFolder) {
    command = path.resolve(workspaceFolder, command);
  }
  const args = Array.isArray(settings.args) ? settings.args.map(String) : ['lsp'];
  return { command, args };
}

module.exports = { serverCommand };
