"""Languages: gettext catalogs, CLDR formatting through Babel, locale choice. No Qt here."""
