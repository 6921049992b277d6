"""The shapes of identifiers: case numbers, identity numbers, phone numbers, e-mail and
street addresses, dates of birth and licence plates, in the eight site languages and the
formats of the countries that write them.

Each rule is a regular expression over the normalized text (normalize.py) whose group
``value`` is the identifier (the whole match when it has none). A rule either recognizes a
shape that is an identifier wherever it stands (a Brazilian case number, a Spanish DNI, a
French plate) or needs the word that introduces it ("passport", "expediente", "дело №"), so
numbers that merely look alike (an article of a code, an amount, a year) are left alone. Every
quantifier is bounded, so a 100 KB post is read in linear time.
"""

from __future__ import annotations

import re

from forum.confidential.keywords import (
    BIRTH_WORDS,
    CASE_WORDS,
    IDENTITY_WORDS,
    MONTHS,
    PHONE_WORDS,
    PLATE_WORDS,
)

FLAGS = re.IGNORECASE | re.UNICODE
# Edges: a value is not part of a longer Latin word or number (Chinese writes words against
# numbers with no space, so "\\w" would not do); a keyword is not part of a longer word.
B = r"(?<![0-9A-Za-z])"
E = r"(?![0-9A-Za-z])"
KB = r"(?<![^\W\d_\u0600-\u06ff\u3400-\u9fff])"  # Arabic: "بجواز", "بلوحة"
KE = r"(?![^\W\d_\u3400-\u9fff])"

# Between a keyword and its value: "no.", "nº", "#", ":", "number", "n.", "№", "号".
_NUMBER_WORD = (
    r"[,，:：]?(?:\s{0,3}\(?(?:no\.?|nos\.?|number|num\.?|nr\.?|n[º°o]\.?|n\.|#|№|núm\.?|número|numéro"
    r"|номер|ref\.?|رقم|عدد|编号|号码|号|是|为)){0,2}\s{0,3}[:.]?\s{0,3}\(?"
)
# A value: letters and digits with the separators identifiers use, holding a digit.
_VALUE = (
    r"(?P<value>(?-i:[A-Z0-9])(?:(?-i:[A-Z0-9])|[./\-:]\s?(?=[A-Z0-9])|\s(?=\d)"
    r"|\s(?=(?-i:[A-Z])(?![^\W_]))){2,30})"
)
# A few words may stand between the keyword and an explicit "number" word or a long value:
# "the victim's passport (no. …)", "قضية هتك العرض رقم …", "رقم هوية الشاهد …".
_GAP = r"(?:\s{1,2}(?!\d)[^\s\d]{1,20}){1,4}\s{0,2}"
_STRONG = {"gap"}


# A rule that starts with a keyword is tried only where one of its keywords stands: they are
# found first, without regard to case, in a lower-cased copy (much faster than asking the whole
# rule at every position of the text).
_STARTS_WITH: dict[str, str] = {}


def _starting_with(keywords: str, pattern: str) -> str:
    _STARTS_WITH[pattern] = keywords
    return pattern


def _keyword_rule(keywords: str, value: str = "") -> str:
    pattern = rf"{KB}(?:{keywords}){KE}{_NUMBER_WORD}{value or _VALUE}"
    return _starting_with(keywords, pattern)


def _gap_rule(keywords: str) -> str:
    return _starting_with(keywords, rf"{KB}(?:{keywords}){KE}{_GAP}{_NUMBER_WORD}(?P<gap>){_VALUE}")


_DATE = (
    r"(?P<value>\d{1,4}\s?[./\-]\s?\d{1,2}\s?[./\-]\s?\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s{{0,2}}(?:de\s+|of\s+)?(?:{MONTHS})\.?,?\s{{0,2}}"
    r"(?:de\s+|del\s+)?\d{4}"
    rf"|(?:{MONTHS})\.?\s{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,2}}\d{{4}}"
    r"|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日?)"
)

_RULES: tuple[tuple[str, str], ...] = (
    # -- case numbers
    ("case_number", _keyword_rule(CASE_WORDS)),
    ("case_number", _gap_rule(CASE_WORDS)),
    ("case_number", rf"{B}(?P<value>\d{{7}}-?\d{{2}}\.\d{{4}}\.\d\.\d{{2}}\.\d{{4}}){E}"),  # CNJ
    ("case_number", rf"{B}(?P<value>\d:\d{{2}}-[a-z]{{2,3}}-\d{{3,6}}(?:-[a-z]{{2,4}}){{0,2}}){E}"),
    ("case_number", rf"{B}(?P<value>(?:19|20)\d{{2}}-(?-i:[A-Z]){{1,4}}-\d{{3,8}}){E}"),
    (
        "case_number",
        rf"{B}(?P<value>(?-i:[A-Z]){{1,5}}-(?:(?:19|20)\d{{2}}|\d{{2}})-\d{{3,11}}(?:-\d{{1,6}})?){E}",
    ),
    ("case_number", rf"{B}(?P<value>(?-i:[A-Z]){{2,5}}-\d{{4,8}}-(?:19|20)\d{{2}}){E}"),
    (
        "case_number",
        rf"{B}(?P<value>(?-i:[A-Z]){{2,4}}/(?-i:[A-Z0-9]){{1,4}}/\w{{1,8}}/(?:19|20)\d{{2}}){E}",
    ),
    (
        "case_number",
        rf"{B}(?P<value>\d{{1,4}}\s?(?-i:Js|Ds|Ls|KLs|Ns|UJs|BJs|Gs|Cs|VRs|AR|Ss|St|Hv|Hr|Ur|BAZ|UT)"
        rf"\s?\d{{1,6}}/\d{{2,4}}(?-i:[a-z])?){E}",
    ),
    (
        "case_number",
        r"(?P<value>[\u4e00-\u9fff]{0,8}[（(〔\[]\d{4}[）)〕\]][\u4e00-\u9fff0-9]{0,14}\d{1,6}号)",
    ),
    ("case_number", rf"{B}(?P<value>\d{{1,6}}\s{{0,2}}لسنة\s{{0,2}}\d{{2,4}})"),
    ("case_number", rf"{B}(?P<value>\d{{1,2}}-\d{{2,6}}/(?:19|20)\d{{2}}){E}"),
    ("case_number", rf"{B}(?P<value>\d{{2,6}}/\d{{2,6}}/(?:19|20)\d{{2}}){E}"),
    ("case_number", rf"{B}(?P<value>\d{{2,6}}/\d{{2}}\.\d(?-i:[A-Z]){{2,8}}){E}"),  # NUIPC
    ("case_number", rf"{B}(?P<value>T\d{{8}}){E}"),
    (
        "case_number",
        rf"{B}(?P<value>(?-i:[A-Z]{{2}})\.\d{{2}}\.(?-i:[A-Z0-9]{{2}})\.\d{{6}}/\d{{2}}){E}",
    ),  # Belgian notices
    ("case_number", rf"{B}(?P<value>\d{{15,21}}){E}"),  # single-register numbers (ЕРДР, SPOA)
    # -- identity numbers
    ("identity_number", _keyword_rule(IDENTITY_WORDS)),
    ("identity_number", _gap_rule(IDENTITY_WORDS)),
    ("identity_number", rf"{B}(?P<value>\d{{8}}-?(?-i:[A-Z])){E}"),  # DNI
    ("identity_number", rf"{B}(?P<value>(?-i:[XYZ])-?\d{{7}}-?(?-i:[A-Z])){E}"),  # NIE
    ("identity_number", rf"{B}(?P<value>\d{{3}}\.\d{{3}}\.\d{{3}}-\d{{2}}){E}"),  # CPF
    ("identity_number", rf"{B}(?P<value>\d{{1,2}}\.\d{{3}}\.\d{{3}}-[\dX]){E}"),  # RG
    ("identity_number", rf"{B}(?P<value>\d{{2}}\.\d{{2}}\.\d{{2}}-\d{{3}}\.\d{{2}}){E}"),  # BE
    ("identity_number", r"(?<![\d\-])(?P<value>\d{3}-\d{2}-\d{4})(?![\d\-])"),  # SSN
    ("identity_number", r"(?<![\d\-])(?P<value>\d{6}-\d{2}-\d{4})(?![\d\-])"),  # MyKad
    (
        "identity_number",
        r"(?<!\d)(?P<value>[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
        rf"[\dX]){E}",
    ),  # 居民身份证
    (
        "identity_number",
        r"(?<!\d)(?P<value>[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}"
        r"(?:\s?\d{2})?)(?!\d)",
    ),  # NIR
    ("identity_number", r"(?<!\d)(?P<value>[2-9]\d{3}\s\d{4}\s\d{4})(?!\d)"),  # Aadhaar
    (
        "identity_number",
        rf"{B}(?P<value>(?-i:[A-CEGHJ-PR-TW-Z]{{2}})\s?\d{{2}}\s?\d{{2}}\s?\d{{2}}\s?(?-i:[A-D])){E}",
    ),  # NINO
    ("identity_number", rf"{B}(?P<value>(?-i:[A-Z]{{4}}\d{{6}}[HM][A-Z]{{5}}[A-Z0-9])\d){E}"),
    ("identity_number", r"(?<!\d)(?P<value>[23]\d{13})(?!\d)"),  # Egypt
    ("identity_number", r"(?<!\d)(?P<value>784-?\d{4}-?\d{7}-?\d)(?!\d)"),  # Emirates ID
    ("identity_number", r"(?<![\d\-])(?P<value>\d{3}-\d{3}-\d{3}\s\d{2})(?!\d)"),  # СНИЛС
    ("identity_number", r"(?<!\d)(?P<value>\d{2}\s\d{2}\s\d{6})(?!\d)"),  # паспорт РФ
    ("identity_number", r"(?<!\d)(?P<value>756\.\d{4}\.\d{4}\.\d{2})(?!\d)"),  # AHV
    # -- phone numbers
    ("phone", r"(?<![\w+])(?P<value>\+\s?\d{1,3}(?:[\s.\-]?\(?\d{1,5}\)?){2,6})(?!\d)"),
    ("phone", rf"{B}(?P<value>00\s?[1-9]\d{{0,2}}(?:[\s.\-]?\d{{2,5}}){{2,5}})(?!\d)"),
    ("phone", _keyword_rule(PHONE_WORDS, r"(?P<value>\(?\d[\d\s().\-]{5,18}\d)")),
    (
        "phone",
        r"(?<![\d.\-/])(?P<value>\(?0\d{1,4}\)?[\s.\-/]\d{2,8}(?:[\s.\-]\d{2,4}){0,3})(?![\d])",
    ),
    ("phone", r"(?<![\d.\-])(?P<value>0[1-9]\d{8,10})(?![\d])"),
    ("phone", r"(?<!\d)(?P<value>1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4})(?!\d)"),  # 中国 mobile
    ("phone", r"(?<![\d.,])(?P<value>[6-9]\d{2}\s\d{3}\s\d{3})(?![\d.,]|\s\d)"),  # ES, PT
    ("phone", r"(?<!\d)(?P<value>\(\d{2}\)\s?9?\d{4}-\d{4})(?!\d)"),  # Brasil
    ("phone", r"(?<![\d\-])(?P<value>\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4})(?![\d\-])"),
    (
        "phone",
        r"(?<!\d)(?P<value>[78][\s\-]?\(?9\d{2}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2})(?!\d)",
    ),
    # -- e-mail
    ("email", r"(?<![\w.+\-])(?P<value>[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4})"),
    (
        "email",
        r"(?<![\w.+\-])(?P<value>[\w.+\-]{1,64}\s?(?:\(at\)|\[at\]|\{at\}|\sat\s)\s?[\w\-]{1,63}"
        r"\s?(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s?[a-z]{2,6})",
    ),
    # -- street addresses
    (
        "address",
        r"(?<!\w)(?P<value>\d{1,5}(?-i:[A-Za-z])?,?\s(?:(?-i:[A-Z])[\w'.\-]{0,20}\s){1,4}"
        r"(?:street|st\.|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.|close|way|court"
        r"|crescent|terrace|gardens|square|boulevard|blvd\.?|place|highway|nagar|marg)(?!\w))",
    ),
    (
        "address",
        r"(?<!\w)(?P<value>(?:calle|c/|avenida|avda\.?|av\.|paseo|plaza|camino|carrera|cra\.?"
        r"|calzada|pasaje|jir[oó]n|ronda|traves[ií]a|rua|r\.|travessa|pra[çc]a|largo|estrada"
        r"|alameda|rodovia)\s(?:(?:de|del|la|las|los|da|do|dos|das)\s){0,2}"
        r"(?:(?-i:[A-ZÀ-Ý])[^\d\n;]{0,38}?)?,?\s{0,2}(?:n[º°o]?\.?\s{0,2}|#\s?)?\d{1,5}"
        r"(?-i:[a-zA-Z])?(?:\s?#\s?\d{1,3}-\d{1,3})?)(?!\d)",
    ),
    (
        "address",
        r"(?<!\w)(?P<value>\d{1,4}(?:\s?(?:bis|ter))?,?\s(?:rue|avenue|av\.|boulevard|bd|place"
        r"|all[ée]e|impasse|chemin|quai|route|cours|square)\s(?:(?:de|du|des|la|le|l'|d')\s?)"
        r"{0,2}[\w\-]{2,30}(?:\s(?-i:[A-Z])[\w\-]{1,30}){0,2})",
    ),
    (
        "address",
        r"(?<!\w)(?P<value>(?:rue|avenue|boulevard|chemin|place|all[ée]e|impasse|quai|route)\s"
        r"(?:(?:de|du|des|la|le|l'|d')\s?){0,2}(?-i:[A-ZÀ-Ý])[\w\-]{1,30}(?:\s(?-i:[A-ZÀ-Ý])"
        r"[\w\-]{1,30}){0,2},?\s\d{1,4})(?!\d)",
    ),
    (
        "address",
        r"(?P<value>(?-i:[A-ZÄÖÜ])[\w\-]{0,30}(?:stra(?:ß|ss)e|str\.|weg|gasse|allee|platz"
        r"|ring|damm|ufer|chaussee)\s\d{1,4}\s?(?-i:[a-z])?(?:/\d{1,3}){0,2})(?!\w)",
    ),
    (
        "address",
        r"(?<!\w)(?P<value>(?-i:Am|An\sder|Im|Auf\sdem|Zum|Zur|In\sder)\s(?-i:[A-ZÄÖÜ])[\w\-]{2,30}"
        r"\s\d{1,4}\s?(?-i:[a-z])?)(?!\w)",
    ),
    (
        "address",
        r"(?<!\w)(?P<value>(?:ул\.|улица|улице|пр\.|пр-т|пр-та|проспект|проспекте|пер\.|переулок"
        r"|бульвар|б-р|шоссе|наб\.|набережная|пл\.|площадь|мкр\.?)\s?[^\n;]{2,40}?,?\s{0,2}"
        r"(?:(?:д\.|дом|дома)\s?)?\d{1,4}(?:[\s,]{0,3}(?:кв\.|квартира)\s?\d{1,4})?)",
    ),
    (
        "address",
        r"(?P<value>(?-i:[А-ЯЁ])[а-яё]{2,20}\s(?:улиц[аеыу]|проспект[еа]?|переулк[еа]|переулок"
        r"|бульвар[еа]?|шоссе|набережн[ао]й)[,\s]{1,3}(?:(?:д\.|дом)\s?)?\d{1,4})",
    ),
    (
        "address",
        r"(?<![\u0600-\u06ff])[بول]?(?P<value>(?:شارع|ش\.|طريق|حي|زنقة|نهج|درب)\s[^\d\n؛]{2,40}?"
        r"[،,]?\s{0,2}"
        r"(?:رقم|عمارة|منزل|بناية)?\s{0,2}\d{1,5})",
    ),
    (
        "address",
        r"(?<![\d/])(?P<value>\d{1,5}\s(?:شارع|زنقة|نهج|درب|طريق)\s[\u0600-\u06ff]{2,20}"
        r"(?:\s[\u0600-\u06ff]{2,20})?)",
    ),
    (
        "address",
        r"(?P<value>[\u4e00-\u9fff]{1,6}(?:路|街|大道|大街|巷|胡同|弄)\d{1,5}号(?:院)?"
        r"(?:\d{1,4}(?:号楼|栋|幢))?(?:\d{1,3}单元)?(?:\d{1,5}室)?)",
    ),
    (
        "address",
        r"(?P<value>[\u4e00-\u9fff]{2,8}(?:小区|花园|新村)\d{1,4}(?:号楼|栋|幢)(?:\d{1,3}单元)?"
        r"(?:\d{1,5}室?)?)",
    ),
    # -- dates of birth
    (
        "birth_date",
        _starting_with(
            BIRTH_WORDS,
            rf"{KB}(?:{BIRTH_WORDS})(?:\s(?!\d)[^\s\d]{{1,20}}){{0,3}}\s{{0,3}}[:.,]?\s{{0,3}}"
            rf"(?:(?:on|el|le|em|am|a|au|der|في|于|为|是|as|is|ist|est|es|é)\s{{0,2}})?{_DATE}",
        ),
    ),
    (
        "birth_date",
        rf"(?=\d){_DATE}\s{{0,2}}(?:г\.\s?р\.|года\s+рождения|г\.\s?рожд\.|出生|生|geboren|né|née)",
    ),
    ("birth_date", rf"(?:'s|’s)\s(?:DOB|date\sof\sbirth|birth\sdate)\s(?:as|is|was|:)?\s?{_DATE}"),
    ("birth_date", rf"\((?:b\.|n\.|geb\.|род\.)\s{{0,2}}{_DATE}\)"),
    # -- licence plates
    ("licence_plate", _keyword_rule(PLATE_WORDS)),
    ("licence_plate", _gap_rule(PLATE_WORDS)),
    ("licence_plate", rf"{B}(?P<value>(?-i:[A-Z]{{2}})-\d{{3}}-(?-i:[A-Z]{{2}})){E}"),  # France
    ("licence_plate", rf"{B}(?P<value>\d{{4}}\s?-?(?-i:[BCDFGHJKLMNPRSTVWXYZ]{{3}})){E}"),
    (
        "licence_plate",
        rf"{B}(?P<value>(?-i:[A-ZÄÖÜ]{{1,3}}-[A-Z]{{1,2}})\s?\d{{1,4}}(?-i:[EH])?){E}",
    ),
    ("licence_plate", rf"{B}(?P<value>(?-i:[A-Z]{{2}})\d{{2}}\s?(?-i:[A-Z]{{3}})){E}"),  # UK
    (
        "licence_plate",
        rf"{B}(?P<value>(?-i:[A-Z]{{3}})-?\d(?-i:[A-Z])\d{{2}}|(?-i:[A-Z]{{3}})-\d{{4}}){E}",
    ),
    (
        "licence_plate",
        rf"{B}(?P<value>(?-i:[A-Z]{{2}})\s?\d{{1,2}}\s?(?-i:[A-Z]{{1,3}})\s?\d{{3,4}}){E}",
    ),
    ("licence_plate", rf"{B}(?P<value>(?-i:[A-Z]{{3}})\s?\d{{3}}\s?(?-i:[A-Z]{{2}})){E}"),  # NG
    ("licence_plate", rf"{B}(?P<value>\d{{3}}\s?(?-i:[A-Z]{{2,3}})\s?\d{{2}}){E}"),  # KZ
    ("licence_plate", rf"{B}(?P<value>\d-(?-i:[A-Z]{{3}})-\d{{3}}){E}"),  # Belgique
    ("licence_plate", rf"{B}(?P<value>\d{{4}}\s(?-i:[A-Z]{{2}})-\d){E}"),  # Беларусь
    (
        "licence_plate",
        rf"{B}(?P<value>(?-i:[ABEKMHOPCTYX])\s?\d{{3}}\s?(?-i:[ABEKMHOPCTYX]{{2}})\s?\d{{2,3}}){E}",
    ),
    (
        "licence_plate",
        r"(?P<value>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
        r"(?-i:[A-Z])[·\s]?(?-i:[A-Z0-9]){5,6})(?![A-Za-z0-9])",
    ),
    (
        "licence_plate",
        rf"{B}(?P<value>\d{{2}}-(?-i:[A-Z]{{2}})-\d{{2}}|(?-i:[A-Z]{{2}})-\d{{2}}-(?-i:[A-Z]{{2}})){E}",
    ),
    (
        "licence_plate",
        r"(?P<value>(?-i:AG|AI|AR|BE|BL|BS|FR|GE|GL|GR|JU|LU|NE|NW|OW|SG|SH|SO|SZ|TG|TI|UR|VD|VS"
        rf"|ZG|ZH)\s\d{{3,6}}){E}",
    ),  # Schweiz
    ("licence_plate", r"(?<![\u0600-\u06ff])(?P<value>(?:[\u0621-\u064a]\s){2,3}\d{3,4})(?!\d)"),
    ("licence_plate", r"(?<!\d)(?P<value>\d{3,6}\s?-\s?[\u0621-\u064a]\s?-\s?\d{1,2})(?!\d)"),
)
_FIRST_DIGIT = re.compile(r"^(?:\(\?<!?[^()]*\)|\{B\})?\(\?P<value>\\d")


def _quick(pattern: str) -> str:
    """A value that begins with a digit: the rule fails at once elsewhere (a lookahead is
    cheaper than the lookbehind and groups it stands in front of)."""
    return rf"(?=\d){pattern}" if _FIRST_DIGIT.match(pattern) else pattern


Rule = tuple[str, re.Pattern[str], "re.Pattern[str] | None"]
RULES: tuple[Rule, ...] = tuple(
    (
        category,
        re.compile(_quick(pattern), FLAGS),
        re.compile(rf"{KB}(?:{_STARTS_WITH[pattern]}){KE}") if pattern in _STARTS_WITH else None,
    )
    for category, pattern in _RULES
)


def lowered(text: str) -> str:
    """The text in lower case, character for character (the offsets stay)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)
