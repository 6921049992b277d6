INTL_LOCALE = "en-GB"
DATE_PATTERN = "{day} {month} {year}"
DATETIME_PATTERN = "{day} {month} {year}, {time}"
MONTHS_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
