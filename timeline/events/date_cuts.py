"""How a date phrase leaves a title: with the words that lead into it ("at about
10:35 a.m. (0735 GMT)"), alone where it names a thing ("in the Oct. 23 shooting"), or
not at all where the clause needs it ("Today is a sad day", "between 1982 and 1992",
"as soon as Tuesday"). A cut never leaves a preposition, an article or a parenthesis
hanging."""

from __future__ import annotations

import re

from timeline.events.narrative import IRREGULAR_PAST
from timeline.events.phrases import VERB

# The words that lead into a date and go with it: a participle ("starting"), a hedge
# ("shortly", "right"), a preposition and an approximation ("at about"), an article.
LEAD = re.compile(
    r"(?:,\s*)?\b(?:(?:starting|beginning|effective)\s+)?"
    r"(?:(?:right|just|shortly|soon|only|even|sometime|some\s+time|(?:way\s+)?back|up|all)\s+)?"
    r"(?:(?:on|in|at|of|during|since|by|from|until|till|through|as\s+of|earlier|later|after"
    r"|before|between)\b\s*)?"
    r"(?:(?:the|a|an)\s+)?$",
    re.I,
)
# Before a clock time or a number only: "at about 10:35 a.m.", "around midday" (in
# "we told you about earlier this month" the "about" is the verb's).
APPROXIMATE_LEAD = re.compile(
    LEAD.pattern.replace(r"(?:(?:the|a|an)\s+)?$", r"(?:(?:about|around|approximately|roughly"
                         r"|nearly|almost|precisely|exactly|some)\s+)?(?:(?:the|a|an)\s+)?$"),
    re.I,
)
CLOCK_LIKE = re.compile(r"(?:\d|noon|midday|midnight|dawn|dusk|daybreak)", re.I)
# After a clock time: its equivalent in another zone "(0735 GMT)", "local time".
TRAILER = re.compile(
    r"^(?:\s*\((?:[^()]{0,24}\b(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|ET|PT|local\s+time)\b"
    r"[^()]{0,12})\)|,?\s+local\s+time\b)",
    re.I,
)
# Words before a date the clause cannot do without: "between 1982 and 1992", "as soon
# as Tuesday", "not until Monday", "more than a year ago", "it's not tonight".
KEEP_LEAD = re.compile(
    r"\b(?:between|than|not|n't|as\s+(?:soon|early|late|recently|long|far\s+back)\s+as)\s*$",
    re.I,
)
# Before a date that is the subject of its clause ("as Easter week began").
SUBJECT_LEAD = re.compile(
    r"(?:^|\b(?:as|when|while|and|but|that|because|if|so)\s+|[\"'`\u201c\u2018(]\s*)$", re.I
)
DETERMINER = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our|your|\w+['\u2019]s)\s+$",
                        re.I)
POSSESSIVE = re.compile(r"^['\u2019]s\b")
# Words that are not the noun a date modifies ("the Aug. 7 bombing"): function words.
FUNCTION_WORDS = frozenset(
    "on in at of for to by from with into onto over under about against after before during "
    "since until till near behind beyond that than and or but as when while where which who "
    "the a an this these those it he she they we i you his her its their our was were is "
    "are be been has have had will would could can may might should must did do does not "
    "through around".split()
)
# A word that must not end a title or come right before a comma: it leads into something.
HANGING = frozenset(
    "on in at of for to by from with into about against after before during since until till "
    "between than as the a an around approximately nearly almost some right just shortly "
    "starting beginning into up is was are were be been".split()
)
_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")


def date_cut(
    sentence: str, start: int, end: int, floor: int, joined: bool = False
) -> tuple[int, int, str] | None:
    """Return how the date at [start, end) of ``sentence`` leaves a title as
    (cut_start, cut_end, replacement), or None when the title must keep it.
    ``floor`` is where the text the title is drawn from starts; ``joined`` says the
    span is a whole range ("1982 and 1992", led by "between")."""
    before = sentence[floor:start]
    after = sentence[end:]
    if not joined and (KEEP_LEAD.search(before) or _in_range(before, after)):
        return None
    possessive = POSSESSIVE.match(after)
    rest = after[possessive.end():] if possessive else after
    next_word = _first_word(rest)
    if _is_verb(next_word) and rest[:1] != "," and SUBJECT_LEAD.search(before):
        return None  # "Today is a sad day", "as Easter week began"
    if possessive or (DETERMINER.search(before) and _is_noun(next_word, rest)):
        # The date names a thing: "the Oct. 23 shooting", "last month's shooting death".
        cut_end = end + (possessive.end() if possessive else 0)
        comma = re.match(r",\s*(?=[a-z])", sentence[cut_end:])
        if comma and DETERMINER.search(before):  # "the Dec. 21, 1988, bombing"
            cut_end += comma.end()
        replacement = "" if DETERMINER.search(before) or not possessive else "the "
        return start, cut_end, replacement
    lead = (APPROXIMATE_LEAD if CLOCK_LIKE.match(sentence, start) else LEAD).search(before)
    cut_start = floor + lead.start() if lead else start
    trailer = TRAILER.match(after)
    cut_end = end + (trailer.end() if trailer else 0)
    if not sentence[floor:cut_start].strip() and re.match(r"\s*,", sentence[cut_end:]):
        cut_end += len(re.match(r"\s*,", sentence[cut_end:]).group(0))  # type: ignore[union-attr]
    return cut_start, cut_end, ""


def leaves_hanging(kept_before: str, kept_after: str) -> bool:
    """Return True when cutting between ``kept_before`` and ``kept_after`` leaves a word
    that leads into nothing ("declined between", "at about (0735 GMT)")."""
    words = _WORD.findall(kept_before[-40:])
    last = words[-1].lower() if words and not kept_before.rstrip().endswith((",", ";")) else ""
    following = kept_after.lstrip()
    if following.startswith(("(", ")", "--", "\u2014", "\u2013")):
        return True  # "(0735 GMT)", "tapped -- Police Day and a national holiday --"
    if len(kept_before.rsplit(",", 1)[-1].split()) == 1 and following.startswith(","):
        return True  # "Born, Matt left school", "The curfew, imposed, was extended"
    if last not in HANGING:
        return False
    if len(words) > 1 and is_particle(words[-2], last):
        return False
    return not following or following[0] in ",.;:!?)" or _first_word(following) in ("and", "or")


def is_particle(verb: str, word: str) -> bool:
    """Return True when ``word`` after ``verb`` is the verb's own particle, not a
    preposition left hanging: "Fighting went on", "the talks dragged on"."""
    return word.lower() in ("on", "up") and _is_verb(verb.lower())


def _in_range(before: str, after: str) -> bool:
    """Return True for a date that is one end of a range in words ("from 1985 to 1988",
    "1982 and 1992" after "between")."""
    if re.search(r"\bbetween\s+\S[^,;]{0,30}\band\s*$", before, re.I):
        return True
    return bool(re.search(r"\bfrom\s*$", before, re.I) and re.match(
        r"\s*(?:to|until|till|through)\s+\S", after, re.I))


def _first_word(text: str) -> str:
    match = _WORD.match(text.lstrip())
    return match.group(0).lower().rstrip(".") if match else ""


def _is_verb(word: str) -> bool:
    if not word or word in FUNCTION_WORDS - {"was", "were", "is", "are", "has", "have", "had",
                                              "will", "would", "could", "can", "may", "might"}:
        return False
    return bool(VERB.fullmatch(word)) or word in IRREGULAR_PAST


def _is_noun(word: str, rest: str) -> bool:
    """Return True when ``word`` (first of ``rest``) can be the noun a date modifies."""
    if not word or word in FUNCTION_WORDS or rest[:1] in ",;.":
        return False
    return not word.endswith("ly")
