"""Helpers for the mptcpctl integration tests.

Everything here runs inside throw-away network namespaces called
``mptcpt-<pid>-<n>``; nothing ever touches the MPTCP configuration of the
namespace the tests are started from.

* :class:`Namespace` creates and deletes a netns (context manager), runs
  commands inside it and keeps track of the processes started there.
* :func:`veth_pair` joins two namespaces (or one namespace with itself).
* :func:`mptcpctl` runs the tool under test (``$MPTCPCTL``) with ``--direct``.
* :class:`Background` runs a long-lived process (monitor, MPTCP peer) and
  collects its output lines in a thread so that tests can poll for them.
* :func:`start_server` / :func:`start_client` drive ``mptcp_peer.py``.
"""

import itertools
import json
import re
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PEER_SCRIPT = os.path.join(HERE, "mptcp_peer.py")
DEFAULT_TIMEOUT = 20.0
# Printed in skip reasons; CMake's SKIP_REGULAR_EXPRESSION looks for it.
SKIP_MARK = "mptcp-integration-skip:"

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def unique_name():
    with _counter_lock:
        n = next(_counter)
    return f"mptcpt-{os.getpid()}-{n}"


def run(cmd, check=False, timeout=DEFAULT_TIMEOUT, input=None):
    """Run argv, capturing text stdout/stderr; never raises on non-zero unless check."""
    proc = subprocess.run(
        [str(c) for c in cmd],
        input=input,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
        stdin=None if input is not None else subprocess.DEVNULL,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"command failed (exit {proc.returncode}): {' '.join(map(str, cmd))}\n"
            f"stdout: {proc.stdout!r}\nstderr: {proc.stderr!r}"
        )
    return proc


def describe(proc):
    """One-line-ish description of a CompletedProcess for assertion messages."""
    args = proc.args if isinstance(proc.args, (list, tuple)) else [proc.args]
    return (
        f"$ {' '.join(map(str, args))}\n"
        f"exit={proc.returncode}\nstdout={proc.stdout!r}\nstderr={proc.stderr!r}"
    )


def wait_until(predicate, timeout=DEFAULT_TIMEOUT, interval=0.02, message="condition"):
    """Poll predicate() until it returns a truthy value; return that value.

    Raises AssertionError naming `message` when the deadline passes.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message}")
        time.sleep(interval)


# --------------------------------------------------------------------------
# Environment checks


def require_environment():
    """Skip (via unittest.SkipTest) when the machine cannot run these tests."""
    if os.geteuid() != 0:
        raise unittest.SkipTest(f"{SKIP_MARK} integration tests need root (network namespaces)")
    if shutil.which("ip") is None:
        raise unittest.SkipTest(f"{SKIP_MARK} iproute2 'ip' not found")
    if run(["ip", "mptcp", "help"]).stderr.find("mptcp") < 0:
        raise unittest.SkipTest(f"{SKIP_MARK} this iproute2 has no 'ip mptcp'")
    if not os.path.exists("/proc/sys/net/mptcp/enabled"):
        raise unittest.SkipTest(f"{SKIP_MARK} kernel without MPTCP")


def mptcpctl_path():
    """Path of the tool under test.

    $MPTCPCTL wins (ctest sets it; a missing file there is an error, not a
    skip). Without it, the usual build location is tried, else the test skips.
    """
    path = os.environ.get("MPTCPCTL")
    if path:
        if not os.access(path, os.X_OK):
            raise AssertionError(f"MPTCPCTL={path!r} is not an executable file")
        return path
    guess = os.path.normpath(os.path.join(HERE, "..", "..", "build", "cli", "mptcpctl"))
    if os.access(guess, os.X_OK):
        return guess
    raise unittest.SkipTest("set MPTCPCTL to the mptcpctl binary (ctest does)")


# --------------------------------------------------------------------------
# Namespaces


class Namespace:
    """A uniquely named network namespace, deleted on exit even on failure."""

    def __init__(self, name=None):
        self.name = name or unique_name()
        self.created = False
        self._procs = []

    # context manager -----------------------------------------------------
    def __enter__(self):
        self.create()
        return self

    def __exit__(self, *exc):
        self.delete()
        return False

    def create(self):
        run(["ip", "netns", "add", self.name], check=True)
        self.created = True
        self.ip("link", "set", "lo", "up", check=True)
        return self

    def delete(self):
        # Stop what we started here first, then anything else still inside
        # (only our own children can be in a namespace with this unique name).
        for proc in self._procs:
            proc.stop()
        self._procs.clear()
        if not self.created:
            return
        pids = run(["ip", "netns", "pids", self.name]).stdout.split()
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        run(["ip", "netns", "del", self.name])
        self.created = False

    # running things ------------------------------------------------------
    def run(self, *cmd, check=False, timeout=DEFAULT_TIMEOUT, input=None):
        """Run a command inside the namespace (ip netns exec)."""
        return run(["ip", "netns", "exec", self.name, *cmd],
                   check=check, timeout=timeout, input=input)

    def ip(self, *args, check=False, timeout=DEFAULT_TIMEOUT):
        """Run ``ip -n NAME ARGS``."""
        return run(["ip", "-n", self.name, *args], check=check, timeout=timeout)

    def mptcp(self, *args, check=False, json_output=False):
        """Run ``ip [-j] -n NAME mptcp ARGS`` (the oracle)."""
        opts = ["-j"] if json_output else []
        return run(["ip", *opts, "-n", self.name, "mptcp", *args], check=check)

    def background(self, *cmd, stdin=False):
        """Start a long-lived process inside the namespace; stopped on delete()."""
        proc = Background(["ip", "netns", "exec", self.name, *cmd], stdin=stdin)
        self._procs.append(proc)
        return proc

    def track(self, proc):
        """Have delete() stop a Background started by other means."""
        self._procs.append(proc)
        return proc

    # oracle state ----------------------------------------------------------
    def endpoints(self):
        return self.mptcp("endpoint", "show", check=True).stdout

    def endpoints_json(self):
        return json.loads(self.mptcp("endpoint", "show", check=True, json_output=True).stdout)

    def limits(self):
        return self.mptcp("limits", "show", check=True).stdout

    def state(self):
        """(endpoint show, limits show) as printed by ip: compare before/after."""
        return self.endpoints(), self.limits()

    def limits_dict(self):
        return parse_limits_text(self.limits())

    def operstate(self, dev):
        out = self.ip("-j", "link", "show", "dev", dev, check=True).stdout
        return json.loads(out)[0].get("operstate")

    def ifindex(self, dev):
        out = self.ip("-j", "link", "show", "dev", dev, check=True).stdout
        return json.loads(out)[0]["ifindex"]

    def __repr__(self):
        return f"Namespace({self.name!r})"


def parse_limits_text(text):
    """ "add_addr_accepted 0 subflows 2 \n" -> {"add_addr_accepted": 0, "subflows": 2}"""
    words = text.split()
    if len(words) % 2:
        raise AssertionError(f"odd limits output: {text!r}")
    return {words[i]: int(words[i + 1]) for i in range(0, len(words), 2)}


def veth_pair(ns_a, ns_b, name_a, name_b, addr_a=None, addr_b=None,
              addr6_a=None, addr6_b=None):
    """Create a veth pair name_a (in ns_a) <-> name_b (in ns_b) and bring it up.

    ns_b may be ns_a (or None) for a pair inside one namespace. Addresses are
    optional; an address without a prefix length gets /24 (IPv4) or /64
    (IPv6). IPv6 addresses are added with ``nodad`` so they are usable at once.
    The link is created from inside ns_a, never in the calling namespace.
    """
    ns_b = ns_b or ns_a
    if ns_b is ns_a:
        ns_a.ip("link", "add", name_a, "type", "veth", "peer", "name", name_b, check=True)
    else:
        ns_a.ip("link", "add", name_a, "type", "veth", "peer", "name", name_b,
                "netns", ns_b.name, check=True)
    for ns, dev, v4, v6 in ((ns_a, name_a, addr_a, addr6_a), (ns_b, name_b, addr_b, addr6_b)):
        if v4:
            ns.ip("addr", "add", v4 if "/" in v4 else v4 + "/24", "dev", dev, check=True)
        if v6:
            ns.ip("addr", "add", v6 if "/" in v6 else v6 + "/64", "dev", dev, "nodad",
                  check=True)
        ns.ip("link", "set", dev, "up", check=True)
    # Wait for the carrier: a subflow the kernel tries to open over a link that
    # is not up yet fails for good (the path manager does not retry).
    for ns, dev in ((ns_a, name_a), (ns_b, name_b)):
        wait_until(lambda: ns.operstate(dev) == "UP", timeout=10,
                   message=f"{dev} in {ns.name} to be operationally UP")


# --------------------------------------------------------------------------
# The tool under test


def mptcpctl_argv(ns, *args, json_output=False):
    opts = ["--direct"]
    if json_output:
        opts.append("-j")
    if ns is not None:
        opts += ["-n", ns.name if isinstance(ns, Namespace) else ns]
    return [mptcpctl_path(), *opts, *map(str, args)]


def mptcpctl(ns, *args, check=True, json_output=False, timeout=DEFAULT_TIMEOUT):
    """Run ``mptcpctl --direct [-j] -n NS ARGS``; returns CompletedProcess.

    With check=True a non-zero exit is an AssertionError that shows the
    command, its exit code and both output streams.
    """
    return run(mptcpctl_argv(ns, *args, json_output=json_output), check=check, timeout=timeout)


# --------------------------------------------------------------------------
# Long-lived processes


class Background:
    """A subprocess whose stdout lines are collected by a thread.

    lines   -- stdout lines so far (without the newline)
    wait_for(pred) -- poll until pred(lines) is truthy
    stop(sig) -- signal, wait, kill if needed; returns (lines, stderr)
    """

    def __init__(self, argv, stdin=False):
        self.argv = [str(a) for a in argv]
        self.proc = subprocess.Popen(
            self.argv,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines = []
        self.raw = []  # exactly what was read, newline included
        self._lock = threading.Lock()
        self._stderr = []
        self._out_thread = threading.Thread(target=self._pump_out, daemon=True)
        self._err_thread = threading.Thread(target=self._pump_err, daemon=True)
        self._out_thread.start()
        self._err_thread.start()
        self.returncode = None

    def _pump_out(self):
        for line in self.proc.stdout:
            with self._lock:
                self.raw.append(line)
                self.lines.append(line.rstrip("\n"))

    def _pump_err(self):
        for line in self.proc.stderr:
            with self._lock:
                self._stderr.append(line)

    def snapshot(self):
        with self._lock:
            return list(self.lines)

    @property
    def stderr(self):
        with self._lock:
            return "".join(self._stderr)

    def wait_for(self, predicate, timeout=DEFAULT_TIMEOUT, message=None):
        """Poll until predicate(lines) is truthy; fail with the output so far."""
        def check():
            if self.proc.poll() is not None and not self._out_thread.is_alive():
                value = predicate(self.snapshot())
                if value:
                    return value
                raise AssertionError(
                    f"{self.argv} exited ({self.proc.returncode}) before "
                    f"{message or 'the expected output'}:\nstdout={self.snapshot()!r}\n"
                    f"stderr={self.stderr!r}")
            return predicate(self.snapshot())
        try:
            return wait_until(check, timeout=timeout, message=message or "output")
        except AssertionError as exc:
            if "timed out" in str(exc):
                raise AssertionError(
                    f"{exc} from {self.argv}\nstdout so far={self.snapshot()!r}\n"
                    f"stderr={self.stderr!r}") from None
            raise

    def wait_line(self, prefix, timeout=DEFAULT_TIMEOUT):
        """Wait for a line starting with prefix and return it."""
        def find(lines):
            for line in lines:
                if line.startswith(prefix):
                    return line
            return None
        return self.wait_for(find, timeout=timeout, message=f"a line starting {prefix!r}")

    def send(self, text):
        self.proc.stdin.write(text)
        self.proc.stdin.flush()

    def alive(self):
        return self.proc.poll() is None

    def stop(self, sig=signal.SIGTERM, timeout=5.0):
        """Signal the process (if alive), reap it, drain output."""
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(sig)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._out_thread.join(timeout=5)
        self._err_thread.join(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass
        self.returncode = self.proc.returncode
        return self.snapshot(), self.stderr


# --------------------------------------------------------------------------
# MPTCP peers


def start_server(ns, port, ipv6=False, bind=None, echo=False):
    """Start an MPTCP listener in ns; returns the Background once it listens."""
    argv = [sys.executable, PEER_SCRIPT, "server", "--port", port]
    if ipv6:
        argv.append("--ipv6")
    if bind:
        argv += ["--bind", bind]
    if echo:
        argv.append("--echo")
    srv = ns.background(*argv)
    srv.wait_line("LISTENING")
    return srv


def start_client(ns, addr, port, nbytes=0, hold=-1, ipv6=False, bind=None):
    """Connect an MPTCP client from ns to addr:port and send nbytes.

    hold < 0 keeps the connection open until close_client() (stdin 'close');
    returns (Background, (local_addr, local_port)) once data was sent.
    """
    argv = [sys.executable, PEER_SCRIPT, "client", "--connect", addr, "--port", port,
            "--bytes", nbytes, "--hold", hold]
    if ipv6:
        argv.append("--ipv6")
    if bind:
        argv += ["--bind", bind]
    cli = ns.background(*argv, stdin=hold < 0)
    line = cli.wait_line("CONNECTED")
    cli.wait_line("SENT")
    _, addr_s, port_s = line.split()
    return cli, (addr_s, int(port_s))


def close_client(cli, timeout=DEFAULT_TIMEOUT):
    """Ask a client started with hold<0 to close its connection and exit."""
    cli.send("close\n")
    cli.wait_line("CLOSED", timeout=timeout)
    cli.proc.wait(timeout=timeout)


# --------------------------------------------------------------------------
# Test case base


class NetnsTestCase(unittest.TestCase):
    """unittest.TestCase with namespace bookkeeping and mptcpctl assertions."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_environment()
        cls.tool = mptcpctl_path()

    def new_ns(self):
        """A fresh namespace, deleted when the test ends (pass or fail)."""
        ns = Namespace()
        self.addCleanup(ns.delete)
        ns.create()
        return ns

    def ctl(self, ns, *args, json_output=False, check=True):
        return mptcpctl(ns, *args, json_output=json_output, check=check)

    def assert_refused(self, ns, *args, mentions=None, oracle=True):
        """mptcpctl ARGS must fail: non-zero exit, text on stderr, state unchanged.

        With oracle=True, `ip mptcp ARGS` is first checked to refuse the same
        command (and also to leave the state alone), so that the test itself is
        known to be right. Returns the mptcpctl CompletedProcess.
        """
        before = ns.state()
        if oracle:
            ref = ns.mptcp(*args)
            self.assertNotEqual(ref.returncode, 0,
                                f"oracle accepted a command the test expects to fail:\n"
                                f"{describe(ref)}")
            self.assertEqual(ns.state(), before, f"oracle changed state:\n{describe(ref)}")
        proc = mptcpctl(ns, *args, check=False)
        self.assertNotEqual(proc.returncode, 0, f"mptcpctl accepted:\n{describe(proc)}")
        self.assertTrue(proc.stderr.strip(), f"mptcpctl failed silently:\n{describe(proc)}")
        after = ns.state()
        self.assertEqual(after[0], before[0],
                         f"endpoints changed by a refused command:\n{describe(proc)}")
        self.assertEqual(after[1], before[1],
                         f"limits changed by a refused command:\n{describe(proc)}")
        if mentions is not None:
            self.assertIn(mentions, proc.stderr,
                          f"error message should mention {mentions!r}:\n{describe(proc)}")
        return proc

    def assert_same_view(self, ns):
        """mptcpctl's endpoint/limits show (plain and -j) equal ip's in ns."""
        ref = ns.mptcp("endpoint", "show", check=True).stdout
        got = self.ctl(ns, "endpoint", "show").stdout
        self.assertEqual(got, ref, "mptcpctl endpoint show differs from ip mptcp endpoint show")
        ref_j = json.loads(ns.mptcp("endpoint", "show", check=True, json_output=True).stdout)
        got_j = json.loads(self.ctl(ns, "endpoint", "show", json_output=True).stdout)
        self.assertEqual(got_j, ref_j, "mptcpctl -j endpoint show differs from ip -j")
        ref_l = ns.limits()
        got_l = self.ctl(ns, "limits", "show").stdout
        self.assertEqual(got_l, ref_l, "mptcpctl limits show differs from ip mptcp limits show")


# --------------------------------------------------------------------------
# Two hosts joined by two links (events and connections tests)


class TwoHosts:
    """Server and client namespaces joined by two veth links.

        client cv1 10.1.1.2/24  <->  sv1 10.1.1.1/24 server
        client cv2 10.1.2.2/24  <->  sv2 10.1.2.1/24 server

    The client has limits `subflows 2 add_addr_accepted 2` and a `subflow`
    endpoint for 10.1.2.2 on cv2 (id 1), so every connection to 10.1.1.1
    gets a second subflow from 10.1.2.2. The server keeps subflows 2 and
    accepts up to 2 ADD_ADDRs. `add_cleanup` is addCleanup/addClassCleanup.
    """

    SERVER_ADDR = "10.1.1.1"
    SERVER_ADDR2 = "10.1.2.1"
    CLIENT_ADDR = "10.1.1.2"
    CLIENT_ADDR2 = "10.1.2.2"
    CLIENT_DEV2 = "cv2"
    SUBFLOW_ENDPOINT_ID = 1
    PORT = 5000

    def __init__(self, add_cleanup):
        self.server = Namespace()
        add_cleanup(self.server.delete)
        self.server.create()
        self.client = Namespace()
        add_cleanup(self.client.delete)
        self.client.create()
        veth_pair(self.client, self.server, "cv1", "sv1", self.CLIENT_ADDR, self.SERVER_ADDR)
        veth_pair(self.client, self.server, "cv2", "sv2", self.CLIENT_ADDR2, self.SERVER_ADDR2)
        self.client.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "2", check=True)
        self.server.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "2", check=True)
        self.client.mptcp("endpoint", "add", self.CLIENT_ADDR2, "dev", self.CLIENT_DEV2,
                          "id", str(self.SUBFLOW_ENDPOINT_ID), "subflow", check=True)
        self.client_dev2_ifindex = self.client.ifindex(self.CLIENT_DEV2)

    def start_server(self):
        return start_server(self.server, self.PORT, bind=self.SERVER_ADDR)

    def connect(self, nbytes=100000):
        """Open one MPTCP connection client -> server, kept open until close_client()."""
        return start_client(self.client, self.SERVER_ADDR, self.PORT, nbytes=nbytes, hold=-1)


# --------------------------------------------------------------------------
# ss parsing (the oracle for connections)


def _split_ss_endpoint(text):
    """'10.1.2.2%cv2:35115' / '[::1]:80' -> ('10.1.2.2', 35115)."""
    addr, _, port = text.rpartition(":")
    addr = addr.strip("[]").split("%")[0]
    return addr, int(port)


def _ss_records(text):
    """Pair each ss socket line with its indented detail line(s)."""
    records = []
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        if line[0] in " \t":
            if records:
                records[-1][1].append(line.strip())
        else:
            records.append((line.split(), []))
    return records


def ss_mptcp_sockets(ns):
    """MPTCP sockets from `ss -Mni`: list of dicts state/local/remote/token."""
    out = ns.run("ss", "-Mni", check=True).stdout
    socks = []
    for fields, details in _ss_records(out):
        info = " ".join(details)
        match = re.search(r"\btoken:([0-9a-f]+)", info)
        socks.append({
            "state": fields[0],
            "local": _split_ss_endpoint(fields[3]),
            "remote": _split_ss_endpoint(fields[4]),
            "token": int(match.group(1), 16) if match else None,
            "details": info,
        })
    return socks


def ss_mptcp_subflows(ns):
    """TCP subflows from `ss -tni` that carry `tcp-ulp-mptcp`.

    ss prints `token:REMOTE(id:REMOTE_ID)/LOCAL(id:LOCAL_ID)`; returns dicts
    local/remote/token (the local connection token)/local_id/remote_id.
    """
    out = ns.run("ss", "-tni", check=True).stdout
    flows = []
    for fields, details in _ss_records(out):
        info = " ".join(details)
        if "tcp-ulp-mptcp" not in info:
            continue
        match = re.search(r"token:([0-9a-f]+)\(id:(\d+)\)/([0-9a-f]+)\(id:(\d+)\)", info)
        if not match:
            continue
        flags = re.search(r"\bflags:(\S*)", info)
        flows.append({
            "state": fields[0],
            "local": _split_ss_endpoint(fields[3]),
            "remote": _split_ss_endpoint(fields[4]),
            "remote_token": int(match.group(1), 16),
            "remote_id": int(match.group(2)),
            "token": int(match.group(3), 16),
            "local_id": int(match.group(4)),
            "flags": flags.group(1) if flags else "",
            # ss's subflow flags: M/m MP_CAPABLE, J/j MP_JOIN, B/b backup
            # (upper case: remote, lower case: local), e fully established...
            "backup": bool(flags and "b" in flags.group(1)),
            "details": info,
        })
    return flows
