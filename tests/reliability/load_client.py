#!/usr/bin/env python3
"""One of test_load.py's clients: N mixed calls, one at a time, checked.

Runs as a test user (setpriv). Worker W owns endpoint id 10+W at address
10.77.W.1 (a signal endpoint, no interface); nobody else adds or removes it,
so every answer can be checked against what this worker knows:

    reads (40%)       Endpoints, Limits, Connections, Sysctls, KernelSupport
    AddEndpoint (15%) ok, or Kernel "at most 8 endpoints" when 8 exist, or
                      Kernel "already exists" only if this worker's is there
    RemoveEndpoint    ok, or Kernel "no endpoint has this id" only if it is
     (15%)            not there
    SetEndpointFlags  backup on/off: ok, or Kernel only if it is not there
     (10%)
    SetLimits (10%)   a random value 0..8 for both; the send and reply times
                      of the successful ones are kept
    Subscribe /       in turn
     Unsubscribe (10%)

A DENIED worker makes the same calls (and tries to remove the GRANTED
workers' endpoints): every one that needs polkit must be NotAuthorized. At
the end it unsubscribes and prints one JSON line:

    {"worker": W, "calls": N, "seconds": s, "counts": {"Method outcome": n},
     "unexpected": [...], "endpoint": [id, address, present, flags],
     "set_limits": [[sent, replied, value], ...]}
"""

import argparse
import json
import os
import random
import sys
import time

import dbus
import dbus.lowlevel

BUS_NAME = "org.mptcpmanager.Helper1"
OBJECT_PATH = "/org/mptcpmanager/Helper1"
INTERFACE = "org.mptcpmanager.Helper1"
NOT_AUTHORIZED = "org.mptcpmanager.Error.NotAuthorized"
KERNEL = "org.mptcpmanager.Error.Kernel"
SIGNAL, BACKUP = 1, 4


class Worker:
    def __init__(self, conn, worker, granted, rng):
        self.conn, self.worker, self.granted, self.rng = conn, worker, granted, rng
        self.id = 10 + worker
        self.address = f"10.77.{worker}.1"
        self.present, self.flags = False, 0
        self.subscribed = False
        self.counts, self.unexpected, self.set_limits = {}, [], []

    def call(self, method, signature="", *args, interface=INTERFACE):
        msg = dbus.lowlevel.MethodCallMessage(BUS_NAME, OBJECT_PATH, interface, method)
        if signature:
            msg.append(*args, signature=signature)
        try:
            self.conn.send_message_with_reply_and_block(msg, 120)
            return None, ""
        except dbus.exceptions.DBusException as exc:
            return exc.get_dbus_name(), exc.get_dbus_message() or ""

    def note(self, method, error, message, ok):
        outcome = "ok" if error is None else error.rsplit(".", 1)[-1]
        key = f"{method} {outcome}"
        self.counts[key] = self.counts.get(key, 0) + 1
        if not ok and len(self.unexpected) < 20:
            self.unexpected.append({"method": method, "error": error, "message": message,
                                    "present": self.present})

    def mutating(self, method, error, message, granted_check):
        if not self.granted:
            self.note(method, error, message, error == NOT_AUTHORIZED)
            return False
        ok = granted_check(error, message)
        self.note(method, error, message, ok)
        return error is None

    def step(self):
        roll = self.rng.random()
        if roll < 0.40:
            method = self.rng.choice(("Endpoints", "Limits", "Connections", "Sysctls",
                                      "KernelSupport"))
            if method == "KernelSupport":
                error, message = self.call("Get", "ss", INTERFACE, "KernelSupport",
                                           interface="org.freedesktop.DBus.Properties")
            else:
                error, message = self.call(method)
            self.note(method, error, message, error is None)
        elif roll < 0.55:
            error, message = self.call("AddEndpoint", "sqsuu", self.address, 0, "", self.id,
                                       SIGNAL)
            # "at most 8" is fine either way (8 exist, ours among them or
            # not); "already exists" only when ours is there.
            if self.mutating("AddEndpoint", error, message,
                             lambda e, m: e is None and not self.present
                             or e == KERNEL and ("at most 8" in m
                                                 or "already exists" in m and self.present)):
                self.present, self.flags = True, SIGNAL
        elif roll < 0.70:
            target = self.id if self.granted or self.rng.random() < 0.5 else \
                10 + self.rng.randrange(16)
            error, message = self.call("RemoveEndpoint", "us", target, "")
            if self.mutating("RemoveEndpoint", error, message,
                             lambda e, m: e is None and self.present
                             or e == KERNEL and "no endpoint" in m and not self.present):
                self.present = False
        elif roll < 0.80:
            flags = self.flags ^ BACKUP if self.present else BACKUP
            error, message = self.call("SetEndpointFlags", "uu", self.id, flags & BACKUP)
            if self.mutating("SetEndpointFlags", error, message,
                             lambda e, m: e is None and self.present
                             or e == KERNEL and not self.present):
                self.flags = (self.flags & ~BACKUP) | (flags & BACKUP)
        elif roll < 0.90:
            value = self.rng.randrange(9)
            sent = time.monotonic()
            error, message = self.call("SetLimits", "uu", value, value)
            replied = time.monotonic()
            if self.mutating("SetLimits", error, message, lambda e, m: e is None):
                self.set_limits.append([sent, replied, value])
        else:
            if self.subscribed:
                error, message = self.call("Unsubscribe")
                self.note("Unsubscribe", error, message, error is None)
                self.subscribed = False
            else:
                error, message = self.call("Subscribe")
                if self.mutating("Subscribe", error, message, lambda e, m: e is None):
                    self.subscribed = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    parser.add_argument("--worker", type=int, required=True)
    parser.add_argument("--granted", action="store_true")
    parser.add_argument("--calls", type=int, default=1000)
    opts = parser.parse_args()
    conn = dbus.bus.BusConnection(opts.address)
    worker = Worker(conn, opts.worker, opts.granted, random.Random(opts.worker))
    sys.stdout.write(json.dumps({"ready": True, "uid": os.getuid()}) + "\n")
    sys.stdout.flush()
    if sys.stdin.readline().strip() != "go":
        return 1
    started = time.monotonic()
    for _ in range(opts.calls):
        worker.step()
    seconds = time.monotonic() - started
    if worker.subscribed:
        worker.call("Unsubscribe")
    conn.close()
    sys.stdout.write(json.dumps({
        "worker": opts.worker, "granted": opts.granted, "calls": opts.calls,
        "seconds": round(seconds, 3), "counts": worker.counts, "unexpected": worker.unexpected,
        "endpoint": [worker.id, worker.address, worker.present, worker.flags],
        "set_limits": worker.set_limits}) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
