#!/bin/sh
# Drives the real `convene` program headless, as a script or a planner at a
# terminal would: --import then --export, a round trip through a project
# file, the run sheet as PDF with its options (read back with pdftotext),
# and failures that exit non-zero with one line on stderr.
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
echo "1..37"

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

# The example leaves out the UUIDs of its sessions and segments, so that
# each project made from it gets its own; the project file keeps them.
grep -v '^ *"uuid": ' "$tmp/a.json" >"$tmp/a-without-uuids.json" &&
  cmp -s "$tmp/a-without-uuids.json" "$example" &&
  [ "$(grep -c '^ *"uuid": "[0-9a-f-]\{36\}",$' "$tmp/a.json")" -eq 11 ]
check $? "the exported JSON is the example, byte for byte, with a UUID for each session and segment"

# The schedule for conference apps, valid against the published schema when
# ../shared/schemas is beside the source tree and xmllint is installed.
run xml --export="$tmp/schedule.xml" "$tmp/side-event.convene"
schemas=$(dirname "$(dirname "$(dirname "$(dirname "$example")")")")/shared/schemas
[ "$(status xml)" -eq 0 ] && [ ! -s "$tmp/xml.err" ] && grep -q '<event guid="' "$tmp/schedule.xml" &&
  { [ ! -d "$schemas" ] || ! command -v xmllint >/dev/null ||
    xmllint --noout --nonet --schema "$schemas/schedule.xml.xsd" "$tmp/schedule.xml" 2>"$tmp/xmllint.err"; }
check $? "--export=FILE.xml writes the schedule, valid against its schema"

run sjson --export="$tmp/s.schedule.json" "$tmp/side-event.convene"
[ "$(status sjson)" -eq 0 ] && [ ! -s "$tmp/sjson.err" ] && grep -q '"schedule" : {' "$tmp/s.schedule.json" &&
  ! grep -q '"format" : "convene-project"' "$tmp/s.schedule.json" &&
  { [ ! -d "$schemas" ] || { python3 "$(dirname "$0")/check-schedule-json.py" \
      "$schemas/schedule.json-schema.json" "$tmp/s.schedule.json" 2>"$tmp/jsonschema.err"; rc=$?;
      [ $rc -eq 0 ] || [ $rc -eq 77 ]; }; }
check $? "--export=FILE.schedule.json writes the schedule as JSON, valid against its schema"

run ics --export="$tmp/programme.ics" "$tmp/side-event.convene"
[ "$(status ics)" -eq 0 ] && [ ! -s "$tmp/ics.err" ] && head -n 1 "$tmp/programme.ics" | grep -q '^BEGIN:VCALENDAR' &&
  [ "$(grep -c '^BEGIN:VEVENT' "$tmp/programme.ics")" -eq 10 ] && grep -q '^TZID:Europe/Zurich' "$tmp/programme.ics"
check $? "--export=FILE.ics writes the calendar: the venue's zone and an event per segment and item"

run csv --export="$tmp/programme.csv" "$tmp/side-event.convene"
[ "$(status csv)" -eq 0 ] && [ ! -s "$tmp/csv.err" ] && head -n 1 "$tmp/programme.csv" | grep -q 'Date,Start,End,Minutes' &&
  [ "$(grep -c '^2027-05-23,' "$tmp/programme.csv")" -eq 10 ]
check $? "--export=FILE.csv writes the programme as a spreadsheet, a row per segment and item"

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

# The run sheet as PDF: what a stage manager needs from the example.
run pdf --export="$tmp/sheet.pdf" "$tmp/side-event.convene"
[ "$(status pdf)" -eq 0 ] && [ ! -s "$tmp/pdf.err" ] && pdftotext -layout "$tmp/sheet.pdf" "$tmp/sheet.txt"
check $? "--export=FILE.pdf writes the run sheet, exit 0, nothing on stderr"

missing_text=""
for want in 12:30 12:40 13:40 14:00 14:03 "3 min over" \
    "Enrico Fos" Philippines "Santino Severoni" EURO "Tamam Aloudat" MSF \
    "Ibadat Dhillon" "Stacey Pillay" "Africa Health Placements" "Teresa Zakaria" IOM \
    "James Campbell" "Kanokporn Kaojaroen" "Moderator"; do
  grep -qF "$want" "$tmp/sheet.txt" || missing_text="$missing_text [$want]"
done
[ -z "$missing_text" ]
check $? "the run sheet shows the times, the 3 min overrun, the six panellists with organisations and both moderators$missing_text"

# One line per panellist: name, then "Presenter · organisation" under it.
[ "$(grep -c 'Presenter · ' "$tmp/sheet.txt")" -eq 6 ]
check $? "six panellists are listed with their role and organisation"

run byid --export="$tmp/one.pdf" --session=9 "$tmp/side-event.convene"
run bytitle --export="$tmp/two.pdf" "--session=Health and migration: international cooperation and governance" "$tmp/side-event.convene"
[ "$(status byid)" -eq 0 ] && [ "$(status bytitle)" -eq 0 ] &&
  pdftotext "$tmp/one.pdf" - | grep -q 14:03 && pdftotext "$tmp/two.pdf" - | grep -q 14:03
check $? "--session picks the session by id or by exact title"

run nosession --export="$tmp/none.pdf" --session=Plenary "$tmp/side-event.convene"
[ "$(status nosession)" -ne 0 ] && one_line_error nosession && [ ! -e "$tmp/none.pdf" ] &&
  grep -q 'Plenary' "$tmp/nosession.err" && grep -q '9 “Health and migration' "$tmp/nosession.err"
check $? "an unknown --session fails with one line listing the sessions, and writes nothing"

run options --export="$tmp/options.pdf" --paper=letter --landscape --font-size=11 --no-notes \
  --sections=contacts,outcomes,moderator,call-sheets --12h "$tmp/side-event.convene"
[ "$(status options)" -eq 0 ] && pdfinfo "$tmp/options.pdf" | grep -q 'Page size: *792 x 612 pts' &&
  pdftotext -layout "$tmp/options.pdf" - | grep -q '2:03 PM'
check $? "--paper=letter --landscape --12h and the sections give a landscape Letter sheet with 12-hour times"

[ "$(pdfinfo "$tmp/options.pdf" | sed -n 's/^Pages: *//p')" -gt "$(pdfinfo "$tmp/sheet.pdf" | sed -n 's/^Pages: *//p')" ]
check $? "the optional sections add pages"

run byday --export="$tmp/day.pdf" --date=2027-05-23 --24h "$tmp/side-event.convene"
run otherday --export="$tmp/otherday.pdf" --date=2027-05-24 "$tmp/side-event.convene"
[ "$(status byday)" -eq 0 ] && pdftotext "$tmp/day.pdf" - | grep -q 14:03 &&
  [ "$(status otherday)" -ne 0 ] && one_line_error otherday && [ ! -e "$tmp/otherday.pdf" ]
check $? "--date prints the sessions of that day, and a day without sessions fails"

run liveimport --import="$CONVENE_SOURCE_DIR/tests/io/full-project.json" "$tmp/live.convene"
run actuals --export="$tmp/actuals.pdf" "$tmp/live.convene"
run noactuals --export="$tmp/noactuals.pdf" --no-actuals "$tmp/live.convene"
[ "$(status liveimport)" -eq 0 ] && [ "$(status actuals)" -eq 0 ] && [ "$(status noactuals)" -eq 0 ] &&
  pdftotext "$tmp/actuals.pdf" - | grep -q 'PLANNED AND ACTUAL' &&
  ! pdftotext "$tmp/noactuals.pdf" - | grep -q 'PLANNED AND ACTUAL'
check $? "a session run live gets the planned and actual section, which --no-actuals leaves out"

# bad-option NAME ARGS...: fails with one line and leaves no file behind.
bad_option () {
  name=$1
  shift
  run "$name" --export="$tmp/$name.pdf" "$@" "$tmp/side-event.convene"
  [ "$(status "$name")" -eq 1 ] && one_line_error "$name" && [ ! -e "$tmp/$name.pdf" ] &&
    [ -z "$(find "$tmp" -name ".$name.pdf*")" ]
}

bad_option badpaper --paper=b9 && grep -q 'b9' "$tmp/badpaper.err"
check $? "an unknown --paper fails with one line naming it and writes nothing"

bad_option zerofont --font-size=0 && grep -q '6' "$tmp/zerofont.err"
check $? "--font-size=0 fails with one line giving the range and writes nothing"

bad_option wordfont --font-size=large
check $? "--font-size=large fails with one line and writes nothing"

bad_option badsection --sections=contacts,seating && grep -q 'seating' "$tmp/badsection.err"
check $? "an unknown --sections name fails with one line naming it and writes nothing"

# A path under a file cannot be written, even by root.
run unwritable --export="$tmp/a.json/sheet.pdf" "$tmp/side-event.convene"
[ "$(status unwritable)" -eq 1 ] && one_line_error unwritable && grep -q 'sheet.pdf' "$tmp/unwritable.err" &&
  [ -z "$(find "$tmp" -name '.sheet.pdf*')" ] && grep -v '^ *"uuid": ' "$tmp/a.json" | cmp -s - "$example"
check $? "an unwritable output path fails with one line naming it and leaves no file"

run jsonpaper --export="$tmp/paper.json" --paper=a4 "$tmp/side-event.convene"
[ "$(status jsonpaper)" -eq 1 ] && one_line_error jsonpaper && [ ! -e "$tmp/paper.json" ] &&
  grep -q -- '--paper' "$tmp/jsonpaper.err" && grep -q '\.pdf' "$tmp/jsonpaper.err"
check $? "a .json export with --paper is refused with one line and writes nothing"

# Bytes that are not text, in any of the run-sheet options that take text.
notext=$(printf 'R\351union')
ok=0
for option in session date paper font-size sections; do
  bad_option "notext-$option" "--$option=$notext" && grep -q -- "--$option" "$tmp/notext-$option.err" || ok=1
done
check $ok "an option value that is not text fails with one line starting convene: and writes nothing"

# Fit to Slot: the example's 93 minutes in its 90-minute slot.
cp "$tmp/side-event.convene" "$tmp/fit.convene"
before=$(cksum <"$tmp/fit.convene")
run fit --fit=9 "$tmp/fit.convene"
[ "$(status fit)" -eq 0 ] && [ ! -s "$tmp/fit.err" ] &&
  grep -q '93 min → 90 min' "$tmp/fit.out" && grep -q '20 → 15 min  III. Moderated discussion' "$tmp/fit.out" &&
  grep -q '3 → 5 min  IV. Closing remarks' "$tmp/fit.out" && [ "$(cksum <"$tmp/fit.convene")" = "$before" ]
check $? "--fit prints the proposal, 20 → 15 and 3 → 5, and leaves the file alone"

run fitapply --fit="Health and migration: international cooperation and governance" --strategy=priority \
  --step=1 --apply "$tmp/fit.convene"
run fitexport --export="$tmp/fit.json" "$tmp/fit.convene"
[ "$(status fitapply)" -eq 0 ] && grep -q 'Applied' "$tmp/fitapply.out" &&
  grep -q '"duration": 17,' "$tmp/fit.json" && grep -q '"duration": 3,' "$tmp/fit.json"
check $? "--fit --apply changes the file: by priority, the discussion gives 3 minutes at a 1-minute step"

run fitagain --fit=9 "$tmp/fit.convene"
[ "$(status fitagain)" -eq 0 ] && grep -q 'It already fits' "$tmp/fitagain.out"
check $? "a fitted session already fits"

run fitnone --fit=Lunch "$tmp/fit.convene"
[ "$(status fitnone)" -eq 1 ] && one_line_error fitnone && grep -q -- '--fit' "$tmp/fitnone.err"
check $? "--fit with an unknown session fails with one line"

run fitstrategy --fit=9 --strategy=random "$tmp/fit.convene"
run fitalone --apply "$tmp/fit.convene"
[ "$(status fitstrategy)" -eq 1 ] && one_line_error fitstrategy && [ "$(status fitalone)" -eq 1 ] &&
  one_line_error fitalone
check $? "a bad --strategy, or --apply without --fit, fails with one line"

cp "$tmp/side-event.convene" "$tmp/order.convene"
run order --fit=9 --priority=opening --step=1 "$tmp/order.convene"
[ "$(status order)" -eq 0 ] && grep -q '10 → 7 min  I. Opening' "$tmp/order.out" &&
  grep -q '^  20 min  III. Moderated discussion' "$tmp/order.out"
check $? "--priority=opening: the opening gives the 3 minutes, the discussion none"

run orderbad --fit=9 --priority=opening,lunch "$tmp/order.convene"
run orderclash --fit=9 --priority=opening --strategy=proportional "$tmp/order.convene"
run orderalone --priority=break "$tmp/order.convene"
[ "$(status orderbad)" -eq 1 ] && one_line_error orderbad && grep -q 'lunch' "$tmp/orderbad.err" &&
  [ "$(status orderclash)" -eq 1 ] && one_line_error orderclash &&
  [ "$(status orderalone)" -eq 1 ] && one_line_error orderalone
check $? "an unknown kind in --priority, --priority against --strategy=proportional, or without --fit, fails"

# The order the planner set in the window (kept among the project's view
# settings) is what --strategy=priority follows when --priority is not given.
sqlite3 "$tmp/order.convene" "INSERT INTO view_setting (key, value) VALUES ('fit-priority', 'opening,break')"
run remembered --fit=9 --strategy=priority --step=1 "$tmp/order.convene"
run usual --fit=9 --strategy=priority --step=1 "$tmp/side-event.convene"
[ "$(status remembered)" -eq 0 ] && grep -q '10 → 7 min  I. Opening' "$tmp/remembered.out" &&
  [ "$(status usual)" -eq 0 ] && grep -q '20 → 17 min  III. Moderated discussion' "$tmp/usual.out"
check $? "--strategy=priority follows the project's remembered order, else the usual one"

[ "$failed" -eq 0 ] || show
exit 0
