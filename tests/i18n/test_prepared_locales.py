"""Locales read from the kiosk's prepared copy of Babel's data give exactly Babel's answers, every time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import babel
import pytest
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_day_names, get_month_names
from babel.numbers import format_decimal

from kiosk.i18n import prepared_locales
from kiosk.i18n.language_table import TABLE_LANGUAGES
from kiosk.i18n.prepared_locales import PreparedLocale
from tests.cli_runner import fresh_process_report

# Every month and every weekday, a leap day and two years' turns.
DAYS = [dt.date(2026, 11, 24) + dt.timedelta(days=n) for n in range(0, 800, 9)] + [dt.date(2028, 2, 29)]
SKELETONS = ("yMMMEd", "MMMEd", "yMMMM", "MMMMEEEEd", "yMd")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    yield prepared_locales.prepared_locale_dir()


def answers(locale: Locale) -> list[str]:
    """What the kiosk asks of a locale: whole and short dates, skeletons, names of days and months, numbers."""
    out = [locale.text_direction, str(locale.first_week_day), str(locale.get_display_name(Locale("en")))]
    for day in DAYS:
        out += [format_date(day, width, locale=locale) for width in ("full", "long", "medium", "short")]
        out += [format_skeleton(skeleton, day, locale=locale) for skeleton in SKELETONS]
    for width in ("wide", "abbreviated", "narrow"):
        for context in ("format", "stand-alone"):
            out += get_day_names(width, context, locale).values()
            out += get_month_names(width, context, locale).values()
    out += [format_decimal(number, locale=locale) for number in (0, 7, 1234.5, -98765)]
    return out


@pytest.mark.parametrize("tag", [*TABLE_LANGUAGES, "en_GB", "es_MX", "ar_SA", "fr_CA", "de_AT", "pt", "he_IL"])
def test_a_prepared_locale_answers_as_babel_does_before_and_after_its_file_is_written(cache: Path, tag: str) -> None:
    expected = answers(Locale.parse(tag))
    first = PreparedLocale.parse(tag)  # prepares the file
    assert answers(first) == expected
    assert [path.name for path in cache.iterdir()] == [f"babel-{babel.__version__}-1-{tag}.pickle"]
    again = PreparedLocale.parse(tag)  # a new process's locale: reads the file
    assert answers(again) == expected


def test_a_part_that_is_not_kept_comes_from_babel_when_asked(cache: Path) -> None:
    PreparedLocale.parse("de")._data  # noqa: B018 - writes the file
    german = PreparedLocale.parse("de")
    assert german.languages["en"] == "Englisch"  # language names are not in the prepared file
    assert german.territories["GB"] == Locale.parse("de").territories["GB"]
    assert german.currency_symbols["EUR"] == "€"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01.", "ar"])
def test_a_damaged_or_foreign_file_is_prepared_again(cache: Path, damage: bytes | str) -> None:
    """Empty, cut short, not a pickle, the wrong shape, or a whole file of another locale (copied by hand)."""
    PreparedLocale.parse("fr")._data  # noqa: B018 - writes fr's file
    if isinstance(damage, str):
        PreparedLocale.parse(damage)._data  # noqa: B018
        damage = prepared_locales._file(damage).read_bytes()
    path = prepared_locales._file("fr")
    path.write_bytes(damage)
    assert answers(PreparedLocale.parse("fr")) == answers(Locale.parse("fr"))
    assert path.read_bytes() != damage  # written again, whole


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(blocked))
    assert answers(PreparedLocale.parse("he")) == answers(Locale.parse("he"))


def test_an_unknown_locale_is_refused_as_babel_refuses_it(cache: Path) -> None:
    with pytest.raises(UnknownLocaleError, match="unknown locale"):
        PreparedLocale.parse("xx_YY")


# Every locale Babel reads from its own files, recorded as it happens.
RECORD_BABEL_READS = """
from babel import localedata
read = []
load = localedata.load
localedata.load = lambda name, *args, **kwargs: read.append(str(name)) or load(name, *args, **kwargs)
"""


def babel_files_read(args: list[str], listing: Path) -> list[str]:
    """The locales a fresh `smp-kiosk ARGS` process read from Babel's own files (it must succeed)."""
    read: list[str] = fresh_process_report(args, listing, report="read", prelude=RECORD_BABEL_READS)
    return read


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_second_calendar_reads_none_of_babels_locale_files(cache: Path, tmp_path: Path, language: str) -> None:
    """Fresh `smp-kiosk calendar` processes, as a clinic runs one after another: the first prepares the locale,
    the next reads only the prepared file (Babel's own files cost a tenth of the whole process)."""
    args = ["--today", "2026-11-24", "calendar", "--name", "Ann", "--session", "2026-11-24"]
    args += ["--language", language, "--out", str(tmp_path / "c.pdf")]
    assert babel_files_read(args, tmp_path / "first.json") != []  # the listing sees Babel's reads
    assert babel_files_read(args, tmp_path / "second.json") == []
