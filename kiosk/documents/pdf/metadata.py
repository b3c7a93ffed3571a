"""What the PDF says about itself, for PDF/UA: language, title shown by viewers, tagged, XMP with pdfuaid.

ReportLab writes the catalog's keys from attributes; the values here are PDF syntax it passes through.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFStream

from kiosk.documents.pdf.tagging import Tagger, pdf_text, tag_page

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<pdfuaid:part>1</pdfuaid:part>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>SMP Kiosk</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="r"?>"""


SCRIPT_LANGUAGES = (("ARABIC", "ar"), ("HEBREW", "he"), ("CYRILLIC", "ru"), ("GREEK", "el"))


def script_language(text: str, language: str) -> str | None:
    """The language of a name written in another script than the document's (an Arabic name in an English
    calendar), so a screen reader switches voice; None when it is the document's script or unknown."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for script, tag in SCRIPT_LANGUAGES:
                if name.startswith(script):
                    return None if language.split("_", maxsplit=1)[0] == tag else tag
            if name.startswith("LATIN") and language.split("_", maxsplit=1)[0] in {tag for _, tag in SCRIPT_LANGUAGES}:
                return "und-Latn"  # a Latin name in an Arabic, Hebrew or Russian calendar: not read in that voice
            return None
    return None


def pdf_lang(tag: str) -> str:
    """A catalog tag as BCP 47 writes it: pt_BR -> pt-BR."""
    return tag.replace("_", "-")


def xml_text(text: str) -> str:
    """`text` as XML character data: html.escape(quote=False) without loading the html package's entity
    tables, and not xml.sax.saxutils, which imports urllib and http (40 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp_packet(title: str, author: str, lang: str) -> bytes:
    return XMP.format(title=xml_text(title), author=xml_text(author), lang=xml_text(lang)).encode("utf-8")


def prepare(canvas: Any, tagger: Tagger, *, title: str, author: str, lang: str) -> None:
    """Set the catalog's accessibility entries and tag every page as ReportLab adds it."""
    document = canvas._doc
    catalog = document.Catalog
    catalog.Lang = pdf_text(lang)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
    metadata = PDFStream(PDFDictionary({"Type": "/Metadata", "Subtype": "/XML"}), xmp_packet(title, author, lang))
    catalog.Metadata = metadata
    add_page = document.addPage

    def add_tagged_page(page: Any) -> None:
        tag_page(page, tagger.page_entries(document.pageCounter))
        add_page(page)

    document.addPage = add_tagged_page
