#!/usr/bin/env python3
"""Checks that the screenshots the metainfo and README name are in the tree.

Every <screenshot> image in the metainfo must be a URL into this project's
repository (the homepage's, on its main branch) naming a PNG that exists in
data/screenshots/, with a caption; exactly one screenshot is the default;
every image README.md shows must exist. build-aux/screenshots makes them.

Usage: check-screenshots.py SOURCE_ROOT
Prints TAP; exit status 0 when every check passes.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

results = []


def check(ok, name, why=""):
    results.append((bool(ok), name, why))


def is_png(path):
    with open(path, "rb") as f:
        return f.read(8) == b"\x89PNG\r\n\x1a\n"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    metainfo = ET.parse(os.path.join(root, "data", "io.github.convene.Convene.metainfo.xml.in")).getroot()
    homepage = metainfo.findtext("url[@type='homepage']", "")
    match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+)/?", homepage)
    check(match, "the homepage is a GitHub repository", homepage)
    prefix = (f"https://raw.githubusercontent.com/{match.group(1)}/{match.group(2)}/main/data/screenshots/"
              if match else "")

    shots = metainfo.findall("screenshots/screenshot")
    check(shots, "the metainfo has screenshots")
    check(sum(1 for s in shots if s.get("type") == "default") == 1, "exactly one default screenshot")
    for shot in shots:
        url = shot.findtext("image", "").strip()
        name = url[len(prefix):] if prefix and url.startswith(prefix) else None
        check(name, f"{url} is in this repository's data/screenshots", f"expected {prefix}…")
        check((shot.findtext("caption") or "").strip(), f"{url} has a caption")
        if name:
            path = os.path.join(root, "data", "screenshots", name)
            check(os.path.isfile(path) and is_png(path), f"data/screenshots/{name} is a PNG")

    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", readme)
    check(images, "README.md shows a screenshot")
    for image in images:
        check(os.path.isfile(os.path.join(root, image)), f"README image {image} exists")

    print(f"1..{len(results)}")
    for number, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}" + ("" if ok or not why else f" # {why}"))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
