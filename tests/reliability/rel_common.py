"""Shared pieces of the reliability tests, on top of tests/dbus/bus_fixture.py.

bus_fixture is imported, not copied: its SystemBus (private system-type
dbus-daemon + a real polkitd in a private mount namespace) and
HelperTestCase are used as they are. What this adds:

* HelperProbe: file descriptors (/proc/PID/fd), VmRSS and threads of a
  running helper, to compare before/after.
* start_helper_env(): start the helper directly with extra environment
  variables (test hooks, RUNTIME_DIRECTORY), as bus.start_helper() does.
* install_script() / script_argv(): run one of this folder's scripts as a
  test user, from the bus's temp dir (the source tree may be unreadable
  for uids 1 and 65534), like bus_fixture does with client.py.
* Burst: burst_client.py as a process, driven by "go".
* stop_polkitd() / start_polkitd_again(): polkitd gone, and back with the
  same command line, configuration and environment.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("MPTCP_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "dbus"))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "integration"))

import bus_fixture as bf  # noqa: E402,F401  (tests/dbus/bus_fixture.py)
import netns  # noqa: E402,F401
from netns import Background, wait_until  # noqa: E402

# Environment variables the helper reads in tests only (see docs/SECURITY.md).
STEP_DELAY_ENV = "MPTCP_HELPER_TEST_STEP_DELAY_MS"


class HelperProbe:
    """Resource use of a process, read from /proc."""

    def __init__(self, pid):
        self.pid = pid

    def fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def fd_targets(self):
        out = []
        for fd in sorted(os.listdir(f"/proc/{self.pid}/fd"), key=int):
            try:
                out.append(f"{fd} -> {os.readlink(f'/proc/{self.pid}/fd/{fd}')}")
            except OSError:
                pass
        return out

    def _status(self, key):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def rss_kib(self):
        return self._status("VmRSS")

    def threads(self):
        return self._status("Threads")

    def snapshot(self):
        return {"fds": self.fds(), "rss_kib": self.rss_kib(), "threads": self.threads()}


def start_helper_env(bus, env=None, idle_timeout=0, extra=(), wait=True):
    """bus.start_helper() with extra environment variables for the helper."""
    argv = bus.helper_argv(idle_timeout, extra)
    assert argv[0] == "env", argv
    argv[1:1] = [f"{k}={v}" for k, v in (env or {}).items()]
    proc = Background(argv)
    bus.processes.append(proc)
    if wait:
        bus.wait_for_name(bf.BUS_NAME, proc=proc, what="the helper")
    return proc


def install_script(bus, name):
    """Copy one of this folder's scripts into the bus's temp dir (0644)."""
    target = os.path.join(bus.tmp, name)
    if not os.path.exists(target):
        shutil.copy(os.path.join(HERE, name), target)
        os.chmod(target, 0o644)
    return target


def script_argv(bus, user, name, *args):
    """argv running this folder's script `name` as `user` (None: root)."""
    prefix = []
    if user is not None and user.uid != 0:
        prefix = ["setpriv", f"--reuid={user.uid}", f"--regid={user.gid}", "--clear-groups"]
    return ["env", "-i", *(f"{k}={v}" for k, v in bus.client_env().items()),
            *prefix, sys.executable, install_script(bus, name), "--address", bus.address,
            *map(str, args)]


class Burst:
    """burst_client.py as `user`: N connections x M asynchronous calls."""

    def __init__(self, bus, user, method, signature="", args=(), connections=1, calls=100,
                 interactive=False, disconnect=False, timeout=120.0):
        argv = script_argv(bus, user, "burst_client.py",
                           "--connections", connections, "--calls", calls,
                           "--method", method, "--signature", signature,
                           "--args", json.dumps(list(args)), "--timeout", timeout,
                           *(["--interactive"] if interactive else []),
                           *(["--disconnect"] if disconnect else []))
        self.proc = Background(argv, stdin=True)
        bus.processes.append(self.proc)
        self.total = connections * calls
        self.ready = self._wait_key("ready", 20)

    def _objects(self):
        out = []
        for line in self.proc.snapshot():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return out

    def _wait_key(self, key, timeout):
        def find(_lines):
            for obj in self._objects():
                if key in obj:
                    return obj
            return None
        return self.proc.wait_for(find, timeout=timeout, message=f'"{key}" from burst_client')

    @property
    def unique_names(self):
        return self.ready["unique_names"]

    def go(self):
        self.proc.send("go\n")
        return self._wait_key("sent", 60)

    def result(self, timeout=150):
        return self._wait_key("done", timeout)


def stop_polkitd(bus, sig=signal.SIGTERM):
    """polkitd leaves (SIGTERM, or SIGKILL); waits until its bus name is gone."""
    proc = bus.polkitd
    proc.send_signal(sig)
    proc.wait(timeout=10)
    bus.wait_for_name(bf.POLKIT_NAME, present=False, timeout=10)
    return proc.returncode


def start_polkitd_again(bus):
    """A new polkitd with the first one's command line (same private mount
    namespace set-up, rules and actions) and environment; waits for its name."""
    old = bus.polkitd
    if old is not None and old.poll() is None:
        raise AssertionError("polkitd is still running")
    env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=bus.address)
    log = open(os.path.join(bus.tmp, "polkitd.log"), "a")
    bus._logs.append(log)  # the fixture closes its logs in stop()
    bus.polkitd = subprocess.Popen(old.args, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, env=env)
    bus.wait_for_name(bf.POLKIT_NAME, proc=bus.polkitd, what="polkitd", log="polkitd.log")
    return bus.polkitd


def freeze(pid):
    os.kill(pid, signal.SIGSTOP)
    wait_until(lambda: proc_state(pid) == "T", timeout=5, message=f"{pid} to stop")


def thaw(pid):
    os.kill(pid, signal.SIGCONT)


def proc_state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def settle(probe, seconds=0.5):
    """Wait for the helper to finish what it has queued (its state is S, not R)."""
    time.sleep(seconds)
    wait_until(lambda: proc_state(probe.pid) in ("S", None), timeout=10,
               message="the helper to go idle")


class _ScriptBus:
    """What bf.Client needs of a bus, with another script as the client."""

    def __init__(self, bus, argv):
        self._bus, self._argv = bus, argv

    def client_argv(self, _user, *_args):
        return self._argv

    def client_env(self):
        return self._bus.client_env()


def hostile_client(bus, user):
    """A bf.Client running hostile_client.py (client.py's protocol, plus
    values client.py cannot build: see hostile_client.py) as `user`."""
    install_script(bus, "hostile_client.py")
    client = bf.Client(_ScriptBus(bus, script_argv(bus, user, "hostile_client.py")), user)
    client.bus = bus
    bus.clients.append(client)  # closed in bus.stop()
    return client


def report(name, **figures):
    """One line of figures on stderr, for the closing note (ctest -V shows it)."""
    shown = " ".join(f"{k}={v}" for k, v in figures.items())
    sys.stderr.write(f"[figures] {name}: {shown}\n")
    sys.stderr.flush()
