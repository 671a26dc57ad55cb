"""Faults the helper survives, each on the real thing where it can be had.

* MptcpDisabled: net.mptcp.enabled=0 in the helper's namespace. The helper
  answers; KernelSupport says enabled=false; endpoints and limits can still
  be read and set (the kernel keeps them); Diagnose names "mptcp-disabled";
  SetSysctl can turn MPTCP back on.
* FamilyMissing: no "mptcp_pm" generic netlink family. Families are global
  and MPTCP is built in here (it cannot be unloaded), so no namespace lacks
  it; hide_mptcp_family.so (LD_PRELOAD, this folder) renames the family in
  the helper's CTRL_CMD_GETFAMILY requests and the real kernel answers
  ENOENT, as a kernel without MPTCP does. The helper starts, reads fail with
  Unsupported and the wording of kernel_errors.cpp, KernelSupport says
  available=false, and nothing crashes.
* KilledMidApply: SIGKILL between two kernel changes of ApplyConfiguration
  (MPTCP_HELPER_TEST_STEP_DELAY_MS makes the steps slow enough to aim at:
  removing, adding, before the limits). The kernel then really holds a mix;
  the journal the helper keeps in its runtime directory makes the next
  helper put the previous configuration back, byte for byte, before it
  serves anyone. Without a runtime directory the mix stays (measured). Plus
  random kills of a helper applying two configurations in turn, without the
  delay: after the restart the kernel holds one of them, never a mix.
* InterfaceDeleted: an endpoint's interface goes away. The kernel keeps the
  endpoint with the old ifindex (`ip` shows "dev ifN"); Endpoints() shows
  the same, it can be changed and removed, and an ApplyConfiguration that
  fails puts it back as it was.
* EventOverflow: the helper is held (SIGSTOP) through a storm of MPTCP
  connections; its netlink queue (4 MiB asked, 8 MiB granted) overflows;
  subscribers get the explicit "events lost" marker (command 0), then the
  events that follow, and can resynchronize.
* PolkitGoneAndBack: polkitd stopped: mutating calls are NotAuthorized with
  a message naming polkit, reads work; polkitd killed while checks are
  pending: the same; polkitd started again: authorization works, same
  helper process.
* BusRestart: dbus-daemon goes away: the helper (with a subscriber, so the
  idle timer is not what ends it) exits at once; a new bus activates a new
  helper that answers; the kernel configuration is untouched.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import rel_common as rc
from rel_common import bf
from bus_fixture import (BACKUP, DENIED, ERR_INVALID, ERR_KERNEL, ERR_NOT_AUTHORIZED,
                         ERR_UNSUPPORTED, GRANTED, SIGNAL, SUBFLOW, endpoint_args)
from netns import veth_pair, wait_until

STORM_SCRIPT = os.path.join(rc.HERE, "storm.py")
SHIM_SOURCE = os.path.join(rc.HERE, "hide_mptcp_family.c")


def get_kernel_support(client):
    result = client.get_property("KernelSupport")
    if not result.get("ok"):
        raise AssertionError(f"KernelSupport: {result}")
    available, enabled, path_manager, max_endpoints, max_limit = result["result"][0]
    return {"available": available, "enabled": enabled, "path_manager": path_manager,
            "max_endpoints": max_endpoints, "max_limit": max_limit}


# --------------------------------------------------------------------------


class MptcpDisabled(bf.HelperTestCase):

    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        ns.mptcp("endpoint", "add", "10.0.1.1", "id", "1", "signal", check=True)
        ns.run("sysctl", "-qw", "net.mptcp.enabled=0", check=True)
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.bus.client(GRANTED)

    def setUp(self):
        self.ns.run("sysctl", "-qw", "net.mptcp.enabled=0", check=True)

    def test_helper_answers_and_says_disabled(self):
        support = get_kernel_support(self.client)
        self.assertEqual((support["available"], support["enabled"]), (True, False), support)
        self.assertSameEndpoints(self.client)
        self.assertSameLimits(self.client)
        sysctls = self.assertOk(self.client.call("Sysctls"))[0]
        self.assertEqual(sysctls.get("enabled"), "0", sysctls)
        self.assertOk(self.client.call("Connections"))
        diagnose = self.client.call("Diagnose")
        if diagnose.get("error") != "org.freedesktop.DBus.Error.UnknownMethod":
            ids = [finding[0] for finding in self.assertOk(diagnose, "Diagnose()")[0]]
            self.assertIn("mptcp-disabled", ids)
        self.assertHelperAlive()

    def test_configuration_still_works_while_disabled(self):
        assigned = self.assertOk(self.client.call("AddEndpoint", "sqsuu", "10.0.2.1", 0, "", 7,
                                                  SUBFLOW))
        self.assertEqual(assigned, [7])
        self.assertOk(self.client.call("SetLimits", "uu", 4, 4))
        self.assertSameEndpoints(self.client)
        self.assertSameLimits(self.client)
        self.assertOk(self.client.call("RemoveEndpoint", "us", 7, ""))
        sub = self.bus.subscriber(GRANTED, seconds=10)
        self.assertTrue(sub.find("subscribe")["subscribe"]["ok"], sub.find("subscribe"))
        sub.quit()

    def test_set_sysctl_turns_it_back_on(self):
        self.assertOk(self.client.call("SetSysctl", "sv", "enabled", bf.typed("u", 1)))
        self.assertEqual(self.ns.run("sysctl", "-n", "net.mptcp.enabled").stdout.strip(), "1")
        self.assertTrue(get_kernel_support(self.client)["enabled"])


# --------------------------------------------------------------------------


def hide_family_shim(cls):
    """Path of hide_mptcp_family.so: ctest builds it ($MPTCP_HIDE_FAMILY_SHIM);
    run by hand, it is compiled here with cc (removed with the class)."""
    path = os.environ.get("MPTCP_HIDE_FAMILY_SHIM")
    if path:
        if not os.access(path, os.R_OK):
            raise AssertionError(f"MPTCP_HIDE_FAMILY_SHIM={path!r} is not readable")
        return path
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise unittest.SkipTest(f"{bf.SKIP_MARK} no C compiler for hide_mptcp_family.c")
    out = os.path.join(tempfile.mkdtemp(prefix="mptcp-shim-"), "hide_mptcp_family.so")
    cls.addClassCleanup(shutil.rmtree, os.path.dirname(out), ignore_errors=True)
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", out, SHIM_SOURCE, "-ldl"],
                   check=True, capture_output=True, timeout=60)
    return out


class FamilyMissing(bf.HelperTestCase):
    direct_helper_idle = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shim = hide_family_shim(cls)
        cls.helper_proc = rc.start_helper_env(cls.bus, {"LD_PRELOAD": cls.shim})
        cls.client = cls.bus.client(GRANTED)

    def test_the_shim_really_hides_the_family(self):
        """The same shim in front of `ip mptcp` makes the kernel say ENOENT."""
        proc = subprocess.run(["env", f"LD_PRELOAD={self.shim}", "ip", "-n", self.ns.name, "mptcp",
                               "endpoint", "show"], capture_output=True, text=True, timeout=20)
        self.assertNotEqual(proc.returncode, 0, bf.describe(proc))
        self.assertEqual(self.ns.mptcp("endpoint", "show").returncode, 0)

    def test_reads_say_unsupported_and_why(self):
        for method in ("Endpoints", "Limits"):
            result = self.client.call(method)
            self.assertError(result, ERR_UNSUPPORTED, method)
            self.assertIn("CONFIG_MPTCP", result["message"], result)
        self.assertFalse(get_kernel_support(self.client)["available"])
        # What does not need the family still works.
        self.assertOk(self.client.call("Sysctls"))
        self.assertOk(self.client.call("Connections"))
        diagnose = self.client.call("Diagnose")
        rc.report("family missing", diagnose=json.dumps(diagnose)[:300])
        self.assertHelperAlive()

    def test_changes_and_subscriptions_say_unsupported(self):
        before = self.bus.kernel_state()
        for method, signature, args in (
                ("AddEndpoint", "sqsuu", ["10.0.2.1", 0, "", 0, SIGNAL]),
                ("RemoveEndpoint", "us", [1, ""]),
                ("SetLimits", "uu", [1, 1]),
                ("ApplyConfiguration", "a(usqsu)uu", [[], 1, 1]),
                ("Subscribe", "", [])):
            result = self.client.call(method, signature, *args)
            self.assertError(result, ERR_UNSUPPORTED, method)
        self.assertEqual(self.bus.kernel_state(), before)
        self.assertHelperAlive()


# --------------------------------------------------------------------------

PREVIOUS_ENDPOINTS = [
    ("10.0.1.1", "port", "5601", "id", "3", "signal", "dev", "d0"),
    ("10.0.2.1", "id", "7", "subflow", "backup", "dev", "d1"),
    ("dead:1::1", "id", "20", "subflow", "fullmesh", "dev", "d0"),
    ("10.0.3.1", "id", "42", "signal"),
]
PREVIOUS_LIMITS = ("subflows", "3", "add_addr_accepted", "5")
NEW_ENDPOINTS = [(i, f"10.9.{i}.1", 0, "", SIGNAL) for i in range(1, 9)]
NEW_LIMITS = (8, 8)
STEP_DELAY_MS = 150


class KilledMidApply(bf.HelperTestCase):
    direct_helper_idle = None

    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")
        veth_pair(ns, ns, "d1", "d1p", addr_a="10.0.2.1/24")
        return ns

    def setUp(self):
        ns = self.ns
        ns.mptcp("endpoint", "flush", check=True)
        for args in PREVIOUS_ENDPOINTS:
            ns.mptcp("endpoint", "add", *args, check=True)
        ns.mptcp("limits", "set", *PREVIOUS_LIMITS, check=True)
        self.previous = ns.state()
        self.runtime_dir = tempfile.mkdtemp(prefix="mptcp-helper-run-")
        self.addCleanup(shutil.rmtree, self.runtime_dir, ignore_errors=True)
        self.journal = os.path.join(self.runtime_dir, "apply-journal")

    def start(self, journal=True, delay=True):
        env = {}
        if journal:
            env["RUNTIME_DIRECTORY"] = self.runtime_dir
        if delay:
            env[rc.STEP_DELAY_ENV] = str(STEP_DELAY_MS)
        self.helper_proc = rc.start_helper_env(self.bus, env)
        return self.helper_proc

    def apply_in_background(self, endpoints=NEW_ENDPOINTS, limits=NEW_LIMITS):
        burst = rc.Burst(self.bus, GRANTED, "ApplyConfiguration", "a(usqsu)uu",
                         [endpoint_args(*endpoints), *limits], calls=1, timeout=60)
        burst.go()
        return burst

    def kill_when(self, helper, predicate, what):
        """Polls the kernel until predicate(endpoints text, limits text); SIGKILL."""
        state = wait_until(lambda: (lambda s: predicate(*s) and s)(self.ns.state()),
                           timeout=30, interval=0.005, message=what)
        self.bus.stop_helper(helper, sig=signal.SIGKILL)
        return state

    def assertMixed(self, state):
        self.assertNotEqual(state, self.previous, "killed before any change")
        new = [f"10.9.{i}.1" for i in range(1, 9)]
        complete = all(a in state[0] for a in new) and "subflows 8" in state[1]
        self.assertFalse(complete, "killed after the last change")

    def restart_and_check_restored(self, what):
        helper = self.start(delay=False)
        self.assertEqual(self.ns.state(), self.previous,
                         f"{what}: the previous configuration was not put back\n{helper.stderr}")
        self.assertIn("interrupted ApplyConfiguration", helper.stderr)
        self.assertFalse(os.path.exists(self.journal), "the journal was not removed")
        client = self.bus.client(GRANTED)
        self.assertSameEndpoints(client)
        self.assertSameLimits(client)
        self.bus.stop_helper(helper)

    def interrupted(self, predicate, what):
        helper = self.start()
        burst = self.apply_in_background()
        state = self.kill_when(helper, predicate, what)
        after_kill = self.ns.state()
        self.assertMixed(after_kill)
        self.assertTrue(os.path.exists(self.journal), "no journal while applying")
        answer = burst.result(timeout=30)
        rc.report(f"SIGKILL {what}", endpoints_left=len(after_kill[0].splitlines()),
                  caller_got=list(answer["counts"]))
        self.assertNotIn("ok", answer["counts"], answer)
        self.restart_and_check_restored(what)
        return state

    def test_killed_while_removing(self):
        self.interrupted(lambda endpoints, _limits: 0 < len(endpoints.splitlines()) < 4
                         and "10.9." not in endpoints, "while removing the old endpoints")

    def test_killed_while_adding(self):
        self.interrupted(lambda endpoints, _limits: endpoints.count("10.9.") == 3,
                         "after adding 3 of the 8 new endpoints")

    def test_killed_before_the_limits(self):
        self.interrupted(lambda endpoints, limits: endpoints.count("10.9.") == 8
                         and "subflows 3" in limits, "after the endpoints, before the limits")

    def test_without_a_runtime_directory_the_mix_stays(self):
        """The measurement behind the journal: the kernel has no transaction."""
        helper = self.start(journal=False)
        burst = self.apply_in_background()
        self.kill_when(helper, lambda endpoints, _l: endpoints.count("10.9.") == 3,
                       "3 new endpoints")
        burst.result(timeout=30)
        helper = self.start(journal=False, delay=False)
        mixed = self.ns.state()
        rc.report("SIGKILL without journal", mixed_after_restart=mixed != self.previous,
                  endpoints=len(mixed[0].splitlines()))
        self.assertNotEqual(mixed, self.previous)
        self.bus.stop_helper(helper)

    def test_random_kills_leave_one_whole_configuration(self):
        """No delay hook: two callers apply A and B in turn, the helper is
        killed at a random moment, restarted; the kernel holds A, B or what
        was there before, never a mix."""
        a = [(i, f"10.8.{i}.1", 0, "", SIGNAL) for i in range(1, 9)]
        b = [(i + 10, f"10.7.{i}.1", 0, "", SUBFLOW) for i in range(1, 5)]
        wanted = {}
        for name, endpoints, limits in (("A", a, (2, 2)), ("B", b, (4, 1))):
            self.ns.mptcp("endpoint", "flush", check=True)
            for ep in endpoints:
                flag = "signal" if ep[4] == SIGNAL else "subflow"
                self.ns.mptcp("endpoint", "add", ep[1], "id", str(ep[0]), flag, check=True)
            self.ns.mptcp("limits", "set", "subflows", str(limits[0]), "add_addr_accepted",
                          str(limits[1]), check=True)
            wanted[name] = self.ns.state()
        self.setUp()  # back to PREVIOUS
        wanted["previous"] = self.previous
        rng = random.Random(7)
        outcomes = {}
        for trial in range(8):
            helper = self.start(delay=False)
            bursts = [rc.Burst(self.bus, GRANTED, "ApplyConfiguration", "a(usqsu)uu",
                               [endpoint_args(*eps), *lim], calls=30, timeout=60)
                      for eps, lim in ((a, (2, 2)), (b, (4, 1)))]
            for burst in bursts:
                burst.go()
            time.sleep(rng.uniform(0.3, 1.5))
            self.bus.stop_helper(helper, sig=signal.SIGKILL)
            killed = self.ns.state()
            for burst in bursts:
                burst.result(timeout=60)
                burst.proc.stop()
            helper = self.start(delay=False)
            after = self.ns.state()
            self.bus.stop_helper(helper)
            names = [n for n, s in wanted.items() if s == after]
            kill_names = [n for n, s in wanted.items() if s == killed]
            key = f"killed:{kill_names[0] if kill_names else 'mix'}->restart:" \
                  f"{names[0] if names else 'MIX'}"
            outcomes[key] = outcomes.get(key, 0) + 1
            self.assertTrue(names, f"trial {trial}: a mix after the restart:\n{after}")
        rc.report("random SIGKILL during ApplyConfiguration", **outcomes)


# --------------------------------------------------------------------------


class InterfaceDeleted(bf.HelperTestCase):

    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "d1", "d1p", addr_a="10.0.2.1/24")
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.bus.client(GRANTED)

    def setUp(self):
        self.ns.mptcp("endpoint", "flush", check=True)
        self.ns.ip("link", "del", "d0")  # left over from a previous test
        veth_pair(self.ns, self.ns, "d0", "d0p", addr_a="10.0.1.1/24")
        self.index = self.ns.ifindex("d0")
        c = self.client
        self.assertOk(c.call("AddEndpoint", "sqsuu", "10.0.1.1", 0, "d0", 3, SUBFLOW))
        self.assertOk(c.call("AddEndpoint", "sqsuu", "10.0.9.1", 0, "d0", 4, SIGNAL))
        self.assertOk(c.call("AddEndpoint", "sqsuu", "10.0.2.1", 0, "d1", 5, SIGNAL))
        self.ns.ip("link", "del", "d0", check=True)

    def test_endpoints_keep_the_old_index(self):
        shown = self.assertSameEndpoints(self.client)
        self.assertIn((3, "10.0.1.1", 0, f"if{self.index}", SUBFLOW), shown)
        self.assertIn((4, "10.0.9.1", 0, f"if{self.index}", SIGNAL), shown)
        rc.report("interface deleted", ip_shows=self.ns.endpoints().replace("\n", " | "))

    def test_orphans_can_be_changed_and_removed(self):
        self.assertOk(self.client.call("SetEndpointFlags", "uu", 3, BACKUP))
        self.assertOk(self.client.call("RemoveEndpoint", "us", 4, ""))
        self.assertSameEndpoints(self.client)

    def test_failed_apply_puts_orphans_back(self):
        before = self.ns.state()
        wanted = [(1, "10.0.7.1", 0, "", SIGNAL), (2, "10.0.8.1", 0, "", SIGNAL),
                  (1, "10.0.6.1", 0, "", SIGNAL)]  # the same id twice: the kernel refuses
        result = self.client.call("ApplyConfiguration", "a(usqsu)uu", endpoint_args(*wanted), 1, 1)
        self.assertError(result, (ERR_KERNEL, ERR_INVALID))
        self.assertEqual(self.ns.state(), before, "the orphaned endpoints were not put back")

    def test_an_interface_of_the_same_name_is_another_interface(self):
        veth_pair(self.ns, self.ns, "d0", "d0p", addr_a="10.0.1.1/24")
        self.assertNotEqual(self.ns.ifindex("d0"), self.index)
        self.assertSameEndpoints(self.client)
        self.assertError(self.client.call("AddEndpoint", "sqsuu", "10.0.1.1", 0, "nosuch0", 6,
                                          SUBFLOW), ERR_INVALID)
        self.ns.ip("link", "del", "d0", check=True)


# --------------------------------------------------------------------------


class EventOverflow(bf.HelperTestCase):
    STORM = 6000  # connections; about 6 events each, both ends in the namespace

    def storm(self, connections):
        proc = self.ns.run(sys.executable, STORM_SCRIPT, "--connections", str(connections),
                           timeout=120)
        if proc.returncode != 0:
            raise AssertionError(bf.describe(proc))
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def quiet(self, sub):
        """Waits until no Events signal has arrived for a second."""
        last = [-1, time.monotonic()]

        def settled():
            n = len(sub.signals("Events"))
            if n != last[0]:
                last[0], last[1] = n, time.monotonic()
            return time.monotonic() - last[1] > 1.0
        wait_until(settled, timeout=60, interval=0.1, message="the events to stop")

    def test_overflow_reaches_subscribers_as_events_lost(self):
        helper = self.helper_proc
        probe = rc.HelperProbe(helper.proc.pid)
        self.assertOk(self.bus.client(GRANTED).call("Endpoints"))  # opens the path manager
        before = probe.snapshot()
        sub = self.bus.subscriber(GRANTED, seconds=120)
        self.assertTrue(sub.find("subscribe")["subscribe"]["ok"])
        rss = []
        for _round in range(2):  # the second round shows whether memory keeps growing
            rc.freeze(helper.proc.pid)
            try:
                storm = self.storm(self.STORM)
            finally:
                rc.thaw(helper.proc.pid)
            self.quiet(sub)
            rss.append(probe.rss_kib())
        self.assertLessEqual(rss[1] - rss[0], 4096, f"RSS after each storm: {rss}")
        events = sub.events()
        commands = [command for command, _attrs in events]
        lost = [i for i, command in enumerate(commands) if command == 0]
        rc.report("event overflow", storms=2, connections=storm["connections"], rss_kib=rss,
                  per_second=storm["per_second"], events_received=len(events),
                  signals=len(sub.signals("Events")), lost_markers=len(lost))
        self.assertTrue(lost, f"no 'events lost' marker among {len(events)} events")
        self.assertEqual(events[lost[0]][1], {}, "the marker carries attributes")
        # Events go on after the marker, and a resync is possible.
        self.assertGreater(len(commands) - lost[-1], 1, "nothing after the marker")
        client = self.bus.client(GRANTED)
        self.assertSameEndpoints(client)
        # The relay keeps listening: a new connection after the storm shows.
        count = len(events)
        self.storm(1)
        wait_until(lambda: len(sub.events()) > count, timeout=10,
                   message="events after the overflow")
        sub.quit()
        self.assertHelperAlive()
        # The last subscriber left: the relay closes its netlink socket.
        wait_until(lambda: probe.fds() == before["fds"], timeout=10,
                   message=f"the helper's fds back to {before['fds']}")
        rc.settle(probe)
        after = probe.snapshot()
        rc.report("event overflow resources", fds_before=before["fds"], fds_after=after["fds"],
                  rss_before_kib=before["rss_kib"], rss_after_kib=after["rss_kib"])

    def test_unhindered_storm(self):
        """The same storm with the helper running: losses are reported, if any."""
        sub = self.bus.subscriber(GRANTED, seconds=120)
        storm = self.storm(self.STORM)
        self.quiet(sub)
        events = sub.events()
        rc.report("unhindered storm", connections=storm["connections"],
                  per_second=storm["per_second"], events_received=len(events),
                  lost_markers=sum(1 for c, _ in events if c == 0))
        sub.quit()
        self.assertHelperAlive()


# --------------------------------------------------------------------------


class PolkitGoneAndBack(bf.HelperTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.bus.client(GRANTED)
        cls.pid = cls.helper_proc.proc.pid

    def assertRefusedNamingPolkit(self, client, what):
        before = self.bus.kernel_state()
        for method, signature, args in (("AddEndpoint", "sqsuu", ["10.0.5.1", 0, "", 0, SIGNAL]),
                                        ("SetLimits", "uu", [6, 6]),
                                        ("Subscribe", "", [])):
            result = client.call(method, signature, *args)
            self.assertError(result, ERR_NOT_AUTHORIZED, f"{method} {what}")
            self.assertIn("polkit", result["message"], result)
        self.assertEqual(self.bus.kernel_state(), before)

    def assertReadsWork(self, client):
        for method in ("Endpoints", "Limits", "Sysctls", "Connections"):
            self.assertOk(client.call(method), method)
        get_kernel_support(client)

    def test_gone_restarting_and_back(self):
        self.assertOk(self.client.call("SetLimits", "uu", 1, 1), "with polkitd")
        # 1. polkitd stops.
        rc.stop_polkitd(self.bus)
        self.assertRefusedNamingPolkit(self.client, "with polkitd gone")
        self.assertRefusedNamingPolkit(self.bus.client(DENIED), "with polkitd gone (DENIED)")
        self.assertReadsWork(self.client)
        sample = self.client.call("SetLimits", "uu", 6, 6)["message"]
        rc.report("polkitd gone", message=json.dumps(sample))
        # 2. It comes back, then dies while checks are pending.
        rc.start_polkitd_again(self.bus)
        self.assertOk(self.client.call("SetLimits", "uu", 2, 2), "polkitd back")
        rc.freeze(self.bus.polkitd.pid)
        burst = rc.Burst(self.bus, GRANTED, "SetLimits", "uu", [7, 7], connections=2, calls=20)
        burst.go()
        time.sleep(0.5)
        self.bus.polkitd.kill()  # SIGKILL works on a stopped process
        self.bus.polkitd.wait(timeout=10)
        result = burst.result(timeout=60)
        rc.report("polkitd killed with 40 checks pending", **result["counts"])
        self.assertEqual(result["counts"], {ERR_NOT_AUTHORIZED: 40}, result)
        self.assertIn("polkit", result["samples"][ERR_NOT_AUTHORIZED])
        self.assertEqual(self.ns.limits_dict(), {"subflows": 2, "add_addr_accepted": 2})
        # 3. Back again: authorization works, same helper.
        rc.start_polkitd_again(self.bus)
        self.assertOk(self.client.call("SetLimits", "uu", 3, 3), "polkitd back again")
        self.assertError(self.bus.client(DENIED).call("SetLimits", "uu", 4, 4), ERR_NOT_AUTHORIZED)
        self.assertEqual(self.ns.limits_dict(), {"subflows": 3, "add_addr_accepted": 3})
        self.assertEqual(self.bus.owner_pid(), self.pid, "the helper was restarted")
        self.assertHelperAlive()


# --------------------------------------------------------------------------


class BusRestart(bf.HelperTestCase):
    activation_idle_timeout = 60  # long: the idle timer must not be what ends it
    direct_helper_idle = None

    def test_helper_leaves_with_the_bus_and_a_new_bus_starts_a_new_one(self):
        client = self.bus.client(GRANTED)
        self.assertOk(client.call("AddEndpoint", "sqsuu", "10.0.4.1", 0, "", 9, SIGNAL))
        state = self.ns.state()
        first = self.bus.owner_pid()
        sub = self.bus.subscriber(GRANTED, seconds=60)
        self.assertTrue(sub.find("subscribe")["subscribe"]["ok"])
        self.bus.daemon.kill()  # SIGKILL: the bus crashes
        self.bus.daemon.wait(timeout=10)
        started = time.monotonic()
        wait_until(lambda: not bf.pid_alive(first), timeout=10,
                   message="the helper to leave with its bus")
        rc.report("bus gone", helper_exited_after_s=round(time.monotonic() - started, 2))
        self.assertEqual(self.ns.state(), state)

        bus = bf.SystemBus(self.ns, self.helper, activation_idle_timeout=60)
        self.addCleanup(bus.stop)
        bus.start()
        second_client = bus.client(DENIED)
        self.assertOk(second_client.call("Endpoints"))
        second = bus.owner_pid()
        self.assertIsNotNone(second)
        self.assertNotEqual(second, first)
        self.assertIn((9, "10.0.4.1", 0, "", SIGNAL),
                      bf.helper_endpoints(second_client.call("Endpoints")))
        self.assertError(second_client.call("FlushEndpoints"), ERR_NOT_AUTHORIZED)
        self.assertEqual(self.ns.state(), state)


if __name__ == "__main__":
    unittest.main()
