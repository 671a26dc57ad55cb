#!/usr/bin/env python3
"""Runs a GUI test (or the app) against the real helper, as an ordinary user.

    run_with_helper.py [--user granted|denied|root] [--no-helper] [--demo]
                       [--xvfb] [--idle-timeout N] -- COMMAND [ARGS...]

Needs root, an MPTCP kernel, dbus-daemon, polkitd and setpriv. It builds,
with tests/dbus/bus_fixture.py and tests/integration/netns.py:

* two network namespaces joined by two veth links,

      app  eth0 10.1.1.2/24  <->  p1 10.1.1.1/24  peer
      app  eth1 10.1.2.2/24  <->  p2 10.1.2.1/24  peer

  The peer accepts 2 subflows and 2 announced addresses and announces
  10.1.2.1 (a `signal` endpoint); the app side starts empty.
* a private system bus with a real polkitd (user `daemon` granted, `nobody`
  denied) and the helper, D-Bus activated inside the app namespace (so a
  killed helper comes back on the next call, as on a desktop);
* a session bus for the test user (desktop notifications go there);
* a home, config and runtime directory owned by the test user.

Then it runs COMMAND *inside the app namespace* as the test user
(`ip netns exec APP setpriv --reuid ... env -i ...`). Why there:

* the process stays unprivileged, so what it can change it changes through
  the helper and polkit, exactly as the desktop app does;
* it still sees what the helper sees: /sys/class/net lists the namespace's
  interfaces (the "Add endpoint" picker shows eth0 and eth1), and reading
  MPTCP state needs no privilege, so the test checks the kernel itself with
  `ip mptcp endpoint show` / `ip mptcp limits show` (the oracle of every
  kernel test) next to what the helper's read methods return.

What an unprivileged process cannot do — add an endpoint with `ip`, kill the
helper, start MPTCP peers in the other namespace — it asks of this script
over a unix socket ($MPTCP_TEST_ORACLE, one JSON object a line each way):

    {"op": "ip", "args": ["mptcp", "endpoint", "add", ...]}   ip -n APP mptcp ...
    {"op": "sysctl", "name": "enabled", "value": "0"}        net.mptcp.* in APP
    {"op": "kill-helper"}                  SIGKILL the helper, wait until it left
    {"op": "start-server"}                 MPTCP listener in the peer, port 5000
    {"op": "stream", "rate": 200000}       a connection from APP sending steadily
    {"op": "close", "id": N}               ends a stream
    {"op": "burst", "count": 200}          N connections opened and closed at once
    -> {"ok": true, ...} or {"ok": false, "error": "..."}

Environment given to COMMAND: DBUS_SYSTEM_BUS_ADDRESS,
DBUS_SESSION_BUS_ADDRESS, MPTCP_TEST_ORACLE, MPTCP_TEST_NETNS (the app
namespace), MPTCP_TEST_PEER_NETNS, MPTCP_TEST_PEER_ADDRESS,
MPTCP_TEST_USER (granted, denied or root), MPTCP_TEST_HELPER (absent with
--no-helper), HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR, QT_QPA_PLATFORM
(offscreen, unless --xvfb runs COMMAND under xvfb-run), and any
MPTCP_SCREENSHOT_* variable of this script's environment.

--demo sets the app side up as a user would have it (a `subflow` endpoint
on eth1, limits 2/2) and, a few seconds after COMMAND starts, opens two
streaming connections and one that closes soon: something to look at for
screenshots. Exit status: COMMAND's; 77 when the environment cannot run
the test (not root, no MPTCP): ctest counts that as skipped.
"""

import argparse
import json
import os
import shutil
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("MPTCP_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "dbus"))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "integration"))

import bus_fixture  # noqa: E402
import netns  # noqa: E402

SKIP_STATUS = 77
TRAFFIC_SCRIPT = os.path.join(HERE, "mptcp_traffic.py")
PEER_ADDRESS = "10.1.1.1"
PEER_ADDRESS2 = "10.1.2.1"
APP_ADDRESS = "10.1.1.2"
APP_ADDRESS2 = "10.1.2.2"
SERVER_PORT = 5000
IP = shutil.which("ip") or "/usr/sbin/ip"


def log(*words):
    print("run_with_helper:", *words, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# The world


class World:
    """Namespaces, buses, the test user's directories; stop() undoes it all."""

    def __init__(self, args):
        self.args = args
        self.user = {"granted": bus_fixture.GRANTED, "denied": bus_fixture.DENIED,
                     "root": None}[args.user]
        self.app = None
        self.peer = None
        self.bus = None
        self.home = None
        self.session_bus = None
        self.session_address = None
        self.oracle = None
        self.server = None
        self.streams = {}
        self.stream_ids = 0
        self.lock = threading.Lock()

    # setup -------------------------------------------------------------------
    def start(self):
        self.app = netns.Namespace()
        self.app.create()
        self.peer = netns.Namespace()
        self.peer.create()
        netns.veth_pair(self.app, self.peer, "eth0", "p1", APP_ADDRESS, PEER_ADDRESS)
        netns.veth_pair(self.app, self.peer, "eth1", "p2", APP_ADDRESS2, PEER_ADDRESS2)
        self.peer.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "2", check=True)
        self.peer.mptcp("endpoint", "add", PEER_ADDRESS2, "dev", "p2", "signal", check=True)
        if self.args.demo:
            self.app.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "2",
                           check=True)
            self.app.mptcp("endpoint", "add", APP_ADDRESS2, "dev", "eth1", "subflow",
                           check=True)
            # Slow links, as Wi-Fi and LTE are, so one path cannot carry it all
            # and the scheduler spreads the data.
            for dev, rate in (("eth0", "8mbit"), ("eth1", "4mbit")):
                self.app.run("tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", rate,
                             "burst", "32kb", "latency", "40ms", check=True)

        helper = None if self.args.no_helper else bus_fixture.helper_path()
        self.bus = bus_fixture.SystemBus(
            self.app, helper,
            activation_idle_timeout=None if helper is None else self.args.idle_timeout)
        self.bus.start()
        self._make_home()
        self._start_session_bus()
        self._start_oracle()

    def _make_home(self):
        self.home = tempfile.mkdtemp(prefix="mptcp-gui-home-")
        for sub in ("config", "runtime"):
            os.mkdir(os.path.join(self.home, sub), 0o700)
        if self.user is not None:
            for root, dirs, _ in os.walk(self.home):
                os.chown(root, self.user.uid, self.user.gid)
                for name in dirs:
                    os.chown(os.path.join(root, name), self.user.uid, self.user.gid)
        os.chmod(self.home, 0o700)

    def as_user(self, argv):
        if self.user is None:
            return list(argv)
        return ["setpriv", f"--reuid={self.user.uid}", f"--regid={self.user.gid}",
                "--clear-groups", *argv]

    def _start_session_bus(self):
        socket_path = os.path.join(self.home, "runtime", "session_bus")
        self.session_bus = subprocess.Popen(
            self.as_user(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                          f"--address=unix:path={socket_path}", "--print-address=1"]),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env={"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")})
        line = self.session_bus.stdout.readline().strip()
        if not line:
            raise AssertionError("the session dbus-daemon printed no address")
        self.session_address = line

    def _start_oracle(self):
        path = os.path.join(self.home, "runtime", "oracle")
        world = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                for line in self.rfile:
                    try:
                        answer = world.answer(json.loads(line))
                    except Exception as exc:  # the test sees why, instead of a hang
                        answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
                    self.wfile.write((json.dumps(answer) + "\n").encode())
                    self.wfile.flush()

        class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
            daemon_threads = True

        self.oracle = Server(path, Handler)
        if self.user is not None:
            os.chown(path, self.user.uid, self.user.gid)
        threading.Thread(target=self.oracle.serve_forever, daemon=True).start()
        self.oracle_path = path

    # the oracle --------------------------------------------------------------
    def answer(self, request):
        op = request.get("op")
        if op == "ip":
            args = [str(a) for a in request.get("args", [])]
            if not args or args[0] != "mptcp":
                return {"ok": False, "error": "only `ip mptcp ...` is offered"}
            proc = self.app.mptcp(*args[1:])
            return {"ok": proc.returncode == 0, "rc": proc.returncode,
                    "stdout": proc.stdout, "stderr": proc.stderr}
        if op == "sysctl":
            name, value = str(request["name"]), str(request["value"])
            if not name.replace("_", "").isalnum():
                return {"ok": False, "error": f"bad sysctl name {name!r}"}
            proc = self.app.run("sysctl", "-w", f"net.mptcp.{name}={value}")
            return {"ok": proc.returncode == 0, "stderr": proc.stderr}
        if op == "kill-helper":
            pid = self.bus.owner_pid()
            if pid is None:
                return {"ok": False, "error": "no helper owns the name"}
            os.kill(pid, signal.SIGKILL)
            self.bus.wait_for_name(present=False)
            return {"ok": True, "pid": pid}
        if op == "helper-pid":
            return {"ok": True, "pid": self.bus.owner_pid()}
        if op == "start-server":
            with self.lock:
                if self.server is None:
                    self.server = netns.start_server(self.peer, SERVER_PORT)
            return {"ok": True, "address": PEER_ADDRESS, "port": SERVER_PORT}
        if op == "stream":
            return self.start_stream(int(request.get("rate", 200000)))
        if op == "close":
            with self.lock:
                stream = self.streams.pop(int(request["id"]), None)
            if stream is None:
                return {"ok": False, "error": "no such stream"}
            stream.send("close\n")
            stream.wait_line("CLOSED")
            return {"ok": True}
        if op == "burst":
            self.answer({"op": "start-server"})
            proc = self.app.run(sys.executable, TRAFFIC_SCRIPT, "burst", "--connect",
                                PEER_ADDRESS, "--port", str(SERVER_PORT), "--count",
                                str(int(request.get("count", 200))), timeout=180)
            return {"ok": proc.returncode == 0, "stdout": proc.stdout, "stderr": proc.stderr}
        return {"ok": False, "error": f"unknown op {op!r}"}

    def start_stream(self, rate):
        self.answer({"op": "start-server"})
        stream = self.app.background(sys.executable, TRAFFIC_SCRIPT, "stream", "--connect",
                                     PEER_ADDRESS, "--port", SERVER_PORT, "--rate", rate,
                                     stdin=True)
        _, address, port = stream.wait_line("CONNECTED").split()
        with self.lock:
            self.stream_ids += 1
            self.streams[self.stream_ids] = stream
            return {"ok": True, "id": self.stream_ids, "address": address, "port": int(port)}

    def demo_traffic(self, delay):
        """Connections to look at, opened once the app listens for events."""
        time.sleep(delay)
        try:
            self.start_stream(1_200_000)
            self.start_stream(300_000)
            short = self.start_stream(50_000)
            time.sleep(3)
            self.answer({"op": "close", "id": short["id"]})
        except Exception as exc:
            log("demo traffic failed:", exc)

    # running -----------------------------------------------------------------
    def environment(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_RUNTIME_DIR": os.path.join(self.home, "runtime"),
            "DBUS_SYSTEM_BUS_ADDRESS": self.bus.address,
            "DBUS_SESSION_BUS_ADDRESS": self.session_address,
            "MPTCP_TEST_ORACLE": self.oracle_path,
            "MPTCP_TEST_NETNS": self.app.name,
            "MPTCP_TEST_PEER_NETNS": self.peer.name,
            "MPTCP_TEST_PEER_ADDRESS": PEER_ADDRESS,
            "MPTCP_TEST_USER": self.args.user,
        }
        if not self.args.no_helper:
            env["MPTCP_TEST_HELPER"] = "1"
        if not self.args.xvfb:
            env["QT_QPA_PLATFORM"] = "offscreen"
        for name, value in os.environ.items():
            # (and the sanitizers' options of an asan build: its suppressions)
            if (name.startswith("MPTCP_SCREENSHOT_") or name.startswith("QT_LOGGING")
                    or name in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS")):
                env[name] = value
        return env

    def command_argv(self, command):
        if self.args.xvfb:
            command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", *command]
        env = [f"{name}={value}" for name, value in self.environment().items()]
        return [IP, "netns", "exec", self.app.name, *self.as_user(["env", "-i", *env, *command])]

    def check_reachable(self, command):
        """The test user must be able to run COMMAND; say so clearly if not."""
        if self.user is None:
            return
        executable = shutil.which(command[0]) or command[0]
        proc = subprocess.run(self.as_user(["test", "-x", executable]))
        if proc.returncode != 0:
            raise AssertionError(
                f"{executable} cannot be run by {self.user}: every folder above it must be "
                f"readable and searchable by others (chmod o+rx), e.g. build in /tmp")

    def run(self, command):
        self.check_reachable(command)
        if self.args.demo:
            threading.Thread(target=self.demo_traffic, args=(self.args.demo_delay,),
                             daemon=True).start()
        proc = subprocess.run(self.command_argv(command))
        return proc.returncode

    # teardown ----------------------------------------------------------------
    def stop(self):
        if self.oracle is not None:
            self.oracle.shutdown()
            self.oracle.server_close()
        for stream in list(self.streams.values()):
            stream.stop()
        if self.server is not None:
            self.server.stop()
        if self.session_bus is not None and self.session_bus.poll() is None:
            self.session_bus.terminate()
            self.session_bus.wait(timeout=5)
        if self.bus is not None:
            self.bus.stop()
        for ns in (self.app, self.peer):
            if ns is not None:
                ns.delete()
        if self.home:
            shutil.rmtree(self.home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", choices=("granted", "denied", "root"), default="granted")
    parser.add_argument("--no-helper", action="store_true",
                        help="a bus without the helper: the app must say it is missing")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--demo-delay", type=float, default=5.0)
    parser.add_argument("--xvfb", action="store_true")
    parser.add_argument("--idle-timeout", type=int, default=20,
                        help="the activated helper's --idle-timeout (seconds)")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    try:
        bus_fixture.require_environment()
    except unittest.SkipTest as exc:
        log(f"mptcp-gui-skip: {exc}")
        return SKIP_STATUS
    if args.xvfb and shutil.which("xvfb-run") is None:
        log("mptcp-gui-skip: xvfb-run not found (Debian: xvfb, xauth)")
        return SKIP_STATUS

    world = World(args)
    status = 1
    try:
        world.start()
        status = world.run(args.command)
    finally:
        if status != 0 and world.bus is not None:
            log(f"{args.command[0]} exited with {status}; bus and polkit logs:\n"
                + world.bus.logs())
        world.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
