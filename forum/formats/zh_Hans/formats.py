INTL_LOCALE = "zh-Hans"
DATE_PATTERN = "{year}年{month}月{day}日"
DATETIME_PATTERN = "{year}年{month}月{day}日 {time}"
MONTHS_ABBR = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12")
