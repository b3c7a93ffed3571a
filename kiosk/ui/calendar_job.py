"""Making the calendar off the GUI thread: the same build_calendar_pdf as the command line, then its pages
rendered to images with QtPdf, all in memory (no file on disk). The result comes back by signal.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtQuick import QQuickImageProvider

from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
from kiosk.errors import UserError
from kiosk.i18n import translations

log = logging.getLogger(__name__)
PREVIEW_WIDTH = 1240  # pixels per page: A4 at 150 dpi, sharp up to about 2x zoom on a tablet


@dataclass(frozen=True)
class CalendarResult:
    generation: int
    pdf: bytes
    pages: tuple[QImage, ...]


class CalendarJobSignals(QObject):
    finished = Signal(object)  # CalendarResult
    failed = Signal(int, str)  # generation, a message for the client (already translated)


class CalendarJob:
    """One calendar to make; `run` goes to a QThreadPool. (Not a QRunnable: PySide keeps those alive forever
    when they are not auto-deleted, with their request and the client's name in it.)"""

    def __init__(self, generation: int, request: CalendarRequest) -> None:
        self.generation = generation
        self.request = request
        self.signals = CalendarJobSignals()

    def run(self) -> None:
        try:
            pdf = build_calendar_pdf(self.request)
            pages = render_pages(pdf, PREVIEW_WIDTH)
        except UserError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception:  # a bug must not leave the client looking at a spinner forever
            _ = translations(self.request.language).gettext
            message = _("Sorry, your calendar could not be made. Please ask the front desk for help.")
            self.signals.failed.emit(self.generation, message)
            log.exception("the calendar could not be made")
        else:
            self.signals.finished.emit(CalendarResult(self.generation, pdf, pages))


def render_pages(pdf: bytes, width: int) -> tuple[QImage, ...]:
    """Every page of `pdf` as an image `width` pixels wide, read from memory."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"QtPdf could not read the calendar: {document.error()}")
    pages = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        size = QSize(width, round(width * points.height() / points.width()))
        pages.append(document.render(index, size))
    document.close()
    buffer.close()
    shiboken6.delete(document)  # at once, not whenever Python lets go of the wrapper
    shiboken6.delete(buffer)
    return tuple(pages)


def keep_pdfium_started() -> QPdfDocument:
    """An empty QPdfDocument that keeps PDFium started while it lives.

    QtPdf starts PDFium with the first QPdfDocument of the process and shuts it down with the last. Each start
    and shut-down leaves about 120 KB of PDFium's own allocator mapped for good, so rendering every calendar
    with the only document there was made the kiosk grow by about 26 MB every 200 clients. This document holds
    no client data; `render_pages` still loads each calendar into a document of its own and deletes it.
    """
    return QPdfDocument()


class CalendarImages(QQuickImageProvider):
    """image://calendar/<generation>/<page>: the rendered pages of the current client's calendar only."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self.generation = -1
        self.pages: tuple[QImage, ...] = ()
        self._pdfium = keep_pdfium_started()

    def show(self, generation: int, pages: tuple[QImage, ...]) -> None:
        self.generation, self.pages = generation, pages

    def clear(self) -> None:
        self.generation, self.pages = -1, ()

    def requestImage(self, id: str, size: QSize, requested_size: QSize) -> QImage:  # noqa: N802 (Qt's names)
        generation, _, page = id.partition("/")
        if not (generation.isdigit() and page.isdigit()) or int(generation) != self.generation:
            return QImage()
        index = int(page)
        if not 0 <= index < len(self.pages):
            return QImage()
        image = self.pages[index]
        if requested_size.isValid() and requested_size.width() > 0 and requested_size.width() < image.width():
            return image.scaledToWidth(requested_size.width())
        return image
