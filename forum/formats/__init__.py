"""Date formats per language (settings.FORMAT_MODULE_PATH), read by templatetags/forum_dates.py.

Each language's module gives the patterns and abbreviated month names the Unicode CLDR gives,
which are what a browser's ``Intl.DateTimeFormat`` prints with the options live.js passes
(day, short month, year, 24-hour time): a post that arrives live reads like the same post after
a reload. Django's own month abbreviations differ from CLDR's ("Déc" against "déc."), hence
the tables. ``INTL_LOCALE`` is the locale live.js gives Intl (English: day before month).
"""
