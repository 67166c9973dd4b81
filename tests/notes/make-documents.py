#!/usr/bin/env python3
"""Writes the concept-note documents the note tests read, into OUTDIR.

side-event.docx and side-event.odt hold the note of notes/side-event.txt
the way a word processor saves it: each line a paragraph, the parts and
talks in automatically numbered lists (Word's numbering.xml, ODF list
styles) so their "I." and "A." labels are not in the text, the last two
talks lettered by hand as in the real note. agenda-table.docx holds an
agenda as a table. The hostile ones: a zip bomb, an XML entity bomb, a
zip without a document, a truncated document.

Usage: make-documents.py OUTDIR
"""

import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

PROSE_BEFORE = [
    "Background",
    "Coastal cities face rising seas, stronger storms and saltwater in their wells. The costs fall first "
    "on the people with the fewest means to move or rebuild, and the knowledge needed to respond is spread "
    "across ministries, utilities and neighbourhood groups that seldom meet.",
    "This side event aims to bring these actors together and to compare what has worked.",
    "",
    "Proposed format",
    "This 90-minute moderated session will open with remarks from the hosts, followed by a panel of short "
    "talks and an open discussion.",
]

# (list level or None, text): level 0 parts, level 1 talks, None plain.
PROGRAMME = [
    (0, "Welcome and opening remarks by the host country, UNEP and UN-Habitat : (10 mins)"),
    (0, "Panel: (60 mins)"),
    (1, "Mapping flood risk street by street: a community survey method for informal settlements"),
    (None, "Amara Okafor, Senior Researcher, Coastal Futures Lab"),
    (1, "Paying for protection: municipal bonds, insurance and the role of national budgets"),
    (None, "Jonas Lindqvist, Director, Adaptation Finance, NORDFUND"),
    (1, "Water utilities under pressure"),
    (None, "Mei Tanaka, IWA"),
    (1, "Lessons from the 2024 floods in the delta region"),
    (None, "Rafael Gómez-Ortiz, Programme Officer, Disaster Risk, UNDRR"),
    (None, "F. Designing with nature: mangroves, dunes and living shorelines in practice"),
    (None, "Leila Haddad, Chief Engineer, Blue Coast Partners, Morocco"),
    (None, "E. Working across borders - river basin cooperation in the Mekong"),
    (None, "Sokha Chan, Regional Coordinator, MRC"),
    (0, "Moderated discussion (20 mins)"),
    (0, "Closing remarks (3 mins)"),
    (None, ""),
    (None, "Moderator: Dr Ingrid Berg/UNEP, Tomás Ruiz/UN-Habitat"),
    (None, "The panel will help answer questions such as:"),
]

QUESTIONS = [
    "Which local data should every coastal city collect before it invests in protection, and who should "
    "own that data?",
    "How can national budgets and international finance reach the neighbourhoods most at risk?",
    "What would a lasting platform for cities to share adaptation practice look like?",
    "Which nature-based measures have proven their worth, and where have they failed?",
    "How can river basin agreements inform cooperation between coastal cities?",
]

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')


def w_paragraph(text, num_id=None, level=0):
    numbering = ""
    if num_id is not None:
        numbering = (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                     '</w:numPr></w:pPr>')
    # A run split in two, as Word splits them at each change of spelling check.
    half = len(text) // 2
    runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
                   for part in (text[:half], text[half:]) if part)
    return f"<w:p>{numbering}{runs}</w:p>"


def w_document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def w_numbering():
    def level(ilvl, fmt, text):
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:numbering xmlns:w="{W}">'
            '<w:abstractNum w:abstractNumId="0">'
            + level(0, "upperRoman", "%1.") + level(1, "upperLetter", "%2.") +
            '</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1">' + level(0, "decimal", "%1.") + '</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            '</w:numbering>')


def write_docx(path, document, numbering=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)


def side_event_docx(path):
    body = [w_paragraph(text) for text in PROSE_BEFORE]
    for level, text in PROGRAMME:
        body.append(w_paragraph(text, 1 if level is not None else None, level or 0))
    body += [w_paragraph(text, 2, 0) for text in QUESTIONS]
    write_docx(path, w_document("".join(body)), w_numbering())


def agenda_docx(path):
    def row(*cells):
        return "<w:tr>" + "".join(f"<w:tc>{w_paragraph(cell)}</w:tc>" for cell in cells) + "</w:tr>"
    body = [w_paragraph("Youth and the future of work: a dialogue with employers"),
            w_paragraph("Date: 9 June 2026"),
            w_paragraph("Agenda"),
            "<w:tbl>" + row("Time", "Item") + row("09:30–09:40", "Welcome by the Director-General")
            + row("09:40–10:10", "Keynote: skills that will matter in 2035")
            + row("10:10–11:00", "Panel discussion") + row("11:00–11:15", "Coffee break") + "</w:tbl>",
            w_paragraph("Chair: Mr Daniel Osei, Ambassador, Permanent Mission of Ghana")]
    write_docx(path, w_document("".join(body)))


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def o_paragraph(text):
    # Runs of spaces are written as text:s, as ODF stores them.
    return f"<text:p>{escape(text).replace('  ', ' <text:s/>')}</text:p>"


def side_event_odt(path):
    parts = [o_paragraph(text) for text in PROSE_BEFORE]
    programme = list(PROGRAMME)
    # Parts I and II, the talks A to D inside II, in one list.
    parts.append('<text:list text:style-name="L1">')
    parts.append(f"<text:list-item>{o_paragraph(programme[0][1])}</text:list-item>")
    parts.append(f"<text:list-item>{o_paragraph(programme[1][1])}<text:list>")
    for i in range(2, 10, 2):
        parts.append(f"<text:list-item>{o_paragraph(programme[i][1])}{o_paragraph(programme[i + 1][1])}"
                     "</text:list-item>")
    parts.append("</text:list></text:list-item></text:list>")
    for i in range(10, 14):
        parts.append(o_paragraph(programme[i][1]))
    # III and IV go on numbering the same list.
    parts.append('<text:list text:style-name="L1" text:continue-numbering="true">')
    for i in (14, 15):
        parts.append(f"<text:list-item>{o_paragraph(programme[i][1])}</text:list-item>")
    parts.append("</text:list>")
    for i in range(16, len(programme)):
        parts.append(o_paragraph(programme[i][1]))
    parts.append('<text:list text:style-name="L2">')
    parts += [f"<text:list-item>{o_paragraph(text)}</text:list-item>" for text in QUESTIONS]
    parts.append("</text:list>")

    styles = ('<text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/>'
              '<text:list-level-style-number text:level="2" style:num-format="A" style:num-suffix="."/>'
              '</text:list-style>'
              '<text:list-style style:name="L2">'
              '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
              '</text:list-style>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               f'<office:document-content xmlns:office="{ODF_OFFICE}" xmlns:text="{ODF_TEXT}" '
               f'xmlns:style="{ODF_STYLE}" office:version="1.3">'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{"".join(parts)}</office:text></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def hostile(outdir):
    # A zip bomb: a document that unpacks to 100 MB.
    with zipfile.ZipFile(os.path.join(outdir, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as member:
            member.write(w_document("").encode()[:-len("</w:body></w:document>")])
            chunk = b" " * (1024 * 1024)
            for _ in range(100):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    # An XML entity bomb ("billion laughs").
    entities = '<!ENTITY lol0 "Opening remarks (10 min) ">'
    for i in range(1, 10):
        entities += f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">'
    laughs = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
              f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
              '</w:body></w:document>')
    write_docx(os.path.join(outdir, "laughs.docx"), laughs)
    # A zip with no document in it.
    with zipfile.ZipFile(os.path.join(outdir, "empty.docx"), "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    # A document cut short.
    with open(os.path.join(outdir, "side-event.docx"), "rb") as whole:
        data = whole.read()
    with open(os.path.join(outdir, "truncated.docx"), "wb") as cut:
        cut.write(data[: len(data) // 2])


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    side_event_docx(os.path.join(outdir, "side-event.docx"))
    side_event_odt(os.path.join(outdir, "side-event.odt"))
    agenda_docx(os.path.join(outdir, "agenda-table.docx"))
    hostile(outdir)


if __name__ == "__main__":
    main()
