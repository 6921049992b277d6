# Western digits: what browsers print for "ar" (CLDR's default numbering for the language).
INTL_LOCALE = "ar"
DATE_PATTERN = "{day} {month} {year}"
DATETIME_PATTERN = "{day} {month} {year}، {time}"
MONTHS_ABBR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
