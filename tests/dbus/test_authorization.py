"""Who may do what through org.mptcpmanager.Helper1, with a real polkitd.

The test rules grant every org.mptcpmanager.* action to GRANTED (daemon,
uid 1) and refuse them to DENIED (nobody, uid 65534); each runs its own
client process (setpriv), so the helper sees distinct callers and asks polkit
about each one's unique bus name.

* GRANTED can call every method, and what it does is what
  `ip -n NS mptcp endpoint show` / `limits show` and /proc/sys/net/mptcp show.
* DENIED gets org.mptcpmanager.Error.NotAuthorized (with a message) from
  every method that changes something, and the kernel state -- endpoint show,
  limits show and every /proc/sys/net/mptcp file -- is byte-identical before
  and after. The read-only methods and the KernelSupport property work for it.
* The bus policy (resources/dbus/org.mptcpmanager.Helper1.conf): only root
  may own the name; other interfaces than the four allowed ones are refused
  by the bus itself.
"""

import unittest

import bus_fixture as bf
from bus_fixture import (BACKUP, DENIED, ERR_NOT_AUTHORIZED, FULLMESH, GRANTED, INTERFACE,
                         SIGNAL, SUBFLOW, endpoint_args, ip_endpoints, typed)
from netns import veth_pair

DEFAULT_LIMITS = ["limits", "set", "subflows", "2", "add_addr_accepted", "1"]


class AuthorizationTestCase(bf.HelperTestCase):
    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")
        veth_pair(ns, ns, "d1", "d1p", addr_a="10.0.2.1/24")
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.granted = cls.bus.client(GRANTED)
        cls.denied = cls.bus.client(DENIED)

    def reset(self, endpoints=()):
        ns = self.ns
        ns.mptcp("endpoint", "flush", check=True)
        for args in endpoints:
            ns.mptcp("endpoint", "add", *args, check=True)
        ns.mptcp(*DEFAULT_LIMITS, check=True)
        ns.run("sh", "-c", "echo 120 > /proc/sys/net/mptcp/add_addr_timeout", check=True)


class Granted(AuthorizationTestCase):
    def setUp(self):
        self.reset()

    def test_add_endpoint_matches_ip(self):
        c = self.granted
        chosen = self.assertOk(c.call("AddEndpoint", "sqsuu", "10.0.1.1", 0, "d0", 0, SIGNAL))[0]
        self.assertIn(chosen, range(1, 256), "AddEndpoint with id 0 returns the kernel's id")
        self.assertOk(c.call("AddEndpoint", "sqsuu", "10.0.2.1", 7000, "", 0, SIGNAL))
        got = self.assertOk(c.call("AddEndpoint", "sqsuu", "dead:1::1", 0, "d0", 42,
                                   SUBFLOW | BACKUP))
        self.assertEqual(got, [42])
        eps = {e[1]: e for e in ip_endpoints(self.ns)}
        self.assertEqual(eps["10.0.1.1"], (chosen, "10.0.1.1", 0, "d0", SIGNAL))
        self.assertEqual(eps["10.0.2.1"][1:], ("10.0.2.1", 7000, "", SIGNAL))
        self.assertEqual(eps["dead:1::1"], (42, "dead:1::1", 0, "d0", SUBFLOW | BACKUP))
        self.assertSameEndpoints(c)

    def test_set_endpoint_flags_matches_ip(self):
        self.reset([("10.0.2.1", "dev", "d1", "id", "5", "subflow")])
        c = self.granted
        self.assertOk(c.call("SetEndpointFlags", "uu", 5, BACKUP))
        self.assertEqual(ip_endpoints(self.ns), [(5, "10.0.2.1", 0, "d1", SUBFLOW | BACKUP)])
        self.assertOk(c.call("SetEndpointFlags", "uu", 5, BACKUP | FULLMESH))
        self.assertEqual(ip_endpoints(self.ns),
                         [(5, "10.0.2.1", 0, "d1", SUBFLOW | BACKUP | FULLMESH)])
        self.assertOk(c.call("SetEndpointFlags", "uu", 5, 0))
        self.assertEqual(ip_endpoints(self.ns), [(5, "10.0.2.1", 0, "d1", SUBFLOW)])
        self.assertSameEndpoints(c)

    def test_remove_and_flush_match_ip(self):
        self.reset([("10.0.1.1", "id", "1", "signal"), ("10.0.2.1", "id", "2", "signal"),
                    ("dead:1::1", "id", "3", "subflow", "dev", "d0")])
        c = self.granted
        self.assertOk(c.call("RemoveEndpoint", "us", 2, ""))
        self.assertEqual([e[0] for e in ip_endpoints(self.ns)], [1, 3])
        # id 0 + address: stop using the address for initial subflows; no
        # connection uses it, so nothing visible changes, but it is allowed.
        self.assertOk(c.call("RemoveEndpoint", "us", 0, "10.0.1.1"))
        self.assertSameEndpoints(c)
        self.assertOk(c.call("FlushEndpoints"))
        self.assertEqual(self.ns.endpoints(), "")
        self.assertEqual(self.assertOk(c.call("Endpoints")), [[]])

    def test_limits_match_ip(self):
        c = self.granted
        self.assertSameLimits(c)
        self.assertOk(c.call("SetLimits", "uu", 3, 4))
        self.assertEqual(self.ns.limits_dict(), {"subflows": 3, "add_addr_accepted": 4})
        self.assertSameLimits(c)

    def test_apply_configuration_matches_ip(self):
        c = self.granted
        wanted = [(3, "10.0.1.1", 0, "d0", SIGNAL), (9, "dead:1::1", 0, "d0", SUBFLOW)]
        self.assertOk(c.call("ApplyConfiguration", "a(usqsu)uu", endpoint_args(*wanted), 4, 2))
        self.assertEqual(ip_endpoints(self.ns), sorted(wanted))
        self.assertEqual(self.ns.limits_dict(), {"subflows": 4, "add_addr_accepted": 2})

    def test_read_only_methods(self):
        c = self.granted
        self.assertEqual(self.assertOk(c.call("Connections")), [[]],
                         "no MPTCP connection exists in the namespace")
        self.assertSameEndpoints(c)
        self.assertSameLimits(c)

    def test_sysctls_match_proc(self):
        values = self.assertOk(self.granted.call("Sysctls"))[0]
        for line in self.bus.sysctl_dump().splitlines():
            path, _, value = line.partition(":")
            name = path.rsplit("/", 1)[1]
            with self.subTest(sysctl=name):
                self.assertIn(name, values)
                self.assertEqual(str(values[name]).strip(), value.strip())

    def test_set_sysctl(self):
        c = self.granted
        read = lambda: self.ns.run("cat", "/proc/sys/net/mptcp/add_addr_timeout",  # noqa: E731
                                   check=True).stdout.strip()
        self.assertOk(c.call("SetSysctl", "sv", "add_addr_timeout", typed("u", 60)))
        self.assertEqual(read(), "60")
        self.assertOk(c.call("SetSysctl", "sv", "add_addr_timeout", typed("i", 75)))
        self.assertEqual(read(), "75")
        scheduler = self.ns.run("cat", "/proc/sys/net/mptcp/scheduler", check=True).stdout.strip()
        self.assertOk(c.call("SetSysctl", "sv", "scheduler", typed("s", scheduler)))
        self.assertEqual(read(), "75")
        values = self.assertOk(c.call("Sysctls"))[0]
        self.assertEqual(str(values["add_addr_timeout"]).strip(), "75")

    def test_subscribe_and_unsubscribe(self):
        c = self.granted
        self.assertOk(c.call("Subscribe"))
        self.assertOk(c.call("Unsubscribe"))

    def test_kernel_support_property(self):
        c = self.granted
        support = self.assertOk(c.get_property("KernelSupport"))[0]
        enabled = self.ns.run("cat", "/proc/sys/net/mptcp/enabled", check=True).stdout.strip()
        self.assertEqual(len(support), 5, support)
        present, on, manager, most_endpoints, largest_limit = support
        self.assertIs(present, True)
        self.assertEqual(on, enabled == "1")
        self.assertTrue(manager, "path manager name is empty")
        self.assertEqual(most_endpoints, 8, "the kernel takes at most 8 endpoints")
        self.assertEqual(largest_limit, 8, "the kernel's limits go up to 8")
        everything = self.assertOk(c.call("GetAll", "s", INTERFACE,
                                          interface="org.freedesktop.DBus.Properties"))[0]
        self.assertEqual(everything.get("KernelSupport"), support)

    def test_introspection_and_ping(self):
        xml = self.assertOk(self.granted.call(
            "Introspect", interface="org.freedesktop.DBus.Introspectable"))[0]
        self.assertIn(f'<interface name="{INTERFACE}">', xml)
        self.assertOk(self.granted.call("Ping", interface="org.freedesktop.DBus.Peer"))


class Denied(AuthorizationTestCase):
    """Nothing the denied user asks for changes anything."""

    def setUp(self):
        self.reset([("10.0.1.1", "id", "1", "signal", "dev", "d0"),
                    ("dead:1::1", "id", "2", "subflow")])

    MUTATIONS = [
        ("AddEndpoint", "sqsuu", "10.0.2.1", 0, "d1", 0, SIGNAL),
        ("AddEndpoint", "sqsuu", "10.0.2.1", 7000, "", 9, SIGNAL),
        ("RemoveEndpoint", "us", 1, ""),
        ("RemoveEndpoint", "us", 0, "10.0.1.1"),
        ("SetEndpointFlags", "uu", 2, BACKUP),
        ("FlushEndpoints", ""),
        ("SetLimits", "uu", 4, 4),
        ("SetLimits", "uu", 0, 0),
        ("ApplyConfiguration", "a(usqsu)uu", [], 0, 0),
        ("ApplyConfiguration", "a(usqsu)uu", endpoint_args((5, "10.0.2.1", 0, "d1", SIGNAL)),
         3, 3),
        ("SetSysctl", "sv", "add_addr_timeout", typed("u", 60)),
        ("SetSysctl", "sv", "enabled", typed("u", 0)),
        ("SetSysctl", "sv", "checksum_enabled", typed("i", 1)),
        ("SetSysctl", "sv", "scheduler", typed("s", "default")),
        ("Subscribe", ""),
    ]

    def test_every_mutation_is_refused(self):
        for method, signature, *args in self.MUTATIONS:
            with self.subTest(method=method, args=args):
                before = self.bus.kernel_state()
                result = self.denied.call(method, signature, *args)
                self.assertError(result, ERR_NOT_AUTHORIZED, f"{method}{tuple(args)}")
                after = self.bus.kernel_state()
                self.assertEqual(after[0], before[0], f"{method} changed the endpoints")
                self.assertEqual(after[1], before[1], f"{method} changed the limits")
                self.assertEqual(after[2], before[2], f"{method} changed a sysctl")
        self.assertHelperAlive()

    def test_read_only_methods_need_no_authorization(self):
        d = self.denied
        self.assertSameEndpoints(d)
        self.assertSameLimits(d)
        self.assertEqual(self.assertOk(d.call("Connections")), [[]])
        self.assertIn("enabled", self.assertOk(d.call("Sysctls"))[0])
        self.assertIs(self.assertOk(d.get_property("KernelSupport"))[0][0], True)

    def test_unsubscribe_without_subscription_is_harmless(self):
        # Unsubscribe needs no authorization: it can only drop the caller's own.
        result = self.denied.call("Unsubscribe")
        self.assertTrue(result["ok"] or result["error"] == ERR_NOT_AUTHORIZED, result)
        self.assertHelperAlive()


class BusPolicy(AuthorizationTestCase):
    """What resources/dbus/org.mptcpmanager.Helper1.conf lets through."""

    def request_name(self, client):
        return client.call("RequestName", "su", bf.BUS_NAME, 4,  # DO_NOT_QUEUE
                           destination="org.freedesktop.DBus", path="/org/freedesktop/DBus",
                           interface="org.freedesktop.DBus")

    def test_only_root_may_own_the_name(self):
        for client in (self.granted, self.denied):
            with self.subTest(user=client.user):
                self.assertError(self.request_name(client),
                                 "org.freedesktop.DBus.Error.AccessDenied")
        self.assertHelperAlive()

    def test_other_interfaces_are_refused_by_the_bus(self):
        for client in (self.granted, self.denied):
            with self.subTest(user=client.user):
                result = client.call("Reboot", interface="org.mptcpmanager.NotOurs")
                self.assertError(result, "org.freedesktop.DBus.Error.AccessDenied")

    def test_allowed_interfaces_reach_the_helper(self):
        for interface, method, signature, args in (
                (INTERFACE, "Limits", "", []),
                ("org.freedesktop.DBus.Peer", "Ping", "", []),
                ("org.freedesktop.DBus.Introspectable", "Introspect", "", []),
                ("org.freedesktop.DBus.Properties", "Get", "ss", [INTERFACE, "KernelSupport"])):
            with self.subTest(interface=interface):
                self.assertOk(self.denied.call(method, signature, *args, interface=interface))


if __name__ == "__main__":
    unittest.main()
