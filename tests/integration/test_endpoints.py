"""Endpoints and limits: mptcpctl against `ip mptcp` as the oracle.

Each test gets its own namespace(s); nothing here touches the namespace the
suite runs in.
"""

import json
import unittest

import contract
import netns
from netns import NetnsTestCase, describe, veth_pair

DEFAULT_LIMITS = "add_addr_accepted 0 subflows 2 \n"


def setUpModule():
    netns.require_environment()


class EndpointTestCase(NetnsTestCase):
    """One namespace with veth d0 <-> d0p (both inside it).

    d0 carries 10.0.1.1/24 and dead:1::1/64 so that `signal` endpoints with a
    `port` (which need a local address for the kernel's listener) can be added.
    """

    def setUp(self):
        self.ns = self.new_ns()
        veth_pair(self.ns, self.ns, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")

    def twin(self):
        """A second, identically set up namespace for running ip as reference."""
        ref = self.new_ns()
        veth_pair(ref, ref, "d0", "d0p", addr_a="10.0.1.1/24", addr6_a="dead:1::1/64")
        return ref

    def run_both(self, commands):
        """Run each command with mptcpctl in self.ns and with ip in a twin.

        Every command must succeed with both; afterwards the kernel state read
        by ip must be the same in the two namespaces. Returns the twin.
        """
        ref = self.twin()
        for cmd in commands:
            r = ref.mptcp(*cmd)
            self.assertEqual(r.returncode, 0, f"oracle refused a valid command:\n{describe(r)}")
            self.ctl(self.ns, *cmd)
        self.assertEqual(self.ns.endpoints(), ref.endpoints(),
                         f"endpoints after mptcpctl {commands} differ from ip's")
        self.assertEqual(self.ns.limits(), ref.limits())
        return ref


class Defaults(EndpointTestCase):
    def test_default_limits(self):
        self.assertEqual(self.ns.limits(), DEFAULT_LIMITS)  # oracle sanity
        self.assertEqual(self.ctl(self.ns, "limits", "show").stdout, DEFAULT_LIMITS)

    def test_default_limits_json(self):
        got = json.loads(self.ctl(self.ns, "limits", "show", json_output=True).stdout)
        self.assertEqual(contract.json_limits(got), {"add_addr_accepted": 0, "subflows": 2})

    def test_no_endpoints(self):
        self.assertEqual(self.ns.endpoints(), "")
        self.assertEqual(self.ctl(self.ns, "endpoint", "show").stdout, "")
        self.assertEqual(json.loads(self.ctl(self.ns, "endpoint", "show", json_output=True).stdout),
                         [])

    def test_same_view_when_empty(self):
        self.assert_same_view(self.ns)


class MptcpctlWritesIpReads(EndpointTestCase):
    """What mptcpctl adds, ip reads back (plain and -j) exactly."""

    def check(self, commands, expected_text):
        self.run_both(commands)
        self.assertEqual(self.ns.endpoints(), expected_text)
        ref_j = self.ns.endpoints_json()
        got_j = json.loads(self.ctl(self.ns, "endpoint", "show", json_output=True).stdout)
        self.assertEqual(got_j, ref_j, "mptcpctl -j differs from ip -j")
        self.assert_same_view(self.ns)
        # show id N for every id
        for entry in ref_j:
            ident = str(entry["id"])
            ref = self.ns.mptcp("endpoint", "show", "id", ident, check=True).stdout
            got = self.ctl(self.ns, "endpoint", "show", "id", ident).stdout
            self.assertEqual(got, ref, f"endpoint show id {ident}")
            ref1 = json.loads(self.ns.mptcp("endpoint", "show", "id", ident,
                                            json_output=True, check=True).stdout)
            got1 = json.loads(self.ctl(self.ns, "endpoint", "show", "id", ident,
                                       json_output=True).stdout)
            self.assertEqual(got1, ref1, f"-j endpoint show id {ident}")

    def test_ipv4(self):
        self.check(
            [
                ["endpoint", "add", "10.0.0.1", "dev", "d0", "subflow"],
                ["endpoint", "add", "10.0.1.1", "port", "1000", "signal"],
                ["endpoint", "add", "10.0.0.3", "id", "7", "signal", "subflow", "backup"],
                ["endpoint", "add", "10.0.0.4", "id", "9", "subflow", "fullmesh"],
                ["endpoint", "add", "10.0.0.5", "id", "12"],
            ],
            "10.0.0.1 id 1 subflow dev d0 \n"
            "10.0.1.1 port 1000 id 2 signal \n"
            "10.0.0.3 id 7 signal subflow backup \n"
            "10.0.0.4 id 9 subflow fullmesh \n"
            "10.0.0.5 id 12 \n",
        )

    def test_ipv6(self):
        self.check(
            [
                ["endpoint", "add", "dead::1", "dev", "d0", "subflow", "backup", "fullmesh"],
                ["endpoint", "add", "dead:1::1", "port", "1001", "signal", "backup"],
                ["endpoint", "add", "2001:db8::ab", "id", "40", "signal"],
                ["endpoint", "add", "fe80::1", "dev", "d0p", "subflow"],
            ],
            "dead::1 id 1 subflow backup fullmesh dev d0 \n"
            "dead:1::1 port 1001 id 2 signal backup \n"
            "2001:db8::ab id 40 signal \n"
            "fe80::1 id 41 subflow dev d0p \n",  # automatic ids continue after the highest
        )

    def test_mixed_families_and_limits(self):
        self.check(
            [
                ["endpoint", "add", "10.0.1.1", "dev", "d0", "signal"],
                ["endpoint", "add", "dead:1::1", "dev", "d0", "subflow"],
                ["limits", "set", "subflows", "4", "add_addr_accepted", "3"],
            ],
            "10.0.1.1 id 1 signal dev d0 \n"
            "dead:1::1 id 2 subflow dev d0 \n",
        )
        self.assertEqual(self.ns.limits(), "add_addr_accepted 3 subflows 4 \n")


class IpWritesMptcpctlReads(EndpointTestCase):
    """What ip adds, mptcpctl prints byte-identically."""

    def add_with_ip(self, commands):
        for cmd in commands:
            self.ns.mptcp(*cmd, check=True)

    def test_ipv4(self):
        self.add_with_ip([
            ["endpoint", "add", "10.0.0.1", "dev", "d0", "subflow"],
            ["endpoint", "add", "10.0.1.1", "port", "1000", "signal"],
            ["endpoint", "add", "10.0.0.2", "subflow", "backup"],
            ["endpoint", "add", "10.0.0.3", "id", "200", "signal", "subflow", "backup"],
            ["endpoint", "add", "10.0.0.4", "subflow", "fullmesh", "dev", "d0p"],
            ["endpoint", "add", "10.0.0.5"],
        ])
        self.assert_same_view(self.ns)

    def test_ipv6(self):
        self.add_with_ip([
            ["endpoint", "add", "dead::1", "dev", "d0", "subflow", "backup", "fullmesh"],
            ["endpoint", "add", "dead:1::1", "port", "65535", "signal"],
            ["endpoint", "add", "2001:db8::1:0:0:1", "id", "255", "subflow"],
            ["endpoint", "add", "::ffff:10.0.0.9", "signal"],
        ])
        self.assertIn("dead::1 id 1 subflow backup fullmesh dev d0 \n", self.ns.endpoints())
        self.assert_same_view(self.ns)

    def test_show_id(self):
        self.add_with_ip([
            ["endpoint", "add", "10.0.0.1", "id", "3", "subflow", "dev", "d0"],
            ["endpoint", "add", "dead::1", "id", "250", "signal"],
        ])
        for ident in ("3", "250"):
            with self.subTest(id=ident):
                ref = self.ns.mptcp("endpoint", "show", "id", ident, check=True).stdout
                self.assertEqual(self.ctl(self.ns, "endpoint", "show", "id", ident).stdout, ref)
                ref_j = json.loads(self.ns.mptcp("endpoint", "show", "id", ident,
                                                 json_output=True, check=True).stdout)
                got_j = json.loads(self.ctl(self.ns, "endpoint", "show", "id", ident,
                                            json_output=True).stdout)
                self.assertEqual(got_j, ref_j)
        self.assert_refused(self.ns, "endpoint", "show", "id", "4")

    def test_limits(self):
        self.ns.mptcp("limits", "set", "subflows", "7", "add_addr_accepted", "5", check=True)
        self.assertEqual(self.ctl(self.ns, "limits", "show").stdout,
                         "add_addr_accepted 5 subflows 7 \n")
        got = json.loads(self.ctl(self.ns, "limits", "show", json_output=True).stdout)
        self.assertEqual(contract.json_limits(got), self.ns.limits_dict())


class Limits(EndpointTestCase):
    def test_set_both(self):
        self.ctl(self.ns, "limits", "set", "subflows", "5", "add_addr_accepted", "3")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 3 subflows 5 \n")
        self.assert_same_view(self.ns)

    def test_set_one_keeps_the_other(self):
        self.ctl(self.ns, "limits", "set", "add_addr_accepted", "4")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 4 subflows 2 \n")
        self.ctl(self.ns, "limits", "set", "subflows", "0")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 4 subflows 0 \n")
        self.assert_same_view(self.ns)

    def test_set_nothing_is_a_no_op(self):
        self.ns.mptcp("limits", "set", "subflows", "3", check=True)
        before = self.ns.state()
        self.run_both([["limits", "set", "subflows", "3"], ["limits", "set"]])
        self.assertEqual(self.ns.state(), before)

    def test_maximum_8_accepted(self):
        self.ctl(self.ns, "limits", "set", "subflows", "8", "add_addr_accepted", "8")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 8 subflows 8 \n")

    def test_9_refused(self):
        self.ns.mptcp("limits", "set", "subflows", "3", "add_addr_accepted", "1", check=True)
        for args in (["subflows", "9"], ["add_addr_accepted", "9"],
                     ["subflows", "9", "add_addr_accepted", "1"],
                     ["subflows", "1", "add_addr_accepted", "9"]):
            with self.subTest(args=args):
                self.assert_refused(self.ns, "limits", "set", *args, mentions="8")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 1 subflows 3 \n")


class KernelRules(EndpointTestCase):
    def add8(self):
        for i in range(1, 9):
            self.ctl(self.ns, "endpoint", "add", f"10.0.0.{i}")
        self.assertEqual(len(self.ns.endpoints_json()), 8)

    def test_ninth_endpoint_refused(self):
        self.add8()
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.9")
        self.assert_refused(self.ns, "endpoint", "add", "dead::9", "id", "100", "subflow")

    def test_ninth_endpoint_message_mentions_8(self):
        # ip itself only says "too many addresses or duplicate one: -34"; the
        # contract asks mptcpctl to name the kernel maximum.
        self.add8()
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.9", mentions="8")

    def test_duplicate_address_refused(self):
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "subflow")
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.1", "subflow")
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.1", "signal", "id", "5")
        self.ctl(self.ns, "endpoint", "add", "dead::1")
        self.assert_refused(self.ns, "endpoint", "add", "DEAD:0::1")

    def test_same_address_other_port(self):
        self.run_both([
            ["endpoint", "add", "dead:1::1", "port", "7000", "signal"],
            ["endpoint", "add", "dead:1::1", "port", "7001", "signal"],
        ])
        self.assertEqual(self.ns.endpoints(),
                         "dead:1::1 port 7000 id 1 signal \n"
                         "dead:1::1 port 7001 id 2 signal \n")
        self.assert_refused(self.ns, "endpoint", "add", "dead:1::1", "port", "7001", "signal")

    def test_signal_port_needs_local_address(self):
        # The kernel opens a listener for the port: -EADDRNOTAVAIL otherwise.
        self.assert_refused(self.ns, "endpoint", "add", "10.0.9.9", "port", "1000", "signal")

    def test_explicit_ids(self):
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "id", "1")
        self.ctl(self.ns, "endpoint", "add", "10.0.0.2", "id", "128", "subflow")
        self.ctl(self.ns, "endpoint", "add", "dead::3", "id", "255", "signal")
        self.assertEqual(self.ns.endpoints(),
                         "10.0.0.1 id 1 \n"
                         "10.0.0.2 id 128 subflow \n"
                         "dead::3 id 255 signal \n")
        # an id in use is refused (-EBUSY)
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.4", "id", "128")

    def test_id_wraps_to_lowest_free(self):
        self.run_both([
            ["endpoint", "add", "10.0.0.1", "id", "255"],
            ["endpoint", "add", "10.0.0.2"],
            ["endpoint", "add", "10.0.0.3"],
        ])
        self.assertEqual(self.ns.endpoints(),
                         "10.0.0.2 id 1 \n"
                         "10.0.0.3 id 2 \n"
                         "10.0.0.1 id 255 \n")

    def test_id_wraps_after_254(self):
        self.run_both([
            ["endpoint", "add", "10.0.0.1", "id", "254"],
            ["endpoint", "add", "10.0.0.2"],
            ["endpoint", "add", "10.0.0.3"],
            ["endpoint", "delete", "id", "1"],
            ["endpoint", "add", "10.0.0.4"],
        ])
        self.assertEqual(self.ns.endpoints(),
                         "10.0.0.4 id 1 \n"
                         "10.0.0.1 id 254 \n"
                         "10.0.0.2 id 255 \n")

    def test_id_zero_means_automatic(self):
        # Unlike id 256, "id 0" is no error: ip passes it to the kernel, which
        # treats 0 as "pick one" (the next after the highest id so far).
        self.run_both([
            ["endpoint", "add", "10.0.0.1", "id", "5"],
            ["endpoint", "add", "10.0.0.2", "id", "0"],
        ])
        self.assertEqual(self.ns.endpoints(), "10.0.0.1 id 5 \n10.0.0.2 id 6 \n")

    def test_backup_fullmesh_toggles(self):
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "subflow", "dev", "d0")
        self.ctl(self.ns, "endpoint", "add", "10.0.1.1", "port", "1000", "signal")
        steps = [
            (["id", "1", "backup"], "10.0.0.1 id 1 subflow backup dev d0 \n"),
            (["id", "1", "fullmesh"], "10.0.0.1 id 1 subflow fullmesh dev d0 \n"),
            (["id", "1", "backup", "fullmesh"], "10.0.0.1 id 1 subflow backup fullmesh dev d0 \n"),
            (["id", "1", "nobackup", "fullmesh"], "10.0.0.1 id 1 subflow fullmesh dev d0 \n"),
            (["id", "1", "nofullmesh"], "10.0.0.1 id 1 subflow dev d0 \n"),
            (["10.0.0.1", "backup"], "10.0.0.1 id 1 subflow backup dev d0 \n"),
            (["10.0.0.1", "nobackup"], "10.0.0.1 id 1 subflow dev d0 \n"),
        ]
        signal_line = "10.0.1.1 port 1000 id 2 signal \n"
        for args, line in steps:
            with self.subTest(change=args):
                self.ctl(self.ns, "endpoint", "change", *args)
                self.assertEqual(self.ns.endpoints(), line + signal_line)
                self.assert_same_view(self.ns)
        # a signal endpoint with a port is changed by address + port
        self.ctl(self.ns, "endpoint", "change", "10.0.1.1", "port", "1000", "backup")
        self.assertEqual(self.ns.endpoints(),
                         "10.0.0.1 id 1 subflow dev d0 \n10.0.1.1 port 1000 id 2 signal backup \n")

    def test_change_refusals(self):
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "subflow")
        cases = [
            ["id", "1", "signal"],          # only backup/fullmesh may change
            ["id", "1", "subflow"],
            ["id", "9", "backup"],          # no such id
            ["10.0.0.99", "backup"],        # no such address
            ["backup"],                     # neither id nor address
            ["id", "1", "port", "1000", "backup"],  # port can't be used with id
        ]
        for args in cases:
            with self.subTest(change=args):
                self.assert_refused(self.ns, "endpoint", "change", *args)

    def test_port_only_with_signal(self):
        self.assert_refused(self.ns, "endpoint", "add", "10.0.1.1", "port", "1000")
        self.assert_refused(self.ns, "endpoint", "add", "10.0.1.1", "port", "1000", "subflow")
        self.ctl(self.ns, "endpoint", "add", "10.0.1.1", "port", "1000", "signal")
        self.assertEqual(self.ns.endpoints(), "10.0.1.1 port 1000 id 1 signal \n")

    def test_signal_fullmesh_refused(self):
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.1", "signal", "fullmesh")
        self.assert_refused(self.ns, "endpoint", "add", "10.0.0.1", "fullmesh", "subflow",
                            "signal")
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "subflow", "fullmesh")
        self.assertEqual(self.ns.endpoints(), "10.0.0.1 id 1 subflow fullmesh \n")

    def test_delete(self):
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "id", "3")
        self.ctl(self.ns, "endpoint", "add", "dead::1", "id", "4")
        self.assert_refused(self.ns, "endpoint", "delete", "id", "5")
        self.assert_refused(self.ns, "endpoint", "delete", "id", "3", "10.0.0.1")
        self.ctl(self.ns, "endpoint", "delete", "id", "3")
        self.assertEqual(self.ns.endpoints(), "dead::1 id 4 \n")
        self.assert_refused(self.ns, "endpoint", "delete", "id", "3")

    def test_flush(self):
        self.ctl(self.ns, "endpoint", "flush")  # flushing nothing is fine
        self.ctl(self.ns, "endpoint", "add", "10.0.0.1", "subflow")
        self.ctl(self.ns, "endpoint", "add", "dead::1", "signal")
        self.ns.mptcp("limits", "set", "subflows", "4", check=True)
        self.ctl(self.ns, "endpoint", "flush")
        self.assertEqual(self.ns.endpoints(), "")
        self.assertEqual(self.ns.limits(), "add_addr_accepted 0 subflows 4 \n")  # untouched
        # ids restart after a flush
        self.ctl(self.ns, "endpoint", "add", "10.0.0.2")
        self.assertEqual(self.ns.endpoints(), "10.0.0.2 id 1 \n")


class ErrorPaths(EndpointTestCase):
    """Bad input: non-zero exit, a message on stderr, nothing changed."""

    def setUp(self):
        super().setUp()
        # Non-default state, so that "unchanged" means something.
        self.ns.mptcp("endpoint", "add", "10.0.0.1", "id", "3", "subflow", "dev", "d0",
                      check=True)
        self.ns.mptcp("endpoint", "add", "dead::1", "signal", check=True)
        self.ns.mptcp("limits", "set", "subflows", "3", "add_addr_accepted", "1", check=True)

    CASES = {
        "bad IPv4 address": ["endpoint", "add", "10.0.0.999"],
        "bad IPv6 address": ["endpoint", "add", "dead::1::2", "subflow"],
        "address with prefix": ["endpoint", "add", "10.0.0.2/24"],
        "no address": ["endpoint", "add"],
        "id 256 on add": ["endpoint", "add", "10.0.0.2", "id", "256"],
        "id -1 on add": ["endpoint", "add", "10.0.0.2", "id", "-1"],
        "id not a number": ["endpoint", "add", "10.0.0.2", "id", "abc"],
        "id without value": ["endpoint", "add", "10.0.0.2", "id"],
        "unknown flag": ["endpoint", "add", "10.0.0.2", "subflow", "bogusflag"],
        "unknown keyword": ["endpoint", "add", "10.0.0.2", "weight", "3"],
        "missing device": ["endpoint", "add", "10.0.0.2", "dev", "nosuchdev0", "subflow"],
        "dev without value": ["endpoint", "add", "10.0.0.2", "dev"],
        "port 65536": ["endpoint", "add", "10.0.1.1", "port", "65536", "signal"],
        "port without value": ["endpoint", "add", "10.0.1.1", "signal", "port"],
        "delete without id": ["endpoint", "delete"],
        "delete by address only": ["endpoint", "delete", "10.0.0.1"],
        "delete id 0 without address": ["endpoint", "delete", "id", "0"],
        "delete id 256": ["endpoint", "delete", "id", "256"],
        "show id 256": ["endpoint", "show", "id", "256"],
        "show missing id": ["endpoint", "show", "id", "7"],
        "unknown endpoint command": ["endpoint", "frobnicate"],
        "unknown object": ["frobnicate"],
        "unknown limit": ["limits", "set", "foo", "1"],
        "limit not a number": ["limits", "set", "subflows", "abc"],
        "negative limit": ["limits", "set", "subflows", "-1"],
        "limit without value": ["limits", "set", "subflows"],
        "unknown limits command": ["limits", "frobnicate"],
        "limits show extra": ["limits", "show", "extra"],
    }

    def test_refused(self):
        for name, args in self.CASES.items():
            with self.subTest(name, args=args):
                self.assert_refused(self.ns, *args)


class GrammarParity(EndpointTestCase):
    """Corners of ip's parser, checked against ip itself (in a twin namespace).

    For each command: both succeed or both fail, the resulting state is the
    same, and a successful command prints the same stdout.
    """

    def compare(self, commands):
        ref = self.twin()
        for cmd in commands:
            with self.subTest(cmd=cmd):
                r = ref.mptcp(*cmd)
                g = self.ctl(self.ns, *cmd, check=False)
                self.assertEqual(g.returncode == 0, r.returncode == 0,
                                 f"success differs\nip:       {describe(r)}\n"
                                 f"mptcpctl: {describe(g)}")
                if r.returncode == 0:
                    self.assertEqual(g.stdout, r.stdout, f"stdout differs for {cmd}")
                else:
                    self.assertTrue(g.stderr.strip(), f"silent failure: {describe(g)}")
                self.assertEqual(self.ns.endpoints(), ref.endpoints(), f"endpoints after {cmd}")
                self.assertEqual(self.ns.limits(), ref.limits(), f"limits after {cmd}")

    def test_edge_cases(self):
        self.compare([
            ["endpoint", "add", "10.0.0.1", "nobackup"],            # no-op flag on add
            ["endpoint", "add", "10.0.0.2", "subflow", "backup", "nobackup"],
            ["endpoint", "add", "10.0.0.3", "10.0.0.4"],            # last address wins
            ["endpoint", "add", "10.0.0.5", "id", "0x10"],          # ip reads hex ids
            ["endpoint", "add", "10.0.1.1", "port", "0", "signal"],  # port 0 == no port
            ["endpoint", "add", "2001:DB8:0::00AB", "subflow"],     # printed canonical
            ["endpoint", "add", "10.0.0.6", "id", "20", "id", "21"],  # last id wins
            ["endpoint", "delete", "id", "0", "10.0.0.1"],          # id 0: by address, ok
            ["endpoint", "change", "id", "1", "backup", "nobackup"],
            ["endpoint", "show"],
            ["endpoint", "show", "id", "16"],
            ["limits", "set", "subflows", "9", "subflows", "1"],    # last value wins
            ["limits", "set", "add_addr_accepted", "0x3"],
            ["limits", "show"],
            ["endpoint", "flush"],
            ["endpoint", "show"],
        ])

    def test_object_without_command_shows(self):
        self.compare([["endpoint", "add", "10.0.0.1", "subflow"], ["endpoint"], ["limits"]])

    def test_abbreviations(self):
        # ip accepts unique prefixes of objects, commands and keywords.
        self.compare([
            ["endp", "add", "10.0.0.1", "i", "4", "subflow"],
            ["e", "a", "10.0.0.2", "d", "d0", "signal"],
            ["endpoint", "sh"],
            ["e", "s", "id", "4"],
            ["lim", "set", "subflow", "5"],
            ["l", "s"],
            ["endpoint", "del", "id", "4"],
            ["e", "f"],
            ["e", "s"],
        ])


if __name__ == "__main__":
    unittest.main()
