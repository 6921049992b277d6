INTL_LOCALE = "fr"
DATE_PATTERN = "{day} {month} {year}"
DATETIME_PATTERN = "{day} {month} {year}, {time}"
MONTHS_ABBR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
