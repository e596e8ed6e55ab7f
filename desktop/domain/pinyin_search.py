"""Finding people the way coordinators type: Chinese, full pinyin, pinyin initials, or a mix of them.

A name's search text holds the name, its pinyin without spaces and its initials (吴大义 →
``吴大义\x1fwudayi\x1fwdy``); a query is turned into the forms that can match it, so one
``LIKE`` finds it.  Chinese characters in a mixed query must also appear in the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.domain.text import clean_text, compact_text

SEPARATOR = "\x1f"  # nobody types it, so a match never runs from one part into the next

# Surnames read otherwise than the everyday word (pypinyin reads the word): a name sorts by the surname's
# reading, and is found by either.
_SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
    "缪": "miao", "乐": "yue", "覃": "qin", "翟": "zhai", "召": "shao", "种": "chong", "秘": "bi", "繁": "po",
    "员": "yun", "句": "gou", "折": "she", "万": "wan", "沈": "shen", "占": "zhan",
    "宿": "su", "郇": "xun", "华": "hua", "任": "ren", "冼": "xian", "相": "xiang", "藏": "zang", "薄": "bo",
}
# Readings people also type for a surname usually read as the word is (牟 Móu, 尉 Wèi): found, not sorted, by them.
_ALSO_TYPED = {"牟": "mu", "尉": "yu"}
# The two-character surnames (desktop/domain/names.py COMPOUND_SURNAMES) whose first character alone reads
# otherwise (万俟 Mòqí, not Wàn): sorted as a whole, by these readings.
COMPOUND_READINGS = {"万俟": ("mo", "qi"), "单于": ("chan", "yu"), "尉迟": ("yu", "chi"), "乐正": ("yue", "zheng")}

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """Whether the text has a Chinese character."""
    return _HAN.search(text) is not None


def _pinyin(text: str, errors) -> list[str]:
    # pypinyin loads its dictionaries on import (a third of a second): only when a name is first read,
    # not while the app starts.
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors=errors)


@lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    return _pinyin(char, "ignore")[0] if _HAN.match(char) else char.lower()


def _syllables(text: str) -> list[str]:
    # The whole name at once, so pypinyin's phrase rules pick the reading of a polyphonic character.
    if not _HAN.search(text):
        return [text.lower()]
    return [syllable.lower() for syllable in _pinyin(text, lambda s: list(s))]


def name_search_text(name: str) -> str:
    """The text a name is searched by: the name, its full pinyin and its initials, lower-case.

    A surname read otherwise than the everyday word (单 Shàn, 曾 Zēng, 解 Xiè) adds its other readings,
    so a coordinator finds the person whichever reading they type.
    """
    name = compact_text(name)
    syllables = [s for s in _syllables(name) if s.strip()]
    parts = [name.lower()]
    readings = [syllables[0]] if syllables else []
    surname = _SURNAME_READINGS.get(name[:1]) or _ALSO_TYPED.get(name[:1])
    if syllables and surname and surname != syllables[0]:
        readings.append(surname)
    for first in readings:
        rest = [first, *syllables[1:]]
        parts += ["".join(rest), "".join(s[0] for s in rest if s)]
    return SEPARATOR.join(parts)


def _read_as_name(name: str) -> list[str]:
    """A name's syllables as the name is read: its surname as a surname (曾 zeng, 单 shan, 万俟 mo qi)."""
    syllables = _syllables(name)
    compound = COMPOUND_READINGS.get(name[:2])
    if compound is not None and len(syllables) >= 2:
        return [*compound, *syllables[2:]]
    surname = _SURNAME_READINGS.get(name[:1])
    if surname is not None and syllables:
        return [surname, *syllables[1:]]
    return syllables


# Kept between calls: a list read again, or the same team beside 30,000 volunteers, is not read again.
@lru_cache(maxsize=50_000)
def sort_key(name: str) -> str:
    """Names sort by pinyin, as in a Chinese phone book, a surname by its reading as a surname (曾 under Z);
    then by the characters themselves."""
    name = clean_text(name)
    return " ".join(_read_as_name(compact_text(name))) + SEPARATOR + name


# Enough of a long text (a title, a note) to order it by: reading a paragraph's pinyin costs a millisecond.
_TEXT_KEY_LENGTH = 40


@lru_cache(maxsize=50_000)
def text_sort_key(text: str) -> str:
    """Other Chinese text (a team's name, a place, a title) sorts by the pinyin of its everyday reading
    (单位 dan wei), then by the characters themselves."""
    text = clean_text(text)
    return " ".join(_syllables(compact_text(text)[:_TEXT_KEY_LENGTH])) + SEPARATOR + text


def surnames_read_otherwise() -> frozenset[str]:
    """The first characters of the names whose sort key the surname rule changes (to find the stored keys a
    change of the rule makes stale)."""
    return frozenset(_SURNAME_READINGS) | frozenset(name[:1] for name in COMPOUND_READINGS)


@dataclass(frozen=True)
class NameQuery:
    """The forms a typed query can match, and the Chinese characters the name must hold."""

    patterns: tuple[str, ...]
    han: str

    def matches_name(self, name: str) -> bool:
        """The exact rule: one of the patterns matches and every Chinese character typed is in the name."""
        text = name_search_text(name)
        return any(pattern in text for pattern in self.patterns) and all(ch in name for ch in self.han)


def name_query(text: str) -> NameQuery | None:
    """The forms of ``text`` to look for in name search texts, or None for an empty query."""
    query = re.sub(r"['’]", "", compact_text(text)).lower()
    if not query:
        return None
    han = "".join(_HAN.findall(query))
    if not han or han == query:
        return NameQuery((query,), "")
    # Mixed: the Chinese characters stand for their pinyin, in full or as initials (吴dy, wu大yi).
    full = "".join(_syllable(ch) for ch in query)
    initials = "".join(_syllable(ch)[0] if _HAN.match(ch) else ch for ch in query)
    return NameQuery((full, initials) if initials != full else (full,), han)


def is_number_query(text: str) -> bool:
    """Digits (and a final X) are looked for in phone numbers and at the end of ID numbers."""
    return bool(re.fullmatch(r"\d+[xX]?", re.sub(r"[\s\-]", "", clean_text(text))))
