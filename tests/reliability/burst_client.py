#!/usr/bin/env python3
"""Many asynchronous calls to the helper at once, from one process.

Started by the reliability tests as a test user (``setpriv --reuid``), like
tests/dbus/client.py. It opens ``--connections`` bus connections (each one
its own unique bus name), and on "go" (a line on stdin) sends ``--calls``
method calls on each without waiting for any answer, then prints

    {"sent": N, "unique_names": [...]}

and collects the answers in a GLib main loop. When every call is answered
(or after ``--timeout`` seconds) it prints

    {"done": true, "answers": N, "counts": {"ok": n, "<error name>": n, ...},
     "samples": {"<error name>": "<first message>"}, "seconds": s}

and exits. With ``--disconnect`` it closes every connection right after
sending (the calls' answers then have nobody to go to) and prints only
"sent". The system bus allows 128 pending replies per connection by default
(max_replies_per_connection), so keep --calls at 120 or less.

The call is ``--method`` with ``--signature`` and JSON ``--args``;
``--interactive`` sets ALLOW_INTERACTIVE_AUTHORIZATION on each message.
"""

import argparse
import json
import os
import sys
import time

import dbus
import dbus.lowlevel
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

BUS_NAME = "org.mptcpmanager.Helper1"
OBJECT_PATH = "/org/mptcpmanager/Helper1"
INTERFACE = "org.mptcpmanager.Helper1"


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--method", default="SetLimits")
    parser.add_argument("--signature", default="")
    parser.add_argument("--args", default="[]")
    parser.add_argument("--interactive", action="store_true")
    parser.add_argument("--disconnect", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0)
    opts = parser.parse_args()
    args = json.loads(opts.args)

    DBusGMainLoop(set_as_default=True)
    conns = [dbus.bus.BusConnection(opts.address) for _ in range(opts.connections)]
    say({"ready": True, "uid": os.getuid(),
         "unique_names": [str(c.get_unique_name()) for c in conns]})
    if sys.stdin.readline().strip() != "go":
        return 1

    loop = GLib.MainLoop()
    counts = {}
    samples = {}
    state = {"answers": 0}
    total = opts.connections * opts.calls
    started = time.monotonic()

    def answered(name, message):
        counts[name] = counts.get(name, 0) + 1
        samples.setdefault(name, message)
        state["answers"] += 1
        if state["answers"] == total:
            loop.quit()

    def on_reply(*_values):
        answered("ok", "")

    def on_error(exc):
        answered(exc.get_dbus_name() or type(exc).__name__, exc.get_dbus_message() or str(exc))

    pending = []
    for conn in conns:
        for _ in range(opts.calls):
            msg = dbus.lowlevel.MethodCallMessage(BUS_NAME, OBJECT_PATH, INTERFACE, opts.method)
            if opts.signature:
                msg.append(*args, signature=opts.signature)
            if opts.interactive:
                msg.set_allow_interactive_authorization(True)
            if opts.disconnect:
                conn.send_message(msg)
            else:
                pending.append(conn.send_message_with_reply(
                    msg, _Handler(on_reply, on_error), opts.timeout, require_main_loop=True))
        conn.flush()
    say({"sent": total, "unique_names": [str(c.get_unique_name()) for c in conns]})
    if opts.disconnect:
        for conn in conns:
            conn.close()
        return 0

    GLib.timeout_add(int(opts.timeout * 1000) + 2000, loop.quit)
    loop.run()
    say({"done": True, "answers": state["answers"], "counts": counts, "samples": samples,
         "seconds": round(time.monotonic() - started, 3)})
    for conn in conns:
        conn.close()
    return 0


class _Handler:
    """python-dbus reply handler: a callable taking the reply message."""

    def __init__(self, on_reply, on_error):
        self.on_reply, self.on_error = on_reply, on_error

    def __call__(self, message):
        if isinstance(message, dbus.lowlevel.ErrorMessage):
            args = message.get_args_list()
            exc = dbus.exceptions.DBusException(args[0] if args else "",
                                                name=message.get_error_name())
            self.on_error(exc)
        else:
            self.on_reply(message)


if __name__ == "__main__":
    sys.exit(main())
