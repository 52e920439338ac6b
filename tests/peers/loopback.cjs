// Preload for node test peers (`node -r ./loopback.cjs server.js`): every TCP listen() binds 127.0.0.1, so
// a server that would listen on all interfaces (server-everything, dbhub) is reachable from this machine only.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (...args) {
    const first = args[0];
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
        // listen(port[, host][, backlog][, callback]): replace or insert the host.
        if (typeof args[1] === 'string') args[1] = '127.0.0.1';
        else args.splice(1, 0, '127.0.0.1');
    } else if (first && typeof first === 'object' && first.path === undefined && first.fd === undefined &&
               first._handle === undefined && !(first instanceof net.Server)) {
        // listen({port, host, ...}): a Unix socket path or an inherited handle is left alone.
        args[0] = { ...first, host: '127.0.0.1' };
    } else if (first === undefined || typeof first === 'function') {
        // listen() or listen(callback): an ephemeral port.
        args.unshift(0, '127.0.0.1');
    }
    return listen.apply(this, args);
};
