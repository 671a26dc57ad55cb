"""How mptcpctl starts: `--direct` is Qt-free, the helper client is a
module loaded only when a command goes through the helper, and a missing
module is a clear error, not a crash."""

import os
import shutil
import subprocess
import tempfile
import unittest

import netns
from netns import NetnsTestCase, describe


def setUpModule():
    netns.require_environment()


class Startup(NetnsTestCase):
    def setUp(self):
        self.tool = netns.mptcpctl_path()
        self.module = os.path.join(os.path.dirname(self.tool), "mptcpctl-helper.so")

    def test_direct_path_links_no_qt(self):
        libraries = subprocess.run(["ldd", self.tool], capture_output=True, text=True).stdout
        self.assertNotIn("libQt6", libraries)
        self.assertNotIn("libdbus", libraries)
        module = subprocess.run(["ldd", self.module], capture_output=True, text=True).stdout
        self.assertIn("libQt6DBus", module, "the helper client is in the module")

    def test_without_the_module_direct_works_and_the_helper_path_says_why(self):
        ns = self.new_ns()
        with tempfile.TemporaryDirectory() as alone:
            copy = os.path.join(alone, "mptcpctl")
            shutil.copy(self.tool, copy)
            direct = subprocess.run([copy, "--direct", "-n", ns.name, "limits", "show"],
                                    capture_output=True, text=True)
            self.assertEqual(direct.returncode, 0, describe(direct))
            self.assertEqual(direct.stdout, ns.mptcp("limits", "show", check=True).stdout)
            installed = "/usr/lib/x86_64-linux-gnu/mptcp-manager/mptcpctl-helper.so"
            if os.path.exists(installed):
                self.skipTest("an installed module would be found")
            through = subprocess.run([copy, "endpoint", "show"], capture_output=True, text=True)
            self.assertEqual(through.returncode, 2, describe(through))
            self.assertEqual(through.stdout, "")
            self.assertIn("cannot load its helper client", through.stderr)
            self.assertIn("--direct", through.stderr)


if __name__ == "__main__":
    unittest.main()
