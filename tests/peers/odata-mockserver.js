#!/usr/bin/env node
// An independent OData v4 server for the integration tests: SAP's fe-mockserver-core serving one service
// from an EDMX file and a folder of <EntitySet>.json files, on 127.0.0.1 only.
//
//   node odata-mockserver.js --metadata <file> --data <dir> [--path /odata/v4/crm] [--port 0]
//
// Prints "listening http://127.0.0.1:<port><path>/" once it serves; exits on SIGTERM, SIGINT or when
// stdin closes, so a test that dies never leaves it running (run by hand, keep stdin open: not </dev/null).
// Nothing but loopback: no generated rows, no external service references, no file watching.
'use strict';

const http = require('http');
const path = require('path');

function usage(message) {
    process.stderr.write(`odata-mockserver: ${message}\n` +
        'usage: node odata-mockserver.js --metadata <file> --data <dir> [--path /odata/v4/crm] [--port 0]\n');
    process.exit(2);
}

function parseArgs(argv) {
    const options = { path: '/odata/v4/crm', port: 0 };
    for (let i = 0; i < argv.length; i += 2) {
        const name = argv[i];
        const value = argv[i + 1];
        if (!name.startsWith('--') || value === undefined)
            usage(`bad argument "${name}"`);
        options[name.slice(2)] = value;
    }
    if (!options.metadata || !options.data)
        usage('--metadata and --data are required');
    options.path = '/' + options.path.replace(/^\/+|\/+$/g, '');
    options.port = Number(options.port);
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        usage('--port must be 0..65535');
    return options;
}

let FEMockserver;
try {
    FEMockserver = require('@sap-ux/fe-mockserver-core').default;
} catch (error) {
    process.stderr.write('odata-mockserver: @sap-ux/fe-mockserver-core is not installed; ' +
        'run `npm ci --prefix tests/peers` (the README\'s test command does)\n');
    process.exit(3);
}

const options = parseArgs(process.argv.slice(2));
const mockserver = new FEMockserver({
    services: [{
        urlPath: options.path,
        metadataPath: path.resolve(options.metadata),
        mockdataPath: path.resolve(options.data),
        generateMockData: false, // only our data, never invented rows
        resolveExternalServiceReferences: false,
        watch: false,
    }],
    annotations: [],
    // The library logs with info() and error() only; stdout stays reserved for the "listening" line.
    logger: { info() {}, error: (message) => process.stderr.write(`${message}\n`) },
});

let server;
function shutdown(code) {
    if (server)
        server.close();
    process.exit(code);
}
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
process.stdin.on('end', () => shutdown(0));
process.stdin.on('close', () => shutdown(0));
process.stdin.resume();

mockserver.isReady.then(() => {
    const router = mockserver.getRouter();
    server = http.createServer((req, res) => router(req, res, () => {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain');
        res.end('not found');
    }));
    server.on('error', (error) => {
        process.stderr.write(`odata-mockserver: ${error.message}\n`);
        process.exit(1);
    });
    server.listen(options.port, '127.0.0.1', () => {
        const { port } = server.address();
        process.stdout.write(`listening http://127.0.0.1:${port}${options.path}/\n`);
    });
}).catch((error) => {
    process.stderr.write(`odata-mockserver: could not start: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
});
