#!/usr/bin/env python3
"""tests/dbus/client.py's "calls" mode, plus what a hostile caller sends.

Same protocol as client.py (one JSON call a line on stdin, one JSON answer a
line on stdout, a first "ready" line; run as a test user through setpriv),
with argument values client.py cannot build:

    {"$t": "big", "n": 10485760, "c": "1"}     a string of n copies of c,
                                               made here, not piped
    {"$t": "nest", "level": 60, "v": VALUE}    VALUE inside `level` variants
    {"$t": "fd"}                               a unix fd (of /dev/null)
    {"$t": "deep_array", "depth": 32}          [[[...[1]...]]] as a variant
    {"$t": "deep_struct", "depth": 32}         (((...(1)...))) as a variant
    {"$t": "a", "sig": "...", "v": [...]}, {"$t": "(", ...}, {"$t": "{", ...},
    {"$t": "u", "v": 1} ...                    as in client.py

and call options: "interface": null / "path" for odd headers, "interactive":
true for ALLOW_INTERACTIVE_AUTHORIZATION, "no_reply": true to send without
waiting (answered with {"ok": true, "sent": true}). When the bus drops the
connection (a message it refuses to carry), every later call answers
org.freedesktop.DBus.Error.Disconnected; the test then starts a new client.
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
_open_fds = []


def with_level(value, level):
    """A python-dbus value marshalled inside `level` variants."""
    if isinstance(value, dbus.Array):
        return dbus.Array(value, signature=value.signature, variant_level=level)
    if isinstance(value, dbus.Struct):
        return dbus.Struct(value, signature=value.signature, variant_level=level)
    if isinstance(value, dbus.Dictionary):
        return dbus.Dictionary(value, signature=value.signature, variant_level=level)
    if isinstance(value, dbus.types.UnixFd):
        fd = value.take()
        _open_fds.append(fd)
        return dbus.types.UnixFd(fd, variant_level=level)
    return type(value)(value, variant_level=level)


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict) and "$t" in value:
        kind = value["$t"]
        inner = value.get("v")
        if kind == "big":
            return dbus.String(value.get("c", "x") * value["n"])
        if kind == "nest":
            return with_level(decode(inner), value["level"])
        if kind == "fd":
            fd = os.open("/dev/null", os.O_RDONLY)
            _open_fds.append(fd)
            return dbus.types.UnixFd(fd)
        if kind == "deep_array":
            out = dbus.Array([dbus.UInt32(1)], signature="u")
            for depth in range(1, value["depth"]):
                out = dbus.Array([out], signature="a" * depth + "u")
            return out
        if kind == "deep_struct":
            out = dbus.Struct((dbus.UInt32(1),), signature="u")
            for depth in range(1, value["depth"]):
                out = dbus.Struct((out,), signature="(" * depth + "u" + ")" * depth)
            return out
        if kind == "a":
            return dbus.Array([decode(v) for v in inner], signature=value.get("sig"))
        if kind == "(":
            return dbus.Struct([decode(v) for v in inner], signature=value.get("sig"))
        if kind == "{":
            return dbus.Dictionary({k: decode(v) for k, v in inner.items()},
                                   signature=value.get("sig"))
        return _SCALARS[kind](inner)
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    return value


def encode(value):
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, int)):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {str(encode(k)): encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return repr(value)


def call(conn, spec):
    msg = dbus.lowlevel.MethodCallMessage(
        spec.get("destination", BUS_NAME), spec.get("path", OBJECT_PATH),
        spec.get("interface", INTERFACE), spec["method"])
    args = decode(spec.get("args", []))
    signature = spec.get("signature", "")
    if args or signature:
        msg.append(*args, signature=signature)
    if spec.get("interactive"):
        msg.set_allow_interactive_authorization(True)
    try:
        if spec.get("no_reply"):
            msg.set_no_reply(True)
            conn.send_message(msg)
            conn.flush()
            return {"ok": True, "sent": True}
        reply = conn.send_message_with_reply_and_block(msg, spec.get("timeout", 60))
    except dbus.exceptions.DBusException as exc:
        return {"ok": False, "error": exc.get_dbus_name(),
                "message": exc.get_dbus_message() or ""}
    finally:
        while _open_fds:
            os.close(_open_fds.pop())
    return {"ok": True, "signature": reply.get_signature() or "",
            "result": encode(reply.get_args_list())}


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    opts = parser.parse_args()
    conn = dbus.bus.BusConnection(opts.address)
    say({"ready": True, "unique_name": str(conn.get_unique_name()), "uid": os.getuid()})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            say(call(conn, json.loads(line)))
        except Exception as exc:  # a request this client cannot build: report, go on
            say({"ok": False, "error": "client." + type(exc).__name__, "message": str(exc)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
