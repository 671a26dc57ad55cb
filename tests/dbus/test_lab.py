"""scripts/mptcp-lab end to end, driven by its keys on a pipe: the lab comes
up, one MPTCP connection streams over both emulated links, "b" makes the LTE
path a backup (the subflow stays and says so), "w" pulls the Wi-Fi link and
the LTE path carries the data, "q" removes every namespace it made."""

import json
import os
import subprocess
import time
import unittest

import bus_fixture as bf
from netns import wait_until

LAB = os.path.join(bf.SOURCE_DIR, "scripts", "mptcp-lab")


class Lab(unittest.TestCase):
    def setUp(self):
        bf.require_environment()
        helper = bf.helper_path()
        self.build = os.path.dirname(os.path.dirname(os.path.dirname(helper)))
        self.ctl = os.path.join(self.build, "cli", "mptcpctl")
        self.lab = subprocess.Popen([LAB, "--build", self.build, "--no-app"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.addCleanup(self.stop)
        self.output = []
        line = ""
        deadline = time.monotonic() + 60
        while "Lab is up" not in line and time.monotonic() < deadline:
            line = self.lab.stdout.readline()
            if not line:
                break
            self.output.append(line)
        self.assertIn("Lab is up", line, "".join(self.output))
        self.laptop = line.split("laptop ")[1].split(",")[0]

    def stop(self):
        if self.lab.poll() is None:
            self.lab.kill()
            self.lab.wait()

    def key(self, key):
        self.lab.stdin.write(key)
        self.lab.stdin.flush()

    def subflows(self):
        """The laptop's one connection's subflows: {local address: subflow}."""
        proc = subprocess.run([self.ctl, "--direct", "-n", self.laptop, "-j", "connections"],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        connections = json.loads(proc.stdout)
        if len(connections) != 1:
            return {}
        return {s["local_address"]: s for s in connections[0]["subflows"]}

    def sent(self, address):
        return self.subflows().get(address, {}).get("bytes_sent", 0)

    def test_multipath_live_then_backup_then_wifi_pulled(self):
        wifi, lte = "10.80.1.2", "10.80.2.2"
        wait_until(lambda: set(self.subflows()) == {wifi, lte}, timeout=30,
                   message="a connection over both links")
        before = {a: self.sent(a) for a in (wifi, lte)}
        time.sleep(2)
        for address in (wifi, lte):
            self.assertGreater(self.sent(address), before[address], f"{address} carries nothing")

        self.key("b")
        wait_until(lambda: self.subflows().get(lte, {}).get("backup"), timeout=10,
                   message="the LTE subflow marked backup")
        self.assertEqual(set(self.subflows()), {wifi, lte}, "SET_FLAGS kept the subflow")

        self.key("w")
        time.sleep(3)  # the Wi-Fi subflow stalls; the backup takes over
        carried = self.sent(lte)
        time.sleep(2)
        self.assertGreater(self.sent(lte), carried, "LTE carries the data without Wi-Fi")

        self.key("q")
        out, _ = self.lab.communicate(timeout=30)
        self.assertIn("Lab removed.", out)
        self.assertEqual(self.lab.returncode, 0)
        namespaces = subprocess.run(["ip", "netns", "list"], capture_output=True,
                                    text=True).stdout
        self.assertNotIn(self.laptop, namespaces)
        self.assertNotIn(self.laptop.replace("laptop", "server"), namespaces)


if __name__ == "__main__":
    unittest.main()
