#!/usr/bin/env python3
"""Screenshots of every page of the real app, under Xvfb, against the real helper.

    sudo tests/gui/screenshots.py [--app BUILD/gui/mptcp-manager]
                                  [--helper BUILD/helper/service/mptcp-manager-helper]
                                  [--out BUILD/screenshots]

Runs the app three times through run_with_helper.py (namespaces, private
system bus, polkitd, D-Bus-activated helper), as an ordinary user, on an X
server of its own (xvfb-run; Debian: xvfb, xauth):

1. authorized, with --demo traffic (two streaming connections over two
   rate-limited links, one short-lived): every page, the "Add endpoint"
   dialog and the tray icons — NN-page.png;
2. as a user polkit refuses: the read-only window — denied-01-endpoints.png;
3. on a bus without the helper: what the user sees then —
   no-helper-01-endpoints.png.

The app takes the pictures itself (QWidget::grab(), when
MPTCP_SCREENSHOT_DIR is set), so no screen-capture tool is needed. Needs
root, like the rest of the tests that build namespaces.
"""

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.normpath(os.path.join(HERE, "..", ".."))
RUNNER = os.path.join(HERE, "run_with_helper.py")


def python_with_dbus():
    """bus_fixture.py needs python3-dbus and python3-gi (Debian's /usr/bin/python3)."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([candidate, "-c", "import dbus, gi"],
                          capture_output=True).returncode == 0:
            return candidate
    sys.exit("no Python with the dbus and gi modules (Debian: python3-dbus python3-gi)")


def main():
    build = os.path.join(SOURCE_DIR, "build")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default=os.path.join(build, "gui", "mptcp-manager"))
    parser.add_argument("--helper",
                        default=os.path.join(build, "helper", "service", "mptcp-manager-helper"))
    parser.add_argument("--out", default=os.path.join(build, "screenshots"))
    args = parser.parse_args()

    for path in (args.app, args.helper):
        if not os.access(path, os.X_OK):
            sys.exit(f"{path} is not built")
    if shutil.which("xvfb-run") is None:
        sys.exit("xvfb-run not found (Debian: xvfb, xauth)")
    os.makedirs(args.out, exist_ok=True)
    # The app runs as another user and writes the pictures itself.
    os.chmod(args.out, 0o777)

    python = python_with_dbus()
    runs = [
        (["--demo"], {}),
        (["--user", "denied"], {"MPTCP_SCREENSHOT_PAGES": "endpoints",
                                "MPTCP_SCREENSHOT_PREFIX": "denied-"}),
        (["--no-helper"], {"MPTCP_SCREENSHOT_PAGES": "endpoints",
                           "MPTCP_SCREENSHOT_PREFIX": "no-helper-"}),
    ]
    status = 0
    for options, extra in runs:
        env = dict(os.environ, MPTCP_HELPER=os.path.abspath(args.helper),
                   MPTCP_SCREENSHOT_DIR=os.path.abspath(args.out), **extra)
        proc = subprocess.run([python, RUNNER, "--xvfb", *options, "--",
                               os.path.abspath(args.app)], env=env)
        if proc.returncode != 0:
            print(f"screenshots: run {options} failed with {proc.returncode}", file=sys.stderr)
            status = 1
    for name in sorted(os.listdir(args.out)):
        print(os.path.join(args.out, name))
    return status


if __name__ == "__main__":
    sys.exit(main())
