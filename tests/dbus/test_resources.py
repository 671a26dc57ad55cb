"""The system integration files, checked without the helper.

* polkit/org.mptcpmanager.policy: valid against polkit's DTD
  (/usr/share/polkit-1/policyconfig-1.dtd); the five actions with the
  agreed defaults, a vendor, and a description and message for each.
* resources/dbus/org.mptcpmanager.Helper1.conf: valid against
  tests/dbus/busconfig.dtd (the grammar dbus-daemon 1.14 reads; upstream's
  busconfig.dtd predates send_destination and friends and rejects every real
  policy file) and accepted by a real dbus-daemon; only root owns the name.
* The activation file and systemd unit templates: configured as CMake would,
  the unit passes `systemd-analyze verify`, and `systemd-analyze security
  --offline=yes` rates it at most EXPOSURE_LIMIT.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

import bus_fixture as bf

SRC = bf.SOURCE_DIR
POLICY = os.path.join(SRC, "polkit", "org.mptcpmanager.policy")
BUS_CONF = os.path.join(SRC, "resources", "dbus", "org.mptcpmanager.Helper1.conf")
ACTIVATION_IN = os.path.join(SRC, "resources", "dbus", "org.mptcpmanager.Helper1.service.in")
UNIT_IN = os.path.join(SRC, "resources", "systemd", "mptcp-manager-helper.service.in")
BUS_DTD = os.path.join(bf.HERE, "busconfig.dtd")
POLKIT_DTD = "/usr/share/polkit-1/policyconfig-1.dtd"
EXPOSURE_LIMIT = 2.0

ADMIN = ("no", "no", "auth_admin_keep")
EXPECTED_DEFAULTS = {
    "org.mptcpmanager.manage-endpoints": ADMIN,
    "org.mptcpmanager.set-limits": ADMIN,
    "org.mptcpmanager.set-sysctl": ADMIN,
    "org.mptcpmanager.monitor": ("no", "no", "yes"),
    "org.mptcpmanager.manage-profiles": ADMIN,
}


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, **kw)


def xmllint_valid(path, dtd):
    proc = run(["xmllint", "--nonet", "--noout", "--dtdvalid", dtd, path])
    return proc.returncode == 0, proc.stderr


def configure(template, libexecdir):
    with open(template) as f:
        return f.read().replace("@CMAKE_INSTALL_FULL_LIBEXECDIR@", libexecdir)


class PolkitPolicy(unittest.TestCase):
    def test_valid_against_polkit_dtd(self):
        if shutil.which("xmllint") is None or not os.path.exists(POLKIT_DTD):
            self.skipTest("needs xmllint (libxml2-utils) and polkit's DTD (polkitd)")
        ok, errors = xmllint_valid(POLICY, POLKIT_DTD)
        self.assertTrue(ok, errors)

    def test_actions_and_defaults(self):
        root = ET.parse(POLICY).getroot()
        self.assertEqual(root.findtext("vendor"), "MPTCP Manager")
        actions = {a.get("id"): a for a in root.findall("action")}
        self.assertEqual(set(actions), set(EXPECTED_DEFAULTS))
        self.assertEqual(set(bf.ACTIONS), set(EXPECTED_DEFAULTS))
        for action_id, want in EXPECTED_DEFAULTS.items():
            with self.subTest(action=action_id):
                action = actions[action_id]
                defaults = action.find("defaults")
                got = tuple(defaults.findtext(k) for k in
                            ("allow_any", "allow_inactive", "allow_active"))
                self.assertEqual(got, want)
                for tag in ("description", "message"):
                    text = (action.findtext(tag) or "").strip()
                    self.assertGreater(len(text), 10, f"{tag} of {action_id}: {text!r}")
                    self.assertNotIn("org.mptcpmanager", text, "user-facing text names an id")


class BusPolicyFile(unittest.TestCase):
    def test_valid_against_bus_dtd(self):
        if shutil.which("xmllint") is None:
            self.skipTest("needs xmllint (libxml2-utils)")
        ok, errors = xmllint_valid(BUS_CONF, BUS_DTD)
        self.assertTrue(ok, errors)

    def test_the_dtd_accepts_the_systems_own_files(self):
        """The project DTD is not stricter than dbus-daemon (checked on Debian's files)."""
        if shutil.which("xmllint") is None:
            self.skipTest("needs xmllint (libxml2-utils)")
        files = [os.path.join(d, f) for d in ("/usr/share/dbus-1/system.d", "/etc/dbus-1/system.d")
                 if os.path.isdir(d) for f in sorted(os.listdir(d)) if f.endswith(".conf")]
        files += [p for p in ("/usr/share/dbus-1/system.conf", "/usr/share/dbus-1/session.conf")
                  if os.path.exists(p)]
        for path in files:
            with self.subTest(file=path):
                ok, errors = xmllint_valid(path, BUS_DTD)
                self.assertTrue(ok, errors)

    def test_dbus_daemon_loads_it(self):
        if shutil.which("dbus-daemon") is None:
            self.skipTest("needs dbus-daemon")
        with tempfile.TemporaryDirectory() as tmp:
            conf = os.path.join(tmp, "bus.conf")
            with open(conf, "w") as f:
                f.write(f"<busconfig><type>system</type><listen>unix:path={tmp}/s</listen>"
                        f"<include>{BUS_CONF}</include></busconfig>")
            proc = subprocess.Popen(["dbus-daemon", f"--config-file={conf}", "--nofork",
                                     "--print-address"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            line = proc.stdout.readline()
            if line.startswith("unix:"):
                proc.terminate()
            _, errors = proc.communicate(timeout=10)
            self.assertTrue(line.startswith("unix:"), f"dbus-daemon refused the file: {errors}")

    def test_only_root_owns_the_name(self):
        root = ET.parse(BUS_CONF).getroot()
        owners = [(p.attrib, r.tag) for p in root.findall("policy") for r in p
                  if r.get("own") == bf.BUS_NAME]
        self.assertIn(({"user": "root"}, "allow"), owners)
        self.assertFalse([o for o in owners if o[1] == "allow" and o[0] != {"user": "root"}],
                         owners)
        allowed = {r.get("send_interface") for p in root.findall("policy")
                   if p.get("context") == "default" for r in p.findall("allow")
                   if r.get("send_destination") == bf.BUS_NAME}
        self.assertEqual(allowed, {bf.INTERFACE, "org.freedesktop.DBus.Introspectable",
                                   "org.freedesktop.DBus.Properties",
                                   "org.freedesktop.DBus.Peer"})


class ActivationAndUnit(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mptcp-unit-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.libexec = os.path.join(self.tmp, "libexec")
        os.mkdir(self.libexec)
        shutil.copy("/bin/true", os.path.join(self.libexec, "mptcp-manager-helper"))
        self.unit = os.path.join(self.tmp, "mptcp-manager-helper.service")
        with open(self.unit, "w") as f:
            f.write(configure(UNIT_IN, self.libexec))

    def test_activation_file(self):
        text = configure(ACTIVATION_IN, "/usr/libexec")
        lines = dict(line.split("=", 1) for line in text.splitlines()
                     if "=" in line and not line.startswith("#"))
        self.assertIn("[D-BUS Service]", text)
        self.assertEqual(lines["Name"], bf.BUS_NAME)
        self.assertEqual(lines["Exec"], "/usr/libexec/mptcp-manager-helper")
        self.assertEqual(lines["User"], "root")
        self.assertEqual(lines["SystemdService"], "mptcp-manager-helper.service")

    def test_unit_names_the_bus_name(self):
        with open(self.unit) as f:
            text = f.read()
        self.assertIn("Type=dbus", text)
        self.assertIn(f"BusName={bf.BUS_NAME}", text)
        self.assertIn("CapabilityBoundingSet=CAP_NET_ADMIN\n", text)

    def test_systemd_analyze_verify(self):
        if shutil.which("systemd-analyze") is None:
            self.skipTest("needs systemd-analyze")
        proc = run(["systemd-analyze", "verify", self.unit], cwd=self.tmp)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr.strip(), "", "systemd-analyze verify warns")

    def test_systemd_analyze_security(self):
        if shutil.which("systemd-analyze") is None:
            self.skipTest("needs systemd-analyze")
        proc = run(["systemd-analyze", "security", "--offline=yes", self.unit], cwd=self.tmp)
        if proc.returncode != 0 and "offline" in proc.stderr:
            self.skipTest(f"this systemd-analyze has no --offline: {proc.stderr.strip()}")
        match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", proc.stdout)
        self.assertIsNotNone(match, proc.stdout + proc.stderr)
        self.assertLessEqual(float(match.group(1)), EXPOSURE_LIMIT, proc.stdout)


if __name__ == "__main__":
    unittest.main()
