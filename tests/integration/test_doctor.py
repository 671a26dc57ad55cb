"""`mptcpctl doctor` on known faults built in throw-away namespaces.

The doctor's JSON (-j) is an array of {"id", "severity", "summary", "why",
"fix", "action"?} objects, action = {"method", "arguments"}; plain output is
one block per finding, "[severity] id: summary" then indented "why:" and
"fix:" lines. Exit status: 1 when a finding is a warning or an error, 0
otherwise. The kernel tests (tests/unit/test_doctor.cpp) build every check's
fault; these check the tool end to end: -n, JSON, plain text, exit status,
and that the fix it prints works when typed.
"""

import json
import shlex
import unittest

import netns
from netns import NetnsTestCase, describe, veth_pair


def setUpModule():
    netns.require_environment()


class DoctorTestCase(NetnsTestCase):
    def setUp(self):
        self.ns = self.new_ns()
        veth_pair(self.ns, self.ns, "d0", "d0p", addr_a="10.0.1.2/24")

    def doctor(self, json_output=True):
        """(exit status, parsed JSON or plain text) of `mptcpctl --direct -n NS [-j] doctor`."""
        proc = self.ctl(self.ns, "doctor", json_output=json_output, check=False)
        self.assertIn(proc.returncode, (0, 1), f"doctor failed:\n{describe(proc)}")
        self.assertEqual(proc.stderr, "", describe(proc))
        if not json_output:
            return proc.returncode, proc.stdout
        try:
            findings = json.loads(proc.stdout)
        except ValueError:
            self.fail(f"doctor -j is not JSON:\n{describe(proc)}")
        self.assertIsInstance(findings, list)
        for finding in findings:
            for key in ("id", "severity", "summary", "why", "fix"):
                self.assertIsInstance(finding.get(key), str, f"{key} missing in {finding!r}")
            self.assertIn(finding["severity"], ("info", "warning", "error"))
        return proc.returncode, findings

    def assert_status_matches(self, status, findings):
        """Exit status 1 exactly when a finding is a warning or an error.

        Only other-manager may remain: running programs are seen machine-wide,
        and the kernel tests run fake mptcpd / NetworkManager processes in
        parallel (ctest -j).
        """
        wrong = [f for f in findings if f["severity"] != "info"]
        self.assertEqual(status, 1 if wrong else 0, findings)
        self.assertFalse([f for f in wrong if f["id"] != "other-manager"], findings)

    def by_id(self, findings, finding_id):
        found = [f for f in findings if f["id"] == finding_id]
        self.assertEqual(len(found), 1, f"{finding_id} not reported once in {findings!r}")
        return found[0]

    def sysctl(self, setting):
        self.ns.run("sysctl", "-qw", setting, check=True)


class KnownFaults(DoctorTestCase):
    def test_faults_are_named_with_their_actions(self):
        self.sysctl("net.mptcp.enabled=0")
        self.ns.mptcp("endpoint", "add", "10.9.9.9", "id", "4", "subflow", check=True)
        self.ns.mptcp("limits", "set", "subflows", "0", "add_addr_accepted", "1", check=True)
        status, findings = self.doctor()
        self.assertEqual(status, 1)
        disabled = self.by_id(findings, "mptcp-disabled")
        self.assertEqual(disabled["severity"], "error")
        self.assertEqual(disabled["action"],
                         {"method": "SetSysctl", "arguments": {"name": "enabled", "value": "1"}})
        missing = self.by_id(findings, "endpoint-address-missing")
        self.assertEqual(missing["action"], {"method": "RemoveEndpoint", "arguments": {"id": 4}})
        self.assertIn("10.9.9.9", missing["summary"])
        limit = self.by_id(findings, "subflows-limit-too-low")
        self.assertEqual(limit["severity"], "error")
        self.assertEqual(limit["action"],
                         {"method": "SetLimits",
                          "arguments": {"subflows": 1, "add_addr_accepted": 1}})

        status, text = self.doctor(json_output=False)
        self.assertEqual(status, 1)
        self.assertIn("[error] mptcp-disabled: MPTCP is turned off: net.mptcp.enabled is 0.\n"
                      "    why: ", text)
        self.assertIn("\n    fix: Turn it on: sysctl -w net.mptcp.enabled=1", text)
        self.assertIn("\n\n[error] endpoint-address-missing: ", text)

        # Fixed the way the findings say: the tool reports nothing wrong.
        self.sysctl("net.mptcp.enabled=1")
        self.ctl(self.ns, "endpoint", "delete", "id", "4")
        self.ctl(self.ns, "limits", "set", "subflows", "2")
        status, findings = self.doctor()
        self.assertEqual(status, 0, findings)  # no endpoint left: other-manager is info
        self.assertFalse([f for f in findings if f["severity"] != "info"], findings)
        status, text = self.doctor(json_output=False)
        self.assertEqual(status, 0)
        if not findings:
            self.assertEqual(text, "No problems found.\n")

    def test_printed_route_fix_works_when_typed(self):
        veth_pair(self.ns, self.ns, "d1", "d1p", addr_a="10.0.2.2/24")
        self.ns.ip("route", "add", "default", "via", "10.0.1.1", "dev", "d0", check=True)
        self.ns.ip("route", "add", "default", "via", "10.0.2.1", "dev", "d1", "metric", "200",
                   check=True)
        self.ns.mptcp("endpoint", "add", "10.0.2.2", "subflow", check=True)
        self.ns.mptcp("limits", "set", "add_addr_accepted", "1", check=True)
        status, findings = self.doctor()
        self.assertEqual(status, 1)
        leaves = self.by_id(findings, "endpoint-route-leaves-elsewhere")
        commands = [line for line in leaves["fix"].splitlines() if line.startswith("ip ")]
        self.assertEqual(len(commands), 2, leaves["fix"])
        self.assertRegex(commands[0], r"^ip rule add from 10\.0\.2\.2 table \d+$")
        self.assertRegex(commands[1],
                         r"^ip route add default via 10\.0\.2\.1 dev d1 table \d+$")
        for command in commands:
            self.ns.run(*shlex.split(command), check=True)
        status, findings = self.doctor()
        self.assertNotIn("endpoint-route-leaves-elsewhere", [f["id"] for f in findings])
        self.assert_status_matches(status, findings)

    def test_default_namespace_cannot_multipath(self):
        # A fresh namespace has the kernel's defaults: no endpoint and
        # add_addr_accepted 0, so no connection can ever get a second subflow.
        status, findings = self.doctor()
        self.assertEqual(status, 1)
        accepted = self.by_id(findings, "add-addr-accepted-zero")
        self.assertEqual(accepted["severity"], "warning")
        self.assertEqual(accepted["action"]["method"], "SetLimits")


if __name__ == "__main__":
    unittest.main()
