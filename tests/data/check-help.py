#!/usr/bin/env python3
"""Checks the Mallard help: every page valid and reachable from index.

Runs `yelp-check validate` on each page, checks that help/meson.build lists
exactly the pages on disk, that every xref points at an existing page (and
section), and that every page can be reached from index.page through guide
links (a page's <link type="guide">, a guide's <link type="topic">) or
links in the text.

Usage: check-help.py HELP_DIR/C [PAGE…]   (PAGE…: the pages meson installs)
Prints TAP; exit status 0 when every check passes.
"""

import glob
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

MAL = "{http://projectmallard.org/1.0/}"
results = []


def check(ok, name, why=""):
    results.append((bool(ok), name, why))


def split_xref(xref):
    page, _, section = xref.partition("#")
    return page, section


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = sys.argv[1]
    listed = sys.argv[2:]
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, "*.page")))
    if listed:
        check(sorted(listed) == files, "help/meson.build lists exactly the pages on disk",
              f"listed {sorted(listed)}, on disk {files}")

    yelp_check = shutil.which("yelp-check")
    pages = {}
    for name in files:
        path = os.path.join(folder, name)
        if yelp_check:
            result = subprocess.run([yelp_check, "validate", path],
                                    capture_output=True, text=True, timeout=120)
            problems = (result.stdout + result.stderr).strip()
            check(result.returncode == 0 and not problems, f"{name} is valid Mallard", problems)
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            check(False, f"{name} parses as XML", str(error))
            continue
        page_id = root.get("id")
        check(page_id == name[:-len(".page")], f"{name} has the id of its file name", page_id)
        sections = {s.get("id") for s in root.iter(MAL + "section") if s.get("id")}
        pages[page_id] = (root, sections)
    if not yelp_check:
        print("# yelp-check is not installed: pages not validated")

    # Edges: from a guide to the pages it leads to.
    leads_to = {page: set() for page in pages}
    for page, (root, _) in pages.items():
        info = root.find(MAL + "info")
        for link in root.iter(MAL + "link"):
            xref = link.get("xref")
            if not xref:
                continue
            target, section = split_xref(xref)
            target = target or page
            known = target in pages and (not section or section in pages[target][1])
            check(known, f"{page}: the link to {xref} has a target")
            if not known:
                continue
            in_info = info is not None and any(link is l for l in info.iter(MAL + "link"))
            kind = link.get("type")
            if in_info and kind == "guide":
                leads_to[target].add(page)       # the guide lists this page
            elif in_info and kind == "topic":
                leads_to[page].add(target)       # this guide lists the topic
            elif not in_info:
                leads_to[page].add(target)       # a link in the text
            # seealso links run both ways in Mallard, but do not count here:
            # every page must hang from a guide or a text link.

    check("index" in pages, "there is an index page")
    reached, todo = set(), ["index"]
    while todo:
        page = todo.pop()
        if page in reached or page not in pages:
            continue
        reached.add(page)
        todo.extend(leads_to[page])
    for page in sorted(pages):
        check(page in reached, f"{page} is reachable from index")

    print(f"1..{len(results)}")
    for number, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}" + ("" if ok or not why else f" # {why}"))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
