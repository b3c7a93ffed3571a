"""The custom Babel extractors: QML qsTr()/qsTranslate() and the protocol TOML texts."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from babel.messages.extract import extract

from kiosk.core.protocol import load_protocol
from kiosk.i18n.extract import (
    HELPER_KEYWORDS,
    QML_KEYWORDS,
    build_template,
    extract_protocol_toml,
    extract_python_helpers,
    extract_qml,
)

ROOT = Path(__file__).resolve().parents[2]

QML = """
import QtQuick
// qsTr("commented out")
Item {
    property string title: qsTr("Welcome")
    /* qsTr("also commented out") */
    property string quoted: qsTr('It\\'s your \\"day\\"')
    property string joined: qsTr("Keep your scalp " +
                                 "dry")
    property string verb: qsTr("Open", "verb")
    property string left: qsTr("%n day(s) left", "", count)
    property string other: qsTranslate("Screen", "Print")
    property string notText: qsTr(someVariable)
    property string url: "http://example.com/qsTr(\\"x\\")"
    Text { text: qsTr("Line %1").arg(qsTr("inner")) }
}
"""


def messages(source: str) -> list[tuple[int, object, str | None]]:
    method: Any = extract_qml  # Babel types extractors loosely; ours follow its documented interface
    found = extract(method, io.BytesIO(source.encode()), keywords=QML_KEYWORDS, comment_tags=())
    return [(line, message, context) for line, message, _comments, context in found]


def test_qml_extractor_reads_qstr_and_qstranslate() -> None:
    found = messages(QML)
    texts = [message for _, message, _ in found]
    assert "Welcome" in texts
    assert 'It\'s your "day"' in texts
    assert "Keep your scalp dry" in texts
    assert "Print" in texts
    assert "Line %1" in texts
    assert "inner" in texts
    assert ("%n day(s) left", "%n day(s) left") in texts  # a plural message: Qt puts the number in %n
    assert (10, "Open", "verb") in found  # disambiguation -> gettext context, line numbers kept
    assert not any("commented out" in str(text) for text in texts)
    assert "x" not in texts and len(found) == 8  # nothing from the url text


def test_protocol_extractor_finds_every_text_of_the_protocol() -> None:
    path = ROOT / "resources" / "protocols" / "smp.toml"
    method: Any = extract_protocol_toml
    with path.open("rb") as handle:
        found = {message for _, message, _, _ in extract(method, handle, keywords={})}
    protocol = load_protocol("smp")
    wanted = {protocol.name, protocol.aim, protocol.contact_title, protocol.contact_text}
    for item in (*protocol.before_care, *protocol.milestones, *protocol.ongoing):
        wanted |= {item.title, item.text}
    for phase in protocol.phases:
        wanted |= {phase.title, phase.summary, *phase.do, *phase.avoid}
        if phase.milestone_title:
            wanted.add(phase.milestone_title)
    assert wanted <= found
    assert "dry" not in found and "no-water" not in found  # ids and pictogram names are not texts


def test_protocol_messages_say_where_they_come_from() -> None:
    template = build_template(ROOT)
    message = template.get("Do not use shampoo yet.")
    assert message is not None
    assert any("phases[gentle].avoid" in comment for comment in message.auto_comments)
    assert ("resources/protocols/smp.toml", message.locations[0][1]) in message.locations


def test_the_pdf_translate_helper_is_extracted() -> None:
    source = b'page = translate(context._, "Page {number}", number=3)\nx = translate(_, "Call: {phone}", phone=p)\n'
    method: Any = extract_python_helpers
    found = [message for _, message, _, _ in extract(method, io.BytesIO(source), keywords=HELPER_KEYWORDS)]
    assert found == ["Page {number}", "Call: {phone}"]
