#!/usr/bin/env bash
# Checks Convene's MIME type the way the desktop sees it: builds a MIME
# database holding only our package, then asks GIO what it makes of a
# project file, another program's SQLite file and a file named *.convene.
set -euo pipefail

package=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export XDG_DATA_HOME="$tmp/home"
export XDG_DATA_DIRS="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$package" "$tmp/share/mime/packages/convene.xml"
errors=$(update-mime-database "$tmp/share/mime" 2>&1 >/dev/null)
if [[ -n $errors ]]; then
  printf 'update-mime-database rejected %s:\n%s\n' "$package" "$errors" >&2
  exit 1
fi

# A SQLite header whose application_id (big-endian, offset 68) is ID.
sqlite_header() {
  printf 'SQLite format 3\0'
  head -c 52 /dev/zero
  printf '%s' "$1"
  head -c 28 /dev/zero
}

sqlite_header CNVN >"$tmp/project"
sqlite_header ABCD >"$tmp/other-database"
printf 'not even SQLite\n' >"$tmp/named.convene"

content_type() {
  gio info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: //p'
}

status=0
expect() {
  local got
  got=$(content_type "$tmp/$1")
  if [[ $got == "$2" ]]; then
    echo "ok: $1 is $got"
  else
    echo "FAIL: $1 is '$got', expected '$2'" >&2
    status=1
  fi
}

expect project application/x-convene-project
expect other-database application/vnd.sqlite3
expect named.convene application/x-convene-project
exit $status
