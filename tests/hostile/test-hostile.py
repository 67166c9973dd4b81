#!/usr/bin/env python3
"""Hostile and broken input, through the real `convene` command line.

Every case is generated here, deterministically, into a temporary folder:
broken project files are exported (`convene --export=out.json bad.convene`)
and broken JSON is imported (`convene --import=bad.json new.convene`).
Each must end with exit status 1 (no signal), exactly one line on stderr that
starts with "convene: " and names the file, nothing written, and the bad file
byte for byte as it was. Project files whose time zone is not a zone are the
one exception: they open with UTC and a one-line notice (exit 0). README.md
lists the cases and what each gives.

Usage: test-hostile.py CONVENE SOURCE_DIR      (prints TAP)
"""
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

convene, source_dir = sys.argv[1], sys.argv[2]
example = os.path.join(source_dir, "data", "examples", "side-event.json")
full = os.path.join(source_dir, "tests", "io", "full-project.json")
tmp = tempfile.mkdtemp(prefix="convene-hostile-")
env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)

results = []

# "A newer version" is one past the version this Convene writes.
with open(os.path.join(source_dir, "src", "core", "store", "convene-store.h"), encoding="utf-8") as header:
    schema_version = next(int(line.split()[2]) for line in header
                          if line.startswith("#define CONVENE_SCHEMA_VERSION "))


def digest(path):
    if not os.path.exists(path):
        return "absent"
    if os.path.isdir(path):
        return "directory"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run(*args):
    proc = subprocess.run([convene, *args], env=env, capture_output=True, timeout=120)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def check_refused(name, status, stderr, named, before, after, left_behind):
    problems = []
    if status < 0:
        problems.append(f"killed by signal {-status}")
    elif status != 1:
        problems.append(f"exit status {status}")
    lines = stderr.splitlines()
    if len(lines) != 1 or not stderr.endswith("\n"):
        problems.append(f"{len(lines)} lines on stderr")
    elif not lines[0].startswith("convene: "):
        problems.append("stderr does not start with 'convene: '")
    elif named not in lines[0]:
        problems.append(f"stderr does not name {named}")
    if before != after:
        problems.append("the bad file changed")
    if left_behind:
        problems.append("left behind: " + ", ".join(left_behind))
    results.append((name, problems, lines[0] if lines else ""))


def export_case(name, path):
    """Exports path; it must be refused and left untouched."""
    out = os.path.join(tmp, "out.json")
    before = digest(path)
    status, stderr = run(f"--export={out}", path)
    left = [p for p in (out, path + "-wal", path + "-shm", path + "-journal") if os.path.exists(p)]
    check_refused("project: " + name, status, stderr, os.path.basename(path), before, digest(path), left)
    for p in left:
        os.unlink(p)


def import_case(name, path, kind="json"):
    """Imports path as a new project; it must be refused and create nothing."""
    project = os.path.join(tmp, "new.convene")
    before = digest(path)
    status, stderr = run(f"--import={path}", project)
    left = [p for p in (project, project + "-wal", project + "-shm", project + "-journal")
            if os.path.exists(p)]
    check_refused(f"{kind}: " + name, status, stderr, os.path.basename(path), before, digest(path), left)
    for p in left:
        os.unlink(p)


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def folder(name):
    path = os.path.join(tmp, name)
    os.mkdir(path)
    return path


imported = {}


def real_project(name, source=full):
    """A real project file made by convene itself, checkpointed (no -wal):
    a copy of the one file made from source, so each source is imported
    once rather than for every case that starts from it."""
    if source not in imported:
        made = os.path.join(tmp, f"imported-{len(imported)}.convene")
        status, stderr = run(f"--import={source}", made)
        if status != 0:
            print(f"Bail out! could not make a real project: {stderr.strip()}")
            sys.exit(1)
        imported[source] = made
    path = os.path.join(tmp, name)
    shutil.copyfile(imported[source], path)
    return path


def sql(path, *statements):
    """Each statement on a fresh connection, so schema edits take effect."""
    for statement in statements:
        db = sqlite3.connect(path, isolation_level=None)
        db.executescript(statement)
        db.close()


def planted(name, *statements, source=full):
    path = real_project(name + ".convene", source)
    sql(path, *statements)
    return path


def schema_sql(path, table):
    db = sqlite3.connect(path)
    text = db.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    return text


def behind_the_schema(name, table, loosen, restore_from, update):
    """Writes values the schema forbids (wrong type, NULL) by loosening the
    table's definition, writing, then putting the exact definition back."""
    path = real_project(name + ".convene")
    original = schema_sql(path, table)
    loose = original
    for old, new in loosen:
        loose = loose.replace(old, new)
    assert loose != original, name
    set_sql = "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '{}' WHERE name = '{}'; " \
              "PRAGMA writable_schema = OFF"
    sql(path, set_sql.format(loose.replace("'", "''"), table),
        "PRAGMA ignore_check_constraints = ON; " + update,
        set_sql.format(original.replace("'", "''"), table))
    assert schema_sql(path, table) == original
    return path


rng = random.Random(8)

# ---- project files -----------------------------------------------------------

export_case("no such file", os.path.join(tmp, "absent.convene"))
export_case("empty file", write("empty.convene", b""))
export_case("text, not SQLite", write("text.convene", b"Agenda\n12:30 Opening remarks\n"))
export_case("a PNG image", write("image.convene", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(200)))
export_case("64 KiB of random bytes", write("random.convene", rng.randbytes(65536)))
export_case("SQLite magic then random bytes",
            write("magic.convene", b"SQLite format 3\0" + rng.randbytes(8192)))

whole = real_project("whole.convene")
with open(whole, "rb") as f:
    image = f.read()
for cut in (16, 99, 100, 512, 4096, 4097, len(image) // 2, len(image) - 4096, len(image) - 1):
    export_case(f"truncated at {cut} of {len(image)} bytes", write(f"cut-{cut}.convene", image[:cut]))
for seed in range(3):
    damaged = bytearray(image)
    flip = random.Random(100 + seed)
    for _ in range(64):
        damaged[flip.randrange(100, len(damaged))] = flip.randrange(256)
    export_case(f"64 bytes overwritten at random (seed {seed})", write(f"flipped-{seed}.convene", bytes(damaged)))
export_case("a page of zeros in the middle",
            write("zeros.convene", image[:4096 * 2] + bytes(4096) + image[4096 * 3:]))

other = os.path.join(tmp, "other.convene")
sql(other, "CREATE TABLE songs (title TEXT, artist TEXT); INSERT INTO songs VALUES ('a', 'b')")
export_case("another program's database", other)
export_case("another program's database with Convene's application id",
            planted("fake-id", "PRAGMA application_id = 0; CREATE TABLE t (x)",
                    "DROP TABLE project; PRAGMA application_id = 1129207374"))
export_case("made by a newer Convene", planted("newer", f"PRAGMA user_version = {schema_version + 1}"))
export_case("user_version far in the future", planted("future", "PRAGMA user_version = 2147483647"))
export_case("a trigger planted",
            planted("trigger", "CREATE TRIGGER t AFTER INSERT ON speaker BEGIN DELETE FROM session; END"))
export_case("a view planted", planted("view", "CREATE VIEW v AS SELECT * FROM speaker"))
export_case("a table planted", planted("table", "CREATE TABLE extra (x TEXT)"))
export_case("a column added", planted("column", "ALTER TABLE segment ADD COLUMN colour TEXT"))
export_case("a table dropped", planted("dropped", "DROP TABLE outcome_link"))
export_case("text in an INTEGER column",
            behind_the_schema("wrong-type", "segment", [(") STRICT", ")")], None,
                              "UPDATE segment SET duration = 'ten minutes'"))
export_case("a real number in an INTEGER column",
            behind_the_schema("real", "session", [(") STRICT", ")")], None,
                              "UPDATE session SET slot_minutes = 7.5"))
export_case("a blob for a title",
            behind_the_schema("blob", "speaker", [(") STRICT", ")")], None,
                              "UPDATE speaker SET name = x'00ff00ff'"))
export_case("NULL where a title must be",
            behind_the_schema("null-title", "session", [("title TEXT NOT NULL", "title TEXT")], None,
                              "UPDATE session SET title = NULL"))
export_case("NULL where a duration must be",
            behind_the_schema("null-duration", "segment", [("duration INTEGER NOT NULL", "duration INTEGER")],
                              None, "UPDATE segment SET duration = NULL"))
export_case("negative duration",
            planted("negative", "PRAGMA ignore_check_constraints = ON; UPDATE segment SET duration = -15"))
export_case("huge duration",
            planted("huge", "PRAGMA ignore_check_constraints = ON; "
                            "UPDATE segment SET duration = 9223372036854775807"))
export_case("start time past midnight",
            planted("start", "PRAGMA ignore_check_constraints = ON; UPDATE session SET start_time = -1"))
export_case("a string of 4 MiB",
            planted("megabytes", "UPDATE segment SET notes = printf('%.*c', 4194304, 'x')"))
export_case("a title of 1 MiB",
            planted("megatitle", "UPDATE project SET title = printf('%.*c', 1048576, 'T')"))
export_case("invalid UTF-8 in a name",
            planted("utf8", "UPDATE speaker SET name = CAST(x'4ac3a972c3f46d65ff' AS TEXT)"))
export_case("a NUL inside a note",
            planted("nul", "UPDATE segment SET notes = CAST(x'6f6b006e6f74' AS TEXT)"))
export_case("a segment that is its own parent",
            planted("self-parent", "PRAGMA ignore_check_constraints = ON; "
                                   "UPDATE segment SET parent = id WHERE id = (SELECT min(id) FROM segment)"))
export_case("an id of 2^63-1",
            planted("largest-id", "INSERT INTO speaker (id, position, honorific, name, job_title, "
                    "organisation, email, phone, bio, notes, status) VALUES "
                    "(9223372036854775807, 99, '', 'Last', '', '', '', '', '', '', 'invited')"))
export_case("a parent cycle",
            planted("cycle", "UPDATE segment SET parent = (SELECT max(id) FROM segment) "
                             "WHERE id = (SELECT min(id) FROM segment); "
                             "UPDATE segment SET parent = (SELECT min(id) FROM segment) "
                             "WHERE id = (SELECT max(id) FROM segment)"))
export_case("a directory named like a project", folder("folder.convene"))

# ---- JSON --------------------------------------------------------------------

with open(example, "rb") as f:
    good = f.read()
for cut in (1, 2, 40, len(good) // 3, len(good) // 2, len(good) - 2):
    import_case(f"example truncated at {cut} of {len(good)} bytes", write(f"cut-{cut}.json", good[:cut]))
import_case("no such file", os.path.join(tmp, "absent.json"))
import_case("a directory", folder("folder.json"))
import_case("64 KiB of random bytes", write("random.json", rng.randbytes(65536)))
import_case("a project file given as JSON", write("project-as.json", image))
import_case("UTF-16", write("utf16.json", good.decode("utf-8").encode("utf-16")))
import_case("a NUL byte inside", write("nul.json", good[:200] + b"\0" + good[200:]))
import_case("arrays nested 100,000 deep", write("deep-array.json", b"[" * 100000 + b"]" * 100000))
import_case("objects nested 100,000 deep", write("deep-object.json", b'{"a":' * 100000 + b"1" + b"}" * 100000))
import_case("project nested 50,000 deep in items",
            write("deep-items.json", json.dumps({
                "format": "convene-project", "version": 1, "project": {},
                "sessions": [{"date": "2027-05-23", "start": "12:30", "slot_minutes": 5,
                              "segments": [json.loads('{"kind": "panel", "items": [' * 1 + '{"kind": "qa"}' + ']}')]}]
            }).encode()[:-1] + b"[" * 50000 + b"]" * 50000 + b"}"))
import_case("a string of 8 MiB",
            write("megastring.json", json.dumps({"format": "convene-project", "version": 1,
                                                 "project": {"notes": "x" * (8 << 20)}}).encode()))
import_case("a million speakers, the last one broken",
            write("many.json", b'{"format": "convene-project", "version": 1, "project": {}, "speakers": ['
                  + b'{"name": "A"},' * 1000000 + b'{"name": 1}]}'))

doc = json.loads(good)
mutations = [
    ("null for the project", lambda d: d.update(project=None)),
    ("null for the speakers", lambda d: d.update(speakers=None)),
    ("null for a speaker's name", lambda d: d["speakers"][0].update(name=None)),
    ("null for a session date", lambda d: d["sessions"][0].update(date=None)),
    ("null for a segment", lambda d: d["sessions"][0]["segments"].__setitem__(0, None)),
    ("null for a duration", lambda d: d["sessions"][0]["segments"][0].update(duration=None)),
    ("duration -1", lambda d: d["sessions"][0]["segments"][0].update(duration=-1)),
    ("duration 1e308", lambda d: d["sessions"][0]["segments"][0].update(duration=1e308)),
    ("duration true", lambda d: d["sessions"][0]["segments"][0].update(duration=True)),
    ("start 25:00", lambda d: d["sessions"][0].update(start="25:00")),
    ("date 2027-02-29", lambda d: d["sessions"][0].update(date="2027-02-29")),
    ("time zone ../../etc/passwd", lambda d: d["project"].update(time_zone="../../etc/passwd")),
    ("id 2^63", lambda d: d["speakers"][0].update(id=9223372036854775808)),
    ("id -1", lambda d: d["speakers"][0].update(id=-1)),
    ("id 2^63-1", lambda d: d["speakers"][0].update(id=9223372036854775807)),
    ("a session id changed, its assignments left dangling", lambda d: d["sessions"][0].update(id=d["speakers"][0]["id"])),
    ("an object for a title", lambda d: d["project"].update(title={"text": "x"})),
    ("a text of 65 KiB", lambda d: d["project"].update(notes="y" * 66000)),
    ("status 'maybe'", lambda d: d["speakers"][0].update(status="maybe")),
    ("format version 6", lambda d: d.update(version=6)),
    ("has_target 1", lambda d: d["sessions"][0]["segments"][1].update(has_target=1)),
    ("format in upper case", lambda d: d.update(format="CONVENE-PROJECT")),
]
for name, mutate in mutations:
    d = json.loads(good)
    mutate(d)
    import_case(name, write("mutated.json", json.dumps(d).encode()))
    os.unlink(os.path.join(tmp, "mutated.json"))
escaped = good.replace(b'"Enrico Fos"', b'"Enrico \\ud800 Fos"')
assert escaped != good
import_case("a lone surrogate escape", write("surrogate.json", escaped))
import_case("invalid UTF-8 in a name", write("utf8.json", good.replace(b"Enrico Fos", b"Enrico \xc0\xaf Fos")))

# ---- schedule XML ------------------------------------------------------------
# Imported twice: as a new project (nothing may be created) and into a real
# project (which must stay byte for byte as it was: nothing half-imported).

frab = os.path.join(source_dir, "tests", "io", "schedules", "frab.xml")
with open(frab, "rb") as f:
    good_xml = f.read()
target = real_project("schedule-target.convene", source=example)


def xml_case(name, path):
    import_case(name, path, kind="xml")
    kept = digest(target)
    status, stderr = run(f"--import={path}", target)
    left = [p for p in (target + "-wal", target + "-shm", target + "-journal") if os.path.exists(p)]
    check_refused("xml into a project: " + name, status, stderr, os.path.basename(path), kept,
                  digest(target), left)


def events(n, body=b"<duration>00:05</duration><title>E</title>"):
    one = b"<event><date>2026-05-01T10:00:00Z</date>" + body + b"</event>"
    return b"<schedule><day date=\"2026-05-01\"><room name=\"R\">" + one * n + b"</room></day></schedule>"


laughs = b'<?xml version="1.0"?>\n<!DOCTYPE schedule [\n<!ENTITY l0 "ha">\n' + b"".join(
    b'<!ENTITY l%d "%s">\n' % (i, (b"&l%d;" % (i - 1)) * 10) for i in range(1, 10)) + \
    b"]>\n<schedule><conference><title>&l9;</title></conference></schedule>\n"
xml_case("billion laughs", write("laughs.xml", laughs))
xml_case("an external entity to /etc/passwd",
         write("xxe.xml", b'<?xml version="1.0"?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
               + good_xml.split(b"?>", 1)[1].replace(b"<title>Opening</title>", b"<title>&x;</title>")))
xml_case("an external DTD", write("dtd.xml", b'<!DOCTYPE schedule SYSTEM "http://127.0.0.1:9/schedule.dtd">\n'
                                  + good_xml.split(b"?>", 1)[1]))
xml_case("elements nested 100,000 deep", write("deep.xml", b"<schedule>" + b"<day>" * 100000 + b"</day>" * 100000 + b"</schedule>"))
xml_case("100,000 events (8 MiB, under the size cap)", write("many.xml", events(100000)))
xml_case("a person on one event 20,000 times under new names",
         write("people.xml", b"<schedule><day><room name=\"R\"><event><date>2026-05-01T10:00:00Z</date>"
               b"<duration>00:05</duration><persons>"
               + b"".join(b"<person>P%d</person>" % i for i in range(20000))
               + b"</persons></event></room></day></schedule>"))
xml_case("17 MiB, over the size cap", write("huge.xml", b"<schedule>" + b" " * (17 << 20) + b"</schedule>"))
xml_case("invalid UTF-8", write("utf8.xml", good_xml.replace(b"Zo\xc3\xab", b"Zo\xc0\xaf")))
xml_case("the wrong root", write("html.xml", b"<html><body>schedule</body></html>"))
xml_case("a JSON file named .xml", write("json.xml", good))
xml_case("an empty file", write("empty.xml", b""))
for cut in (1, 100, len(good_xml) // 2, len(good_xml) - 3):
    xml_case(f"truncated at {cut} of {len(good_xml)} bytes", write(f"cut-{cut}.xml", good_xml[:cut]))
xml_case("a negative duration", write("negative.xml", good_xml.replace(b"00:30", b"-0:30", 1)))
xml_case("a duration of 999 hours", write("absurd.xml", good_xml.replace(b"00:30", b"999:00", 1)))
xml_case("a start that does not parse",
         write("start.xml", good_xml.replace(b"2026-10-24T09:00:00+02:00</date>", b"soon</date>", 1)))
xml_case("the 30th of February", write("february.xml", good_xml.replace(b"2026-10-24T09:30", b"2026-02-30T09:30", 1)))
xml_case("two events with one guid",
         write("guid.xml", good_xml.replace(b"9e8f-1a2b3c4d5e02", b"9e8f-1a2b3c4d5e01", 1)))
xml_case("one room's events a week apart",
         write("week.xml", good_xml.replace(b"2026-10-24T23:30:00", b"2026-10-31T23:30:00", 1)))
xml_case("no such file", os.path.join(tmp, "absent.xml"))
xml_case("a directory", folder("folder.xml"))

# Indico's export (<httpapiresult>): its times are in UTC, so an event
# without a zone this computer knows cannot be placed.
indico = os.path.join(source_dir, "tests", "io", "schedules", "indico.xml")
with open(indico, "rb") as f:
    good_indico = f.read()
zone = b"<timezone>America/Toronto</timezone>"
assert good_indico.count(zone) == 1
xml_case("Indico: an unknown time zone", write("indico-zone.xml", good_indico.replace(zone, b"<timezone>Mars/Olympus_Mons</timezone>")))
xml_case("Indico: no time zone", write("indico-nozone.xml", good_indico.replace(zone, b"")))
xml_case("Indico: a path for a time zone",
         write("indico-path.xml", good_indico.replace(zone, b"<timezone>/etc/localtime</timezone>")))
xml_case(f"Indico: truncated at {len(good_indico) // 2} of {len(good_indico)} bytes",
         write("indico-cut.xml", good_indico[:len(good_indico) // 2]))
xml_case("Indico: billion laughs",
         write("indico-laughs.xml", b'<?xml version="1.0"?>\n<!DOCTYPE httpapiresult [\n<!ENTITY l0 "ha">\n' + b"".join(
             b'<!ENTITY l%d "%s">\n' % (i, (b"&l%d;" % (i - 1)) * 10) for i in range(1, 10))
             + b"]>\n" + good_indico.split(b"?>", 1)[1].replace(
                 b"<title>Great Lakes Neutrino Workshop 2027</title>", b"<title>&l9;</title>")))
xml_case("Indico: a duration of -5 minutes",
         write("indico-negative.xml", good_indico.replace(b"<duration>15</duration>", b"<duration>-5</duration>", 1)))

# A good Indico export, as a new project: exit 0, the project made, and one
# line saying what was left out.
new_project = os.path.join(tmp, "indico.convene")
status, stderr = run(f"--import={indico}", new_project)
problems = []
if status != 0:
    problems.append(f"exit status {status}")
if stderr != "convene: \u201cindico.xml\u201d: 1 contribution without a start time was left out\n":
    problems.append(f"stderr is not the one notice: {stderr!r}")
if not os.path.exists(new_project):
    problems.append("no project was made")
else:
    db = sqlite3.connect(new_project)
    counts = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("session", "speaker")]
    db.close()
    if counts != [4, 8]:
        problems.append(f"sessions and people are {counts}, not [4, 8]")
results.append(("Indico: a good export becomes a project", problems, stderr.strip()))

# ---- time zones that are not zones: opened as UTC, with a notice ---------------
# A path, a FIFO (which GLib would wait on forever) or another file of the zone
# folder never reaches GLib. The export goes on with UTC's clock and exit 0,
# saying so in one line; the project file is left as it was.

def notice_case(name, path, out_name):
    out = os.path.join(tmp, out_name)
    before = digest(path)
    status, stderr = run(f"--export={out}", path)
    problems = []
    lines = stderr.splitlines()
    if status != 0:
        problems.append(f"exit status {status}")
    if len(lines) != 1 or not lines[0].startswith("convene: ") or "UTC" not in lines[0] \
            or os.path.basename(path) not in lines[0]:
        problems.append(f"stderr is not one notice naming the file and UTC: {stderr!r}")
    if digest(path) != before:
        problems.append("the project file changed")
    if not os.path.exists(out):
        problems.append("nothing was exported")
    elif out.endswith(".json"):
        with open(out, encoding="utf-8") as f:
            if json.load(f)["project"]["time_zone"] != "UTC":
                problems.append("the export does not say UTC")
    left = [p for p in (path + "-wal", path + "-shm", path + "-journal") if os.path.exists(p)]
    if left:
        problems.append("left behind: " + ", ".join(left))
    results.append(("time zone: " + name, problems, lines[0] if lines else ""))
    if os.path.exists(out):
        os.unlink(out)


fifo = os.path.join(tmp, "zone-fifo")
os.mkfifo(fifo)
notice_case("a FIFO's path, exported to PDF",
            planted("zone-fifo", f"UPDATE project SET time_zone = '{fifo}'", source=example), "sheet.pdf")
for label, zone, stem in [("/etc/localtime", "/etc/localtime", "zone-localtime"),
                          ("an absolute zoneinfo path", "/usr/share/zoneinfo/Europe/Zurich", "zone-absolute"),
                          ("Europe/../Europe/Zurich", "Europe/../Europe/Zurich", "zone-dotdot"),
                          ("zone.tab", "zone.tab", "zone-tab"),
                          ("leapseconds", "leapseconds", "zone-leapseconds")]:
    notice_case(label, planted(stem, f"UPDATE project SET time_zone = '{zone}'"), "zone.json")
os.unlink(fifo)

# ---- report ------------------------------------------------------------------

print(f"1..{len(results)}")
failed = 0
for i, (name, problems, line) in enumerate(results, 1):
    if problems:
        failed += 1
        print(f"not ok {i} - {name}: {'; '.join(problems)}")
    else:
        print(f"ok {i} - {name}")
    if line:
        print(f"# {line}")
shutil.rmtree(tmp)
sys.exit(1 if failed else 0)
