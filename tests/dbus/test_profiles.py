"""Profiles through the helper: polkit, persistence, and following addresses.

The helper runs in a namespace with two veth links, wl0 (10.5.1.1/24) and
ww0 (10.5.2.1/24), their peers up. Profiles live in a temp --config-dir, the
ledger in a temp --state-dir, and --other-managers-root points at an empty
directory so a NetworkManager or mptcpd on the test machine changes nothing.
Matching is by name (in a namespace veth links are "virtual", not Wi-Fi).

* GRANTED saves, lists, reads back, activates: endpoints appear with `dev`
  and the right flags, ProfileStatus says what was applied and what was
  skipped; an address added later becomes an endpoint within a second, a
  removed one loses it; the helper does not exit for idleness meanwhile.
* A helper restart (after a "reboot": endpoints flushed, /run emptied)
  applies the saved active profile with nobody calling.
* DENIED gets NotAuthorized from every changing method and changes nothing
  (neither the kernel nor the files); reading needs no authorization.
* Malformed calls (a path as a name, unknown flags, presets) are refused
  with InvalidArgument before polkit is asked.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import bus_fixture as bf
from bus_fixture import (BACKUP, DENIED, ERR_INVALID, ERR_NOT_AUTHORIZED, GRANTED, SIGNAL,
                         SUBFLOW, ip_endpoints)
from netns import veth_pair, wait_until

FAMILY_BOTH, FAMILY_V4, FAMILY_V6 = 0, 4, 6
PROFILE_SIG = "(s(bubu)a(suyb)a(usqsu)a{ss})"


def profile(name, rules, endpoints=(), limits=None, sysctls=None):
    """The typed Profile argument: rules are (match, flags[, family, temporary])."""
    subflows, accepted = limits if limits else (None, None)
    return [name,
            [subflows is not None, subflows or 0, accepted is not None, accepted or 0],
            [[r[0], r[1], r[2] if len(r) > 2 else FAMILY_BOTH, r[3] if len(r) > 3 else False]
             for r in rules],
            [[0, e[0], e[1], e[2], e[3]] for e in endpoints],
            dict(sysctls or {})]


LAPTOP = profile("Laptop", [("wl*", SUBFLOW), ("ww0", SUBFLOW | BACKUP, FAMILY_V4)],
                 limits=(2, 1))


class Profiles(bf.HelperTestCase):
    direct_helper_idle = None  # started here, with the profile directories

    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "wl0", "wl0p", addr_a="10.5.1.1/24")
        veth_pair(ns, ns, "ww0", "ww0p", addr_a="10.5.2.1/24")
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dirs = tempfile.mkdtemp(prefix="mptcp-profiles-")
        cls.addClassCleanup(shutil.rmtree, cls.dirs, True)
        cls.config = os.path.join(cls.dirs, "etc")
        cls.state = os.path.join(cls.dirs, "run")
        cls.others = os.path.join(cls.dirs, "others")
        os.makedirs(os.path.join(cls.others, "proc"))
        cls.helper_proc = cls.start(idle_timeout=1)
        cls.granted = cls.bus.client(GRANTED)
        cls.denied = cls.bus.client(DENIED)

    @classmethod
    def start(cls, idle_timeout=1):
        return cls.bus.start_helper(idle_timeout=idle_timeout, extra=(
            "--config-dir", cls.config, "--state-dir", cls.state,
            "--other-managers-root", cls.others))

    def setUp(self):
        self.assertHelperAlive()
        self.assertOk(self.granted.call("DeactivateProfile"), "DeactivateProfile()")
        self.ns.mptcp("endpoint", "flush", check=True)
        for name in ("Laptop", "Other"):
            self.granted.call("DeleteProfile", "s", name)

    # helpers ------------------------------------------------------------------
    def status(self, client=None):
        return self.assertOk((client or self.granted).call("ProfileStatus"))[0]

    def endpoints(self):
        """(address, dev, flags) of the namespace's endpoints, sorted."""
        return sorted((e[1], e[3], e[4]) for e in ip_endpoints(self.ns))

    def wait_endpoints(self, want, message):
        try:
            wait_until(lambda: self.endpoints() == sorted(want), timeout=10, message=message)
        except AssertionError:
            self.fail(f"{message}: endpoints are {self.endpoints()}, want {sorted(want)}\n"
                      f"status: {self.status()}\n{self.diagnostics()}")

    def activate(self, prof):
        self.assertOk(self.granted.call("SaveProfile", PROFILE_SIG, prof), "SaveProfile")
        self.assertOk(self.granted.call("ActivateProfile", "s", prof[0]), "ActivateProfile")

    # tests --------------------------------------------------------------------
    def test_save_list_read_back(self):
        self.assertOk(self.granted.call("SaveProfile", PROFILE_SIG, LAPTOP))
        listed = self.assertOk(self.granted.call("Profiles"))[0]
        names = [p[0] for p in listed]
        self.assertEqual(names[:3], ["Wi-Fi + LTE together", "Wi-Fi first, LTE as backup",
                                     "Server: announce every address"])
        self.assertIn(["Laptop", False, False], listed)
        self.assertTrue(all(p[1] for p in listed[:3]), "presets are marked built-in")
        back = self.assertOk(self.granted.call("Profile", "s", "Laptop"))[0]
        self.assertEqual(back, LAPTOP)
        self.assertTrue(os.path.exists(os.path.join(self.config, "profiles", "Laptop.json")))
        preset = self.assertOk(self.denied.call("Profile", "s", "Wi-Fi first, LTE as backup"))
        self.assertEqual(preset[0][0], "Wi-Fi first, LTE as backup")

    def test_activate_follow_addresses_deactivate(self):
        self.ns.mptcp("endpoint", "add", "203.0.113.9", "id", "40", "signal", check=True)
        self.activate(LAPTOP)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP),
                             ("203.0.113.9", "", SIGNAL)], "the profile's endpoints")
        self.assertEqual(self.ns.limits_dict(), {"subflows": 2, "add_addr_accepted": 1})
        with open(os.path.join(self.config, "active")) as f:
            self.assertEqual(f.read(), "Laptop\n")
        status = self.status(self.denied)  # reading needs no authorization
        self.assertEqual(status[0], "Laptop")
        self.assertTrue(status[1], status)
        self.assertEqual(sorted(e[1] for e in status[3]), ["10.5.1.1", "10.5.2.1"])
        self.assertGreater(status[9], 0)

        # Addresses come and go; the helper follows by itself.
        self.ns.ip("address", "add", "10.5.1.2/24", "dev", "wl0", check=True)
        self.ns.ip("address", "add", "2001:db8:5::1/64", "dev", "ww0", "nodad", check=True)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.1.2", "wl0", SUBFLOW),
                             ("10.5.2.1", "ww0", SUBFLOW | BACKUP), ("203.0.113.9", "", SIGNAL)],
                            "an added address becomes an endpoint (ww0 is IPv4 only)")
        self.ns.ip("address", "del", "10.5.1.2/24", "dev", "wl0", check=True)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP),
                             ("203.0.113.9", "", SIGNAL)], "a removed address loses it")
        self.ns.ip("address", "del", "2001:db8:5::1/64", "dev", "ww0", check=True)

        # Flushed through the helper: the profile's endpoints come back.
        self.assertOk(self.granted.call("FlushEndpoints"))
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP)],
                            "the profile made its endpoints again")
        self.ns.mptcp("endpoint", "add", "203.0.113.9", "id", "40", "signal", check=True)

        # The idle timeout is 1 s: with a profile active the helper stays.
        time.sleep(2.5)
        self.assertHelperAlive()

        self.assertOk(self.granted.call("DeactivateProfile"))
        self.wait_endpoints([("203.0.113.9", "", SIGNAL)], "only the foreign endpoint is left")
        self.assertFalse(os.path.exists(os.path.join(self.config, "active")))
        self.assertEqual(self.status()[0], "")

    def test_editing_the_active_profile_applies_it_in_place(self):
        self.activate(LAPTOP)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP)],
                            "the profile's endpoints")
        ids = {e[1]: e[0] for e in ip_endpoints(self.ns)}
        edited = profile("Laptop", [("wl*", SUBFLOW | BACKUP), ("ww0", SUBFLOW, FAMILY_V4)],
                         limits=(2, 1))
        self.assertOk(self.granted.call("SaveProfile", PROFILE_SIG, edited))
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW | BACKUP), ("10.5.2.1", "ww0", SUBFLOW)],
                            "saving the active profile applies it")
        self.assertEqual({e[1]: e[0] for e in ip_endpoints(self.ns)}, ids,
                         "changed with SET_FLAGS, not deleted and added again")
        self.assertEqual(self.assertOk(self.granted.call("Profile", "s", "Laptop"))[0], edited)

    def test_resume_from_suspend_looks_at_the_network_again(self):
        import dbus
        self.activate(LAPTOP)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP)],
                            "the profile's endpoints")
        # The bus's root connection plays logind: its name, its signal.
        conn = self.bus.conn
        self.assertEqual(conn.request_name("org.freedesktop.login1"),
                         dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER)
        self.addCleanup(conn.release_name, "org.freedesktop.login1")

        def prepare_for_sleep(sleeping):
            message = dbus.lowlevel.SignalMessage("/org/freedesktop/login1",
                                                  "org.freedesktop.login1.Manager",
                                                  "PrepareForSleep")
            message.append(dbus.Boolean(sleeping))
            conn.send_message(message)
            conn.flush()

        # lastPass counts seconds: let one go by so a new pass shows.
        time.sleep(1.2)
        before = self.status()[-1]
        prepare_for_sleep(True)
        time.sleep(1.5)
        self.assertEqual(self.status()[-1], before, "going to sleep is no reason to look")
        prepare_for_sleep(False)
        wait_until(lambda: self.status()[-1] > before, timeout=10,
                   message="no pass after the resume")
        self.assertEqual(self.status()[0], "Laptop")

    def test_what_was_skipped_is_said(self):
        self.ns.mptcp("endpoint", "add", "10.5.1.1", "id", "30", "subflow", check=True)
        self.activate(LAPTOP)
        self.wait_endpoints([("10.5.1.1", "", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP)],
                            "the foreign endpoint stays as it is")
        skipped = {(s[0], s[3]) for s in self.status()[5]}
        self.assertIn(("10.5.1.1", "foreign-endpoint"), skipped)
        preview = self.assertOk(self.granted.call(
            "PreviewProfile", PROFILE_SIG, profile("Other", [("ww0", SUBFLOW)])))[0]
        adds, changes, deletes, kept = preview[:4]
        self.assertEqual([e[1] for e in changes], ["10.5.2.1"], preview)
        self.assertEqual(changes[0][4], SUBFLOW)
        self.assertEqual(adds, [])
        self.assertEqual(deletes, [])

    def test_restart_reapplies_the_active_profile(self):
        self.activate(LAPTOP)
        want = [("10.5.1.1", "wl0", SUBFLOW), ("10.5.2.1", "ww0", SUBFLOW | BACKUP)]
        self.wait_endpoints(want, "the profile's endpoints")
        cls = type(self)
        self.bus.stop_helper(cls.helper_proc)
        # A reboot: the kernel forgets its endpoints and /run is empty.
        self.ns.mptcp("endpoint", "flush", check=True)
        self.ns.mptcp("limits", "set", "subflows", "0", "add_addr_accepted", "0", check=True)
        shutil.rmtree(self.state, ignore_errors=True)
        cls.helper_proc = cls.start(idle_timeout=1)
        self.wait_endpoints(want, "the restarted helper applied the saved profile by itself")
        self.assertEqual(self.ns.limits_dict(), {"subflows": 2, "add_addr_accepted": 1})
        self.assertEqual(self.status()[0], "Laptop")

    def test_denied_changes_nothing(self):
        self.assertOk(self.granted.call("SaveProfile", PROFILE_SIG, LAPTOP))
        before = (self.ns.endpoints(), self.ns.limits(), sorted(os.listdir(self.config)))
        other = profile("Other", [("wl0", SUBFLOW)])
        for method, signature, args in (("ActivateProfile", "s", ["Laptop"]),
                                        ("SaveProfile", PROFILE_SIG, [other]),
                                        ("DeleteProfile", "s", ["Laptop"]),
                                        ("DeactivateProfile", "", [])):
            with self.subTest(method=method):
                self.assertError(self.denied.call(method, signature, *args), ERR_NOT_AUTHORIZED,
                                 method)
        self.assertEqual((self.ns.endpoints(), self.ns.limits(), sorted(os.listdir(self.config))),
                         before)
        self.assertFalse(os.path.exists(os.path.join(self.config, "profiles", "Other.json")))
        self.assertTrue(os.path.exists(os.path.join(self.config, "profiles", "Laptop.json")))
        # With a profile active, DENIED cannot switch it off either.
        self.assertOk(self.granted.call("ActivateProfile", "s", "Laptop"))
        self.assertError(self.denied.call("DeactivateProfile"), ERR_NOT_AUTHORIZED)
        self.assertEqual(self.status()[0], "Laptop")
        self.assertHelperAlive()

    def mptcpctl(self, user, *args):
        return self.bus.mptcpctl(user, *args)

    def test_mptcpctl_profile_commands(self):
        path = os.path.join(self.bus.tmp, "other.json")
        with open(path, "w") as f:
            f.write('{"name": "Other", "limits": {"subflows": 3},\n'
                    ' "interfaces": [{"match": "wl0", "flags": ["subflow", "backup"]}]}\n')
        os.chmod(path, 0o644)
        broken = os.path.join(self.bus.tmp, "broken.json")
        with open(broken, "w") as f:
            f.write('{"name": "Broken",\n "interfaces": [\n  {"match": "wl0", "flags": '
                    '["bakup"]}]}\n')
        os.chmod(broken, 0o644)

        done = self.mptcpctl(GRANTED, "profile", "import", path)
        self.assertEqual(done.returncode, 0, done.stderr)
        listed = self.mptcpctl(DENIED, "profile", "list")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertIn("Wi-Fi first, LTE as backup (preset)\n", listed.stdout)
        self.assertIn("Other\n", listed.stdout)

        refused = self.mptcpctl(DENIED, "profile", "activate", "Other")
        self.assertEqual(refused.returncode, 2, refused)
        self.assertEqual(self.endpoints(), [])
        done = self.mptcpctl(GRANTED, "profile", "activate", "Other")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.wait_endpoints([("10.5.1.1", "wl0", SUBFLOW | BACKUP)], "mptcpctl activated it")

        status = self.mptcpctl(DENIED, "profile", "status")
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertTrue(status.stdout.startswith('active "Other"\n'), status.stdout)
        self.assertRegex(status.stdout, r"endpoint 10\.5\.1\.1 id \d+ subflow backup dev wl0\n")
        self.assertIn("Other (active)\n", self.mptcpctl(None, "profile", "list").stdout)

        shown = self.mptcpctl(None, "profile", "show", "Other")
        self.assertEqual(shown.stdout, 'profile "Other"\nlimits subflows 3\n'
                                       'interface wl0 subflow backup\n')
        exported = self.mptcpctl(None, "profile", "export", "Other")
        self.assertEqual(exported.returncode, 0, exported.stderr)
        self.assertEqual(json.loads(exported.stdout), {
            "version": 1, "name": "Other", "limits": {"subflows": 3},
            "interfaces": [{"match": "wl0", "flags": ["subflow", "backup"]}], "endpoints": []})

        # A broken file is explained by mptcpctl itself, line and column.
        bad = self.mptcpctl(DENIED, "profile", "import", broken)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("interfaces[0].flags[0]: unknown flag \"bakup\"", bad.stderr)
        usage = self.mptcpctl(None, "profile", "activate")
        self.assertEqual(usage.returncode, 255)

        done = self.mptcpctl(GRANTED, "profile", "deactivate")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.wait_endpoints([], "mptcpctl deactivated it")
        self.assertEqual(self.mptcpctl(None, "profile", "status").stdout, "no profile is active\n")
        done = self.mptcpctl(GRANTED, "profile", "delete", "Other")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.config, "profiles", "Other.json")))

    def test_malformed_calls_are_refused_before_polkit(self):
        bad = [
            ("SaveProfile", PROFILE_SIG, [profile("../escape", [("wl0", SUBFLOW)])],
             "may not start"),
            ("SaveProfile", PROFILE_SIG, [profile("etc/escape", [("wl0", SUBFLOW)])], "'/'"),
            ("SaveProfile", PROFILE_SIG, [profile("x", [("wl0", 1 << 4)])], "only signal"),
            ("SaveProfile", PROFILE_SIG, [profile("x", [("", SUBFLOW)])], "match: empty"),
            ("SaveProfile", PROFILE_SIG, [profile("x", [("wl0", SUBFLOW, 5)])], "family"),
            ("SaveProfile", PROFILE_SIG, [profile("x", [], endpoints=[("300.1.1.1", 0, "", 2)])],
             "not an IPv4 or IPv6 address"),
            ("SaveProfile", PROFILE_SIG, [profile("x", [], sysctls={"../x": "1"})],
             "net.mptcp"),
            ("SaveProfile", PROFILE_SIG,
             [profile("Wi-Fi + LTE together", [("wl0", SUBFLOW)])], "built-in"),
            ("ActivateProfile", "s", ["Nonexistent"], "no profile named"),
            ("ActivateProfile", "s", ["a/b"], "'/'"),
            ("DeleteProfile", "s", ["Wi-Fi + LTE together"], "built-in"),
            ("DeleteProfile", "s", ["Nonexistent"], "no profile named"),
            ("Profile", "s", [".."], "'.'"),
        ]
        for method, signature, args, words in bad:
            with self.subTest(method=method, args=args):
                # As DENIED: InvalidArgument (not NotAuthorized) shows that
                # validation came before polkit.
                result = self.denied.call(method, signature, *args)
                self.assertError(result, ERR_INVALID, method)
                self.assertIn(words, result["message"])
        self.assertFalse(os.path.exists(os.path.join(self.dirs, "escape.json")))
        self.assertFalse(os.path.exists(os.path.join(self.config, "profiles", "etc")))
        self.assertHelperAlive()


class BootUnit(unittest.TestCase):
    """resources/systemd/mptcp-manager-profiles.service.in, without a helper."""

    UNIT_IN = os.path.join(bf.SOURCE_DIR, "resources", "systemd",
                           "mptcp-manager-profiles.service.in")

    def test_runs_only_while_a_profile_is_active(self):
        with open(self.UNIT_IN) as f:
            text = f.read()
        # The file the store writes on activation and deletes on deactivation.
        self.assertIn("ConditionPathExists=/etc/mptcp-manager/active\n", text)
        self.assertIn("WantedBy=multi-user.target", text)
        self.assertIn(f" {bf.BUS_NAME} {bf.OBJECT_PATH} {bf.INTERFACE} ProfileStatus\n", text)

    def test_systemd_analyze(self):
        if shutil.which("systemd-analyze") is None:
            self.skipTest("needs systemd-analyze")
        tmp = tempfile.mkdtemp(prefix="mptcp-unit-")
        self.addCleanup(shutil.rmtree, tmp, True)
        unit = os.path.join(tmp, "mptcp-manager-profiles.service")
        shutil.copy(self.UNIT_IN, unit)
        proc = subprocess.run(["systemd-analyze", "verify", unit], cwd=tmp, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual((proc.returncode, proc.stderr.strip()), (0, ""), proc.stderr)
        proc = subprocess.run(["systemd-analyze", "security", "--offline=yes", unit], cwd=tmp,
                              capture_output=True, text=True, timeout=60)
        if proc.returncode != 0 and "offline" in proc.stderr:
            self.skipTest(f"this systemd-analyze has no --offline: {proc.stderr.strip()}")
        match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", proc.stdout)
        self.assertIsNotNone(match, proc.stdout + proc.stderr)
        self.assertLessEqual(float(match.group(1)), 2.0, proc.stdout)


if __name__ == "__main__":
    unittest.main()
