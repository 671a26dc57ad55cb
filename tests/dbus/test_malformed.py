"""Malformed calls, made by the GRANTED user, so that validation refuses them.

Every call in CASES must be refused with one of the errors its row names
(org.mptcpmanager.Error.InvalidArgument / .Unsupported for bad values,
org.freedesktop.DBus.Error.InvalidArgs / UnknownMethod for a wrong
signature) and a non-empty message; `ip mptcp endpoint show`, `limits show`
and every /proc/sys/net/mptcp file stay byte-identical; and the helper (the
same process) still answers Endpoints() afterwards. Each row is its own test.

Decisions this table encodes: loopback addresses are refused (no other
machine can reach them); the implicit flag cannot be requested; a port needs
`signal` and refuses `subflow`; SetEndpointFlags changes backup and fullmesh
only; id 0 in RemoveEndpoint needs an address and any other id refuses one;
limits go up to 8, as do the endpoints in one ApplyConfiguration.
"""

import unittest

import bus_fixture as bf
from bus_fixture import (BACKUP, ERR_INVALID, ERR_UNSUPPORTED, FULLMESH, GRANTED, IMPLICIT,
                         SIGNAL, SUBFLOW, typed)
from netns import veth_pair

BAD_VALUE = (ERR_INVALID, ERR_UNSUPPORTED)
BAD_SIGNATURE = ("org.freedesktop.DBus.Error.InvalidArgs",
                 "org.freedesktop.DBus.Error.UnknownMethod")
HUGE = "x" * 10240
VERY_HUGE = "1" * 65536


def add(address="10.0.2.1", port=0, ifname="", id_=0, flags=SIGNAL):
    return ("AddEndpoint", "sqsuu", [address, port, ifname, id_, flags], BAD_VALUE)


def ep(address="10.0.2.1", port=0, ifname="", id_=5, flags=SIGNAL):
    return [id_, address, port, ifname, flags]


def sysctl(name, value):
    return ("SetSysctl", "sv", [name, value], BAD_VALUE)


def raw(method, signature, *args):
    return (method, signature, list(args), BAD_SIGNATURE)


# (name, (method, signature, args, allowed errors))
CASES = [
    # addresses
    ("address_empty", add("")),
    ("address_three_octets", add("10.0.0")),
    ("address_octet_256", add("10.0.0.256")),
    ("address_bad_hex", add("::g")),
    ("address_unspecified_v4", add("0.0.0.0")),
    ("address_unspecified_v6", add("::")),
    ("address_multicast_v4", add("224.0.0.1")),
    ("address_multicast_v6", add("ff02::1")),
    ("address_broadcast", add("255.255.255.255")),
    ("address_loopback_v4", add("127.0.0.1")),
    ("address_loopback_v6", add("::1")),
    ("address_with_prefix", add("10.0.2.1/24")),
    ("address_with_spaces", add(" 10.0.2.1")),
    ("address_hostname", add("localhost")),
    ("address_10kB", add(HUGE)),
    ("address_64kB_digits", add(VERY_HUGE)),
    # ids
    ("id_256", add(id_=256)),
    ("id_1000", add(id_=1000)),
    ("id_max_u32", add(id_=2**32 - 1)),
    # ports
    ("port_without_signal", add(port=8080, flags=SUBFLOW)),
    ("port_without_flags", add(port=8080, flags=0)),
    ("port_with_subflow_and_signal", add(port=8080, flags=SIGNAL | SUBFLOW)),
    # flags
    ("flags_unknown_0x40", add(flags=SIGNAL | 0x40)),
    ("flags_unknown_top_bit", add(flags=SIGNAL | 0x80000000)),
    ("flags_implicit", add(flags=IMPLICIT)),
    ("flags_signal_fullmesh", add(flags=SIGNAL | FULLMESH)),
    # interface names
    ("ifname_missing", add(ifname="nosuchif0")),
    ("ifname_16_bytes", add(ifname="abcdefghijklmnop")),
    ("ifname_path", add(ifname="../etc")),
    ("ifname_space", add(ifname="eth0 x")),
    ("ifname_10kB", add(ifname=HUGE)),
    # RemoveEndpoint
    ("remove_id0_without_address", ("RemoveEndpoint", "us", [0, ""], BAD_VALUE)),
    ("remove_id_with_address", ("RemoveEndpoint", "us", [1, "10.0.1.1"], BAD_VALUE)),
    ("remove_id_256", ("RemoveEndpoint", "us", [256, ""], BAD_VALUE)),
    ("remove_id0_bad_address", ("RemoveEndpoint", "us", [0, "10.0.0.256"], BAD_VALUE)),
    ("remove_id0_10kB_address", ("RemoveEndpoint", "us", [0, HUGE], BAD_VALUE)),
    # SetEndpointFlags
    ("flags_change_signal", ("SetEndpointFlags", "uu", [2, SIGNAL], BAD_VALUE)),
    ("flags_change_subflow", ("SetEndpointFlags", "uu", [2, SUBFLOW | BACKUP], BAD_VALUE)),
    ("flags_change_implicit", ("SetEndpointFlags", "uu", [2, IMPLICIT], BAD_VALUE)),
    ("flags_change_unknown", ("SetEndpointFlags", "uu", [2, 0x40], BAD_VALUE)),
    ("flags_change_id0", ("SetEndpointFlags", "uu", [0, BACKUP], BAD_VALUE)),
    ("flags_change_id_256", ("SetEndpointFlags", "uu", [256, BACKUP], BAD_VALUE)),
    # limits
    ("limits_subflows_9", ("SetLimits", "uu", [9, 0], BAD_VALUE)),
    ("limits_accepted_9", ("SetLimits", "uu", [0, 9], BAD_VALUE)),
    ("limits_max_u32", ("SetLimits", "uu", [2**32 - 1, 2**32 - 1], BAD_VALUE)),
    # ApplyConfiguration: one bad part refuses the whole
    ("apply_bad_address", ("ApplyConfiguration", "a(usqsu)uu",
                           [[ep(id_=5), ep("10.0.0.256", id_=6)], 2, 0], BAD_VALUE)),
    ("apply_bad_id", ("ApplyConfiguration", "a(usqsu)uu", [[ep(id_=300)], 2, 0], BAD_VALUE)),
    ("apply_bad_flags", ("ApplyConfiguration", "a(usqsu)uu",
                         [[ep(flags=SIGNAL | 0x40)], 2, 0], BAD_VALUE)),
    ("apply_bad_ifname", ("ApplyConfiguration", "a(usqsu)uu",
                          [[ep(ifname="nosuchif0")], 2, 0], BAD_VALUE)),
    ("apply_port_without_signal", ("ApplyConfiguration", "a(usqsu)uu",
                                   [[ep(port=80, flags=SUBFLOW)], 2, 0], BAD_VALUE)),
    ("apply_limit_9", ("ApplyConfiguration", "a(usqsu)uu", [[ep()], 9, 0], BAD_VALUE)),
    ("apply_nine_endpoints", ("ApplyConfiguration", "a(usqsu)uu",
                              [[ep(f"10.0.2.{i}", id_=i) for i in range(1, 10)], 2, 0],
                              BAD_VALUE)),
    # sysctl names
    ("sysctl_unknown", sysctl("nosuch", typed("u", 1))),
    ("sysctl_traversal", sysctl("../../etc/passwd", typed("s", "x"))),
    ("sysctl_dotdot_inside", sysctl("enabled/../x", typed("u", 1))),
    ("sysctl_empty_name", sysctl("", typed("u", 1))),
    ("sysctl_read_only_file", sysctl("available_schedulers", typed("s", "default"))),
    ("sysctl_prefixed_name", sysctl("net.mptcp.enabled", typed("u", 1))),
    ("sysctl_10kB_name", sysctl(HUGE, typed("u", 1))),
    # sysctl values
    ("sysctl_bool_value", sysctl("enabled", typed("b", True))),
    ("sysctl_double_value", sysctl("enabled", typed("d", 1.0))),
    ("sysctl_array_value", sysctl("enabled", {"$t": "a", "sig": "u", "v": [1]})),
    ("sysctl_struct_value", sysctl("enabled", {"$t": "(", "v": [1, 1]})),
    ("sysctl_text_for_number", sysctl("add_addr_timeout", typed("s", "soon"))),
    ("sysctl_enabled_2", sysctl("enabled", typed("u", 2))),
    ("sysctl_negative_timeout", sysctl("add_addr_timeout", typed("i", -1))),
    ("sysctl_timeout_too_big", sysctl("add_addr_timeout", typed("u", 2**32 - 1))),
    ("sysctl_stale_loss_0", sysctl("stale_loss_cnt", typed("u", 0))),
    ("sysctl_u8_overflow", sysctl("syn_retrans_before_tcp_fallback", typed("u", 256))),
    ("sysctl_unknown_scheduler", sysctl("scheduler", typed("s", "nosuchsched"))),
    ("sysctl_unknown_path_manager", sysctl("path_manager", typed("s", "nosuchpm"))),
    ("sysctl_10kB_scheduler", sysctl("scheduler", typed("s", HUGE))),
    ("sysctl_number_as_text_with_junk", sysctl("enabled", typed("s", "1; reboot"))),
    # wrong signatures, sent as raw messages
    ("sig_add_one_arg", raw("AddEndpoint", "s", "10.0.2.1")),
    ("sig_add_extra_arg", raw("AddEndpoint", "sqsuuu", "10.0.2.1", 0, "", 0, SIGNAL, 0)),
    ("sig_add_wrong_types", raw("AddEndpoint", "usqsu", 0, "10.0.2.1", 0, "", SIGNAL)),
    ("sig_add_port_as_i", raw("AddEndpoint", "sisuu", "10.0.2.1", 0, "", 0, SIGNAL)),
    ("sig_add_no_args", raw("AddEndpoint", "")),
    ("sig_remove_missing_address", raw("RemoveEndpoint", "u", 1)),
    ("sig_flags_as_string", raw("SetEndpointFlags", "us", 2, "backup")),
    ("sig_limits_signed", raw("SetLimits", "ii", 2, 2)),
    ("sig_limits_three", raw("SetLimits", "uuu", 2, 2, 2)),
    ("sig_apply_no_limits", raw("ApplyConfiguration", "a(usqsu)", [ep()])),
    ("sig_apply_short_struct", raw("ApplyConfiguration", "a(usqs)uu", [ep()[:4]], 2, 0)),
    ("sig_sysctl_not_variant", raw("SetSysctl", "ss", "enabled", "1")),
    ("sig_endpoints_with_arg", raw("Endpoints", "s", "x")),
    ("sig_unknown_method", raw("Reboot", "")),
]


class Malformed(bf.HelperTestCase):
    """The table above, one test per row, all against one helper."""

    @classmethod
    def make_namespace(cls):
        ns = super().make_namespace()
        veth_pair(ns, ns, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")
        veth_pair(ns, ns, "d1", "d1p", addr_a="10.0.2.1/24")
        # Something a wrongly accepted call would change.
        ns.mptcp("endpoint", "add", "10.0.1.1", "id", "1", "signal", "dev", "d0", check=True)
        ns.mptcp("endpoint", "add", "dead:1::1", "id", "2", "subflow", check=True)
        ns.mptcp("limits", "set", "subflows", "2", "add_addr_accepted", "1", check=True)
        return ns

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.bus.client(GRANTED)
        cls.helper_pid = cls.helper_proc.proc.pid

    def check_refused(self, method, signature, args, allowed):
        before = self.bus.kernel_state()
        result = self.client.call(method, signature, *args)
        shown = f"{method}({signature}) {str(args)[:120]}"
        self.assertError(result, allowed, shown)
        after = self.bus.kernel_state()
        self.assertEqual(after[0], before[0], f"{shown} changed the endpoints")
        self.assertEqual(after[1], before[1], f"{shown} changed the limits")
        self.assertEqual(after[2], before[2], f"{shown} changed a sysctl")
        self.assertHelperAlive()
        answer = self.client.call("Endpoints")
        self.assertOk(answer, f"Endpoints() after {shown}")
        self.assertEqual(self.bus.owner_pid(), self.helper_pid, "the helper was replaced")

    def test_table_is_large_enough(self):
        self.assertGreaterEqual(len(CASES), 40)
        self.assertEqual(len({name for name, _ in CASES}), len(CASES), "duplicate case names")

    def test_zz_helper_answers_afterwards(self):
        """(Runs last.) Still the same process, still answering, state as set up."""
        self.assertHelperAlive()
        self.assertEqual(self.bus.owner_pid(), self.helper_pid)
        self.assertSameEndpoints(self.client)
        self.assertSameLimits(self.client)


def _make(case):
    method, signature, args, allowed = case

    def test(self):
        self.check_refused(method, signature, args, allowed)
    return test


for _name, _case in CASES:
    _test = _make(_case)
    _test.__doc__ = f"{_case[0]}({_case[1]}) is refused: {_name.replace('_', ' ')}"
    setattr(Malformed, f"test_{_name}", _test)


if __name__ == "__main__":
    unittest.main()
