INTL_LOCALE = "es"
DATE_PATTERN = "{day} {month} {year}"
DATETIME_PATTERN = "{day} {month} {year}, {time}"
MONTHS_ABBR = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
