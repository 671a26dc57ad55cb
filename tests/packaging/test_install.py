"""The installed layout and the files a desktop system reads, validated by
the tools that read them: desktop-file-validate, appstreamcli, man."""
import os
import shutil
import subprocess
import tempfile
import unittest

SOURCE = os.environ["MPTCP_SOURCE_DIR"]
BUILD = os.environ["MPTCP_BUILD_DIR"]
# The prefix the build was configured for: the activation file and the unit
# name the helper by its installed path, so the layout is checked there.
PREFIX = os.environ["MPTCP_INSTALL_PREFIX"]


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


class InstalledLayout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="mptcp-install-")
        result = run("cmake", "--install", BUILD, env={**os.environ, "DESTDIR": cls.root})
        if result.returncode != 0:
            raise AssertionError("cmake --install failed:\n" + result.stdout + result.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def path(self, relative):
        """`relative` starts with /usr: that part stands for the prefix."""
        installed = PREFIX + relative[len("/usr"):] if relative.startswith("/usr") else relative
        return os.path.join(self.root, installed.lstrip("/"))

    def test_everything_a_system_needs_is_installed(self):
        expected = [
            "/usr/bin/mptcpctl",
            "/usr/bin/mptcp-manager",
            "/usr/libexec/mptcp-manager-helper",
            "/usr/share/polkit-1/actions/org.mptcpmanager.policy",
            "/usr/share/dbus-1/system.d/org.mptcpmanager.Helper1.conf",
            "/usr/share/dbus-1/system-services/org.mptcpmanager.Helper1.service",
            "/usr/share/applications/org.mptcpmanager.MptcpManager.desktop",
            "/usr/share/metainfo/org.mptcpmanager.MptcpManager.metainfo.xml",
            "/usr/share/icons/hicolor/scalable/apps/org.mptcpmanager.MptcpManager.svg",
            "/usr/share/icons/hicolor/scalable/status/mptcp-manager-idle.svg",
            "/usr/share/icons/hicolor/scalable/status/mptcp-manager-degraded.svg",
            "/usr/share/bash-completion/completions/mptcpctl",
            "/usr/share/man/man1/mptcpctl.1.gz",
        ]
        missing = [p for p in expected if not os.path.exists(self.path(p))]
        self.assertEqual(missing, [], "not installed")
        # (libdir is lib/<triplet> under /usr on Debian, lib under /usr/local)
        modules = run("find", self.root, "-path", "*/mptcp-manager/mptcpctl-helper.so").stdout.split()
        self.assertEqual(len(modules), 1, "mptcpctl's helper module is not installed")
        units = [f for f in run("find", self.root, "-name", "mptcp-manager-helper.service").stdout.split()]
        self.assertTrue(units, "the systemd unit is not installed")

    def test_activation_file_names_the_installed_helper(self):
        with open(self.path("/usr/share/dbus-1/system-services/org.mptcpmanager.Helper1.service")) as f:
            text = f.read()
        self.assertIn(f"Exec={PREFIX}/libexec/mptcp-manager-helper", text)
        self.assertTrue(os.path.exists(self.path("/usr/libexec/mptcp-manager-helper")))
        self.assertIn("SystemdService=mptcp-manager-helper.service", text)

    def test_desktop_file_is_valid(self):
        result = run("desktop-file-validate",
                     self.path("/usr/share/applications/org.mptcpmanager.MptcpManager.desktop"))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn("error", (result.stdout + result.stderr).lower())

    def test_metainfo_is_valid(self):
        result = run("appstreamcli", "validate", "--no-net",
                     self.path("/usr/share/metainfo/org.mptcpmanager.MptcpManager.metainfo.xml"))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_man_page_renders_without_warnings(self):
        result = run("man", "--warnings", "-l", self.path("/usr/share/man/man1/mptcpctl.1.gz"),
                     env={**os.environ, "MANPAGER": "cat", "MANWIDTH": "80"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.strip(), "")
        self.assertIn("mptcpctl", result.stdout)

    def test_bash_completion_completes_objects(self):
        script = (f"source /usr/share/bash-completion/bash_completion 2>/dev/null; "
                  f"source {self.path('/usr/share/bash-completion/completions/mptcpctl')}; "
                  "COMP_WORDS=(mptcpctl end); COMP_CWORD=1; COMP_LINE='mptcpctl end'; "
                  "COMP_POINT=${#COMP_LINE}; _mptcpctl; echo \"${COMPREPLY[*]}\"")
        result = run("bash", "-c", script)
        self.assertEqual(result.stdout.strip(), "endpoint", result.stderr)


if __name__ == "__main__":
    unittest.main()
