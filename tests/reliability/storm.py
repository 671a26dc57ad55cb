#!/usr/bin/env python3
"""A connection storm: N short MPTCP connections to a local listener.

Run inside a test network namespace (as root: `ip netns exec NS python3
storm.py --connections N`). Every connection makes the kernel send path
manager events for both ends (created, established, closed), so N
connections are about 6N events. Prints one JSON line when done:

    {"connections": N, "seconds": s, "per_second": r}
"""

import argparse
import json
import socket
import sys
import threading
import time

IPPROTO_MPTCP = 262


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5999)
    opts = parser.parse_args()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_MPTCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((opts.address, opts.port))
    listener.listen(1024)

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    started = time.monotonic()
    for _ in range(opts.connections):
        client = socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_MPTCP)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        client.connect((opts.address, opts.port))
        client.close()
    seconds = time.monotonic() - started
    listener.close()
    print(json.dumps({"connections": opts.connections, "seconds": round(seconds, 3),
                      "per_second": round(opts.connections / seconds, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
