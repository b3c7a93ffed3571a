"""Locale choice, CLDR regional data and Babel date formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.errors import UserError
from kiosk.i18n import (
    first_week_day,
    has_region,
    is_rtl,
    language_name,
    language_table,
    negotiate,
    paper_for_territory,
    paper_size,
    supported_languages,
    text_direction,
)
from kiosk.i18n.dates import (
    date_field_order,
    day_month,
    long_date,
    month_name,
    month_year,
    number,
    week_days,
    weekday_name,
)
from kiosk.i18n.languages import babel_language_name
from kiosk.i18n.regional import babel_text_direction

TUESDAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("tag", "shipped"),
    [
        ("en", "en"),
        ("pt-BR", "pt_BR"),
        ("pt_br", "pt_BR"),
        ("pt_PT", "pt_BR"),
        ("pt", "pt_BR"),
        ("es-MX", "es"),
        ("de-AT", "de"),
        ("en-GB", "en"),
        ("EN-us", "en"),
        ("fr_CA", "fr"),
        ("ar-EG", "ar"),
        ("iw", "he"),
        ("he-IL", "he"),
        ("sr-Latn-RS", None),
        ("zh-Hant-TW", None),
    ],
)
def test_negotiate_falls_back_to_the_best_shipped_catalog(tag: str, shipped: str | None) -> None:
    if shipped is None:
        with pytest.raises(UserError):
            negotiate(tag)
    else:
        assert negotiate(tag) == shipped


@pytest.mark.parametrize("tag", ["xx", "klingon", "", "  ", "de--AT", "12", "en_GB;rm -rf"])
def test_an_unknown_tag_is_refused_with_the_supported_list(tag: str) -> None:
    with pytest.raises(UserError) as caught:
        negotiate(tag)
    message = str(caught.value)
    assert "\n" not in message
    assert "is not supported" in message
    for code in supported_languages():
        assert code in message
    assert "Deutsch" in message
    assert "العربية" in message


def test_language_names_are_in_their_own_language() -> None:
    assert language_name("de") == "Deutsch"
    assert language_name("pt_BR").startswith("Português")
    assert language_name("ru") == "Русский"
    assert language_name("fr", "en") == "French"


def test_text_direction_from_cldr() -> None:
    assert text_direction("ar") == "rtl"
    assert text_direction("he") == "rtl"
    assert text_direction("fa_IR") == "rtl"
    for tag in ("en", "de", "ru", "tr", "pt_BR"):
        assert text_direction(tag) == "ltr"


def test_first_week_day_from_the_region() -> None:
    assert first_week_day("de_DE") == 0  # Monday
    assert first_week_day("de") == 0
    assert first_week_day("en_US") == 6  # Sunday
    assert first_week_day("en") == 6  # likely region: US
    assert first_week_day("en_GB") == 0
    assert first_week_day("fa_IR") == 5  # Saturday
    assert first_week_day("he") == 6  # likely region: IL


def test_week_days_start_on_the_first_day_of_the_week() -> None:
    assert [day for day, _ in week_days("en")] == [6, 0, 1, 2, 3, 4, 5]
    assert [name for _, name in week_days("de")][:2] == ["Mo", "Di"]
    assert week_days("fa_IR")[0][0] == 5


@pytest.mark.parametrize(
    ("tag", "paper"),
    [
        ("en", "letter"),  # likely region US
        ("en_US", "letter"),
        ("en-CA", "letter"),
        ("es-MX", "letter"),
        ("es_CO", "letter"),
        ("fr_CA", "letter"),
        ("en_PH", "letter"),
        ("en_GB", "a4"),
        ("en_AU", "a4"),
        ("es", "a4"),
        ("de", "a4"),
        ("pt_BR", "a4"),
        ("fr", "a4"),
        ("ar", "a4"),
        ("he", "a4"),
        ("tr", "a4"),
    ],
)
def test_paper_size_follows_cldr(tag: str, paper: str) -> None:
    assert paper_size(tag) == paper


def test_dates_are_formatted_through_babel() -> None:
    assert long_date(TUESDAY, "en") == "Tuesday, November 24, 2026"
    assert long_date(TUESDAY, "en-GB") == "Tuesday, 24 November 2026"
    assert long_date(TUESDAY, "de") == "Dienstag, 24. November 2026"
    assert "24" in long_date(TUESDAY, "ar") and "نوفمبر" in long_date(TUESDAY, "ar")
    assert day_month(TUESDAY, "fr") == "24 novembre"
    assert day_month(TUESDAY, "pl") == "24 listopada"  # genitive inside a date
    assert month_name(11, "pl") == "listopad"  # nominative as a heading
    assert month_year(TUESDAY, "ru").startswith("ноябрь 2026")  # nominative, not "ноября"
    assert weekday_name(TUESDAY, "tr") == "Salı"
    assert number(1234.5, "de") == "1.234,5"
    assert number(1234, "ar") == "1,234"  # Latin digits, like the day numbers in the texts


def test_paper_for_a_clinic_country_and_whether_a_tag_names_one() -> None:
    assert paper_for_territory("GB") == "a4"
    assert paper_for_territory("us") == "letter"
    assert paper_for_territory("MX") == "letter"
    assert has_region("es-MX") and has_region("pt_BR")
    assert not has_region("es") and not has_region("en")


@pytest.mark.parametrize(
    ("tag", "order"),
    [
        ("en", ("month", "day", "year")),
        ("en-GB", ("day", "month", "year")),
        ("de", ("day", "month", "year")),
        ("ar", ("day", "month", "year")),
        ("ja", ("year", "month", "day")),
        ("hu", ("year", "month", "day")),
    ],
)
def test_date_parts_come_in_the_order_people_write_them(tag: str, order: tuple[str, ...]) -> None:
    assert date_field_order(tag) == order


def test_the_language_table_is_what_babel_says() -> None:
    """kiosk/i18n/language_table.py is made at packaging time; it must never drift from Babel's CLDR data."""
    shipped = supported_languages()
    assert shipped == language_table.TABLE_LANGUAGES, "run python packaging/language_table.py"
    for reader in shipped:
        assert language_table.NAMES[reader] == {tag: babel_language_name(tag, reader) for tag in shipped}, reader
    assert {tag for tag in shipped if babel_text_direction(tag) == "rtl"} == language_table.RIGHT_TO_LEFT
    assert {tag for tag in shipped if is_rtl(tag)} == {"ar", "he"}
