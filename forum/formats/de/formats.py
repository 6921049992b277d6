INTL_LOCALE = "de"
DATE_PATTERN = "{day}. {month} {year}"
DATETIME_PATTERN = "{day}. {month} {year}, {time}"
MONTHS_ABBR = (
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
)
