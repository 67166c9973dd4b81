#!/usr/bin/env python3
"""Checks that the Flatpak manifest agrees with the build.

The manifest must parse as JSON and name the same application id as
meson.build and the data files, run the binary meson installs, pass only
-D options that meson_options.txt defines (with a value of the right kind),
build on a current GNOME runtime, run the tests during the build, and ask
for no file system access (files come through the portal).

Usage: check-flatpak.py SOURCE_ROOT
Prints TAP; exit status 0 when every check passes.
"""

import datetime
import json
import os
import re
import sys

# The oldest runtime accepted: the GNOME release current when the manifest
# was last reviewed. Raise it when the manifest moves on.
OLDEST_RUNTIME = 51

# What the app may ask for, and nothing more.
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

# pkg-config names the GNOME runtime provides; anything else meson.build
# depends on needs a module of its own in the manifest.
IN_GNOME_RUNTIME = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gmodule-2.0", "sqlite3", "json-glib-1.0", "pango",
    "pangocairo", "cairo", "cairo-pdf", "gtk4", "libadwaita-1",
    # from the Freedesktop SDK the GNOME runtime is built on
    "libxml-2.0", "libarchive",
}

results = []


def check(ok, name, why=""):
    results.append((bool(ok), name, why))


def newest_gnome(today):
    """The GNOME release out on a date: 48 in March 2025, then one every
    March and September."""
    releases = (today.year - 2025) * 2 + 48
    if today.month < 3:
        releases -= 1
    elif today.month >= 9:
        releases += 1
    return releases


def meson_options(path):
    """{name: (type, choices-or-None)} from meson_options.txt."""
    text = open(path).read()
    options = {}
    for match in re.finditer(r"option\(\s*'([^']+)'(.*?)\)\s*$", text, re.S | re.M):
        name, rest = match.group(1), match.group(2)
        kind = re.search(r"type\s*:\s*'([^']+)'", rest)
        choices = re.search(r"choices\s*:\s*\[([^\]]*)\]", rest)
        options[name] = (kind.group(1) if kind else None,
                         re.findall(r"'([^']*)'", choices.group(1)) if choices else None)
    return options


def valid_value(kind, choices, value):
    if kind == "boolean":
        return value in ("true", "false")
    if kind == "combo":
        return choices is not None and value in choices
    if kind == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if kind == "feature":
        return value in ("enabled", "disabled", "auto")
    if kind == "array":
        return True
    return kind == "string"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CONVENE_SOURCE_DIR", ".")
    manifest_path = os.path.join(root, "flatpak", "io.github.convene.Convene.json")
    try:
        with open(manifest_path) as f:
            manifest = json.load(f)
        check(True, "the manifest parses as JSON")
    except (OSError, ValueError) as error:
        print("1..1")
        print(f"not ok 1 - the manifest parses as JSON # {error}")
        return 1

    meson_build = open(os.path.join(root, "meson.build")).read()
    app_id = re.search(r"^app_id\s*=\s*'([^']+)'", meson_build, re.M).group(1)
    manifest_id = manifest.get("id", manifest.get("app-id"))
    check(manifest_id == app_id, "app id matches meson.build",
          f"manifest {manifest_id!r}, meson.build {app_id!r}")
    metainfo = open(os.path.join(root, "data", app_id + ".metainfo.xml.in")).read()
    check(f"<id>{app_id}</id>" in metainfo, "app id matches the metainfo")
    for name in (app_id + ".desktop.in", app_id + ".gschema.xml",
                 "icons/hicolor/scalable/apps/" + app_id + ".svg"):
        check(os.path.exists(os.path.join(root, "data", name)), f"data/{name} exists")

    src_build = open(os.path.join(root, "src", "meson.build")).read()
    binary = re.search(r"convene_exe\s*=\s*executable\(\s*'([^']+)'", src_build).group(1)
    check(manifest.get("command") == binary, "command is the installed binary",
          f"command {manifest.get('command')!r}, binary {binary!r}")
    desktop = open(os.path.join(root, "data", app_id + ".desktop.in")).read()
    exec_line = re.search(r"^Exec=(\S+)", desktop, re.M).group(1)
    check(exec_line == binary, "the desktop file runs the same binary")

    runtime_version = str(manifest.get("runtime-version", ""))
    check(manifest.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
    newest = newest_gnome(datetime.date.today())
    current = runtime_version.isdigit() and OLDEST_RUNTIME <= int(runtime_version) <= max(newest, OLDEST_RUNTIME)
    check(current, "runtime-version is a current GNOME release",
          f"{runtime_version!r}; expected {OLDEST_RUNTIME} to {max(newest, OLDEST_RUNTIME)}")
    if current and int(runtime_version) < newest - 1:
        print(f"# note: runtime {runtime_version} is older than the two newest ({newest - 1}, {newest})")

    finish_args = manifest.get("finish-args", [])
    check(not any(a.startswith("--filesystem") for a in finish_args),
          "no --filesystem finish-arg (files come through the portal)")
    extra = sorted(set(finish_args) - ALLOWED_FINISH_ARGS)
    check(not extra, "finish-args are only ipc, wayland, fallback-x11 and dri", f"extra: {extra}")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    app_modules = [m for m in modules if m.get("name") == "convene"]
    check(len(app_modules) == 1 and modules and modules[-1] is app_modules[0],
          "convene is the last module")
    if not app_modules:
        app_modules = [{}]
    app = app_modules[0]
    check(app.get("buildsystem") == "meson", "convene builds with meson")
    check(app.get("run-tests") is True, "tests run during the build")
    sources = app.get("sources", [])
    dirs = [s for s in sources if s.get("type") == "dir"]
    check(dirs and os.path.exists(os.path.join(root, "flatpak", dirs[0].get("path", ""), "meson.build")),
          "the source dir is the project root")

    options = meson_options(os.path.join(root, "meson_options.txt"))
    for opt in app.get("config-opts", []):
        match = re.fullmatch(r"-D([A-Za-z0-9_.-]+)=(.*)", opt)
        if not match:
            check(False, f"config-opt {opt} has the form -Dname=value")
            continue
        name, value = match.groups()
        check(name in options, f"-D{name} is defined in meson_options.txt")
        if name in options:
            kind, choices = options[name]
            check(valid_value(kind, choices, value), f"-D{name}={value} is a valid {kind}")
    if "ui_tests" in options:
        check("-Dui_tests=false" in app.get("config-opts", []),
              "tests that need an X server are off in the sandbox")

    built = {m.get("name") for m in modules}
    for dep in re.findall(r"dependency\(\s*'([^']+)'", meson_build):
        check(dep in IN_GNOME_RUNTIME or dep in built,
              f"dependency {dep} is in the runtime or built by a module")

    print(f"1..{len(results)}")
    for number, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}" + ("" if ok or not why else f" # {why}"))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
