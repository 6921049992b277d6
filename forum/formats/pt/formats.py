INTL_LOCALE = "pt"
DATE_PATTERN = "{day} de {month} de {year}"
DATETIME_PATTERN = "{day} de {month} de {year}, {time}"
MONTHS_ABBR = (
    "jan.",
    "fev.",
    "mar.",
    "abr.",
    "mai.",
    "jun.",
    "jul.",
    "ago.",
    "set.",
    "out.",
    "nov.",
    "dez.",
)
