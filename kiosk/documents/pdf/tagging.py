"""A tagged PDF (PDF/UA) on top of ReportLab, which has no tagging of its own.

Everything drawn is inside a marked-content sequence: by default an `/Artifact` (rules, fills, cell colours,
footers), and inside `tagger.content(role)` a `/P <</MCID n>> BDC ... EMC` sequence that belongs to one
structure element. `tagger.group(role)` makes elements that only hold others (Document, L, LI, Table, TR).
The order in which elements are opened is the reading order. At save time `install` writes the structure
tree, the parent tree (MCID -> element, per page) and each page's /StructParents and /Tabs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFName, PDFObject, PDFObjectReference


def pdf_text(text: str) -> str:
    """A PDF text string: literal for printable ASCII, else UTF-16BE with a byte order mark, in hex."""
    if text.isascii() and text.isprintable():
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@dataclass(eq=False, slots=True)
class Element:
    """One structure element: its role, its children (elements or (page, MCID)) and its attributes."""

    role: str
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    alt: str | None = None
    lang: str | None = None
    scope: str | None = None  # TH: "Row" or "Column"
    # object numbers, given when the tree is written (a parent of 0: the tree's root). No link to the parent
    # object: without cycles the tree is freed as soon as the calendar is written, not by the cycle collector
    number: int = 0
    parent_number: int = 0


class _Raw(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """An indirect object written as the PDF text it was given."""

    def __init__(self) -> None:
        self.text = b""

    def format(self, document: Any) -> bytes:
        return self.text


def _ref(obj: PDFObject, document: Any) -> str:
    """`n 0 R` for `obj`, registered with the document now (its number is given at registration)."""
    number, version = document.idToObjectNumberAndVersion[document.Reference(obj).name]
    return f"{number} {version} R"


class Tagger:
    """Marks the content of one canvas and builds its structure tree.

    `group`, `within` and `content` return the tagger itself as the context manager of the element they
    open (its `with` block closes it; `as` gives the element): a calendar opens about 350 of them, and an
    object for each, or a generator-based context manager, costs more than the rest of the tagging."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.root = Element("Document")
        self._groups: list[Element] = [self.root]
        self._marked: list[bool] = []  # per open `with` block: whether it opened marked content
        self._owners: list[Element | None] = []  # who owns the marked content being drawn; None: an artifact
        self._page = 1
        self._next_mcid = 0
        self._parents: list[list[Element]] = [[]]  # per page: the element of each MCID
        self._open = False
        self._elements: list[Element] = [self.root]  # in the order they were opened (a parent before its kids)
        self._root_number = 0
        self._page_refs: dict[int, str] = {}
        canvas.addLiteral("/Artifact BMC")

    # building the tree
    def __enter__(self) -> Element:
        return self._groups[-1]

    def __exit__(self, *exception: object) -> None:
        self._groups.pop()
        if self._marked.pop():
            self._close()
            owners = self._owners
            owners.pop()
            if owners and owners[-1] is not None:
                self._begin()
            else:  # back to decoration, what most content returns to
                self.canvas._code.append("/Artifact BMC")

    def _new(self, role: str, alt: str | None, lang: str | None, scope: str | None) -> Element:
        groups = self._groups
        element = Element(role, [], alt, lang, scope)
        groups[-1].kids.append(element)
        self._elements.append(element)
        groups.append(element)
        return element

    def group(self, role: str, *, alt: str | None = None, lang: str | None = None, scope: str | None = None) -> Tagger:
        """An element that holds other elements (L, LI, Table, TR, Sect...)."""
        self._new(role, alt, lang, scope)
        self._marked.append(False)
        return self

    def within(self, element: Element) -> Tagger:
        """Add to an element opened before (two lists drawn side by side, row by row)."""
        self._groups.append(element)
        self._marked.append(False)
        return self

    def content(
        self, role: str = "P", *, alt: str | None = None, lang: str | None = None, scope: str | None = None
    ) -> Tagger:
        """An element whose drawing is marked as its content (P, H1, Lbl, TD, Figure...)."""
        element = self._new(role, alt, lang, scope)
        self._close()
        self._owners.append(element)
        mcid = self._next_mcid  # what _begin does for an element, written out: 120 a calendar
        self._next_mcid = mcid + 1
        self._parents[-1].append(element)
        element.kids.append((self._page, mcid))
        self.canvas._code.append(f"/{role} <</MCID {mcid}>> BDC")
        self._marked.append(True)
        return self

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """Decoration drawn while content is open (a swatch beside a legend's words)."""
        self._switch(None, push=True, artifact=True)
        try:
            yield
        finally:
            self._switch(None, push=False)

    # marked content
    def _close(self) -> None:
        """End the open marked-content sequence; an artifact with nothing drawn in it is left out."""
        code = self.canvas._code
        if code and code[-1] == "/Artifact BMC":
            code.pop()
        else:
            code.append("EMC")

    def _switch(self, element: Element | None, *, push: bool, artifact: bool = False) -> None:
        self._close()
        if push:
            self._owners.append(None if artifact else element)
        else:
            self._owners.pop()
        self._begin()

    def _begin(self) -> None:
        owner = self._owners[-1] if self._owners else None
        if owner is None:
            self.canvas._code.append("/Artifact BMC")
            return
        mcid = self._next_mcid
        self._next_mcid = mcid + 1
        self._parents[-1].append(owner)
        owner.kids.append((self._page, mcid))
        self.canvas._code.append(f"/{owner.role} <</MCID {mcid}>> BDC")

    def end_page(self) -> None:
        """Before showPage: close what is open (content that goes on continues on the next page)."""
        self._close()

    def start_page(self) -> None:
        self._page += 1
        self._next_mcid = 0
        self._parents.append([])
        self._begin()

    # writing the tree into the document
    def install(self, document: Any) -> None:
        """Point the catalog at the structure tree's root (call after the last page and before canvas.save).

        Only the root is a ReportLab object: the elements are written by `objects` after ReportLab has
        written the file (compact.object_streams puts them straight into the object stream), so the
        couple of hundred of them are not each numbered, formatted and read back again."""
        root = _Raw()
        self._root_number = int(_ref(root, document).split()[0])
        self._page_refs = {page: _ref(PDFObjectReference(f"Page{page}"), document) for page in range(1, self._page + 1)}
        document.Catalog.StructTreeRoot = root

    def objects(self, first: int) -> dict[int, bytes]:
        """The structure tree as PDF objects by number: the root (at the number `install` gave it) and every
        element, numbered from `first` (the first number the written file has not used)."""
        elements = self._elements
        for number, element in enumerate(elements, start=first):
            element.number = number
        pages, root_ref = self._page_refs, f"{self._root_number} 0 R"
        written = {element.number: _element_text(element, pages, root_ref).encode("latin-1") for element in elements}
        nums = " ".join(
            f"{index} [{' '.join([f'{e.number} 0 R' for e in owners])}]" for index, owners in enumerate(self._parents)
        )
        written[self._root_number] = (
            f"<</Type /StructTreeRoot /K {self.root.number} 0 R "
            f"/ParentTree <</Nums [{nums}]>> /ParentTreeNextKey {len(self._parents)}>>"
        ).encode("latin-1")
        return written

    def page_entries(self, page: int) -> dict[str, Any]:
        """/StructParents and /Tabs for page `page` (1-based)."""
        return {"StructParents": page - 1, "Tabs": PDFName("S")}


def _element_text(element: Element, pages: dict[int, str], root: str) -> str:
    """One element's dictionary; its marked content on its first page is given by MCID alone (with /Pg)."""
    parent = f"{element.parent_number} 0 R" if element.parent_number else root
    kids = element.kids
    if len(kids) == 1 and type(kids[0]) is tuple:  # most elements: one marked-content sequence
        page, mcid = kids[0]
        text = f"<</S /{element.role} /P {parent} /Pg {pages[page]} /K {mcid}"
    else:
        text = _with_kids(element, pages, f"<</S /{element.role} /P {parent}")  # /Type is optional: 17 bytes
    if element.alt is not None:
        text += f" /Alt {pdf_text(element.alt)}"
    if element.lang is not None:
        text += f" /Lang {pdf_text(element.lang)}"
    if element.scope is not None:
        text += f" /A <</O /Table /Scope /{element.scope}>>"
    return text + ">>"


def _with_kids(element: Element, pages: dict[int, str], text: str) -> str:
    """`text` with the element's /Pg (the page of its first marked content) and /K (its kids)."""
    home = None
    kids = []
    for kid in element.kids:
        if isinstance(kid, Element):
            kid.parent_number = element.number  # a parent is written before its kids (it was opened first)
            kids.append(f"{kid.number} 0 R")
            continue
        page, mcid = kid
        if home is None:
            home = page
        kids.append(str(mcid) if page == home else f"<</Type /MCR /Pg {pages[page]} /MCID {mcid}>>")
    if home is not None:
        text += f" /Pg {pages[home]}"
    return text + (f" /K {kids[0]}" if len(kids) == 1 else f" /K [{' '.join(kids)}]")


def tag_page(page: pdfdoc.PDFPage, entries: dict[str, Any]) -> None:
    """Give a ReportLab page dictionary extra entries (ReportLab writes only the keys it knows)."""
    page.__NoDefault__ = [*page.__NoDefault__, *entries]
    for key, value in entries.items():
        setattr(page, key, value)
