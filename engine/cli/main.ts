// Each command loads what it needs when it runs (dynamic imports, split into their own chunks
// by the bundler), so `junction --version` or `--help` never load the engine.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { isJunctionError } from '../sdk/errors';
import { terminal, type Terminal } from './terminal';

const USAGE = `Usage: junction <command> [options]

Commands:
  run FILE [--input items.json] [--vars vars.json] [--json] [--no-history] [--data-dir DIR] [--error-flow FILE] [--trust]
                          Run a flow once; prints each node's items and time. Exit 0 on success, 1 on failure.
                          An error flow runs only when named with --error-flow.
                          Code nodes run in the isolated QuickJS sandbox unless the flow is trusted:
                          a workspace flow (WORKSPACE/flows/*.flow.json) created or trusted in the
                          editor, or any file with --trust (for this run only; use it only for
                          files you wrote or checked). Trusted flows run on the faster backend.
  validate FILE...        Check flow files and list every problem with its JSON path.
  import FILE... [--from n8n|node-red] [-o DIR] [--json]
                          Turn n8n workflows and Node-RED exports into flow files in DIR (default:
                          the workspace's flows/) and print what each node became, what did not
                          carry over and the connections to map. Exit 0 when a flow was written.
  nodes [--markdown|--json]
                          The node catalog, generated from the node schemas.
  serve [--port N] [--workspace DIR] [--webhook-port N]
                          The editor in a browser, with the engine, on 127.0.0.1; active flows'
                          triggers are live meanwhile.
  start [--workspace DIR] [--data-dir DIR] [--webhook-port N]
                          Active flows' schedules and webhooks, headless (no editor), until Ctrl+C.
                          Webhooks listen on 127.0.0.1 (port: --webhook-port, JUNCTION_WEBHOOK_PORT, else 5680).
  dlq list|show ID|replay ID|discard ID [--json] [--data-dir DIR]
                          Outgoing webhooks that failed every attempt.
  --version               Print Junction's version.

Expressions see only the environment variables named in JUNCTION_ENV_ALLOW (comma-separated).
Run history goes to JUNCTION_DATA_DIR (default: your OS's app data folder).`;

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The CLI. Returns the exit code; user mistakes print a sentence, never a stack trace.
 * Everything printed goes through `terminal`, which strips control characters.
 */
export async function main(argv: string[], stdout: Stream = process.stdout, stderr: Stream = process.stderr): Promise<number> {
  const out = terminal(stdout);
  const err = terminal(stderr);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
          input: { type: 'string' }, vars: { type: 'string' }, json: { type: 'boolean', default: false },
          'no-history': { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, 'error-flow': { type: 'string' },
          trust: { type: 'boolean', default: false },
        } });
        if (positionals.length !== 1) return usage(err, 'run needs exactly one flow file');
        const { runCommand } = await import('./run-command');
        return await runCommand({
          file: positionals[0], input: values.input, vars: values.vars, json: !!values.json, history: !values['no-history'],
          dataDir: values['data-dir'], errorFlow: values['error-flow'], trust: !!values.trust,
        }, out, err);
      }
      case 'validate': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        if (!positionals.length) return usage(err, 'validate needs at least one flow file');
        const [{ loadFlow }, { builtinRegistry }] = await Promise.all([import('./load-flow'), import('../registry')]);
        let failed = 0;
        for (const file of positionals) {
          try {
            const flow = loadFlow(resolve(file), builtinRegistry());
            out.write(`${file}: valid (${flow.nodes.length} nodes, ${flow.edges.length} edges)\n`);
          } catch (e) {
            if (!isJunctionError(e)) throw e;
            failed++;
            err.write(`${e.message}\n`);
          }
        }
        return failed ? 2 : 0;
      }
      case 'import': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
          from: { type: 'string' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false },
        } });
        if (!positionals.length) return usage(err, 'import needs at least one file');
        if (values.from !== undefined && values.from !== 'n8n' && values.from !== 'node-red') return usage(err, '--from takes n8n or node-red');
        const { importCommand } = await import('./import-command');
        return await importCommand({ files: positionals, from: values.from, outDir: values.out, json: !!values.json }, out, err);
      }
      case 'nodes': {
        const { values } = parseArgs({ args: rest, options: { markdown: { type: 'boolean' }, json: { type: 'boolean' } } });
        const [{ catalogMarkdown, describeNode }, { builtinRegistry }, { formatTable }] = await Promise.all([import('../catalog'), import('../registry'), import('./table')]);
        const nodes = builtinRegistry().all().map(describeNode);
        if (values.json) out.write(`${JSON.stringify(nodes, null, 2)}\n`);
        else if (values.markdown) out.write(catalogMarkdown(nodes));
        else out.write(`${formatTable(['type', 'version', 'category', 'title', 'outputs'], nodes.map((n) => [n.type, n.version, n.category, n.title, n.outputs.join(', ')]))}\n`);
        return 0;
      }
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, workspace: { type: 'string' }, 'data-dir': { type: 'string' }, 'webhook-port': { type: 'string' } } });
        const [{ serveCommand }, { webhookPort }] = await Promise.all([import('./serve-command'), import('./start-command')]);
        const hookPort = webhookPort(values['webhook-port']);
        if (hookPort === undefined) return usage(err, 'the webhook port must be a whole number from 0 to 65535');
        return await serveCommand({ port: values.port ? Number(values.port) : undefined, workspace: values.workspace, dataDir: values['data-dir'], webhookPort: hookPort }, out, err);
      }
      case 'start': {
        const { values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, 'data-dir': { type: 'string' }, 'webhook-port': { type: 'string' }, 'webhook-host': { type: 'string' } } });
        const { startCommand, webhookPort } = await import('./start-command');
        const port = webhookPort(values['webhook-port']);
        if (port === undefined) return usage(err, 'the webhook port must be a whole number from 0 to 65535');
        return await startCommand({ workspace: values.workspace, dataDir: values['data-dir'], webhookPort: port, webhookHost: values['webhook-host'] }, out, err);
      }
      case 'dlq': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, workspace: { type: 'string' } } });
        if (!positionals.length) return usage(err, 'dlq needs list, show, replay or discard');
        const { dlqCommand } = await import('./dlq-command');
        return await dlqCommand({ action: positionals[0], id: positionals[1], json: !!values.json, dataDir: values['data-dir'], workspace: values.workspace }, out, err);
      }
      case '--version': case '-v': case 'version':
        out.write(`${version}\n`);
        return 0;
      case undefined: case '-h': case '--help': case 'help':
        out.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        return usage(err, `unknown command "${command}"`);
    }
  } catch (e) {
    if (isJunctionError(e)) { err.write(`${e.message}\n`); return 2; }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usage(err, (e as Error).message);
    err.write(`junction: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

function usage(err: Terminal, problem: string): number {
  err.write(`junction: ${problem}\n\n${USAGE}\n`);
  return 2;
}
