#!/usr/bin/env python3
"""A D-Bus client of the helper for bench/run; runs as the granted test user.

bench/run copies it into the bus fixture's temp dir (readable by that user)
and starts it with setpriv. JSON, one object a line, on stdout; the first
line is {"ready": true, "unique_name": ..., "uid": ...}.

subscribe
    Calls Subscribe() and counts the entries of every Events signal, and the
    "events lost" markers among them (command 0). stdin: "report" prints
    {"events": N, "lost": L, "signals": S, "last": T} (T: monotonic time of
    the last signal), "quit" (or end of input) prints the report and exits.
    Exits by itself after --seconds.

calls
    One request a line on stdin, one answer a line, timed inside this process
    on a connection kept open (what an app that stays connected pays):
      {"op": "connections", "via": "python-dbus"}  Connections(), reply parsed
                                                   into Python values
      {"op": "connections", "via": "gio"}          Connections() through GIO,
                                                   reply kept as a GVariant
      {"op": "add", "address": "10.1.1.2", "id": 20, "flags": 2}
      {"op": "remove", "id": 20}
    -> {"ok": true, "seconds": S, "count": N, "cpu": C} or {"ok": false, "error": "..."}
    (C: this process's CPU time for the request)
"""

import argparse
import json
import os
import sys
import time

import dbus
import dbus.lowlevel

BUS_NAME = "org.mptcpmanager.Helper1"
OBJECT_PATH = "/org/mptcpmanager/Helper1"
INTERFACE = "org.mptcpmanager.Helper1"
CONNECTIONS_TYPE = "(a(sqsqyubtta(sqsqsyybbyttu)))"


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def method(name, signature="", *args):
    msg = dbus.lowlevel.MethodCallMessage(BUS_NAME, OBJECT_PATH, INTERFACE, name)
    if signature:
        msg.append(*args, signature=signature)
    return msg


def run_subscribe(args):
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    conn = dbus.bus.BusConnection(args.address)
    loop = GLib.MainLoop()
    counts = {"events": 0, "lost": 0, "signals": 0, "last": 0.0}

    def on_message(_conn, msg):
        if (msg.get_type() == dbus.lowlevel.MESSAGE_TYPE_SIGNAL
                and msg.get_interface() == INTERFACE and msg.get_member() == "Events"):
            batch = msg.get_args_list()[0]
            counts["signals"] += 1
            counts["events"] += len(batch)
            counts["lost"] += sum(1 for entry in batch if int(entry[0]) == 0)
            counts["last"] = time.monotonic()
        return dbus.lowlevel.HANDLER_RESULT_NOT_YET_HANDLED

    conn.add_message_filter(on_message)
    say({"ready": True, "unique_name": str(conn.get_unique_name()), "uid": os.getuid()})
    try:
        conn.send_message_with_reply_and_block(method("Subscribe"), 25)
        say({"subscribed": True})
    except dbus.exceptions.DBusException as exc:
        say({"subscribed": False, "error": exc.get_dbus_name(), "message": exc.get_dbus_message()})
        return 1

    pending = bytearray()

    def on_stdin(fd, _condition):
        chunk = os.read(fd, 4096)
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            command = line.decode().strip()
            if command == "report":
                say(dict(counts, report=True))
            elif command == "quit":
                loop.quit()
                return False
        if not chunk:
            loop.quit()
            return False
        return True

    GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP,
                      on_stdin)
    GLib.timeout_add(int(args.seconds * 1000), loop.quit)
    loop.run()
    say(dict(counts, report=True, done=True))
    conn.close()
    return 0


def run_calls(args):
    conn = dbus.bus.BusConnection(args.address)
    gio = None
    say({"ready": True, "unique_name": str(conn.get_unique_name()), "uid": os.getuid()})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        spec = json.loads(line)
        op = spec["op"]
        cpu_before = time.process_time()
        try:
            if op == "connections" and spec.get("via") == "gio":
                from gi.repository import Gio, GLib
                if gio is None:
                    gio = Gio.DBusConnection.new_for_address_sync(
                        args.address,
                        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
                        | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
                start = time.perf_counter()
                reply = gio.call_sync(BUS_NAME, OBJECT_PATH, INTERFACE, "Connections", None,
                                      GLib.VariantType(CONNECTIONS_TYPE),
                                      Gio.DBusCallFlags.NONE, 60000, None)
                count = reply.get_child_value(0).n_children()
                seconds = time.perf_counter() - start
            elif op == "connections":
                start = time.perf_counter()
                reply = conn.send_message_with_reply_and_block(method("Connections"), 60)
                connections = reply.get_args_list()[0]
                count = len(connections)
                seconds = time.perf_counter() - start
            elif op == "add":
                start = time.perf_counter()
                reply = conn.send_message_with_reply_and_block(
                    method("AddEndpoint", "sqsuu", spec["address"], 0, "", spec["id"],
                           spec.get("flags", 2)), 25)
                seconds = time.perf_counter() - start
                count = int(reply.get_args_list()[0])
            elif op == "remove":
                start = time.perf_counter()
                conn.send_message_with_reply_and_block(
                    method("RemoveEndpoint", "us", spec["id"], ""), 25)
                seconds = time.perf_counter() - start
                count = 0
            else:
                raise ValueError(f"unknown op {op!r}")
            say({"ok": True, "seconds": seconds, "count": count,
                 "cpu": time.process_time() - cpu_before})
        except Exception as exc:  # reported, the driver decides
            name = exc.get_dbus_name() if isinstance(exc, dbus.exceptions.DBusException) else \
                type(exc).__name__
            say({"ok": False, "error": f"{name}: {exc}"})
    conn.close()
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    sub = parser.add_subparsers(dest="mode", required=True)
    sp = sub.add_parser("subscribe")
    sp.add_argument("--seconds", type=float, default=300.0)
    sub.add_parser("calls")
    args = parser.parse_args()
    return run_subscribe(args) if args.mode == "subscribe" else run_calls(args)


if __name__ == "__main__":
    sys.exit(main())
