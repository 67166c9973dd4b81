#!/usr/bin/env python3
"""Checks that convene.1 and `convene --help-all` name the same options.

Every long option that `--help` or `--help-all` prints must be described in
the man page's OPTIONS section, and every option that section describes must
exist. When groff is installed the page must also format without warnings.

Usage: check-man-page.py PATH/TO/convene PATH/TO/convene.1
Prints TAP; exit status 0 when every check passes.
"""

import os
import re
import shutil
import subprocess
import sys

results = []


def check(ok, name, why=""):
    results.append((bool(ok), name, why))


def help_options(exe, flag):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LC_ALL"] = "C.UTF-8"
    result = subprocess.run([exe, flag], env=env, capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"convene {flag} exits with status 0", result.stderr.strip())
    # Option lines are indented and start with -x, or --long.
    found = set()
    for line in result.stdout.splitlines():
        match = re.match(r"\s+(?:-(\w), )?--([A-Za-z0-9][A-Za-z0-9-]*)", line)
        if match:
            found.add("--" + match.group(2))
            if match.group(1):
                found.add("-" + match.group(1))
    return found


def man_options(path):
    text = open(path, encoding="utf-8").read()
    section = re.search(r"^\.SH OPTIONS\s*$(.*?)^\.SH ", text, re.S | re.M)
    if not section:
        return None
    found = set()
    lines = section.group(1).splitlines()
    # The option names are on the line after each .TP.
    for previous, line in zip(lines, lines[1:]):
        if previous.strip() != ".TP":
            continue
        plain = line.replace("\\-", "-")
        for match in re.finditer(r"(?<![\w-])(--?[A-Za-z0-9][A-Za-z0-9-]*)", plain):
            found.add(match.group(1))
    return found


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    exe, page = sys.argv[1:]

    in_help = help_options(exe, "--help")
    in_help_all = help_options(exe, "--help-all")
    check(in_help <= in_help_all, "--help-all lists everything --help lists")
    check("--export" in in_help_all and "--version" in in_help_all,
          "the options were read from --help-all", sorted(in_help_all))

    in_page = man_options(page)
    check(in_page is not None, "the man page has an OPTIONS section")
    in_page = in_page or set()
    for option in sorted(in_help_all):
        check(option in in_page, f"{option} is described in the man page")
    for option in sorted(in_page - in_help_all):
        check(False, f"{option} in the man page exists in --help-all")

    text = open(page, encoding="utf-8").read()
    for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "FILES", "EXAMPLES", "EXIT STATUS"):
        check(re.search(rf"^\.SH \"?{heading}\"?\s*$", text, re.M), f"the man page has {heading}")

    if shutil.which("groff"):
        result = subprocess.run(["groff", "-man", "-ww", "-z", page],
                                capture_output=True, text=True, timeout=60)
        check(result.returncode == 0 and not result.stderr.strip(),
              "groff -man -ww formats it without warnings", result.stderr.strip())
    else:
        print("# groff is not installed: formatting not checked")

    print(f"1..{len(results)}")
    for number, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}" + ("" if ok or not why else f" # {why}"))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
