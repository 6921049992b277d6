"""The language a post is written in, guessed from its text by py3langid (model shipped).

Content is not limited to the site's eight languages: a post in Italian, Ukrainian or Turkish is
recorded as such. The detector knows about a hundred languages; those Django can name are kept
(a language shown to readers needs a name), regional variants fold into their language, and a
near-tie between a site language and a close neighbour (Spanish and Galician, Russian and
Bulgarian) goes to the site language, which is far likelier here.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from forum import limits

# py3langid's codes that are the site's languages under another name, or a variant of one.
FOLDED = {"zh": "zh-hans", "arz": "ar", "ary": "ar", "nn": "no", "uzs": "uz"}
MIN_PROBABILITY = 0.6
# A language outside the site's wins over the best site language only this clearly.
FOREIGN_WINS_AT = 0.9
SITE_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = {code for code in identifier.nb_classes if FOLDED.get(code, code) in LANG_INFO}
    identifier.set_languages(sorted(known))
    return identifier


def _ranked(text: str) -> list[tuple[str, float]]:
    totals: dict[str, float] = {}
    for code, probability in _identifier().rank(text):
        language = FOLDED.get(code, code)
        totals[language] = totals.get(language, 0.0) + float(probability)
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def detect_language(text: str, *, fallback: str) -> str:
    """The text's language code (a site code such as "zh-hans", or ISO 639-1 such as "it");
    ``fallback`` when the text is too short or unclear."""
    if sum(ch.isalpha() for ch in text) < limits.LANGUAGE_DETECTION_MIN_LETTERS:
        return fallback
    ranked = _ranked(text)
    code, probability = ranked[0]
    if code not in SITE_LANGUAGES and probability < FOREIGN_WINS_AT:
        site = next((item for item in ranked if item[0] in SITE_LANGUAGES), None)
        if site and site[1] >= 1 - FOREIGN_WINS_AT:
            code, probability = site[0], probability + site[1]
    if probability < MIN_PROBABILITY:
        return fallback
    return code


def is_known(code: str) -> bool:
    """A language the site can name (and so record a post in)."""
    return code in LANG_INFO


# Interface languages that write a language's name in lower case within a sentence ("traducido
# del inglés"), where Django's catalogs give it capitalized, as in a list.
LOWER_IN_SENTENCES = {"es", "fr", "pt", "ru"}


def language_name(code: str, *, in_sentence: bool = False) -> str:
    """The language's name in the active interface language ("espagnol" on a French page);
    ``in_sentence``: as it is written inside a sentence."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return _("an unknown language")
    if in_sentence and get_language() in LOWER_IN_SENTENCES:
        return name[:1].lower() + name[1:]
    return name


def other_languages() -> list[str]:
    """The languages a post may be in besides the site's, as the detector knows them."""
    known = {FOLDED.get(code, code) for code in _identifier().nb_classes}
    return sorted(code for code in known if code in LANG_INFO and code not in SITE_LANGUAGES)


_CHOICES: dict[tuple[str, str | None], list] = {}


def language_choices(*, auto: str | None = None) -> list:
    """A form's choices: the site's languages, then the others by name; ``auto`` labels a
    leading "detect it" choice (value ""). The same for every form of a page language: made
    once per language (some 150 names) and kept."""
    key = (get_language(), auto)
    if key not in _CHOICES:
        _CHOICES[key] = _language_choices(auto=auto)
    return _CHOICES[key]


def _language_choices(*, auto: str | None) -> list:
    site = [(code, language_name(code)) for code, _name in settings.LANGUAGES]
    others = sorted(((code, language_name(code)) for code in other_languages()), key=_by_name)
    choices: list = [("", auto)] if auto else []
    return [*choices, (_("Site languages"), site), (_("Other languages"), others)]


def _by_name(choice: tuple[str, str]) -> str:
    return str(choice[1]).casefold()
