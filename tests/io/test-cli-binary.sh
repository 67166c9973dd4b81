#!/bin/sh
# Drives the real `convene` program headless, as a script or a planner at a
# terminal would: --import then --export, a round trip through a project
# file, and failures that exit non-zero with one line on stderr.
# Usage: test-cli-binary.sh CONVENE EXAMPLE.json    (prints TAP)
set -u

convene=$1
example=$2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/convene-cli-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# No display: the command line must not need one.
unset DISPLAY WAYLAND_DISPLAY

n=0
failed=0
echo "1..9"

check () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

# run NAME ARGS...: runs convene, keeping its exit status and stderr.
run () {
  name=$1
  shift
  "$convene" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.status"
}

status () { cat "$tmp/$1.status"; }

# exactly one line on stderr, starting "convene: "
one_line_error () {
  [ "$(wc -l <"$tmp/$1.err")" -eq 1 ] && grep -q '^convene: ' "$tmp/$1.err"
}

show () {
  for f in "$tmp"/*.err; do
    [ -s "$f" ] && sed "s|^|# $(basename "$f"): |" "$f"
  done
}

run import --import="$example" "$tmp/side-event.convene"
[ "$(status import)" -eq 0 ] && [ ! -s "$tmp/import.err" ] && [ -f "$tmp/side-event.convene" ]
check $? "--import creates the project, exit 0, nothing on stderr"

run export --export="$tmp/a.json" "$tmp/side-event.convene"
[ "$(status export)" -eq 0 ] && [ ! -s "$tmp/export.err" ]
check $? "--export exits 0 with nothing on stderr"

cmp -s "$tmp/a.json" "$example"
check $? "the exported JSON is the example, byte for byte"

run import2 --import="$tmp/a.json" "$tmp/again.convene"
run export2 --export="$tmp/b.json" "$tmp/again.convene"
[ "$(status import2)" -eq 0 ] && [ "$(status export2)" -eq 0 ] && cmp -s "$tmp/a.json" "$tmp/b.json"
check $? "export, import, export gives identical JSON"

run missing --import="$tmp/missing.json" "$tmp/never.convene"
[ "$(status missing)" -ne 0 ] && one_line_error missing && [ ! -e "$tmp/never.convene" ]
check $? "importing a missing file fails with one line on stderr and creates nothing"

before=$(cksum <"$tmp/side-event.convene")
run exists --import="$example" "$tmp/side-event.convene"
after=$(cksum <"$tmp/side-event.convene")
[ "$(status exists)" -ne 0 ] && one_line_error exists && [ "$before" = "$after" ]
check $? "importing over an existing project fails and leaves it unchanged"

run format --export="$tmp/out.odt" "$tmp/side-event.convene"
[ "$(status format)" -ne 0 ] && one_line_error format && [ ! -e "$tmp/out.odt" ] && grep -q '\.json' "$tmp/format.err"
check $? "an unknown export format fails, names .json and writes nothing"

printf '{"format": "convene-project", "version": 1, "project": {"time_zone": "Nowhere/Town"}}' >"$tmp/bad.json"
run bad --import="$tmp/bad.json" "$tmp/bad.convene"
[ "$(status bad)" -ne 0 ] && one_line_error bad && grep -q 'project.time_zone' "$tmp/bad.err" && [ ! -e "$tmp/bad.convene" ]
check $? "an invalid project fails with the JSON path on one line"

run nowhere --export="$tmp/no/such/dir/out.json" "$tmp/side-event.convene"
[ "$(status nowhere)" -ne 0 ] && one_line_error nowhere && [ ! -e "$tmp/no" ]
check $? "exporting into a missing folder fails with one line"

[ "$failed" -eq 0 ] || show
exit 0
