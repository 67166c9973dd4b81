#!/usr/bin/env python3
"""A project that stands alone, and a session that ends by signal.

For each of SIGTERM, SIGINT and SIGHUP: imports the example project with the
command line, opens it in the real `convene` in a private X server and
session bus, adds a session from the keyboard and waits until a copy of the
.convene alone (without its -wal) holds it, as when the planner mails the
file while Convene is still open. Then adds a second session, sends the
signal as soon as the edit is saved, and checks that Convene quits with
status 0 as after Ctrl+Q, leaving no -wal beside the file and every edit in
the .convene itself.

Usage: test-quit-signals.py PATH/TO/convene PATH/TO/side-event.json
Exit status 0 on success, 77 to skip (no Xvfb, xdotool, sqlite3 or
dbus-daemon), 1 on failure.
"""

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The private X server, the keyboard and the waiting come from the
# end-to-end test next to this one.
_spec = importlib.util.spec_from_file_location(
    "end_to_end", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-end-to-end.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

Failure, WAIT, log = e2e.Failure, e2e.WAIT, e2e.log

WINDOW_TITLE = "^Health and migration"
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def start_bus(tmp):
    """A private session bus, so no other Convene answers for this one."""
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "dbus.log"), "w"),
        start_new_session=True, text=True)
    address = bus.stdout.readline().strip()
    if not address:
        bus.kill()
        bus.wait()
        raise Failure("dbus-daemon did not tell its address")
    return bus, address


class App:
    """The real program, started directly so its pid is Convene's own."""

    def __init__(self, exe, env, tmp, name, args=()):
        self.output = open(os.path.join(tmp, name + ".log"), "w")
        self.name = name
        self.process = subprocess.Popen([exe, *args], env=env, stdout=self.output,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.output.close()

    def log_text(self):
        self.output.flush()
        with open(self.output.name) as f:
            return f.read()


def query(path, sql, *options):
    """One value read with plain sqlite3; None while the file cannot be read."""
    result = subprocess.run(["sqlite3", "-batch", "-bail", *options, path, sql],
                            capture_output=True, text=True, timeout=WAIT)
    if result.returncode != 0:
        return None
    return result.stdout.strip()


def sessions_in_copy_alone(project, tmp):
    """Copies the .convene alone into a folder of its own, as a planner
    mailing it would, and counts the sessions in the copy. While Convene
    writes the file a copy may catch it half written: that reads as None."""
    folder = os.path.join(tmp, "mailed")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    copy = os.path.join(folder, "copy.convene")
    shutil.copyfile(project, copy)
    count = query(copy, "SELECT count(*) FROM session")
    return int(count) if count and count.isdigit() else None


def sessions_in_file(project):
    """The sessions Convene has committed, -wal included, read beside it."""
    count = query(project, "SELECT count(*) FROM session", "-readonly")
    return int(count) if count and count.isdigit() else None


def wait_for(what, condition, app):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise Failure(f"{app.name}: the app exited early:\n{app.log_text()}")
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise Failure(f"{app.name}: waited in vain for {what}")


def add_session(env, app, window):
    """New Session from the keyboard; the format chooser has Blank focused."""
    e2e.focus(env, window)
    e2e.key(env, "ctrl+shift+n")
    e2e.focus(env, e2e.wait_window(env, app, "^New Session$"))
    e2e.key(env, "Return")


def run_one(exe, env, example, tmp, signum):
    name = signal.Signals(signum).name
    project = os.path.join(tmp, name + ".convene")
    wal = project + "-wal"

    result = subprocess.run([exe, "--import=" + example, project], env=env,
                            capture_output=True, text=True, timeout=WAIT)
    if result.returncode != 0:
        raise Failure(f"convene --import failed: {result.stderr.strip()}")
    e2e.check_leaks("convene --import", result.stderr)
    before = sessions_in_copy_alone(project, tmp)

    app = App(exe, env, tmp, name, [project])
    try:
        window = e2e.wait_window(env, app, WINDOW_TITLE)

        # While Convene runs: the .convene alone catches up with the edit.
        add_session(env, app, window)
        pressed = time.monotonic()
        wait_for("the .convene alone to hold the new session",
                 lambda: sessions_in_copy_alone(project, tmp) == before + 1, app)
        log(f"# {name}: the .convene alone held the edit "
            f"{time.monotonic() - pressed:.1f} s after the key press")

        # The signal right after the next edit is saved, likely before the
        # idle checkpoint: quitting must leave it in the file too.
        add_session(env, app, window)
        wait_for("the second session to be saved", lambda: sessions_in_file(project) == before + 2, app)
        if not os.path.exists(wal):
            raise Failure(f"{name}: no -wal while the project is open; nothing to test")
        os.kill(app.process.pid, signum)
        sent = time.monotonic()
        try:
            status = app.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            raise Failure(f"{name}: the app did not quit after {name}:\n{app.log_text()}")
        if status != 0:
            raise Failure(f"{name}: the app exited with status {status}:\n{app.log_text()}")
        e2e.check_leaks(name, app.log_text())
        log(f"# {name}: quit with status 0 in {time.monotonic() - sent:.1f} s")
    finally:
        app.kill()

    leftovers = [p for p in (wal, project + "-shm", project + "-journal") if os.path.exists(p)]
    if leftovers:
        raise Failure(f"{name}: left beside the project: {leftovers}")
    count = sessions_in_copy_alone(project, tmp)
    if count != before + 2:
        raise Failure(f"{name}: the .convene alone holds {count} sessions, not {before + 2}")


def run(exe, example, tmp):
    xvfb, display = e2e.start_xvfb(tmp)
    bus = None
    try:
        bus, address = start_bus(tmp)
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update({
            "DISPLAY": display,
            "GDK_BACKEND": "x11",
            "DBUS_SESSION_BUS_ADDRESS": address,
            "XDG_DATA_HOME": os.path.join(tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        })
        for number, signum in enumerate(SIGNALS, start=1):
            run_one(exe, env, example, tmp, signum)
            log(f"ok {number} - {signal.Signals(signum).name} quits as Ctrl+Q does, "
                "and the .convene alone holds every edit")
    finally:
        if bus is not None:
            bus.terminate()
            bus.wait()
        e2e.stop_xvfb(xvfb)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    exe = os.path.abspath(sys.argv[1])
    example = os.path.abspath(sys.argv[2])
    for tool in ("Xvfb", "xdotool", "sqlite3", "dbus-daemon"):
        if shutil.which(tool) is None:
            log(f"# skipped: {tool} is not installed")
            return 77
    tmp = tempfile.mkdtemp(prefix="convene-signals-")
    try:
        run(exe, example, tmp)
    except (Failure, subprocess.TimeoutExpired) as error:
        log(f"not ok - {error}")
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
