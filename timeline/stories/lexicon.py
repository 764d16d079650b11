"""Words that decide whether two clauses report the same happening.

Stop words carry no happening ("said", "the", "on"); date words are the date, which
is compared on its own; concepts fold the news words that name one kind of happening
("election", "polls", "voters") onto one token; phases tell the start of a happening
from its end ("the strike began" and "the strike ended" are two stories).
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    a about above after again against ago all also am an and any are around as at away back
    be because been before being below between both but by can could did do does doing done
    down during each early earlier either else even ever every few first for from further
    get gets got had has have having he her here hers him his how however i if in into is it
    its itself just last late later least less like made make makes many may me might more
    most much must my near nearly never new next no nor not now of off on once one only onto
    or other our out over own per perhaps put rather really said same say saying says second
    see seen several she should since so some still such take taken takes than that the
    their them then there these they third this those though three through thus till to
    today told tomorrow too two under until up upon us very via was we well were what when
    where whether which while who whom whose why will with within without would yesterday
    yet you your according reported reports report added adding also announced statement
    spokesman spokeswoman official officials news agency told tell telling went go going goes
    gone came come comes coming held hold holds week weeks month months year years day days
    time times morning afternoon evening night tonight hour hours minute minutes weekend
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec mr mrs ms dr people thing things way ways part lot update updated updates
    et gmt est edt pm am p.m a.m live blog transcript aired
    """.split()
)

# Each concept: its token (upper case), then the words (lower case, as written) it folds;
# an indented line goes on with the words of the concept above.
_CONCEPTS = """
ELECTION
    election elections elected elect vote votes voted voting voter voters poll polls ballot ballots
    balloting referendum
DEATH die died dies dying death deaths dead killed kill kills killing killings fatal fatalities toll
ATTACK attack attacks attacked bomb bombs bombed bombing bombings blast blasts explosion explosions
    exploded explode suicide
QUAKE earthquake earthquakes quake quakes tremor tremors aftershock aftershocks seismic
COLLAPSE collapse collapsed collapses collapsing burst bursts breach breached breached gave crumbled
FLOOD flood floods flooded flooding floodwater floodwaters deluge
FIRE fire fires blaze blazes burned burning wildfire wildfires
ARREST arrest arrests arrested arresting detain detained detention custody
RESIGN resign resigns resigned resignation quit quits stepped oust ousted ouster toppled topple
    overthrow overthrown
PROTEST
    protest protests protested protesting protester protesters protestor protestors demonstration
    demonstrations demonstrators rally rallies marched
STRIKE strike strikes striking walkout
TRIAL trial trials court charged charges indicted indictment convicted sentenced verdict
CRASH crash crashes crashed crashing
SIGN signed signs signing treaty accord
MEET met meet meets meeting meetings summit talks
INVADE invade invaded invasion invading
ELECTED inauguration inaugurated sworn
OUTBREAK outbreak outbreaks pandemic epidemic infection infections infected cases case
VACCINE vaccine vaccines vaccination vaccinations vaccinated
"""

def _concepts(table: str) -> dict[str, str]:
    """Return word -> concept token; an upper-case token starts a concept's words."""
    concepts: dict[str, str] = {}
    concept = ""
    for token in table.split():
        if token.isupper():
            concept = token
        else:
            concepts[token] = concept
    return concepts


CONCEPTS: dict[str, str] = _concepts(_CONCEPTS)

# Words of a phase: a happening's start and its end are two happenings.
_PHASES = {
    "START": "began begin begins beginning started start starts starting launched launch "
             "launches opened opens erupted broke",
    "END": "ended end ends ending finished finish concluded conclude closed halted stopped "
           "called lifted",
}
PHASES: dict[str, str] = {
    word: phase for phase, words in _PHASES.items() for word in words.split()
}
