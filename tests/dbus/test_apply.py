"""ApplyConfiguration: all or nothing, checked against `ip mptcp`.

Each test starts from PREVIOUS, set with `ip`: four endpoints with scattered
ids, every kind of flag, a port and interfaces, and limits 3/5.

A configuration that passes validation but that the kernel refuses part-way
must leave `ip mptcp endpoint show` and `limits show` byte-identical to
before (the helper has already replaced some endpoints by then and has to put
the old ones back: ids, flags, ports, interfaces, limits). Failures only the
kernel sees:

* a signal endpoint whose port is taken by a plain TCP listener in the
  namespace (the kernel opens a listening socket for it: EADDRINUSE, "create
  listen socket error"), third of four;
* the same address twice in the list (EEXIST), third of three;
* the same id twice in the list, third of three.

(The helper may catch the duplicates itself; then InvalidArgument is fine,
and nothing may have changed either.)

A valid configuration replaces everything, reads back the same through
Endpoints()/Limits() and ip, and is announced by EndpointsChanged and
LimitsChanged, which any user on the bus receives.
"""

import sys
import unittest

import bus_fixture as bf
from bus_fixture import (BACKUP, DENIED, ERR_INVALID, ERR_KERNEL, FULLMESH, GRANTED, SIGNAL,
                         SUBFLOW, endpoint_args, ip_endpoints)
from netns import veth_pair

PREVIOUS_ENDPOINTS = [
    ("10.0.1.1", "port", "5601", "id", "3", "signal", "dev", "d0"),
    ("10.0.2.1", "id", "7", "subflow", "backup", "dev", "d1"),
    ("dead:1::1", "id", "20", "subflow", "fullmesh", "dev", "d0"),
    ("10.0.3.1", "id", "42", "signal"),
]
PREVIOUS_LIMITS = ("subflows", "3", "add_addr_accepted", "5")
BUSY_PORT = 5700

LISTENER = f"""
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.0.2.1", {BUSY_PORT}))
s.listen()
print("LISTENING", flush=True)
sys.stdin.read()
"""


class Apply(bf.HelperTestCase):
    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")
        veth_pair(ns, ns, "d1", "d1p", addr_a="10.0.2.1/24")
        veth_pair(ns, ns, "d2", "d2p", addr_a="10.0.3.1/24")
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.bus.client(GRANTED)

    def setUp(self):
        ns = self.ns
        ns.mptcp("endpoint", "flush", check=True)
        for args in PREVIOUS_ENDPOINTS:
            ns.mptcp("endpoint", "add", *args, check=True)
        ns.mptcp("limits", "set", *PREVIOUS_LIMITS, check=True)
        self.before = (ns.endpoints(), ns.limits())
        self.assertEqual(len(self.before[0].splitlines()), 4, self.before[0])

    def apply(self, endpoints, subflows, accepted):
        return self.client.call("ApplyConfiguration", "a(usqsu)uu",
                                endpoint_args(*endpoints), subflows, accepted)

    def assertRestored(self, result, allowed, what):
        self.assertError(result, allowed, what)
        endpoints, limits = self.ns.endpoints(), self.ns.limits()
        self.assertEqual(endpoints, self.before[0],
                         f"{what}: endpoints not restored exactly\n{result}\n{self.diagnostics()}")
        self.assertEqual(limits, self.before[1], f"{what}: limits not restored\n{result}")
        self.assertSameEndpoints(self.client)
        self.assertSameLimits(self.client)
        self.assertHelperAlive()

    def test_port_in_use_fails_midway_and_restores(self):
        listener = self.ns.background(sys.executable, "-c", LISTENER, stdin=True)
        self.addCleanup(listener.stop)
        listener.wait_line("LISTENING")
        # The oracle: the kernel itself refuses this endpoint (and says why).
        ref = self.ns.mptcp("endpoint", "add", "10.0.2.1", "port", str(BUSY_PORT), "signal")
        self.assertNotEqual(ref.returncode, 0, bf.describe(ref))
        self.assertEqual(self.ns.endpoints(), self.before[0], "the oracle changed the state")
        kernel_text = ref.stderr.strip().removeprefix("Error: ").rstrip(".")
        self.assertTrue(kernel_text, f"ip printed no kernel message: {bf.describe(ref)}")

        wanted = [(1, "10.0.3.1", 0, "d2", SIGNAL),
                  (2, "dead:1::1", 0, "", SUBFLOW),
                  (3, "10.0.2.1", BUSY_PORT, "d1", SIGNAL),
                  (4, "10.0.1.1", 0, "d0", SUBFLOW | BACKUP)]
        result = self.apply(wanted, 1, 1)
        self.assertRestored(result, ERR_KERNEL, "port already in use")
        self.assertIn(kernel_text, result["message"], "a Kernel error keeps the kernel's own text")

    def test_duplicate_address_fails_midway_and_restores(self):
        wanted = [(1, "10.0.3.1", 0, "", SIGNAL),
                  (2, "10.0.2.1", 0, "d1", SUBFLOW),
                  (3, "10.0.3.1", 0, "", SIGNAL)]
        self.assertRestored(self.apply(wanted, 1, 0), (ERR_KERNEL, ERR_INVALID),
                            "duplicate address")

    def test_duplicate_id_fails_midway_and_restores(self):
        wanted = [(5, "10.0.1.1", 0, "", SIGNAL),
                  (6, "10.0.2.1", 0, "", SIGNAL),
                  (5, "10.0.3.1", 0, "", SIGNAL)]
        self.assertRestored(self.apply(wanted, 2, 2), (ERR_KERNEL, ERR_INVALID),
                            "duplicate id")

    def test_invalid_configuration_changes_nothing(self):
        wanted = [(1, "10.0.3.1", 0, "", SIGNAL), (2, "10.0.0.256", 0, "", SIGNAL)]
        self.assertRestored(self.apply(wanted, 1, 1), ERR_INVALID, "invalid address")

    def test_valid_configuration_replaces_everything(self):
        listener = self.bus.subscriber(DENIED, subscribe=False)
        wanted = [(1, "10.0.2.1", 0, "d1", SIGNAL),
                  (9, "dead:1::1", 0, "d0", SUBFLOW | BACKUP),
                  (17, "10.0.1.1", 0, "d0", SUBFLOW | FULLMESH),
                  (200, "10.0.3.1", 7000, "", SIGNAL)]
        self.assertOk(self.apply(wanted, 4, 2), "ApplyConfiguration")
        self.assertEqual(ip_endpoints(self.ns), sorted(wanted))
        self.assertEqual(self.ns.limits_dict(), {"subflows": 4, "add_addr_accepted": 2})
        self.assertSameEndpoints(self.client)
        self.assertSameLimits(self.client)
        listener.wait_for(lambda _: listener.signals("EndpointsChanged")
                          and listener.signals("LimitsChanged"),
                          message="EndpointsChanged and LimitsChanged")
        listener.quit()

    def test_empty_configuration_removes_every_endpoint(self):
        self.assertOk(self.apply([], 0, 0), "ApplyConfiguration([], 0, 0)")
        self.assertEqual(self.ns.endpoints(), "")
        self.assertEqual(self.ns.limits_dict(), {"subflows": 0, "add_addr_accepted": 0})

    def test_reapplying_the_current_configuration_keeps_it(self):
        current = ip_endpoints(self.ns)
        self.assertOk(self.apply(current, 3, 5), "ApplyConfiguration(current)")
        self.assertEqual((self.ns.endpoints(), self.ns.limits()), self.before)


if __name__ == "__main__":
    unittest.main()
