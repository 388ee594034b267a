'use strict';
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const { serverCommand } = require('./server-command');

/** @type {LanguageClient | undefined} */
let client;
/** The command line of the last start, for the error message. */
let commandLine = '';

function createClient() {
  const settings = vscode.workspace.getConfiguration('digestkit.server');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const { command, args } = serverCommand(
    { path: settings.get('path'), args: settings.get('args') },
    folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
  commandLine = [command].concat(args).join(' ');

  // No transport option: for an executable, stdio is the default, and naming it would append `--stdio` to args.
  const serverOptions = { command, args, options: { cwd: folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined } };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    // The server follows digests changed on disk (workspace/didChangeWatchedFiles) for its cross-file rules.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.md') },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient('digestkit', 'DigestKit', serverOptions, clientOptions);
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `DigestKit: could not start the language server (${commandLine}): ${error && error.message ? error.message : error}. ` +
      'Install it with `dotnet tool install -g DigestKit.Cli`, or set "digestkit.server.path".');
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    try {
      await running.stop();
    } catch {
      // A server that never started cannot be stopped; nothing is left to clean up.
    }
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('digestkit.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('digestkit.server')) {
        await stop();
        await start();
      }
    }));
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
