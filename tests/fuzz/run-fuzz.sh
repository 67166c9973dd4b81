#!/usr/bin/env bash
# Builds Convene's libFuzzer targets with clang, AddressSanitizer and UBSan
# in their own build directory and runs each for SECONDS (default 60), as
# many at a time as there are cores.
#   [CONVENE=PATH/TO/convene] tests/fuzz/run-fuzz.sh [SECONDS] [BUILD_DIR]
# The project loader's seed is a project file made by a Convene's command
# line: CONVENE's when given (any build will do), else one built in
# BUILD_DIR, which takes longer than building the targets themselves.
# New inputs that reach new code are kept in BUILD_DIR/corpus-*; a crash is
# written there as crash-* and the script exits non-zero.
# Needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev).
set -euo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=${2:-$root/_build/fuzz}

if ! command -v clang >/dev/null; then
  echo "run-fuzz: clang is not installed (Debian: clang libclang-rt-14-dev)" >&2
  exit 1
fi

# The core is instrumented for coverage (fuzzer-no-link); only the targets
# link libFuzzer's main.
if [[ ! -f $dir/meson-private/coredata.dat ]]; then
  CC=clang meson setup "$dir" "$root" -Dfuzzing=true -Dui_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link -Dbuildtype=debugoptimized >/dev/null
fi
dir=$(cd "$dir" && pwd)  # the targets run from inside it
targets=(json load csv concept-note schedule-xml)
json_seeds=$dir/seeds-json
load_seeds=$dir/seeds-load
build=("${targets[@]/#/tests/fuzz/fuzz-}")
convene=${CONVENE:-}
if [[ -z $convene && ! -f $load_seeds/small.convene ]]; then
  build+=(src/convene)
  convene=$dir/src/convene
fi
ninja -C "$dir" "${build[@]}" >/dev/null

# Seeds: the example, the project that uses every field, and a small real
# project file (journal in the file, 512-byte pages, so it stays small).
csv_seeds=$dir/seeds-csv
note_seeds=$dir/seeds-concept-note
xml_seeds=$dir/seeds-schedule-xml
mkdir -p "$json_seeds" "$load_seeds" "$csv_seeds" "$note_seeds" "$xml_seeds" "$dir/corpus-json" "$dir/corpus-load" \
  "$dir/corpus-csv" "$dir/corpus-concept-note" "$dir/corpus-schedule-xml"
cp "$root/data/examples/side-event.json" "$root/tests/io/full-project.json" "$json_seeds/"
cp "$root"/tests/fuzz/seeds-csv/*.csv "$csv_seeds/"
cp "$root"/tests/notes/notes/*.txt "$note_seeds/"
cp "$root"/tests/io/schedules/*.xml "$xml_seeds/"
# The Word and OpenDocument notes, without the zip bomb (each run would unpack it).
python3 "$root/tests/notes/make-documents.py" "$note_seeds"
rm -f "$note_seeds/bomb.docx"
if [[ ! -f $load_seeds/small.convene ]]; then
  tmp=$(mktemp -d)
  ASAN_OPTIONS=detect_leaks=0 "$convene" --import="$root/tests/io/full-project.json" "$tmp/small.convene"
  python3 - "$tmp/small.convene" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA page_size = 512")
db.execute("VACUUM")
db.close()
PY
  cp "$tmp/small.convene" "$load_seeds/"
  rm -rf "$tmp"
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_odr_violation=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export G_SLICE=always-malloc LC_ALL=C.UTF-8 TZ=UTC

# Each target runs for SECONDS on a core of its own; its exit status is kept
# in a file, read once all have finished.
cores=$(nproc 2>/dev/null || echo 1)
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= cores)); do
    wait -n || true
  done
  echo "run-fuzz: fuzz-$target for $seconds s" >&2
  rm -f "$dir/fuzz-$target.status"
  (
    status=0
    cd "$dir" && "$dir/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
      "$dir/corpus-$target" "$dir/seeds-$target" 2>"$dir/fuzz-$target.log" || status=$?
    echo "$status" >"$dir/fuzz-$target.status"
  ) &
done
wait

status=0
for target in "${targets[@]}"; do
  if [[ $(cat "$dir/fuzz-$target.status" 2>/dev/null) != 0 ]]; then
    status=1
    tail -n 60 "$dir/fuzz-$target.log" >&2
    echo "run-fuzz: fuzz-$target failed; the input is in $dir (crash-*)" >&2
  fi
  echo "run-fuzz: fuzz-$target: $(grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$dir/fuzz-$target.log" | tr '\n' ' ')" >&2
done
exit $status
