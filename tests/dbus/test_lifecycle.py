"""How the helper starts and stops.

Activation: the bus has an activation file for org.mptcpmanager.Helper1 that
runs `ip netns exec NS HELPER --idle-timeout 2` (a system bus without
<servicehelper> execs it directly). A call to the un-owned name starts the
helper -- inside the test namespace -- and is answered; with no calls and no
subscribers the helper leaves after the idle timeout (not before); the next
call starts a new one. Calls keep it up.

Direct start: with --idle-timeout 0 the helper never leaves by itself; SIGTERM
makes it leave the bus and exit with status 0.
"""

import os
import signal
import time
import unittest

import bus_fixture as bf
from bus_fixture import BUS_NAME, DENIED, GRANTED, pid_alive
from netns import wait_until

IDLE = 2


def netns_inode(pid):
    return os.stat(f"/proc/{pid}/ns/net").st_ino


class Activation(bf.HelperTestCase):
    activation_idle_timeout = IDLE
    direct_helper_idle = None

    def setUp(self):
        # Each test starts with no helper on the bus.
        if self.bus.has_owner(BUS_NAME):
            self.bus.stop_activated_helper()
            self.bus.wait_for_name(present=False, timeout=10)

    def activate(self, client):
        self.assertFalse(self.bus.has_owner(BUS_NAME), "a helper is already running")
        answer = client.call("Endpoints")
        self.assertOk(answer, "Endpoints() through bus activation")
        pid = self.bus.owner_pid()
        self.assertIsNotNone(pid, f"nobody owns {BUS_NAME} after activation\n{self.bus.logs()}")
        return pid

    def test_activation_idle_exit_and_restart(self):
        client = self.bus.client(DENIED)  # any user may cause the start
        first = self.activate(client)
        last_call = time.monotonic()
        self.assertEqual(netns_inode(first), os.stat(f"/run/netns/{self.ns.name}").st_ino,
                         "the activated helper does not run in the test namespace")
        self.assertIn("Successfully activated service 'org.mptcpmanager.Helper1'",
                      self.bus.log("dbus-daemon.log"))

        self.bus.wait_for_name(present=False, timeout=IDLE + 8)
        idle_for = time.monotonic() - last_call
        self.assertGreaterEqual(idle_for, IDLE - 0.5, "the helper left before its idle timeout")
        wait_until(lambda: not pid_alive(first), timeout=5, message="the idle helper to exit")

        second = self.activate(client)
        self.assertNotEqual(second, first, "the second call did not start a new helper")

    def test_calls_keep_the_helper_up(self):
        client = self.bus.client(GRANTED)
        pid = self.activate(client)
        end = time.monotonic() + IDLE * 2
        while time.monotonic() < end:
            self.assertOk(client.call("Limits"))
            self.assertEqual(self.bus.owner_pid(), pid, "the helper left while being called")
            time.sleep(IDLE / 4)

    def test_a_failed_call_also_counts_as_activity(self):
        client = self.bus.client(DENIED)
        pid = self.activate(client)
        end = time.monotonic() + IDLE * 1.5
        while time.monotonic() < end:
            self.assertError(client.call("FlushEndpoints"), bf.ERR_NOT_AUTHORIZED)
            time.sleep(IDLE / 4)
        self.assertEqual(self.bus.owner_pid(), pid)


class DirectStart(bf.HelperTestCase):
    direct_helper_idle = None

    def test_idle_timeout_zero_then_sigterm(self):
        helper = self.bus.start_helper(idle_timeout=0)
        pid = helper.proc.pid
        self.assertEqual(self.bus.owner_pid(), pid)
        self.assertOk(self.bus.client(GRANTED).call("Endpoints"))
        # 0 disables the idle exit: still there well past a short timeout.
        time.sleep(IDLE + 1)
        self.assertTrue(helper.alive(), f"--idle-timeout 0 helper exited\n{helper.stderr}")
        self.assertEqual(self.bus.owner_pid(), pid)

        code = self.bus.stop_helper(helper, sig=signal.SIGTERM)
        self.assertEqual(code, 0, f"exit status after SIGTERM\n{helper.stderr}")
        self.bus.wait_for_name(present=False, timeout=5)

    def test_sigterm_with_a_subscriber(self):
        helper = self.bus.start_helper(idle_timeout=0)
        sub = self.bus.subscriber(GRANTED)
        self.assertTrue(sub.find("subscribe")["subscribe"]["ok"], sub.find("subscribe"))
        code = self.bus.stop_helper(helper, sig=signal.SIGTERM)
        self.assertEqual(code, 0, f"exit status after SIGTERM\n{helper.stderr}")
        self.bus.wait_for_name(present=False, timeout=5)
        sub.quit()


if __name__ == "__main__":
    unittest.main()
