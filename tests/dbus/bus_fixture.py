"""A private system bus with a real polkitd, for the helper's D-Bus tests.

    bus = SystemBus(ns)                 # ns: netns.Namespace the helper runs in
    cls.addClassCleanup(bus.stop)       # register first: stop() undoes a partial start
    bus.start()
    helper = bus.start_helper()         # ip netns exec NS helper --idle-timeout 0
    granted = bus.client(GRANTED)       # a client process running as uid 1
    granted.call("AddEndpoint", "sqsuu", "10.0.1.1", 0, "", 0, 1)

What start() builds, in a temp dir that the polkitd user can reach:

* dbus-daemon with a <type>system</type> configuration listening on
  unix:path=<tmp>/system_bus_socket. A filesystem socket, not an abstract
  one: abstract unix sockets belong to a network namespace, and the helper
  runs inside the test's namespace while clients and polkitd stay outside.
  Its policy is the one of Debian's system.conf (every user may connect and
  talk to the bus driver, method calls denied unless a service's file allows
  them), plus polkit's own file from /usr/share/dbus-1/system.d and the
  project's resources/dbus/org.mptcpmanager.Helper1.conf, included from the
  source tree so that the file under test is the one installed.
* With activation_idle_timeout set, a <servicedir> whose
  org.mptcpmanager.Helper1.service runs
  ``/usr/sbin/ip netns exec NS HELPER --idle-timeout N``. A system bus
  without <servicehelper> execs Exec= itself (as the bus's user, root here)
  instead of going through the setuid dbus-daemon-launch-helper.
* The real polkitd (/usr/lib/polkit-1/polkitd) with DBUS_SYSTEM_BUS_ADDRESS
  pointing at that bus, in a private mount namespace (``unshare -m
  --propagation private``) where temp dirs are bind-mounted over
  /usr/share/polkit-1/actions (the project's .policy only), and
  /etc/polkit-1/rules.d and /usr/share/polkit-1/rules.d (a rules file that
  says YES to org.mptcpmanager.* for GRANTED and NO for DENIED). The host's
  polkit configuration is never touched. polkitd switches to the `polkitd`
  user after start, so the temp dir, the bus socket and the rules must be
  readable by that user (the dir is 0755, files 0644).

Test users are existing accounts, so that nothing on the host changes:
GRANTED = daemon (uid 1), DENIED = nobody (uid 65534). Clients run as them
through ``setpriv --reuid --regid --clear-groups`` (client.py).

stop() ends the helper(s), polkitd and dbus-daemon, and removes the temp dir;
it is safe to call more than once and after a failed start().
"""

import importlib.util
import json
import os
import pwd
import queue
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("MPTCP_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "integration"))

import netns  # noqa: E402  (tests/integration/netns.py)
from netns import Background, describe, wait_until  # noqa: E402

CLIENT_SCRIPT = os.path.join(HERE, "client.py")
POLICY_FILE = os.path.join(SOURCE_DIR, "polkit", "org.mptcpmanager.policy")
BUS_POLICY_FILE = os.path.join(SOURCE_DIR, "resources", "dbus", "org.mptcpmanager.Helper1.conf")
HOST_POLKIT_BUS_POLICY = "/usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf"

BUS_NAME = "org.mptcpmanager.Helper1"
OBJECT_PATH = "/org/mptcpmanager/Helper1"
INTERFACE = "org.mptcpmanager.Helper1"
POLKIT_NAME = "org.freedesktop.PolicyKit1"

ERR_INVALID = "org.mptcpmanager.Error.InvalidArgument"
ERR_NOT_AUTHORIZED = "org.mptcpmanager.Error.NotAuthorized"
ERR_KERNEL = "org.mptcpmanager.Error.Kernel"
ERR_UNSUPPORTED = "org.mptcpmanager.Error.Unsupported"

ACTIONS = ("org.mptcpmanager.manage-endpoints", "org.mptcpmanager.set-limits",
           "org.mptcpmanager.set-sysctl", "org.mptcpmanager.monitor",
           "org.mptcpmanager.manage-profiles")

# Endpoint flag bits (the kernel's).
SIGNAL, SUBFLOW, BACKUP, FULLMESH, IMPLICIT, LAMINAR = 1, 2, 4, 8, 16, 32
FLAG_NAMES = {SIGNAL: "signal", SUBFLOW: "subflow", BACKUP: "backup",
              FULLMESH: "fullmesh", IMPLICIT: "implicit", LAMINAR: "laminar"}

POLKITD_CANDIDATES = ("/usr/lib/polkit-1/polkitd", "/usr/libexec/polkitd",
                      "/usr/lib/policykit-1/polkitd", "/usr/libexec/polkit-1/polkitd")
POLKIT_USER = "polkitd"
IP = shutil.which("ip") or "/usr/sbin/ip"
# Printed in skip reasons; CMake's SKIP_REGULAR_EXPRESSION looks for it.
SKIP_MARK = "mptcp-dbus-skip:"
START_TIMEOUT = 15.0


class Account:
    def __init__(self, name):
        entry = pwd.getpwnam(name)
        self.name, self.uid, self.gid = name, entry.pw_uid, entry.pw_gid

    def __repr__(self):
        return f"{self.name}({self.uid})"


GRANTED = Account("daemon")
DENIED = Account("nobody")


# --------------------------------------------------------------------------
# Environment


def _under_ctest():
    return bool(os.environ.get("MPTCP_HELPER"))


def _missing(message):
    """A missing requirement fails under ctest (MPTCP_HELPER set), else skips."""
    if _under_ctest():
        raise AssertionError(message)
    raise unittest.SkipTest(f"{SKIP_MARK} {message}")


def find_polkitd():
    for path in POLKITD_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return None


def require_environment():
    """Skip without root/iproute2/MPTCP; fail (under ctest) without D-Bus bits."""
    netns.require_environment()
    if not all(importlib.util.find_spec(m) for m in ("dbus", "gi")):
        _missing(f"{sys.executable} cannot import dbus and gi: install python3-dbus and "
                 "python3-gi, or run the tests with a python that has them "
                 "(/usr/bin/python3 on Debian)")
    for tool in ("dbus-daemon", "setpriv", "unshare"):
        if shutil.which(tool) is None:
            _missing(f"{tool} not found (Debian: dbus-daemon, util-linux)")
    if find_polkitd() is None:
        _missing(f"polkitd not found in {POLKITD_CANDIDATES} (Debian: polkitd)")
    try:
        pwd.getpwnam(POLKIT_USER)
    except KeyError:
        _missing(f"no '{POLKIT_USER}' user: is polkitd installed?")


def helper_path():
    """The helper under test.

    $MPTCP_HELPER wins (ctest sets it; a missing file there is a failure).
    Without it the usual build location is tried, else the test skips.
    """
    path = os.environ.get("MPTCP_HELPER")
    if path:
        if not os.access(path, os.X_OK):
            raise AssertionError(f"MPTCP_HELPER={path!r} is not an executable file")
        return path
    guess = os.path.join(SOURCE_DIR, "build", "helper", "service", "mptcp-manager-helper")
    if os.access(guess, os.X_OK):
        return guess
    raise unittest.SkipTest(f"{SKIP_MARK} no helper: set MPTCP_HELPER to the "
                            "mptcp-manager-helper binary (ctest does) or build it in "
                            "build/helper/service")


# --------------------------------------------------------------------------
# Configuration files


def bus_config(socket_path, service_dir):
    polkit_policy = (f"<include>{HOST_POLKIT_BUS_POLICY}</include>"
                     if os.path.exists(HOST_POLKIT_BUS_POLICY) else f"""
  <policy user="{POLKIT_USER}"><allow own="{POLKIT_NAME}"/></policy>
  <policy context="default"><allow send_destination="{POLKIT_NAME}"/></policy>""")
    service_dirs = f"<servicedir>{service_dir}</servicedir>" if service_dir else ""
    return f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket_path}</listen>
  <auth>EXTERNAL</auth>
  {service_dirs}

  <!-- Debian's system.conf default policy -->
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
    <deny send_destination="org.freedesktop.DBus"
          send_interface="org.freedesktop.DBus.Debug.Stats"/>
    <deny send_destination="org.freedesktop.DBus"
          send_interface="org.freedesktop.systemd1.Activator"/>
  </policy>
  <policy user="root">
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Monitoring"/>
    <!-- Tests stand in for logind to send PrepareForSleep (suspend, resume). -->
    <allow own="org.freedesktop.login1"/>
  </policy>

  {polkit_policy}
  <include>{BUS_POLICY_FILE}</include>
</busconfig>
"""


def activation_file(ns_name, helper, idle_timeout, directories=()):
    exec_line = " ".join(shlex.quote(a) for a in
                         (IP, "netns", "exec", ns_name, helper,
                          "--idle-timeout", str(idle_timeout), *directories))
    return ("[D-BUS Service]\n"
            f"Name={BUS_NAME}\n"
            f"Exec={exec_line}\n"
            "User=root\n")


def rules_file(granted, denied):
    return f"""// MPTCP Manager D-Bus tests: {granted} may do everything, {denied} nothing.
polkit.addRule(function(action, subject) {{
    if (action.id.indexOf("org.mptcpmanager.") !== 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user === "{granted}")
        return polkit.Result.YES;
    if (subject.user === "{denied}")
        return polkit.Result.NO;
    return polkit.Result.NOT_HANDLED;
}});
"""


# --------------------------------------------------------------------------
# The bus


class SystemBus:
    """dbus-daemon + polkitd (+ the helper) for one test class."""

    def __init__(self, ns=None, helper=None, activation_idle_timeout=None,
                 granted=GRANTED, denied=DENIED):
        self.ns = ns
        self.helper = helper
        self.activation_idle_timeout = activation_idle_timeout
        self.granted, self.denied = granted, denied
        self.tmp = None
        self.address = None
        self.daemon = None
        self.polkitd = None
        self.conn = None
        self.processes = []
        self.clients = []
        self._logs = []

    # lifecycle ---------------------------------------------------------------
    def start(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        self.tmp = tempfile.mkdtemp(prefix="mptcp-dbus-")
        # polkitd drops to its own user: it must reach the socket and rules.
        os.chmod(self.tmp, 0o755)
        socket_path = os.path.join(self.tmp, "system_bus_socket")
        self.address = f"unix:path={socket_path}"

        service_dir = None
        if self.activation_idle_timeout is not None:
            if self.ns is None or self.helper is None:
                raise ValueError("activation needs ns and helper")
            service_dir = self._mkdir("services")
            self._write(f"services/{BUS_NAME}.service",
                        activation_file(self.ns.name, self.helper, self.activation_idle_timeout,
                                        self.private_directories()))
        conf = self._write("bus.conf", bus_config(socket_path, service_dir))

        actions = self._mkdir("polkit/actions")
        shutil.copy(POLICY_FILE, actions)
        os.chmod(os.path.join(actions, os.path.basename(POLICY_FILE)), 0o644)
        rules_etc = self._mkdir("polkit/rules-etc")
        rules_usr = self._mkdir("polkit/rules-usr")
        self._write("polkit/rules-etc/50-mptcp-manager-tests.rules",
                    rules_file(self.granted.name, self.denied.name))
        shutil.copy(CLIENT_SCRIPT, os.path.join(self.tmp, "client.py"))
        os.chmod(os.path.join(self.tmp, "client.py"), 0o644)

        # dbus-daemon: address on a pipe, everything else to a log.
        read_fd, write_fd = os.pipe()
        log = self._log("dbus-daemon.log")
        # dbus-daemon also sets DBUS_SYSTEM_BUS_ADDRESS (and DBUS_STARTER_*) for
        # the services it activates; polkitd gets it from here.
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.address)
        self.daemon = subprocess.Popen(
            ["dbus-daemon", f"--config-file={conf}", "--nofork", f"--print-address={write_fd}"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            pass_fds=(write_fd,), env=env)
        os.close(write_fd)
        try:
            line = self._read_line(read_fd, START_TIMEOUT)
        finally:
            os.close(read_fd)
        if not line:
            raise AssertionError(f"dbus-daemon printed no address:\n{self.log('dbus-daemon.log')}")
        # (It printed "unix:path=...,guid=..."; self.address is that without the guid.)
        import dbus  # here, not at the top: require_environment() reports its absence
        self.conn = dbus.bus.BusConnection(self.address)

        polkitd = find_polkitd()
        script = "\n".join([
            "set -e",
            f"mount --bind {shlex.quote(actions)} /usr/share/polkit-1/actions",
            f"mount --bind {shlex.quote(rules_etc)} /etc/polkit-1/rules.d",
            f"mount --bind {shlex.quote(rules_usr)} /usr/share/polkit-1/rules.d",
            f"exec {shlex.quote(polkitd)}",
        ])
        self.polkitd = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script],
            stdin=subprocess.DEVNULL, stdout=self._log("polkitd.log"), stderr=subprocess.STDOUT,
            env=env)
        self.wait_for_name(POLKIT_NAME, proc=self.polkitd, what="polkitd",
                           log="polkitd.log")
        self._check_polkit()

    def _check_polkit(self):
        """pkcheck as GRANTED and DENIED: a broken setup fails here, clearly.

        (An unreadable rules dir, for one, makes polkitd load 0 rules and
        deny everyone without any other sign.)
        """
        env = dict(self.client_env(), DBUS_SYSTEM_BUS_ADDRESS=self.address)
        for user, want in ((self.granted, 0), (self.denied, 1)):
            argv = ["setpriv", f"--reuid={user.uid}", f"--regid={user.gid}", "--clear-groups",
                    "sh", "-c", f'exec pkcheck --action-id {ACTIONS[0]} --process "$$"']
            proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=20)
            if proc.returncode != want:
                raise AssertionError(
                    f"test polkit setup broken: pkcheck {ACTIONS[0]} as {user} exited "
                    f"{proc.returncode}, wanted {want} ({'yes' if want == 0 else 'no'})\n"
                    f"{describe(proc)}\n{self.logs()}")

    def stop(self):
        """End everything started here; idempotent."""
        for client in self.clients:
            client.close()
        self.clients.clear()
        for helper in self.processes:
            helper.stop()
        self.processes.clear()
        self.stop_activated_helper()
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None
        for proc in (self.polkitd, self.daemon):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.polkitd = self.daemon = None
        for log in self._logs:
            log.close()
        self._logs.clear()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def stop_activated_helper(self):
        """SIGTERM a helper that the bus started, and wait for it to go."""
        if self.conn is None or self.daemon is None or self.daemon.poll() is not None:
            return
        try:
            pid = self.owner_pid(BUS_NAME)
        except Exception:
            return
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and pid_alive(pid):
            time.sleep(0.02)
        if pid_alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    # files and logs ----------------------------------------------------------
    def _mkdir(self, rel):
        path = os.path.join(self.tmp, rel)
        os.makedirs(path, exist_ok=True)
        for part in range(len(rel.split("/"))):
            os.chmod(os.path.join(self.tmp, *rel.split("/")[:part + 1]), 0o755)
        return path

    def _write(self, rel, text):
        path = os.path.join(self.tmp, rel)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o644)
        return path

    def _log(self, name):
        f = open(os.path.join(self.tmp, name), "w")
        self._logs.append(f)
        return f

    def log(self, name):
        """Text of a log in the temp dir (dbus-daemon.log, polkitd.log)."""
        if not self.tmp:
            return ""
        try:
            with open(os.path.join(self.tmp, name)) as f:
                return f.read()
        except OSError as exc:
            return f"<{exc}>"

    def logs(self):
        return (f"--- dbus-daemon.log (activated helpers write here too)\n"
                f"{self.log('dbus-daemon.log')}\n--- polkitd.log\n{self.log('polkitd.log')}")

    @staticmethod
    def _read_line(fd, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                break
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            data += chunk
        return data.decode().strip()

    # bus queries (as root, in this process) -----------------------------------
    def _driver(self, method, signature="", *args):
        return self.conn.call_blocking("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method, signature, args)

    def has_owner(self, name=BUS_NAME):
        return bool(self._driver("NameHasOwner", "s", name))

    def owner_pid(self, name=BUS_NAME):
        """PID of the name's owner, None when nobody owns it."""
        import dbus
        try:
            return int(self._driver("GetConnectionUnixProcessID", "s", name))
        except dbus.exceptions.DBusException as exc:
            if exc.get_dbus_name() == "org.freedesktop.DBus.Error.NameHasNoOwner":
                return None
            raise

    def wait_for_name(self, name=BUS_NAME, present=True, timeout=START_TIMEOUT, proc=None,
                      what=None, log=None):
        """Poll until `name` has (present) or has no owner; fail early if proc died."""
        what = what or name

        def check():
            if self.has_owner(name) == present:
                return True
            if proc is not None and present:
                code = proc.poll() if hasattr(proc, "poll") else proc.proc.poll()
                if code is not None:
                    extra = proc.stderr if isinstance(proc, Background) else ""
                    raise AssertionError(
                        f"{what} exited with {code} before owning {name}\n{extra}\n"
                        f"{self.log(log) if log else self.logs()}")
            return False
        try:
            wait_until(check, timeout=timeout,
                       message=f"{name} to be {'owned' if present else 'released'}")
        except AssertionError as exc:
            if "timed out" in str(exc):
                raise AssertionError(f"{exc}\n{self.logs()}") from None
            raise

    # the helper --------------------------------------------------------------
    def private_directories(self):
        """--config-dir and --state-dir in this bus's temporary directory: a
        helper under test never reads or writes the host's profiles."""
        config = os.path.join(self.tmp, "helper-config")
        state = os.path.join(self.tmp, "helper-state")
        for path in (config, state):
            os.makedirs(path, mode=0o755, exist_ok=True)
        return ("--config-dir", config, "--state-dir", state)

    def helper_argv(self, idle_timeout=0, extra=()):
        directories = () if "--config-dir" in extra else self.private_directories()
        return ["env", f"DBUS_SYSTEM_BUS_ADDRESS={self.address}",
                IP, "netns", "exec", self.ns.name, self.helper,
                "--idle-timeout", str(idle_timeout), *directories, *extra]

    def start_helper(self, idle_timeout=0, extra=(), wait=True):
        """Start the helper directly inside self.ns; wait until it owns its name.

        Returns a netns.Background (its pid is the helper's: env and
        `ip netns exec` exec, they do not fork).
        """
        if self.helper is None or self.ns is None:
            raise ValueError("SystemBus needs ns and helper to start the helper")
        proc = Background(self.helper_argv(idle_timeout, extra))
        self.processes.append(proc)
        if wait:
            self.wait_for_name(BUS_NAME, proc=proc, what="the helper")
        return proc

    def stop_helper(self, proc, sig=signal.SIGTERM, timeout=5.0):
        proc.stop(sig=sig, timeout=timeout)
        if proc in self.processes:
            self.processes.remove(proc)
        return proc.returncode

    # clients -----------------------------------------------------------------
    def client_argv(self, user, *args):
        prefix = []
        if user is not None and user.uid != 0:
            prefix = ["setpriv", f"--reuid={user.uid}", f"--regid={user.gid}", "--clear-groups"]
        # The copy in the temp dir: the source tree may not be readable by
        # the test users.
        return [*prefix, sys.executable, os.path.join(self.tmp, "client.py"),
                "--address", self.address, *args]

    def client_env(self):
        return {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}

    def mptcpctl(self, user, *args, timeout=60):
        """Run mptcpctl as `user` (None: root) through the helper on this bus.

        The tool and its helper module are copied where the test users can
        execute them ($MPTCPCTL names the tool; ctest sets it)."""
        tool = os.path.join(self.tmp, "mptcpctl")
        if not os.path.exists(tool):
            source = os.environ.get("MPTCPCTL") or os.path.join(SOURCE_DIR, "build", "cli",
                                                                 "mptcpctl")
            if not os.access(source, os.X_OK):
                raise unittest.SkipTest(f"{SKIP_MARK} no mptcpctl: set MPTCPCTL (ctest does)")
            for path in (source, os.path.join(os.path.dirname(source), "mptcpctl-helper.so")):
                copy = os.path.join(self.tmp, os.path.basename(path))
                shutil.copy(path, copy)
                os.chmod(copy, 0o755)
        argv = [tool, *args]
        if user is not None:
            argv = ["setpriv", f"--reuid={user.uid}", f"--regid={user.gid}", "--clear-groups",
                    *argv]
        env = dict(self.client_env(), DBUS_SYSTEM_BUS_ADDRESS=self.address)
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout,
                              cwd=self.tmp)

    def client(self, user):
        """A client process running as `user` (None: root) for calls."""
        c = Client(self, user)
        self.clients.append(c)
        return c

    def subscriber(self, user, seconds=60.0, subscribe=True):
        """A client process running as `user` that subscribes and prints signals.

        Returns a Subscriber (a netns.Background) once it is connected and,
        unless subscribe=False, has had its answer to Subscribe().
        """
        args = ["subscribe", "--seconds", str(seconds)]
        if not subscribe:
            args.append("--no-subscribe")
        sub = Subscriber(self.client_argv(user, *args), self.client_env())
        self.processes.append(sub)  # stopped in stop()
        sub.wait_for(lambda lines: sub.find("ready"), message="the subscriber to connect")
        if subscribe:
            sub.wait_for(lambda lines: sub.find("subscribe"), message="Subscribe() to return")
        return sub

    # state of the helper's namespace ---------------------------------------------
    def sysctl_dump(self):
        """Every /proc/sys/net/mptcp/* as `path:value` lines, read inside the netns."""
        return self.ns.run("grep", "-r", ".", "/proc/sys/net/mptcp", check=True).stdout

    def kernel_state(self):
        """(endpoint show, limits show, sysctls) to compare before/after."""
        return self.ns.endpoints(), self.ns.limits(), self.sysctl_dump()


def pid_alive(pid):
    """True while pid exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


class Client:
    """A `client.py calls` process as one user: one bus connection, many calls."""

    def __init__(self, bus, user, timeout=START_TIMEOUT):
        self.bus = bus
        self.user = user
        self.argv = bus.client_argv(user, "calls")
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, bufsize=1,
                                     env=bus.client_env())
        self._lines = queue.Queue()
        self._stderr = []
        self._threads = [threading.Thread(target=self._pump, daemon=True),
                         threading.Thread(target=self._pump_err, daemon=True)]
        for thread in self._threads:
            thread.start()
        ready = self._next(timeout)
        self.unique_name = ready["unique_name"]
        if ready.get("uid") != (user.uid if user else 0):
            raise AssertionError(f"client runs as uid {ready.get('uid')}, wanted {user}")

    def _pump(self):
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _pump_err(self):
        for line in self.proc.stderr:
            self._stderr.append(line)

    def _next(self, timeout):
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"client {self.user} gave no answer in {timeout}s; "
                                 f"stderr={''.join(self._stderr)!r}") from None
        if line is None:
            self.proc.wait(timeout=5)
            raise AssertionError(f"client {self.user} exited ({self.proc.returncode}): "
                                 f"stderr={''.join(self._stderr)!r}")
        return json.loads(line)

    def request(self, spec, timeout=30.0):
        """Send one call spec (see client.py) and return its result dict."""
        self.proc.stdin.write(json.dumps(spec) + "\n")
        self.proc.stdin.flush()
        return self._next(timeout)

    def call(self, method, signature="", *args, interface=INTERFACE, **extra):
        spec = {"method": method, "signature": signature, "args": list(args),
                "interface": interface, **extra}
        return self.request(spec)

    def get_property(self, name, interface=INTERFACE):
        return self.call("Get", "ss", interface, name, interface="org.freedesktop.DBus.Properties")

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()


class Subscriber(Background):
    """`client.py subscribe` output as parsed JSON objects."""

    def __init__(self, argv, env):
        # netns.Background has no env parameter; the client gets a clean one
        # through `env -i`.
        super().__init__(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *argv],
                         stdin=True)

    def objects(self):
        out = []
        for line in self.snapshot():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return out

    def find(self, key):
        for obj in self.objects():
            if key in obj:
                return obj
        return None

    @property
    def unique_name(self):
        ready = self.find("ready")
        return ready and ready["unique_name"]

    def signals(self, member=None):
        return [o for o in self.objects()
                if "signal" in o and (member is None or o["signal"] == member)]

    def events(self):
        """Every event (command, attrs) received in Events signals, in order."""
        out = []
        for sig in self.signals("Events"):
            for command, attrs in sig["args"][0]:
                out.append((command, attrs))
        return out

    def quit(self):
        if self.alive():
            self.send("quit\n")
            self.proc.wait(timeout=10)
        return self.stop()


# --------------------------------------------------------------------------
# Oracle helpers


def flags_of(entry):
    """`ip -j mptcp endpoint show` entry -> flag bits."""
    bits = 0
    for bit, name in FLAG_NAMES.items():
        if entry.get(name) or name in entry.get("flags", []):
            bits |= bit
    return bits


def ip_endpoints(ns):
    """The namespace's endpoints as sorted (id, address, port, dev, flags) tuples."""
    out = []
    for entry in ns.endpoints_json():
        out.append((entry["id"], entry["address"], entry.get("port", 0),
                    entry.get("dev", ""), flags_of(entry)))
    return sorted(out)


def helper_endpoints(result):
    """Endpoints() result -> sorted (id, address, port, ifname, flags) tuples."""
    return sorted((e[0], e[1], e[2], e[3], e[4]) for e in result["result"][0])


# --------------------------------------------------------------------------
# Test case base


class HelperTestCase(unittest.TestCase):
    """One namespace, one bus + polkitd and (by default) one helper per class.

    Class attributes to override:
      activation_idle_timeout  None: no activation file (a helper that dies
                               stays dead, so crashes show); N: the bus
                               starts `helper --idle-timeout N` on demand
      direct_helper_idle       None: do not start the helper directly;
                               N: start it in setUpClass with --idle-timeout N
    and make_namespace() to build something other than an empty namespace.
    """

    maxDiff = None
    activation_idle_timeout = None
    direct_helper_idle = 0

    @classmethod
    def make_namespace(cls):
        ns = netns.Namespace()
        cls.addClassCleanup(ns.delete)
        ns.create()
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_environment()
        cls.helper = helper_path()
        cls.ns = cls.make_namespace()
        cls.bus = SystemBus(cls.ns, cls.helper,
                            activation_idle_timeout=cls.activation_idle_timeout)
        cls.addClassCleanup(cls.bus.stop)  # runs before ns.delete (LIFO)
        cls.bus.start()
        cls.helper_proc = None
        if cls.direct_helper_idle is not None:
            cls.helper_proc = cls.bus.start_helper(idle_timeout=cls.direct_helper_idle)

    # diagnostics ---------------------------------------------------------------
    def diagnostics(self):
        helper = ""
        if self.helper_proc is not None:
            state = "running" if self.helper_proc.alive() else \
                f"EXITED with {self.helper_proc.proc.returncode}"
            helper = f"--- helper ({state}) stderr\n{self.helper_proc.stderr}\n"
        return helper + self.bus.logs()

    # assertions ----------------------------------------------------------------
    def assertOk(self, result, what=""):
        if not result.get("ok"):
            self.fail(f"{what or 'call'} failed: {result}\n{self.diagnostics()}")
        return result.get("result")

    def assertError(self, result, names, what=""):
        """The call failed with one of `names` and a non-empty message."""
        if isinstance(names, str):
            names = (names,)
        if result.get("ok"):
            self.fail(f"{what or 'call'} succeeded, expected {' or '.join(names)}: {result}")
        self.assertIn(result.get("error"), names, f"{what}: wrong error: {result}")
        self.assertTrue((result.get("message") or "").strip(),
                        f"{what}: error without a message: {result}")
        return result

    def assertHelperAlive(self):
        if self.helper_proc is not None:
            self.assertTrue(self.helper_proc.alive(),
                            f"the helper died\n{self.diagnostics()}")
        self.assertTrue(self.bus.has_owner(BUS_NAME),
                        f"nobody owns {BUS_NAME}\n{self.diagnostics()}")

    def assertSameEndpoints(self, client):
        """Endpoints() through `client` equals ip -j endpoint show."""
        result = client.call("Endpoints")
        self.assertOk(result, "Endpoints()")
        got = helper_endpoints(result)
        self.assertEqual(got, ip_endpoints(self.ns), "Endpoints() differs from ip mptcp")
        return got

    def assertSameLimits(self, client):
        subflows, accepted = self.assertOk(client.call("Limits"))
        want = self.ns.limits_dict()
        self.assertEqual({"subflows": subflows, "add_addr_accepted": accepted}, want,
                         "Limits() differs from ip mptcp limits show")


def endpoint_args(*endpoints):
    """[(id, address, port, ifname, flags), ...] as the a(usqsu) JSON argument."""
    return [[e[0], e[1], e[2], e[3], e[4]] for e in endpoints]


def typed(kind, value):
    """A value whose D-Bus type the signature does not fix (inside a variant)."""
    return {"$t": kind, "v": value}
