"""The phrase patterns event titles are cut by: clause and phrase breaks, reporting
and relative clauses, the words that lead into a date, verbs.

Kept apart from ``titles`` so the rules read as a list, each with an example.
"""

from __future__ import annotations

import re

MAX_TITLE = 80
MIN_TITLE = 45

# Clause boundaries strong enough that a second date usually belongs to another
# event: "Kim left on Sunday, and Putin arrived on Monday".
CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|whereas|after|before|when)\s+\S+\s+\S+\s+\S+)"
)
# Words after which a noun phrase starts: prepositions and "that".
PHRASE_HEADS = frozenset(
    "on in at of for to by from with into onto over under about against after before "
    "during since until near behind beyond that than".split()
)
LINK_WORDS = frozenset(
    "which who whose where when while as but and though although because whereas".split()
)
LEADING_LINK = re.compile(r"^(?:and|but|while|whereas|after|before|when|as)\s+", re.I)
QUOTES = "\"'`\u201c\u201d\u2018\u2019"
REPORTING = (
    r"(?:said|says|reported|reports|told\s+[\w\s]{1,30}?|added|announced|wrote"
    r"|according\s+to\s+[^,]{1,60}|citing\s+[^,]{1,60}|reportedly)"
)
# ", officials said," / ", Kyodo reported Tuesday,": a few words, the verb, at most two more.
REPORTING_ASIDE = re.compile(
    # (not after a closing quote: ",'' said X, representing ..." ends the statement)
    r",(?!\s*(?:''|[\"\u201d\u2019]))\s*(?:[^\s,]+\s+){0,5}?" + REPORTING
    + r"\b(?:\s+[^\s,]+){0,2}\s*,",
    re.I,
)
# ", witnesses said." or ",'' said Florida International's Fernandez, who ...":
# a reporting verb within a few words after a comma ends the statement proper.
REPORTING_TAIL = re.compile(
    r",\s*[" + "\"'`\u201d\u2019" + r"]*\s*(?:[^\s,]+\s+){0,6}?" + REPORTING + r"\b.*$", re.I
)
REPORTING_HEAD = re.compile(
    r"^[^,]{0,100}?\b(?:said|says|reported|announced|believes?|confirmed|told\s+\S+)\s+"
    r"(?:on\s+\S+\s+)?(?:it\s+is\s+believed\s+|it\s+was\s+believed\s+)?that\s+",
    re.I,
)
ACCORDING_HEAD = re.compile(r"^according\s+to\s+[^,]{1,80},\s*", re.I)
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,", re.I)
RELATIVE_TAIL = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*$", re.I)
# An opening adverbial ("In an apparent bid to ..., ", "However, ") is context, not
# the event; it is dropped when a main clause follows.
INTRO = re.compile(
    r"^(?:in|at|on|after|before|during|however|meanwhile|earlier|later|since|with|despite"
    r"|amid|under|as|while|when|following)\b[^,]{0,120},\s+(?=\S)",
    re.I,
)
# A title is cut only after its first verb, so it keeps subject and verb together.
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must"
    r"|shall|do|does|did|said|says|\w{3,}ed)\b",
    re.I,
)
# Where a long title may end: a comma, a preposition starting a side phrase, or a
# second verb phrase ("... and is scheduled to ..."); a plain "and" usually joins
# nouns ("the Kenyan and Tanzanian capitals"), so it is not one.
SOFT_BREAK = re.compile(
    r",\s+|\s+(?:to|as|after|for|with|amid|while)\s+"
    r"|\s+and\s+(?=(?:is|was|are|were|will|has|have|had|would|could)\b)"
)
# A phrase left hanging where a date was cut out: "indicted in the", "demonstrations of".
DANGLING_END = re.compile(
    r"(?:\s+(?:in|on|at|of|for|to|by|from|since|until|during|the|a|an|and))+$", re.I
)
# The date inside "X, who was imprisoned in the 1960s, ...": the relative clause is the event.
RELATIVE_OPEN = re.compile(r",\s*(?:who|which)\s+(?=[^,]*$)", re.I)
# What separates the phrases of two dates in one clause ("in 1983, followed by ... in 1984").
PHRASE_BREAK = re.compile(r",\s+|\s+and\s+")
