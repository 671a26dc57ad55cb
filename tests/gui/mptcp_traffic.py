#!/usr/bin/env python3
"""MPTCP traffic for the GUI tests and screenshots (run inside a namespace).

stream --connect ADDR --port P [--rate BYTES_PER_SECOND]
    Open one MPTCP connection and keep sending at about the given rate
    until stdin reaches EOF or says "close". Prints ``CONNECTED <addr>
    <port>`` once connected, ``CLOSED`` at the end.

burst --connect ADDR --port P --count N
    Open N MPTCP connections one after the other, send a little on each,
    wait until each has had time to open its extra subflows, and close them
    all: a storm of path manager events. Prints ``DONE <n>``.

Standard library only; every line is flushed at once.
"""

import argparse
import select
import socket
import sys
import time

IPPROTO_MPTCP = getattr(socket, "IPPROTO_MPTCP", 262)


def say(*words):
    print(*words, flush=True)


def connect(address, port, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_MPTCP)
        try:
            sock.connect((address, port))
            return sock
        except OSError:
            sock.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def stream(args):
    sock = connect(args.connect, args.port)
    local = sock.getsockname()
    say("CONNECTED", local[0], local[1])
    chunk = b"m" * 16384
    interval = len(chunk) / max(args.rate, 1)
    next_send = time.monotonic()
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], max(0.0, next_send - time.monotonic()))
        if ready:
            line = sys.stdin.readline()
            if not line or line.strip() == "close":
                break
        if time.monotonic() >= next_send:
            try:
                sock.sendall(chunk)
            except OSError:
                break
            next_send += interval
    sock.close()
    say("CLOSED")
    return 0


def burst(args):
    sockets = []
    for _ in range(args.count):
        sock = connect(args.connect, args.port)
        sock.sendall(b"x" * 1024)
        sockets.append(sock)
    # Let the path manager open the extra subflows before everything closes.
    time.sleep(args.settle)
    for sock in sockets:
        sock.close()
    say("DONE", len(sockets))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    for name in ("stream", "burst"):
        mode = sub.add_parser(name)
        mode.add_argument("--connect", required=True)
        mode.add_argument("--port", type=int, required=True)
    sub.choices["stream"].add_argument("--rate", type=int, default=200_000)
    sub.choices["burst"].add_argument("--count", type=int, default=200)
    sub.choices["burst"].add_argument("--settle", type=float, default=1.0)
    args = parser.parse_args()
    return stream(args) if args.mode == "stream" else burst(args)


if __name__ == "__main__":
    sys.exit(main())
