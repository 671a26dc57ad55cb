#!/usr/bin/env python3
"""A D-Bus client of the helper that runs as whatever uid started it.

The tests start it with ``setpriv --reuid=UID --regid=GID --clear-groups``
(python-dbus keeps one connection, and so one set of credentials, per
process). It talks to the bus at ``--address`` and writes JSON, one object a
line, on stdout.

calls
    Reads one call per line from stdin (JSON) and answers each with one line:

        {"method": "AddEndpoint", "signature": "sqsuu",
         "args": ["10.0.1.1", 0, "d0", 0, 1],
         "interface": "org.mptcpmanager.Helper1",      (default)
         "destination": "org.mptcpmanager.Helper1",    (default)
         "path": "/org/mptcpmanager/Helper1",          (default)
         "timeout": 25}                                (seconds, default)
     ->  {"ok": true, "signature": "u", "result": [3]}
     or  {"ok": false, "error": "org.mptcpmanager.Error.InvalidArgument",
          "message": "..."}

    Every call is a raw method call message built from "signature" and
    "args" (so wrong types and counts can be sent on purpose). Arguments are
    plain JSON, converted by the signature; a value whose D-Bus type the
    signature does not fix (inside a variant) is written
    {"$t": "u", "v": 60}, or {"$t": "a", "sig": "s", "v": [...]} for an
    array, {"$t": "(", "v": [...]} for a struct, {"$t": "{", "sig": "sv",
    "v": {...}} for a dict. The first line printed is
    {"ready": true, "unique_name": ":1.7", "uid": 1} once connected.

subscribe
    Calls Subscribe() (unless --no-subscribe), prints its result as
    {"subscribe": {...result as above...}}, then prints every signal whose
    interface is org.mptcpmanager.Helper1 that reaches this connection:

        {"signal": "Events", "destination": ":1.9", "sender": ":1.4",
         "args": [[[1, {"token": 123, ...}], ...]]}

    whether Subscribe succeeded or not (a denied subscriber shows that
    nothing leaks to it). stdin: "unsubscribe" calls Unsubscribe() and
    prints {"unsubscribe": {...}}; "quit" or end of input disconnects and
    exits. Exits by itself after --seconds.
"""

import argparse
import json
import os
import sys

import dbus
import dbus.lowlevel

BUS_NAME = "org.mptcpmanager.Helper1"
OBJECT_PATH = "/org/mptcpmanager/Helper1"
INTERFACE = "org.mptcpmanager.Helper1"

_SCALARS = {
    "y": dbus.Byte, "b": dbus.Boolean, "n": dbus.Int16, "q": dbus.UInt16,
    "i": dbus.Int32, "u": dbus.UInt32, "x": dbus.Int64, "t": dbus.UInt64,
    "d": dbus.Double, "s": dbus.String, "o": dbus.ObjectPath, "g": dbus.Signature,
}


def decode(value):
    """JSON -> python-dbus value (see the module docstring)."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "$t" in value:
            kind = value["$t"]
            inner = value.get("v")
            if kind == "a":
                return dbus.Array([decode(v) for v in inner], signature=value.get("sig"))
            if kind == "(":
                return dbus.Struct([decode(v) for v in inner], signature=value.get("sig"))
            if kind == "{":
                return dbus.Dictionary({k: decode(v) for k, v in inner.items()},
                                       signature=value.get("sig"))
            if kind == "v":
                return decode(inner)
            return _SCALARS[kind](inner)
        return {k: decode(v) for k, v in value.items()}
    return value


def encode(value):
    """python-dbus value -> JSON-able value (types dropped, structure kept)."""
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, int)):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (dbus.ByteArray, bytes)):
        return list(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {str(encode(k)): encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return repr(value)


def call(conn, spec):
    msg = dbus.lowlevel.MethodCallMessage(
        spec.get("destination", BUS_NAME),
        spec.get("path", OBJECT_PATH),
        spec.get("interface", INTERFACE),
        spec["method"])
    args = decode(spec.get("args", []))
    signature = spec.get("signature", "")
    if args or signature:
        msg.append(*args, signature=signature)
    try:
        reply = conn.send_message_with_reply_and_block(msg, spec.get("timeout", 25))
    except dbus.exceptions.DBusException as exc:
        return {"ok": False, "error": exc.get_dbus_name(),
                "message": exc.get_dbus_message() or ""}
    return {"ok": True, "signature": reply.get_signature() or "",
            "result": encode(reply.get_args_list())}


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def run_calls(args):
    conn = dbus.bus.BusConnection(args.address)
    say({"ready": True, "unique_name": str(conn.get_unique_name()), "uid": os.getuid()})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            spec = json.loads(line)
            say(call(conn, spec))
        except Exception as exc:  # a broken request: report it, keep going
            say({"ok": False, "error": "client." + type(exc).__name__, "message": str(exc)})
    conn.close()
    return 0


def run_subscribe(args):
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    conn = dbus.bus.BusConnection(args.address)
    loop = GLib.MainLoop()

    def on_message(_conn, msg):
        if msg.get_type() == dbus.lowlevel.MESSAGE_TYPE_SIGNAL \
                and msg.get_interface() == INTERFACE:
            say({"signal": msg.get_member(), "destination": msg.get_destination(),
                 "sender": msg.get_sender(), "args": encode(msg.get_args_list())})
        return dbus.lowlevel.HANDLER_RESULT_NOT_YET_HANDLED

    conn.add_message_filter(on_message)
    # Broadcasts (EndpointsChanged, LimitsChanged) need a match rule; the
    # Events signals are unicast and arrive without one.
    conn.add_match_string(f"type='signal',interface='{INTERFACE}'")
    say({"ready": True, "unique_name": str(conn.get_unique_name()), "uid": os.getuid()})
    if not args.no_subscribe:
        say({"subscribe": call(conn, {"method": "Subscribe"})})

    pending = bytearray()

    def on_stdin(fd, _condition):
        chunk = os.read(fd, 4096)
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            command = line.decode().strip()
            if command == "quit":
                loop.quit()
                return False
            if command == "unsubscribe":
                say({"unsubscribe": call(conn, {"method": "Unsubscribe"})})
        if not chunk:  # end of input
            loop.quit()
            return False
        return True

    GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT,
                      GLib.IO_IN | GLib.IO_HUP, on_stdin)
    GLib.timeout_add(int(args.seconds * 1000), loop.quit)
    loop.run()
    conn.close()
    say({"done": True})
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True, help="D-Bus address of the bus")
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("calls")
    sp = sub.add_parser("subscribe")
    sp.add_argument("--seconds", type=float, default=60.0)
    sp.add_argument("--no-subscribe", action="store_true")
    args = parser.parse_args()
    if args.mode == "calls":
        return run_calls(args)
    return run_subscribe(args)


if __name__ == "__main__":
    sys.exit(main())
