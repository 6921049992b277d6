"""Names of protected people: a personal name next to a word that marks a victim, a witness, a
minor or a complainant ("the victim Maria…", "la menor Lucía", "Ana, la víctima,", "потерпевшая
Иванова", "die Zeugin Frau Weber", "被害人王芳", "الضحية فاطمة").

Names of judges, defendants and colleagues are not looked for: only the people the
association's work protects. A name already reduced to initials ("the victim M.R.", "张某") or a
pseudonym ("Victim A") is not a name here. Where a script has capitals (Latin, Cyrillic), a
name is a run of capitalized words that are not common words of the eight languages (a role
word followed by "Support Unit" or by the day of the week is not a person); German capitalizes
its nouns, so there a lone word must be a known given name or follow a title. Chinese and
Arabic have no capitals: there a name is a known surname or given name, or follows a word that
introduces one ("名叫", "المدعوة").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from forum.confidential.shapes import lowered
from forum.confidential.vocabulary import (
    ARABIC_NAMES,
    ARABIC_ROLES,
    CHINESE_ROLES,
    CHINESE_SURNAMES,
    COMMON_WORDS,
    GERMAN_NAMES,
    GERMAN_ROLES,
    LATIN_ROLES,
    ROLE_WORDS,
    TITLE_WORDS,
    TITLES,
)


def _letters(test) -> str:
    """A character class's inside: the Latin, Greek and Cyrillic letters that pass ``test``."""
    return "".join(chr(code) for code in range(0x41, 0x530) if test(chr(code)))


_UPPER = _letters(str.isupper)
_LOWER = _letters(str.islower)
# Read with their case whatever the rule's flags: a name's words begin with a capital.
_WORD = rf"(?-i:[{_UPPER}][{_LOWER}'’]{{1,20}}(?:-[{_UPPER}][{_LOWER}]{{1,20}})?)"
_PARTICLE = r"(?-i:de|da|do|dos|das|del|de\s+la|van|von|der|di|le|la|ben|bin|al|el)"
_NAME = rf"(?P<name>{_WORD}(?:\s(?:{_PARTICLE}\s)?{_WORD}){{0,3}})"
# A second name joined to the first: "twins Marcus and Jaden Whitfield", "Finn und Mara".
_AND = re.compile(rf"\s(?:and|y|e|et|und|и|&)\s(?P<name>{_WORD}(?:\s{_WORD}){{0,2}})", re.UNICODE)
# What may stand between a role word and the name: a comma, a colon, "named", an age.
_INTRO = (
    r"named|called|known\s+as|like|such\s+as|un\s+certain|une\s+certaine|d[ée]nomm[ée]e?"
    r"|un\s+tal|una\s+tal|um\s+tal|uma\s+tal|некая|некий|eine\s+gewisse|ein\s+gewisser|llamad[ao]|de\s+nombre|nombrad[ao]|nomm[ée]e?|pr[ée]nomm[ée]e?"
    r"|appel[ée]e?|chamad[ao]|de\s+nome|по\s+имени|namens|mit\s+namen|genannt"
)
_AGE = (
    r"(?:\(\d{1,2}\)|,?\s?\d{1,2},|(?:de|aged|âgée?|com|von|в\s+возрасте)\s\d{1,2}"
    r"(?:\s(?:años|ans|anos|jahren|лет|years(?:\s+old)?))?,?)"
)
_TITLE = rf"(?:(?:{TITLES})\s)?"
# A name after these is a lawyer's, a judge's, a doctor's: not a protected person's.
_PROFESSIONAL = re.compile(
    r"(?:^|\s)(?:Me|Ma[îi]tre|Dr\.?|Prof\.?|Judge|Justice|Juez|Jueza|Richter(?:in)?|Avocat[e]?"
    r"|Abogad[oa]|Advogad[oa]|Rechtsanw[äa]lt(?:in)?|Anw[äa]lt(?:in)?|Lawyer|Counsel|судья"
    r"|адвокат|следователь|Staatsanw[äa]lt(?:in)?|Fiscal|Procureur|Promotor[a]?)\s*$"
)
# Words that tell a person's age or birth next to a name: "Lucas, 11 ans", "Лиза, 14 лет".
_AGED = re.compile(
    rf"{_NAME}(?:(?:,\s|\s\()\d{{1,2}}\s?(?:ans|años|anos|лет|года|год|Jahre|years|yrs|y/o)"
    rf"|,?\s(?:was\s+born|n[ée]e?\s+le|nacid[ao]\s+el|nascid[ao]\s+em|geboren\s+am"
    rf"|родил(?:ся|ась)))",
    re.UNICODE,
)
# A person naming themselves in a quoted statement.
_SELF = re.compile(
    rf"(?:my\s+name\s+is|me\s+llamo|mi\s+nombre\s+es|soy|je\s+m'appelle|je\s+suis|sou"
    rf"|named|called|chamad[ao]|llamad[ao]|nomm[ée]e?|namens|de\s+nome|de\s+nombre"
    rf"|meu\s+nome\s+[ée]|chamo-me|eu\s+sou\s+a|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist"
    rf"|меня\s+зовут|фамилия\s+(?:его|её|ее)|по\s+фамилии)\s{_NAME}",
    re.UNICODE | re.IGNORECASE,
)
_LATIN_ROLE = rf"(?:{LATIN_ROLES})"
_AFTER_ROLE = re.compile(
    rf"(?<![\w])(?P<role>{_LATIN_ROLE})(?:[’']s)?\s{{0,2}}(?:{_AGE}\s?)?"
    rf"(?:(?-i:[a-zà-ÿа-яё]{{2,15}})(?=[,:]))?(?:[,:(«\"“]\s?|\s[-–—]\s)?(?:(?:{_INTRO})\s)?(?P<title>{_TITLE}){_NAME}",
    re.UNICODE | re.IGNORECASE,
)
# Where the rules above can start, found first in a lower-cased copy (much faster than asking
# a rule of hundreds of case-insensitive words at every position).
_ROLES_AT = re.compile(rf"(?<!\w)(?:{LATIN_ROLES})")
_SELF_WORDS = re.compile(
    r"name|llamo|nombre|soy|appelle|suis|sou|called|chamad|llamad|nomm|namens|nome|chamo|hei"
    r"|зовут|фамили"
)
_BEFORE_ROLE = re.compile(
    rf"{_NAME}(?:\s?\(\d{{1,2}}\))?,?\s(?:\d{{1,2}},\s)?(?:\(|[-–—]\s)?"
    rf"(?:(?:entendue?|heard|interviewed|ouvid[ao]|vernommen|o[ií]d[ao])\s)?"
    rf"(?:(?:als|as|como|comme|в\s+качестве)\s)?"
    rf"(?:the|a|an|our|la|el|une?|le|o|die|der|das|eine?|la\s+joven|el\s+joven)?\s?"
    rf"(?:\d{{1,2}}-year-old\s)?(?P<role>{_LATIN_ROLE})(?!\w)",
    re.UNICODE | re.IGNORECASE,
)
_CHINESE = re.compile(
    rf"(?:{CHINESE_ROLES})(?:[，,：:、\s]|名叫|叫做|名为|叫)?"
    rf"(?P<name>(?:[{CHINESE_SURNAMES}](?![某]))[\u4e00-\u9fff]{{1,2}}|小[\u4e00-\u9fff](?![某]))"
)
_CHINESE_CALLED = re.compile(
    rf"(?:名叫|叫做|名为|我叫|我是)(?P<name>[{CHINESE_SURNAMES}][\u4e00-\u9fff]{{1,2}})"
    rf"|叫(?P<called>[{CHINESE_SURNAMES}][\u4e00-\u9fff]{{1,2}})的(?:{CHINESE_ROLES})"
)
_CHINESE_WORDS = re.compile(
    r"^(?:陈述|陈列|方面|方式|方法|高度|高中|高院|马上|金额|江苏|白天|常常|常见|温度|于是|关于"
    r"|周岁|周末|周边|任何|程序|安全|向法|向警|向公|向检|向其|向被|向家|向老|向学|向社|将其|余额"
    r"|何时|何种|黄色|石头|孔子|易于|林业|田地|雷同|龙头|毛病|严重|严格|武装|戴着|莫名|钱款|钱财"
    r"|汤某|向某|于某|高某|万元|许多|许可|杨某|江某|夏天|夏季|谢谢|唐突|韩国|冯某|邓某|曹某|苏州"
    r"|魏某|吕某|丁某|任某|沈某|姚某|卢某|姜某|崔某|钟某|谭某|陆某|汪某|范某|金某|石某|廖某)"
)
# Characters that follow a two-character name more often than they end a three-character
# one.
_CHINESE_AFTER_NAME = frozenset(
    "称说在的是被于向和与等曾已也都还就又将把对从为到住告表指认哭作出今年"
)
_CHINESE_BEFORE = re.compile(
    rf"(?P<name>[{CHINESE_SURNAMES}][\u4e00-\u9fff]{{1,2}})[（(](?:{CHINESE_ROLES})[）)]"
)
_ARABIC_INTRO = (
    r"السيدة|السيد|الآنسة|اسمي|(?:الحقيقي|الضحية|الطفلة|الطفل|الشاهدة|الشاهد)\sهو"
    r"|المدعوة|المدعو|المسماة|المسمى|واسمها|واسمه|اسمها|اسمه|تدعى|يدعى|تُدعى|يُدعى"
)
_ARABIC = re.compile(
    rf"(?:{ARABIC_ROLES})[\s،,:]{{1,3}}(?:(?:القاصرة?|الطفلة?|البالغة?\s+من\s+العمر\s+\d{{1,2}}\s+\S+)\s)?"
    rf"(?:(?:{_ARABIC_INTRO})\s)?(?P<name>[\u0600-\u06ff]{{2,20}}(?:\s[\u0600-\u06ff]{{2,20}}){{0,2}})"
)
_ARABIC_INTRODUCED = re.compile(
    rf"(?:{_ARABIC_INTRO})\s(?P<name>[\u0600-\u06ff]{{2,20}}(?:\s[\u0600-\u06ff]{{2,20}}){{0,2}})"
)
_ARABIC_STOP = frozenset(
    """
    في من على إلى الى عن مع أن ان التي الذي كانت كان قد لم لا ما هذه هذا أمام امام بعد قبل
    عند حيث ثم و أو بأن وقد وكانت البالغة البالغ تبلغ عمرها عمره سنة سنوات عاما عامًا
    """.split()
)


def _words(name: str) -> list[str]:
    return re.findall(rf"[{_UPPER}{_LOWER}'’\-]+", name)


def _person_like(word: str) -> bool:
    """A capital, then small letters: not an acronym ("SSN", "CrPC") nor a common word."""
    bare = re.sub(r"['’]s$", "", word).strip("'’-")
    if len(bare) < 2 or bare.lower() in COMMON_WORDS or bare.lower() in ROLE_WORDS:
        return False
    if not bare[:1].isupper():
        return False
    rest = bare[1:].replace("-", "").replace("'", "").replace("’", "")
    return rest.islower() or bare.startswith(("Mc", "Mac", "O'", "O’", "D'", "D’"))


def _trim(name: str, german: bool, titled: bool) -> str:
    """The name's words up to the first common word; '' when nothing person-like is left."""
    kept: list[str] = []
    for word in name.split(" "):
        if word.lower().rstrip(".") in TITLE_WORDS:
            if kept:
                break
            continue  # "Frau", "Mme": the name follows
        if not _person_like(word):
            break
        kept.append(re.sub(r"['’]s$", "", word))
    while kept and kept[-1].lower() in {"de", "da", "do", "dos", "das", "del", "van", "von"}:
        kept.pop()
    if not kept:
        return ""
    if german and not titled and len(kept) == 1 and kept[0] not in GERMAN_NAMES:
        return ""  # a German noun, most likely
    return " ".join(kept)


def _arabic_name(words: str, introduced: bool) -> str:
    kept: list[str] = []
    for word in words.split():
        bare = word.removeprefix("و") if word not in ARABIC_NAMES else word
        if word in _ARABIC_STOP or bare in _ARABIC_STOP:
            break
        if not kept and not introduced and word not in ARABIC_NAMES and not _nisba(words):
            return ""  # a noun, a verb or an adjective ("الطفلة المسجلة"), not a given name
        if kept and not introduced and not _family_part(word):
            break  # "فاطمة إنها…": the name ends where the sentence goes on
        kept.append(word.rstrip("،,.:؛"))
        if word[-1:] in "،,.:؛":
            break
    return " ".join(kept)


def find(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each protected person's name."""
    german = bool(re.search(r"\b(?:der|die|das|und|nicht|ist|wurde)\b", text))
    low = lowered(text)
    roles = [found.start() for found in _ROLES_AT.finditer(low)]
    latin: list[tuple[re.Pattern[str], Iterable[re.Match[str] | None]]] = [
        (_AFTER_ROLE, (_AFTER_ROLE.match(text, at) for at in roles)),
        (_BEFORE_ROLE, _BEFORE_ROLE.finditer(text) if roles else ()),
        (_AGED, _AGED.finditer(text)),
        (_SELF, _SELF.finditer(text) if _SELF_WORDS.search(low) else ()),
    ]
    for rule, matches in latin:
        for match in matches:
            if match is None:
                continue
            group = "name"
            if _PROFESSIONAL.search(text[max(0, match.start(group) - 20) : match.start(group)]):
                continue
            role = match.groupdict().get("role") or ""
            if (
                rule is _AFTER_ROLE
                and role[:1].isupper()
                and role.lower() not in GERMAN_ROLES
                and _sentence_start(text, match.start("role")) < 0
            ):
                continue  # "Child Abuse Unit", "Keeping Victims Informed": a title's words
            titled = bool(match.groupdict().get("title"))
            name = _trim(match.group(group), german, titled)
            start = match.start(group)
            if not name or len(name) <= 2 or name.endswith("."):
                continue
            lone = len(_words(name)) < 2 and name not in GERMAN_NAMES
            if rule is _BEFORE_ROLE and lone and start == _sentence_start(text, start):
                continue  # "Yesterday, the victim …": a capital, not a name
            if rule is _SELF and lone and name not in GERMAN_NAMES and not _quoted(text, start):
                continue  # "called Snapchat": one capitalized word, no quotation around it
            yield start, start + len(name)
            joined = _AND.match(text, start + len(name))
            if joined and (second := _trim(joined.group("name"), german, False)):
                yield joined.start("name"), joined.start("name") + len(second)
    for rule in (_CHINESE, _CHINESE_BEFORE, _CHINESE_CALLED):
        for match in rule.finditer(text):
            group = "name" if match.group("name") else "called"
            name = match.group(group)
            if len(name) == 3 and name[2] in _CHINESE_AFTER_NAME:
                name = name[:2]  # "王芳称…": the name, then "said"
            if not _CHINESE_WORDS.match(name):
                start = match.start(group)
                yield start, start + len(name)
    for rule, introduced in ((_ARABIC, False), (_ARABIC_INTRODUCED, True)):
        for match in rule.finditer(text):
            name = _arabic_name(match.group("name"), introduced or _introduced(match))
            if name:
                start = match.start("name")
                yield start, start + len(name)


def _family_part(word: str) -> bool:
    """A second or third part of an Arabic name: a given name, "الـ…" or "بن…"."""
    return word in ARABIC_NAMES or word.startswith(("ال", "بن", "ابن", "أبو", "ابو", "بنت"))


def _nisba(words: str) -> bool:
    """A given name and a family name of the common shape "العمري", "القحطاني"?"""
    parts = words.split()
    return (
        len(parts) >= 2
        and not parts[0].startswith(("ال", "بال", "لل", "وال", "و", "ف", "ب"))
        and parts[0] not in _ARABIC_STOP
        and parts[1].startswith("ال")
        and parts[1].endswith("ي")
        and len(parts[1]) >= 5
    )


def _introduced(match: re.Match[str]) -> bool:
    return bool(re.search(_ARABIC_INTRO, match.group()[: match.start("name") - match.start()]))


def _quoted(text: str, position: int) -> bool:
    """Is this inside a quotation (a statement read out)?"""
    before = text[max(0, position - 200) : position]
    pairs = (("«", "»"), ("“", "”"), ("„", "“"))
    return any(before.count(o) > before.count(c) for o, c in pairs) or (
        before.count('"') % 2 == 1 or before.count("'") % 2 == 1
    )


def _sentence_start(text: str, position: int) -> int:
    before = text[:position].rstrip(" \"'“«(")
    if not before or before[-1] in ".!?\n:;":
        return position
    return -1
