"""Word reader (checker/sources/word.py): damaged, hostile and unusual .docx files give notices, never tracebacks."""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from statlint.checker.sources import load
from statlint.checker.sources import word

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "harbour.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def with_document_xml(xml: str | bytes) -> bytes:
    """The fixture with its word/document.xml replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = xml.encode("utf-8") if isinstance(xml, str) else xml
            dst.writestr(info.filename, data)
    return out.getvalue()


def body(inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{inner}</w:body></w:document>'


def run_json(path: Path) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["files"][0]


def notice_of(data: bytes, name: str = "story.docx"):
    loaded = load(data, name)
    assert loaded.text is None and loaded.original is None
    (notice,) = loaded.notices
    return notice


def test_a_docx_that_is_not_a_zip_is_a_clear_error():
    notice = notice_of(b"Sales rose 5% to 105 from 100.")
    assert (notice.code, notice.fatal) == ("IO001", True)
    assert notice.message == ("story.docx is not a Word .docx file (not a zip archive); "
                              "use --input-format to read it as another format")


def test_a_pdf_named_docx_is_binary_skipped():
    assert notice_of(b"%PDF-1.7\n...").code == "IO003"


@pytest.mark.parametrize("damage", ["truncated", "flipped"])
def test_a_corrupt_zip_is_a_clear_error(damage):
    data = bytearray(FIXTURE.read_bytes())
    if damage == "truncated":
        data = data[:len(data) // 2]
    else:  # flip bytes inside the first member's compressed data: its CRC no longer matches
        for i in range(200, 260):
            data[i] ^= 0xFF
    notice = notice_of(bytes(data))
    assert notice.code == "IO001" and notice.message.startswith("story.docx is a damaged Word document")


def test_a_zip_without_a_document_is_not_word():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
    notice = notice_of(out.getvalue())
    assert notice.message == "story.docx is a zip archive but not a Word document (no word/document.xml)"


def test_a_document_that_unpacks_past_the_limit_is_too_large(monkeypatch):
    """A zip bomb: 8 MB of zeros compress to 8 KB; checked by declared sizes before anything is unpacked."""
    monkeypatch.setattr(word, "MAX_UNPACKED", 4 * 1024 * 1024)
    bomb = with_document_xml(body("<w:p><w:r><w:t>" + "0" * (8 * 1024 * 1024) + "</w:t></w:r></w:p>"))
    assert len(bomb) < 100_000
    notice = notice_of(bomb)
    assert notice.code == "IO004" and notice.fatal
    assert notice.message.startswith("too large: story.docx unpacks to ") and "(the limit is 4194304 bytes)" in notice.message


def test_a_member_larger_than_it_declares_fails_its_check():
    """zipfile stops at the declared size; the CRC then fails, so a lying header cannot smuggle a bomb in."""
    data = bytearray(with_document_xml(body("<w:p><w:r><w:t>" + "5" * 5000 + "</w:t></w:r></w:p>")))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    local = info.header_offset
    data[local + 22:local + 26] = (100).to_bytes(4, "little")  # local header: uncompressed size 100
    central = data.find(b"PK\x01\x02")
    while central >= 0:  # the central directory entry of word/document.xml says 100 bytes too
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if bytes(data[central + 46:central + 46 + name_len]) == b"word/document.xml":
            data[central + 24:central + 28] = (100).to_bytes(4, "little")
            break
        central = data.find(b"PK\x01\x02", central + 4)
    notice = notice_of(bytes(data))
    assert notice.code == "IO001" and "damaged" in notice.message


def test_too_many_members(monkeypatch):
    monkeypatch.setattr(word, "MAX_MEMBERS", 5)
    assert notice_of(FIXTURE.read_bytes()).message.startswith("too large: story.docx holds ")


def test_an_entity_bomb_is_not_expanded():
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha 5% ha 5% ha 5% ha 5% ha 5%">'
              + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
              + f"]><w:document {W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    loaded = load(with_document_xml(laughs), "story.docx")
    if loaded.text is None:
        assert loaded.notices[0].code == "IO001"
    else:
        assert len(loaded.text) < 1000


def test_absurd_nesting_is_a_notice():
    deep = body("<w:p>" + "<w:r>" * 100_000 + "</w:r>" * 100_000 + "</w:p>")
    notice = notice_of(with_document_xml(deep))
    assert notice.code == "IO001" and notice.message.startswith("cannot read story.docx as Word: ")


def test_malformed_xml_is_a_notice():
    notice = notice_of(with_document_xml(body("<w:p><w:r><w:t>unclosed")))
    assert notice.code == "IO001" and notice.message.startswith("cannot read story.docx as Word: ")


def test_without_python_docx_the_notice_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    notice = notice_of(FIXTURE.read_bytes())
    assert notice.code == "IO001"
    assert notice.message == ("cannot read story.docx as Word: install statlint[formats] to read .docx files "
                              "(pip install 'statlint[formats]')")


def test_runs_tabs_breaks_insertions_deletions_and_text_boxes():
    xml = body(
        "<w:p><w:r><w:t>Sales rose 1</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2%</w:t></w:r>"
        "<w:r><w:tab/><w:t>to</w:t><w:br/><w:t>105</w:t></w:r>"
        "<w:ins><w:r><w:t xml:space=\"preserve\"> inserted</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText> deleted 99</w:delText></w:r></w:del></w:p>"
        "<w:p/>"
        "<w:p><w:r><w:t>Outer </w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box 7</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r><w:r><w:t>after</w:t></w:r></w:p>")
    loaded = load(with_document_xml(xml), "story.docx")
    assert loaded.original.split("\n") == ["Sales rose 12%\tto 105 inserted", "", "Outer after", "box 7"]


def test_the_cli_reports_a_damaged_docx_and_checks_the_rest(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(FIXTURE.read_bytes()[:3000])
    code, report = run_json(bad)
    assert code == 2 and report["error"].startswith("bad.docx is a damaged Word document")


def test_external_entities_are_never_fetched(tmp_path):
    """RELIABILITY 33 (XXE): a SYSTEM entity naming a local file is not read into the text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET 4200", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>")
    loaded = load(with_document_xml(xml), "story.docx")
    assert loaded.text is None or "SECRET" not in loaded.text
