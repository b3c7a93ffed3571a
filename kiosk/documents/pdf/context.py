"""Everything a part of the layout needs to know about the document being made."""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct

from kiosk.documents.pdf.layout import Theme
from kiosk.documents.pdf.regional import Regional
from kiosk.documents.pdf.request import CalendarRequest


class Context(Struct, frozen=True):
    request: CalendarRequest
    name: str  # cleaned: printable, one line
    theme: Theme
    regional: Regional
    _: Callable[[str], str]  # the reader's gettext
    cell_scale: float = 2.75  # month grid cell height / day-number size (tightened to keep page 1 whole)
    legend_summaries: bool = True  # the legend repeats each phase's one-line summary
    contact_on_page_one: bool = False  # the clinic's contact panel fits under the legend
