"""The Debian package, built with cpack from this build and installed for
real with `apt-get install ./mptcp-manager_*.deb` — on a copy-on-write
overlay of this machine's /usr, /etc and /var inside a private mount
namespace, so the machine itself is never changed. Then removed and
purged: nothing of it may stay behind.

Needs root (mount namespaces); the build must be configured for /usr (the
ci and package presets are)."""
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ["MPTCP_BUILD_DIR"]
PREFIX = os.environ["MPTCP_INSTALL_PREFIX"]

# Runs in `unshare --mount`: /usr, /etc and /var become overlays whose
# changes land in $SANDBOX, /run a fresh tmpfs (so the maintainer scripts
# find neither systemd nor the system bus to reload: they must cope).
SANDBOX_SCRIPT = r"""
set -eu
mount --make-rprivate /
for dir in usr etc var; do
    mkdir -p "$SANDBOX/upper/$dir" "$SANDBOX/work/$dir"
    mount -t overlay overlay \
        -o "lowerdir=/$dir,upperdir=$SANDBOX/upper/$dir,workdir=$SANDBOX/work/$dir" "/$dir"
done
mount -t tmpfs tmpfs /run
mkdir -p /run/lock
export DEBIAN_FRONTEND=noninteractive
step() { echo "== $1"; }
step install
apt-get install -y "$DEB" 2>&1
step installed
dpkg-query -W -f='${Status}\n' mptcp-manager
dpkg-query -L mptcp-manager
step enabled
ls /etc/systemd/system/multi-user.target.wants/ 2>/dev/null || true
step helper
/usr/libexec/mptcp-manager-helper --help 2>&1 | head -3 || true
step remove
apt-get remove -y mptcp-manager 2>&1
step purge
apt-get purge -y mptcp-manager 2>&1
step gone
dpkg-query -W -f='${Status}\n' mptcp-manager 2>&1 || true
"""


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def sections(output):
    """The script's output by step name."""
    parts, name = {}, None
    for line in output.splitlines():
        if line.startswith("== "):
            name = line[3:]
            parts[name] = []
        elif name is not None:
            parts[name].append(line)
    return parts


@unittest.skipUnless(os.geteuid() == 0, "needs root for mount namespaces")
@unittest.skipUnless(PREFIX == "/usr", "the package is built from a build configured for /usr")
class DebianPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mptcp-deb-")
        os.chmod(cls.tmp, 0o755)  # apt reads the .deb as its own user
        result = run("cpack", "-G", "DEB", "-B", cls.tmp, "--config",
                     os.path.join(BUILD, "CPackConfig.cmake"))
        debs = glob.glob(os.path.join(cls.tmp, "mptcp-manager_*.deb"))
        if result.returncode != 0 or len(debs) != 1:
            raise AssertionError("cpack failed:\n" + result.stdout + result.stderr)
        cls.deb = debs[0]
        cls.contents = run("dpkg-deb", "-c", cls.deb).stdout
        sandbox = os.path.join(cls.tmp, "sandbox")
        os.makedirs(sandbox)
        result = run("unshare", "--mount", "bash", "-c", SANDBOX_SCRIPT,
                     env={**os.environ, "SANDBOX": sandbox, "DEB": cls.deb}, timeout=600)
        cls.sandbox_output = result.stdout + result.stderr
        cls.sandbox_status = result.returncode
        cls.steps = sections(result.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_control_names_what_it_needs(self):
        control = run("dpkg-deb", "-f", self.deb, "Depends").stdout
        for needed in ("libqt6widgets6", "libqt6dbus6", "libmnl0", "dbus", "polkitd",
                       "iproute2"):
            self.assertIn(needed, control)
        self.assertEqual(run("dpkg-deb", "-f", self.deb, "Package").stdout.strip(),
                         "mptcp-manager")

    def test_contents_live_under_usr(self):
        for path in ("./usr/bin/mptcp-manager", "./usr/bin/mptcpctl",
                     "./usr/libexec/mptcp-manager-helper",
                     "./usr/share/dbus-1/system.d/org.mptcpmanager.Helper1.conf",
                     "./usr/share/dbus-1/system-services/org.mptcpmanager.Helper1.service",
                     "./usr/share/polkit-1/actions/org.mptcpmanager.policy",
                     "./usr/share/man/man1/mptcpctl.1.gz"):
            self.assertIn(path, self.contents)
        self.assertNotIn("/usr/local", self.contents)
        self.assertNotIn("/tests/", self.contents)

    def test_installs_cleanly_with_apt(self):
        self.assertEqual(self.sandbox_status, 0, self.sandbox_output)
        self.assertEqual(self.steps.get("installed", [""])[0], "install ok installed",
                         self.sandbox_output)
        listed = self.steps["installed"][1:]
        self.assertIn("/usr/libexec/mptcp-manager-helper", listed)
        self.assertNotIn("dpkg: warning", "\n".join(self.steps["install"]))

    def test_installed_helper_runs(self):
        text = "\n".join(self.steps.get("helper", []))
        self.assertIn("mptcp-manager-helper", text, self.sandbox_output)

    def test_boot_unit_enabled_when_systemctl_exists(self):
        if shutil.which("systemctl") is None:
            self.skipTest("no systemctl on this machine")
        self.assertIn("mptcp-manager-profiles.service", self.steps.get("enabled", []),
                      self.sandbox_output)

    def test_removes_and_purges_without_a_trace(self):
        gone = "\n".join(self.steps.get("gone", []))
        self.assertNotIn("install ok installed", gone, self.sandbox_output)
        upper = os.path.join(self.tmp, "sandbox", "upper")
        left = []
        for line in self.contents.splitlines():
            path = line.split()[-1].lstrip(".")
            if line.startswith("-") and os.path.lexists(os.path.join(upper, path.lstrip("/"))):
                left.append(path)
        self.assertEqual(left, [], "files of the package left after purge")
        wants = os.path.join(upper, "etc/systemd/system/multi-user.target.wants",
                             "mptcp-manager-profiles.service")
        self.assertFalse(os.path.lexists(wants), "a dangling enablement link")


if __name__ == "__main__":
    unittest.main()
