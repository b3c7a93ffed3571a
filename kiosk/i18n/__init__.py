"""Languages: gettext catalogs, CLDR formatting through Babel, locale choice. No Qt here.

from kiosk.i18n import negotiate, translations, text_direction, paper_size
lang = negotiate("pt-PT")            # -> "pt_BR", the best shipped catalog (UserError if none)
_ = translations(lang).gettext
"""

from kiosk.i18n.catalog import SOURCE_LANGUAGE, gettext_for, translations
from kiosk.i18n.languages import language_name, negotiate, parse_tag, supported_languages
from kiosk.i18n.regional import (
    first_week_day,
    has_region,
    is_rtl,
    paper_for_territory,
    paper_size,
    region,
    text_direction,
)

__all__ = [
    "SOURCE_LANGUAGE",
    "first_week_day",
    "gettext_for",
    "has_region",
    "is_rtl",
    "language_name",
    "negotiate",
    "paper_for_territory",
    "paper_size",
    "parse_tag",
    "region",
    "supported_languages",
    "text_direction",
    "translations",
]
