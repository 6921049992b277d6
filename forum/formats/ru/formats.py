# ruff: noqa: RUF001 -- the year mark of Russian dates is Cyrillic, not a Latin r
INTL_LOCALE = "ru"
DATE_PATTERN = "{day} {month} {year} г."
DATETIME_PATTERN = "{day} {month} {year} г., {time}"
MONTHS_ABBR = (
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
)
