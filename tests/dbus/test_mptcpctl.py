"""mptcpctl through the helper, as ordinary users: the path everyone but
root takes. What it writes, `ip mptcp` reads back; what it prints equals
`mptcpctl --direct` (which the integration tests hold to `ip mptcp`); a
user polkit refuses gets exit status 2, a sentence, and no change."""

import subprocess
import unittest

import bus_fixture as bf
from bus_fixture import DENIED, GRANTED
from netns import veth_pair


class MptcpctlThroughTheHelper(bf.HelperTestCase):
    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "wl0", "wl0p", addr_a="10.6.1.1/24")
        return ns

    def setUp(self):
        self.ns.mptcp("endpoint", "flush", check=True)
        self.ns.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "0", check=True)

    def direct(self, *args):
        tool = self.bus.mptcpctl(None, "--help")  # makes sure the copy exists
        self.assertEqual(tool.returncode, 0, tool.stderr)
        proc = subprocess.run([f"{self.bus.tmp}/mptcpctl", "--direct", "-n", self.ns.name, *args],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout

    def test_changes_reach_the_kernel(self):
        done = self.bus.mptcpctl(GRANTED, "endpoint", "add", "10.6.1.1", "dev", "wl0", "id", "7",
                                 "subflow", "backup")
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        self.assertEqual(self.ns.mptcp("endpoint", "show", check=True).stdout,
                         "10.6.1.1 id 7 subflow backup dev wl0 \n")
        done = self.bus.mptcpctl(GRANTED, "endpoint", "change", "id", "7", "nobackup")
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        done = self.bus.mptcpctl(GRANTED, "limits", "set", "subflows", "3",
                                 "add_addr_accepted", "1")
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        self.assertEqual(self.ns.limits_dict(), {"subflows": 3, "add_addr_accepted": 1})

        # Reads need no authorization, and print what --direct prints.
        for args in (("endpoint", "show"), ("limits", "show"), ("-j", "endpoint", "show")):
            shown = self.bus.mptcpctl(DENIED, *args)
            self.assertEqual(shown.returncode, 0, shown.stderr)
            self.assertEqual(shown.stdout, self.direct(*args), args)

        done = self.bus.mptcpctl(GRANTED, "endpoint", "delete", "id", "7")
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        self.assertEqual(self.ns.mptcp("endpoint", "show", check=True).stdout, "")

    def test_refused_user_changes_nothing(self):
        before = (self.ns.endpoints(), self.ns.limits())
        for args in (("endpoint", "add", "10.6.1.1", "dev", "wl0", "subflow"),
                     ("limits", "set", "subflows", "5"), ("endpoint", "flush")):
            refused = self.bus.mptcpctl(DENIED, *args)
            self.assertEqual(refused.returncode, 2, args)
            self.assertEqual(refused.stdout, "")
            self.assertIn("not authorized for org.mptcpmanager.", refused.stderr, args)
        self.assertEqual((self.ns.endpoints(), self.ns.limits()), before)

    def test_bad_input_is_named_and_changes_nothing(self):
        before = self.ns.endpoints()
        bad = self.bus.mptcpctl(GRANTED, "endpoint", "add", "10.6.1.300", "subflow")
        self.assertEqual(bad.returncode, 255)
        self.assertIn("10.6.1.300", bad.stderr)
        refused = self.bus.mptcpctl(GRANTED, "endpoint", "delete", "id", "99")
        self.assertEqual(refused.returncode, 2)
        self.assertNotEqual(refused.stderr, "")
        self.assertEqual(self.ns.endpoints(), before)


if __name__ == "__main__":
    unittest.main()
