// An INDEPENDENT MCP client for our servers: the official @modelcontextprotocol/sdk client (pinned in
// package.json) connects over stdio or Streamable HTTP, lists the tools (following nextCursor), calls one
// tool and prints what it saw as one JSON object on stdout. The SDK checks the result against the tool's
// outputSchema itself. Exit status 1 with the reason on stderr when anything fails.
//
//   node sdk-client-probe.mjs [--tool NAME] [--args JSON] [--sql SQL] [--token TOKEN] --url URL
//   node sdk-client-probe.mjs [--tool NAME] [--args JSON] [--sql SQL] --stdio COMMAND [ARGS...]
//
// --sql SQL is short for --tool execute_sql --args '{"sql": SQL}'.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

function parseArguments(argv) {
  const options = { tool: 'execute_sql', args: {} };
  for (let i = 0; i < argv.length; ++i) {
    const flag = argv[i];
    if (flag === '--stdio') {
      options.command = argv[i + 1];
      options.commandArgs = argv.slice(i + 2);
      break;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--url') options.url = value;
    else if (flag === '--tool') options.tool = value;
    else if (flag === '--args') options.args = JSON.parse(value);
    else if (flag === '--sql') options.args = { ...options.args, sql: value };
    else if (flag === '--token') options.token = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!options.url === !options.command) throw new Error('give exactly one of --url URL and --stdio COMMAND');
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const transport = options.url
    ? new StreamableHTTPClientTransport(new URL(options.url), {
        requestInit: options.token ? { headers: { Authorization: `Bearer ${options.token}` } } : undefined,
      })
    : new StdioClientTransport({ command: options.command, args: options.commandArgs, stderr: 'inherit' });
  const client = new Client({ name: 'lakeshore-sdk-client-probe', version: '1.0.0' });
  await client.connect(transport);

  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);

  const result = await client.callTool({ name: options.tool, arguments: options.args });
  const report = {
    serverInfo: client.getServerVersion(),
    capabilities: client.getServerCapabilities(),
    instructions: client.getInstructions(),
    protocolVersion: transport.protocolVersion ?? null,
    sessionId: transport.sessionId ?? null,
    tools: tools.map((tool) => ({ name: tool.name, readOnlyHint: tool.annotations?.readOnlyHint ?? null,
                                  hasOutputSchema: Boolean(tool.outputSchema) })),
    result,
  };
  if (options.url) await transport.terminateSession(); // DELETE, as a well-behaved client does
  await client.close();
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((error) => {
  process.stderr.write(`sdk-client-probe: ${error?.stack ?? error}\n`);
  process.exit(1);
});
