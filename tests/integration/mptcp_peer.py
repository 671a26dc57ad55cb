#!/usr/bin/env python3
"""Minimal MPTCP peer used by the integration tests.

Run inside a network namespace (``ip netns exec NS python3 mptcp_peer.py ...``).

server --port P [--bind ADDR] [--ipv6]
    Listen with an MPTCP socket, accept connections (one thread each) and
    sink whatever they send; each chunk is echoed back when --echo is given.
    Prints ``LISTENING <port>`` on stdout once the listener is up, and
    ``ACCEPTED <peer-addr> <peer-port>`` for every connection.

client --connect ADDR --port P [--bytes N] [--hold SECONDS] [--ipv6]
    Connect with an MPTCP socket, print ``CONNECTED <local-addr> <local-port>``,
    send N bytes, print ``SENT <n>`` and keep the connection open for
    --hold seconds (or until stdin reaches EOF / a line ``close`` arrives when
    --hold is negative), then close it and print ``CLOSED``.

probe [--ipv6]
    Print ``READY``, then for every ``listen`` line on stdin open an MPTCP
    listener on an ephemeral loopback port, close it again and print
    ``DONE <port>``. The kernel reports each as LISTENER_CREATED and
    LISTENER_CLOSED events: a cheap way to see that a monitor is subscribed.

Only the standard library is used.  Every line printed is flushed at once so
that the parent can wait for it.
"""

import argparse
import select
import socket
import sys
import threading
import time

IPPROTO_MPTCP = getattr(socket, "IPPROTO_MPTCP", 262)


def say(*words):
    print(*words, flush=True)


def mptcp_socket(ipv6):
    family = socket.AF_INET6 if ipv6 else socket.AF_INET
    return socket.socket(family, socket.SOCK_STREAM, IPPROTO_MPTCP)


def serve_one(conn, echo):
    with conn:
        while True:
            try:
                data = conn.recv(65536)
            except OSError:
                return
            if not data:
                return
            if echo:
                try:
                    conn.sendall(data)
                except OSError:
                    return


def run_server(args):
    srv = mptcp_socket(args.ipv6)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    bind = args.bind or ("::" if args.ipv6 else "0.0.0.0")
    srv.bind((bind, args.port))
    srv.listen(16)
    say("LISTENING", srv.getsockname()[1])
    while True:
        conn, peer = srv.accept()
        say("ACCEPTED", peer[0], peer[1])
        threading.Thread(target=serve_one, args=(conn, args.echo), daemon=True).start()


def wait_for_close_request():
    """Block until stdin says 'close' or reaches EOF."""
    while True:
        line = sys.stdin.readline()
        if not line or line.strip() == "close":
            return


def run_client(args):
    deadline = time.monotonic() + args.connect_timeout
    while True:
        sock = mptcp_socket(args.ipv6)
        try:
            if args.bind:
                sock.bind((args.bind, 0))
            sock.connect((args.connect, args.port))
            break
        except OSError as exc:
            sock.close()
            if time.monotonic() > deadline:
                say("ERROR", exc)
                return 1
            time.sleep(0.05)
    local = sock.getsockname()
    say("CONNECTED", local[0], local[1])
    if args.bytes:
        payload = b"m" * args.bytes
        sock.sendall(payload)
    say("SENT", args.bytes)
    if args.hold < 0:
        wait_for_close_request()
    elif args.hold > 0:
        # Keep the socket open, draining anything the server echoes back.
        end = time.monotonic() + args.hold
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([sock], [], [], left)
            if ready:
                try:
                    if not sock.recv(65536):
                        break
                except OSError:
                    break
    sock.close()
    say("CLOSED")
    return 0


def run_probe(args):
    say("READY")
    for line in sys.stdin:
        if line.strip() != "listen":
            continue
        sock = mptcp_socket(args.ipv6)
        sock.bind(("::1" if args.ipv6 else "127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        sock.close()
        say("DONE", port)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)

    srv = sub.add_parser("server")
    srv.add_argument("--port", type=int, required=True)
    srv.add_argument("--bind")
    srv.add_argument("--ipv6", action="store_true")
    srv.add_argument("--echo", action="store_true")

    cli = sub.add_parser("client")
    cli.add_argument("--connect", required=True)
    cli.add_argument("--port", type=int, required=True)
    cli.add_argument("--bind")
    cli.add_argument("--bytes", type=int, default=0)
    cli.add_argument("--hold", type=float, default=0.0,
                     help="seconds to keep the connection open; <0: until stdin says close")
    cli.add_argument("--ipv6", action="store_true")
    cli.add_argument("--connect-timeout", type=float, default=10.0)

    probe = sub.add_parser("probe")
    probe.add_argument("--ipv6", action="store_true")

    args = parser.parse_args(argv)
    try:
        if args.mode == "server":
            return run_server(args)
        if args.mode == "probe":
            return run_probe(args)
        return run_client(args)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
