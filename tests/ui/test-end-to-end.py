#!/usr/bin/env python3
"""Convene end to end, as a planner would use it.

Starts a private X server and session bus, runs the real `convene`, makes a
new project and adds a session from the keyboard, quits, and reads the file
back with `convene --export`. Then starts the app again, reopens the project
from the start page's recent list, adds a second session, quits, and checks
the file holds both.

Usage: test-end-to-end.py PATH/TO/convene
Exit status 0 on success, 77 to skip (no Xvfb, xdotool or xprop), 1 on failure.
Screenshots go to $CONVENE_SHOTS_DIR when it is set.
"""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

WAIT = 30 * float(os.environ.get("MESON_TEST_TIMEOUT_MULTIPLIER", "1") or 1)


class Failure(Exception):
    pass


def log(message):
    print(message, flush=True)


# Under AddressSanitizer the real program's leak reports do not change its
# exit status (tests/ui/meson.build says why): they are judged here, after
# every run of it. One leak is GLib's own: its constructor makes the first
# block of quark names (2,048 pointers, 16 KiB), and a process that makes
# more quarks, as the program does with the example on screen, gets a larger
# block while the first is left on purpose (other threads may still read
# it). GLib is built without frame pointers, so LeakSanitizer's unwinder sees
# no caller past g_malloc, for that block as for most allocations made through
# GLib: no suppression could name it without hiding those too. A report is
# let pass only when its one leak is a single block of that size with that
# two-frame stack; anything more (a leak of Convene's with the same short
# stack is counted into the same line) fails the test.
LEAK = re.compile(r"^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:\n"
                  r"((?:[ \t]+#\d+ .*\n?)*)", re.MULTILINE)
LEAK_SUMMARY = re.compile(r"^SUMMARY: \w+Sanitizer: (\d+) byte\(s\) leaked in (\d+) allocation\(s\)",
                          re.MULTILINE)


def is_glib_quark_block(kind, size, count, frames):
    frames = frames.strip().splitlines()
    return (kind == "Direct" and size == "16384" and count == "1" and len(frames) == 2
            and re.search(r" in (__interceptor_)?malloc ", frames[0]) is not None
            and re.search(r" in g_malloc \(\S*libglib-2\.0\.so", frames[1]) is not None)


def unexpected_leaks(output):
    """The leak reports in a run's output, unless there are none or the only
    leak is GLib's first block of quark names; None then."""
    reports = output.split("ERROR: LeakSanitizer:")[1:]
    for report in reports:
        leaks = LEAK.findall(report)
        summary = LEAK_SUMMARY.search(report)
        if (len(leaks) != 1 or not is_glib_quark_block(*leaks[0]) or summary is None
                or summary.groups() != ("16384", "1")):
            return "ERROR: LeakSanitizer:" + report
    return None


def check_leaks(name, output):
    report = unexpected_leaks(output)
    if report is not None:
        raise Failure(f"{name}: leaks found (whole stacks with "
                      f"ASAN_OPTIONS=...:fast_unwind_on_malloc=0):\n{report}")


def start_xvfb(tmp):
    """A private X server on the first free display; returns (process, display)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "xvfb.log"), "w"),
        start_new_session=True)
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + WAIT
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            if time.monotonic() > deadline:
                raise Failure("Xvfb did not start")
            chunk = pipe.read(1)
            if not chunk:
                raise Failure("Xvfb exited before telling its display")
            number += chunk
    return xvfb, ":" + number.decode().strip()


def stop_xvfb(xvfb):
    """Ends the private X server started by start_xvfb and what it started."""
    try:
        os.killpg(xvfb.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    xvfb.wait()


class App:
    """The real program in its own process group and session bus."""

    def __init__(self, exe, env, tmp, name, args=()):
        command = [exe, *args]
        if shutil.which("dbus-run-session"):
            command = ["dbus-run-session", "--", *command]
        self.output = open(os.path.join(tmp, name + ".log"), "w")
        self.name = name
        self.process = subprocess.Popen(command, env=env, stdout=self.output,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def wait_exit(self):
        try:
            status = self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            raise Failure(f"{self.name}: the app did not quit after Ctrl+Q")
        if status != 0:
            raise Failure(f"{self.name}: the app exited with status {status}:\n{self.log_text()}")
        check_leaks(self.name, self.log_text())

    def kill(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
        self.output.close()

    def log_text(self):
        self.output.flush()
        with open(self.output.name) as f:
            return f.read()


def xdotool(env, *args, timeout=None):
    result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                            timeout=timeout or WAIT)
    if result.returncode != 0:
        raise Failure(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def wait_window(env, app, title):
    """The id of a visible window whose title matches the regular expression."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise Failure(f"{app.name}: the app exited early:\n{app.log_text()}")
        result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                                env=env, capture_output=True, text=True, timeout=WAIT)
        ids = result.stdout.split()
        if ids:
            return ids[0]
        time.sleep(0.2)
    raise Failure(f"{app.name}: no window titled {title!r} appeared:\n{app.log_text()}")


def wait_no_window(env, app, title):
    """Waits until no visible window's title matches the regular expression."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                                env=env, capture_output=True, text=True, timeout=WAIT)
        if not result.stdout.split():
            return
        time.sleep(0.2)
    raise Failure(f"{app.name}: the window titled {title!r} stayed open")


def wait_icon(env, app, window):
    """Waits until the window carries Convene's icon for the window manager
    (set once the window has drawn its first frame)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        result = subprocess.run(["xprop", "-id", window, "_NET_WM_ICON"],
                                env=env, capture_output=True, text=True, timeout=WAIT)
        if "Icon (" in result.stdout:
            return
        time.sleep(0.2)
    raise Failure(f"{app.name}: the window never got its icon:\n{app.log_text()}")


def focus(env, window):
    # No window manager: give the window the input focus directly, and put
    # the pointer over it for good measure. The X server delivers the keys
    # that follow to the window once it has the focus, after the focus
    # change itself: no pause is needed, only the wait for the focus.
    xdotool(env, "mousemove", "--window", window, "200", "200")
    xdotool(env, "windowfocus", "--sync", window)


def key(env, *keys):
    # What the keys do is waited for by the caller (a window, the file).
    xdotool(env, "key", "--delay", "80", *keys)


def assert_unchanged(path, expected, failure):
    """The file at path still holds exactly the bytes expected."""
    with open(path, "rb") as f:
        if f.read() != expected:
            raise Failure(failure)


def screenshot(env, name):
    folder = os.environ.get("CONVENE_SHOTS_DIR")
    if not folder or not shutil.which("import"):
        return
    os.makedirs(folder, exist_ok=True)
    time.sleep(1)  # let the last transition finish drawing
    path = os.path.join(folder, name + ".png")
    subprocess.run(["import", "-window", "root", path], env=env, capture_output=True, timeout=WAIT)
    log(f"# screenshot {path}")


def export(exe, env, project, tmp):
    out = os.path.join(tmp, "export.json")
    if os.path.exists(out):
        os.remove(out)
    # The command line must work without any display.
    cli_env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([exe, "--export=" + out, project], env=cli_env,
                            capture_output=True, text=True, timeout=WAIT)
    if result.returncode != 0:
        raise Failure(f"convene --export failed: {result.stderr.strip()}")
    check_leaks("convene --export", result.stderr)
    with open(out) as f:
        return json.load(f)


def session_titles(exe, env, project, tmp):
    return [s["title"] for s in export(exe, env, project, tmp)["sessions"]]


def wait_sessions(exe, env, project, tmp, count):
    """Polls the file (read-only, beside the running app) until it holds count sessions."""
    deadline = time.monotonic() + WAIT
    titles = []
    while time.monotonic() < deadline:
        if os.path.exists(project):
            titles = session_titles(exe, env, project, tmp)
            if len(titles) == count:
                return titles
        time.sleep(0.3)
    raise Failure(f"the file never held {count} sessions (last seen: {titles})")


def view_setting(project, name):
    """A view setting of the project file, read beside the running app (None when unset)."""
    db = sqlite3.connect(f"file:{project}?mode=ro", uri=True, timeout=WAIT)
    try:
        row = db.execute("SELECT value FROM view_setting WHERE key = ?", (name,)).fetchone()
    except sqlite3.OperationalError:
        row = None
    finally:
        db.close()
    return row[0] if row else None


def wait_zoom(project, level):
    """Polls the file until the timeline's saved zoom is level."""
    deadline = time.monotonic() + WAIT
    seen = None
    while time.monotonic() < deadline:
        seen = view_setting(project, "timeline-zoom")
        if seen == level:
            return
        time.sleep(0.2)
    raise Failure(f"the saved zoom never became {level} (last seen: {seen})")


def wait_new_project(folder, before):
    """Polls folder until a project file not in before appears; returns its path."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        new = [name for name in os.listdir(folder)
               if name.endswith(".convene") and name not in before]
        if new:
            return os.path.join(folder, new[0])
        time.sleep(0.2)
    raise Failure("the example was never copied into the projects folder")


def run(exe, tmp):
    xvfb, display = start_xvfb(tmp)
    apps = []
    try:
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update({
            "DISPLAY": display,
            "GDK_BACKEND": "x11",
            "XDG_DATA_HOME": os.path.join(tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
            # Settings must survive the restart: a key file in the temporary config.
            "GSETTINGS_BACKEND": "keyfile",
        })
        projects = os.path.join(tmp, "data", "convene", "projects")
        project = os.path.join(projects, "Untitled Project.convene")

        log("# first run: a new project with one session")
        app = App(exe, env, tmp, "first-run")
        apps.append(app)
        window = wait_window(env, app, "^Convene$")
        wait_icon(env, app, window)
        focus(env, window)
        screenshot(env, "ui-e2e-1-start-page")
        key(env, "ctrl+n")
        window = wait_window(env, app, "^Untitled Project$")
        focus(env, window)
        # New Session opens the format chooser with Blank focused.
        key(env, "ctrl+shift+n")
        focus(env, wait_window(env, app, "^New Session$"))
        key(env, "Return")
        titles = wait_sessions(exe, env, project, tmp, 1)
        screenshot(env, "ui-e2e-2-new-session")
        key(env, "ctrl+q")
        app.wait_exit()

        if sorted(os.listdir(projects)) != ["Untitled Project.convene"]:
            raise Failure(f"unexpected files in the projects folder: {os.listdir(projects)}")
        titles = session_titles(exe, env, project, tmp)
        if titles != ["New Session"]:
            raise Failure(f"after the first run the file holds {titles}")
        log("ok 1 - the window has its icon; the new project and its session are in the file after quitting")

        log("# second run: reopen it from the recent projects")
        app = App(exe, env, tmp, "second-run")
        apps.append(app)
        window = wait_window(env, app, "^Convene$")
        focus(env, window)
        screenshot(env, "ui-e2e-3-recent-projects")
        # The start page focuses New Project; Open… and Open the Example
        # follow, then the most recent project.
        key(env, "Tab", "Tab", "Tab", "Return")
        window = wait_window(env, app, "^Untitled Project$")
        focus(env, window)
        # New Session opens the format chooser with Blank focused.
        key(env, "ctrl+shift+n")
        focus(env, wait_window(env, app, "^New Session$"))
        key(env, "Return")
        wait_sessions(exe, env, project, tmp, 2)
        screenshot(env, "ui-e2e-4-reopened")
        key(env, "ctrl+q")
        app.wait_exit()

        titles = session_titles(exe, env, project, tmp)
        if titles != ["New Session", "New Session"]:
            raise Failure(f"after the second run the file holds {titles}")
        log("ok 2 - the project was listed, reopened, and still had its session")

        log("# third run: the example's timeline zoomed with the keys")
        app = App(exe, env, tmp, "third-run")
        apps.append(app)
        window = wait_window(env, app, "^Convene$")
        focus(env, window)
        # New Project, Open…, then Open the Example.
        before = set(os.listdir(projects))
        key(env, "Tab", "Tab", "Return")
        example = wait_new_project(projects, before)
        window = wait_window(env, app, "^Health and migration")
        focus(env, window)
        wait_zoom(example, None)
        # The timeline takes the keys once it has its height: press until
        # the first step is in the file, then count from there.
        level = None
        deadline = time.monotonic() + WAIT
        while level is None and time.monotonic() < deadline:
            key(env, "ctrl+plus")
            pressed = time.monotonic()
            while level is None and time.monotonic() < pressed + 2:
                level = view_setting(example, "timeline-zoom")
                time.sleep(0.2)
        if level is None:
            raise Failure("Ctrl+plus never zoomed the timeline")
        level = int(level)
        key(env, "ctrl+plus")
        wait_zoom(example, str(level + 1))
        screenshot(env, "ui-e2e-5-zoomed")
        key(env, "ctrl+minus")
        wait_zoom(example, str(level))
        key(env, "ctrl+0")
        wait_zoom(example, "0")
        key(env, "ctrl+equal")
        wait_zoom(example, "1")
        key(env, "ctrl+q")
        app.wait_exit()
        if view_setting(example, "timeline-zoom") != "1":
            raise Failure("the zoom was not in the file after quitting")
        log("ok 3 - Ctrl+plus, Ctrl+minus and Ctrl+0 zoom the timeline and the zoom is saved")

        log("# fourth run: a damaged file and the example named on the command line")
        # The first file is read on a worker thread while the window is
        # built, the second as the window asks for it: both ways must open
        # the project, and a file that cannot be read must be said so and
        # left as it was.
        damaged = os.path.join(tmp, "damaged.convene")
        with open(damaged, "wb") as f:
            f.write(b"SQLite format 3\0" + b"not a project " * 300)
        with open(damaged, "rb") as f:
            damaged_bytes = f.read()
        app = App(exe, env, tmp, "fourth-run", args=(damaged, example))
        apps.append(app)
        message = wait_window(env, app, "^Could Not Open the Project$")
        window = wait_window(env, app, "^Health and migration")
        wait_icon(env, app, window)
        screenshot(env, "ui-e2e-6-command-line")
        # Ctrl+Q quits from the message too, as from any window.
        focus(env, message)
        key(env, "ctrl+q")
        app.wait_exit()
        assert_unchanged(damaged, damaged_bytes, "opening the damaged file changed it")
        if view_setting(example, "timeline-zoom") != "1":
            raise Failure("the example opened from the command line lost its zoom")
        log("ok 4 - a damaged file named first is reported and left whole; the example after it opens"
            " with its icon; Ctrl+Q quits from the message")

        log("# fifth run: the damaged file alone")
        app = App(exe, env, tmp, "fifth-run", args=(damaged,))
        apps.append(app)
        message = wait_window(env, app, "^Could Not Open the Project$")
        window = wait_window(env, app, "^Convene$")
        focus(env, message)
        key(env, "Escape")
        wait_no_window(env, app, "^Could Not Open the Project$")
        focus(env, window)
        key(env, "ctrl+q")
        app.wait_exit()
        assert_unchanged(damaged, damaged_bytes, "opening the damaged file changed it")
        log("ok 5 - Escape closes the message; the window under it quits with Ctrl+Q")
    finally:
        for app in apps:
            app.kill()
        stop_xvfb(xvfb)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exe = os.path.abspath(sys.argv[1])
    for tool in ("Xvfb", "xdotool", "xprop"):
        if shutil.which(tool) is None:
            log(f"# skipped: {tool} is not installed")
            return 77
    tmp = tempfile.mkdtemp(prefix="convene-e2e-")
    try:
        run(exe, tmp)
    except (Failure, subprocess.TimeoutExpired) as error:
        log(f"not ok - {error}")
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
