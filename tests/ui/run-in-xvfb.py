#!/usr/bin/env python3
"""A Convene widget test driven by real input in a real X server.

Starts a private Xvfb and session bus, then runs `TEST --drag`: the test
program shows the window, finds its widgets' places and drives them with
xdotool (GUIDE.md section 5), reading the saved project back after each
step. Its TAP output is passed through.

With --own-display, runs `TEST ARGS...` as it is instead (a widget test):
every UI test has an X server of its own, because tests run two at a time
and an open popover holds the keyboard of its X server, so a popover of
the other test could not open on a shared one.

Usage: run-in-xvfb.py PATH/TO/test-program
       run-in-xvfb.py --own-display PATH/TO/test-program [ARGS...]
Exit status 0 on success, 77 to skip (no Xvfb or xdotool), 1 on failure.
Screenshots go to $CONVENE_SHOTS_DIR when it is set.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

WAIT = 30 * float(os.environ.get("MESON_TEST_TIMEOUT_MULTIPLIER", "1") or 1)


def start_xvfb(tmp):
    """A private X server on the first free display; returns (process, display)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
        stderr=open(os.path.join(tmp, "xvfb.log"), "w"), start_new_session=True)
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + WAIT
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            chunk = pipe.read(1)
            if not chunk:
                raise RuntimeError("Xvfb exited before telling its display")
            number += chunk
    return xvfb, ":" + number.decode().strip()


def main():
    own_display = len(sys.argv) >= 3 and sys.argv[1] == "--own-display"
    if own_display:
        command = sys.argv[2:]
    elif len(sys.argv) == 2:
        command = [sys.argv[1], "--drag"]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for tool in ("Xvfb",) if own_display else ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            print(f"1..0 # SKIP {tool} is not installed")
            return 77
    with tempfile.TemporaryDirectory(prefix="convene-xvfb-") as tmp:
        xvfb, display = start_xvfb(tmp)
        try:
            env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11")
            env.pop("WAYLAND_DISPLAY", None)
            if shutil.which("dbus-run-session"):
                command = ["dbus-run-session", "--", *command]
            result = subprocess.run(command, env=env, timeout=WAIT * 6)
            return 0 if result.returncode == 0 else 1
        finally:
            os.killpg(xvfb.pid, signal.SIGTERM)
            xvfb.wait()


if __name__ == "__main__":
    sys.exit(main())
