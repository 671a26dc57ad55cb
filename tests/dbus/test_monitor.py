"""Subscribe() / Events on a real MPTCP connection with an extra subflow.

Setup (netns.TwoHosts, from tests/integration): client and server namespaces
joined by two veth links; the client has limits `subflows 2` and a `subflow`
endpoint (id 1) for its second address on cv2, so a connection from
10.1.1.2 to the server's MPTCP listener on 10.1.1.1:5000 gets a second
subflow from 10.1.2.2. The helper runs in the client namespace.

Scenario, once for the class: three clients connect first --
  G1  GRANTED, subscribes and stays;
  G2  GRANTED, subscribes, then unsubscribes;
  D   DENIED, tries to subscribe (refused) and keeps listening for signals.
Then one connection is opened, gets its second subflow, sends data and is
closed.

* G1 receives CREATED, ESTABLISHED, SF_ESTABLISHED and CLOSED (commands 1, 2,
  10, 3) for that connection, in that order, with the connection's token and
  the addresses and ports of each subflow; every Events signal is addressed
  to G1 alone (unicast).
* G2 receives no Events after Unsubscribe(); D gets NotAuthorized and no
  Events either (the events do not leak to other users).

SubscriberLifetime: a helper with --idle-timeout 2 stays up while a subscriber
is connected, even well past the idle timeout; once that subscriber is killed
(it leaves the bus without unsubscribing), the helper drops it and exits
within the idle timeout, with status 0.
"""

import signal
import time
import unittest

import bus_fixture as bf
import netns
from bus_fixture import DENIED, ERR_NOT_AUTHORIZED, GRANTED

CREATED, ESTABLISHED, CLOSED, SF_ESTABLISHED = 1, 2, 3, 10
NAMES = {1: "CREATED", 2: "ESTABLISHED", 3: "CLOSED", 6: "ANNOUNCED", 7: "REMOVED",
         10: "SF_ESTABLISHED", 11: "SF_CLOSED", 13: "SF_PRIORITY", 15: "LISTENER_CREATED",
         16: "LISTENER_CLOSED"}
SETTLE = 0.5  # after the last event, before concluding that others got nothing


def show(events):
    return [(NAMES.get(cmd, cmd), attrs) for cmd, attrs in events]


class MonitorEvents(bf.HelperTestCase):
    @classmethod
    def make_namespace(cls):
        cls.net = netns.TwoHosts(cls.addClassCleanup)
        return cls.net.client

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        bus, net = cls.bus, cls.net
        cls.g1 = bus.subscriber(GRANTED)
        cls.g2 = bus.subscriber(GRANTED)
        cls.g2.send("unsubscribe\n")
        cls.g2.wait_for(lambda _: cls.g2.find("unsubscribe"), message="Unsubscribe() to return")
        cls.denied = bus.subscriber(DENIED)

        cls.server = net.start_server()
        cls.client_proc, cls.local = net.connect(nbytes=200000)
        cls.token = None
        try:
            cls.wait_for_command(SF_ESTABLISHED)
            netns.close_client(cls.client_proc)
            cls.wait_for_command(CLOSED)
        finally:
            time.sleep(SETTLE)
            for sub in (cls.g1, cls.g2, cls.denied):
                sub.quit()

    @classmethod
    def ours(cls):
        """G1's events of our connection (the one from the client's address and port)."""
        events = cls.g1.events()
        token = None
        for cmd, attrs in events:
            if cmd == CREATED and attrs.get("saddr") == cls.local[0] \
                    and attrs.get("sport") == cls.local[1]:
                token = attrs.get("token")
        return [(cmd, attrs) for cmd, attrs in events
                if token is not None and attrs.get("token") == token]

    @classmethod
    def wait_for_command(cls, command):
        def seen(_lines):
            return any(cmd == command for cmd, _ in cls.ours())
        try:
            cls.g1.wait_for(seen, timeout=15, message=f"{NAMES[command]} for our connection")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nevents so far: {show(cls.g1.events())}\n"
                                 f"{cls.bus.logs()}") from None

    def test_subscribe_answers(self):
        self.assertTrue(self.g1.find("subscribe")["subscribe"]["ok"], self.g1.find("subscribe"))
        self.assertTrue(self.g2.find("subscribe")["subscribe"]["ok"], self.g2.find("subscribe"))
        self.assertTrue(self.g2.find("unsubscribe")["unsubscribe"]["ok"],
                        self.g2.find("unsubscribe"))

    def test_connection_events_in_order(self):
        events = self.ours()
        commands = [cmd for cmd, _ in events]
        for wanted in (CREATED, ESTABLISHED, SF_ESTABLISHED, CLOSED):
            self.assertIn(wanted, commands, f"no {NAMES[wanted]}: {show(events)}")
        self.assertEqual(commands[0], CREATED, show(events))
        self.assertLess(commands.index(ESTABLISHED), commands.index(CLOSED), show(events))
        self.assertLess(commands.index(SF_ESTABLISHED), commands.index(CLOSED), show(events))
        self.assertEqual(commands.count(CREATED), 1, show(events))
        self.assertEqual(commands.count(CLOSED), 1, show(events))

    def test_event_attributes(self):
        net = self.net
        events = dict((cmd, attrs) for cmd, attrs in reversed(self.ours()))
        created = events.get(CREATED)
        self.assertIsNotNone(created, show(self.g1.events()))
        self.assertIsInstance(created["token"], int)
        self.assertEqual((created["saddr"], created["sport"]), self.local, created)
        self.assertEqual((created["daddr"], created["dport"]), (net.SERVER_ADDR, net.PORT),
                         created)
        joined = events.get(SF_ESTABLISHED)
        self.assertIsNotNone(joined, show(self.ours()))
        self.assertEqual(joined["saddr"], net.CLIENT_ADDR2, joined)
        self.assertEqual((joined["daddr"], joined["dport"]), (net.SERVER_ADDR, net.PORT), joined)
        self.assertEqual(joined["locid"], net.SUBFLOW_ENDPOINT_ID, joined)
        if "ifindex" in joined:
            self.assertEqual(joined["ifindex"], net.client_dev2_ifindex, joined)

    def test_events_are_addressed_to_the_subscriber_alone(self):
        signals = self.g1.signals("Events")
        self.assertTrue(signals)
        for sig in signals:
            self.assertEqual(sig["destination"], self.g1.unique_name, sig)

    def test_unsubscribed_client_gets_nothing(self):
        self.assertEqual(self.g2.signals("Events"), [], "Events after Unsubscribe()")

    def test_denied_user_cannot_subscribe_nor_see_events(self):
        answer = self.denied.find("subscribe")["subscribe"]
        self.assertError(answer, ERR_NOT_AUTHORIZED, "Subscribe() as the denied user")
        self.assertEqual(self.denied.signals("Events"), [], "Events leaked to a denied user")


class SubscriberLifetime(bf.HelperTestCase):
    IDLE = 2
    direct_helper_idle = IDLE

    def test_disconnected_subscriber_is_dropped(self):
        sub = self.bus.subscriber(GRANTED)
        self.assertTrue(sub.find("subscribe")["subscribe"]["ok"], sub.find("subscribe"))
        # Proving an absence takes waiting: past the idle timeout, the
        # subscription keeps the helper up.
        time.sleep(self.IDLE + 1.5)
        self.assertHelperAlive()
        # Leave the bus without unsubscribing.
        sub.stop(sig=signal.SIGKILL)
        left = time.monotonic()
        proc = self.helper_proc.proc
        netns.wait_until(lambda: proc.poll() is not None, timeout=self.IDLE + 8,
                         message="the helper to exit once its last subscriber left")
        self.assertGreaterEqual(time.monotonic() - left, self.IDLE - 0.5,
                                "the helper exited before its idle timeout")
        self.assertEqual(proc.returncode, 0, self.diagnostics())
        self.assertFalse(self.bus.has_owner(bf.BUS_NAME))


if __name__ == "__main__":
    unittest.main()
