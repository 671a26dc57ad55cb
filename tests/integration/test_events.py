"""`mptcpctl monitor` against `ip mptcp monitor` on a real two-subflow connection.

Scenario (run once for the class):
  * TwoHosts: client and server namespaces, two veth links, a `subflow`
    endpoint (id 1) for the client's second address on cv2;
  * in the client namespace start, side by side,
        ip -n CLIENT mptcp monitor
        mptcpctl --direct -n CLIENT monitor
        mptcpctl --direct -j -n CLIENT monitor
    and wait until all three are subscribed: a probe process opens and closes
    MPTCP listeners (LISTENER_CREATED/CLOSED events, "[UNKNOWN 15]"/"[UNKNOWN 16]"
    for ip 6.1) until every monitor has printed something;
  * open one connection, send data, wait for the second subflow, close it,
    wait for CLOSED, stop the monitors with SIGINT / SIGTERM.

Only the events after the probe phase (those with a token) are compared in
full; the probe lines are checked separately.
"""

import json
import re
import signal
import sys
import unittest

import contract
import netns
from netns import TwoHosts, mptcpctl_argv

EVENT_RE = re.compile(r"^\[\s*([A-Z_]+(?: \d+)?)\](.*)$")


def parse_line(line):
    """'[       CREATED] token=c5583d09 remid=0 ...' -> ('CREATED', {'token': 'c5583d09', ...})"""
    match = EVENT_RE.match(line)
    if not match:
        raise AssertionError(f"not an ip mptcp monitor line: {line!r}")
    fields = {}
    for word in match.group(2).split():
        key, _, value = word.partition("=")
        fields[key] = value
    return match.group(1), fields


def connection_phase(lines):
    """Lines from the first event that carries a token on (drops probe events)."""
    for i, line in enumerate(lines):
        if " token=" in line:
            return lines[i:], lines[:i]
    return [], list(lines)


def json_connection_phase(objects):
    for i, obj in enumerate(objects):
        if contract.json_event_token(obj) is not None:
            return objects[i:], objects[:i]
    return [], list(objects)


def setUpModule():
    netns.require_environment()


class MonitorEvents(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        netns.require_environment()
        netns.mptcpctl_path()
        cls.net = net = TwoHosts(cls.addClassCleanup)
        client = net.client

        probe = client.background(sys.executable, netns.PEER_SCRIPT, "probe", stdin=True)
        probe.wait_line("READY")

        cls.ip_mon = client.track(netns.Background(["ip", "-n", client.name, "mptcp", "monitor"]))
        cls.ctl_mon = client.track(netns.Background(mptcpctl_argv(client, "monitor")))
        cls.json_mon = client.track(netns.Background(
            mptcpctl_argv(client, "monitor", json_output=True)))
        monitors = (cls.ip_mon, cls.ctl_mon, cls.json_mon)

        # Readiness barrier: probe until every monitor has printed a line.
        def all_listening():
            for mon in monitors:
                if not mon.alive() and not mon.snapshot():
                    raise AssertionError(f"monitor {mon.argv} exited early: "
                                         f"rc={mon.proc.returncode} stderr={mon.stderr!r}")
            if all(mon.snapshot() for mon in monitors):
                return True
            seen = len(probe.snapshot())
            probe.send("listen\n")
            probe.wait_for(lambda lines: len(lines) > seen, message="probe DONE")
            return False
        try:
            netns.wait_until(all_listening, timeout=15, interval=0.05,
                             message="all three monitors to report a probe event")
        except AssertionError as exc:
            status = "\n".join(
                f"  {' '.join(m.argv)}: alive={m.alive()} lines={m.snapshot()!r} "
                f"stderr={m.stderr!r}" for m in monitors)
            raise AssertionError(f"{exc} (a monitor that prints nothing may not flush "
                                 f"stdout after each event)\n{status}") from None
        probe.stop()

        server = net.start_server()
        client_proc, cls.local = net.connect(nbytes=200000)
        cls.ip_mon.wait_for(lambda lines: any("SF_ESTABLISHED" in l for l in lines),
                            message="SF_ESTABLISHED from ip mptcp monitor")
        netns.close_client(client_proc)
        for mon, marker in ((cls.ip_mon, "CLOSED]"), (cls.ctl_mon, "CLOSED]")):
            try:
                mon.wait_for(lambda lines: any(marker in l for l in lines), timeout=10,
                             message="CLOSED event")
            except AssertionError:
                if mon is cls.ip_mon:
                    raise
        try:
            cls.json_mon.wait_for(
                lambda lines: any('"CLOSED"' in l for l in lines), timeout=5)
        except AssertionError:
            pass  # judged by the tests below
        server.stop()

        cls.ip_lines, cls.ip_err = cls.ip_mon.stop(signal.SIGTERM)
        cls.ctl_lines, cls.ctl_err = cls.ctl_mon.stop(signal.SIGINT)
        cls.json_lines, cls.json_err = cls.json_mon.stop(signal.SIGTERM)
        cls.ip_events, cls.ip_probe = connection_phase(cls.ip_lines)
        cls.ctl_events, cls.ctl_probe = connection_phase(cls.ctl_lines)

    # -- the oracle's events are what the scenario should produce -------------

    def test_oracle_events(self):
        """ip's own view: CREATED, ESTABLISHED, SF_ESTABLISHED, CLOSED, consistent."""
        parsed = [parse_line(l) for l in self.ip_events]
        names = [name for name, _ in parsed]
        for needed in ("CREATED", "ESTABLISHED", "SF_ESTABLISHED", "CLOSED"):
            self.assertIn(needed, names, f"ip saw: {self.ip_events}")
        self.assertEqual(names[0], "CREATED", self.ip_events)
        self.assertEqual(names[-1], "CLOSED", self.ip_events)
        tokens = {fields["token"] for _, fields in parsed}
        self.assertEqual(len(tokens), 1, f"one connection, one token: {self.ip_events}")
        self.assertRegex(tokens.pop(), r"^[0-9a-f]{8}$")

        net = self.net
        created = dict(parsed)["CREATED"]
        self.assertEqual(created["saddr4"], net.CLIENT_ADDR)
        self.assertEqual(created["daddr4"], net.SERVER_ADDR)
        self.assertEqual(created["sport"], str(self.local[1]))
        self.assertEqual(created["dport"], str(net.PORT))
        self.assertEqual(created["locid"], "0")
        established = dict(parsed)["ESTABLISHED"]
        self.assertEqual((established["saddr4"], established["daddr4"]),
                         (net.CLIENT_ADDR, net.SERVER_ADDR))
        sub = dict(parsed)["SF_ESTABLISHED"]
        self.assertEqual(sub["saddr4"], net.CLIENT_ADDR2)
        self.assertEqual(sub["daddr4"], net.SERVER_ADDR)
        self.assertEqual(sub["dport"], str(net.PORT))
        self.assertEqual(sub["locid"], str(net.SUBFLOW_ENDPOINT_ID))
        self.assertEqual(sub["remid"], "0")
        self.assertEqual(sub["backup"], "0")
        self.assertEqual(sub["ifindex"], str(net.client_dev2_ifindex))
        # iproute2 6.1 pads names to 14 columns
        self.assertTrue(self.ip_events[0].startswith("[       CREATED] token="),
                        self.ip_events[0])

    # -- mptcpctl plain == ip ---------------------------------------------------

    def test_plain_lines_identical(self):
        self.assertEqual(self.ctl_events, self.ip_events,
                         "mptcpctl monitor lines differ from ip mptcp monitor")

    def test_plain_output_is_lines(self):
        """Each event is one newline-terminated line, nothing else on stdout."""
        raw = self.ctl_mon.raw
        self.assertTrue(raw, "no output from mptcpctl monitor")
        for chunk in raw:
            self.assertTrue(chunk.endswith("\n"), f"unterminated line {chunk!r}")

    def test_listener_event_lines_identical(self):
        """Probe-phase lines (listener events) are printed as ip prints them."""
        self.assertTrue(self.ip_probe and self.ctl_probe,
                        f"ip={self.ip_probe} mptcpctl={self.ctl_probe}")
        self.assertEqual(set(self.ctl_probe), set(self.ip_probe))

    def test_stopped_by_signal_without_error_text(self):
        self.assertEqual(self.ctl_err, "", "mptcpctl monitor wrote to stderr")
        self.assertEqual(self.json_err, "", "mptcpctl -j monitor wrote to stderr")

    # -- mptcpctl -j -------------------------------------------------------------

    def test_json_events_match(self):
        objects = []
        for line in self.json_lines:
            try:
                objects.append(json.loads(line))
            except ValueError:
                self.fail(f"monitor -j printed a line that is not JSON: {line!r}")
        for obj in objects:
            self.assertIsInstance(obj, dict, f"not a JSON object: {obj!r}")
        events, _ = json_connection_phase(objects)
        parsed = [parse_line(l) for l in self.ip_events]
        self.assertEqual([contract.json_event_type(o) for o in events],
                         [name for name, _ in parsed],
                         f"event types differ\nip: {self.ip_events}\njson: {events}")
        self.assertEqual([contract.json_event_token(o) for o in events],
                         [int(f["token"], 16) for _, f in parsed], "tokens differ")
        # Every field ip prints (but the token) is in the JSON with ip's value.
        for obj, (name, fields) in zip(events, parsed):
            for key, want in fields.items():
                if key == "token" or key not in contract.MONITOR_JSON_FIELDS:
                    continue
                with self.subTest(event=name, field=key):
                    self.assertEqual(contract.json_event_field(obj, key), want,
                                     f"{name}.{key} in {obj}")


if __name__ == "__main__":
    unittest.main()
